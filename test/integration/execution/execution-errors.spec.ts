import type { DataSource } from 'typeorm';
import { ManualClock } from '../../../src/core/clock';
import { EXECUTION_ERROR } from '../../../src/execution/execution.processor';
import { OutboxService } from '../../../src/outbox/outbox.service';
import { JobName, QueueName, QueueService } from '../../../src/queues';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { WEBHOOK_MARKET_ENV } from '../decision/pipeline-helpers';
import { insertPosition, positionOf, pushChain } from './position-fixtures';

/** Friday 2026-02-13 10:30 New York: the options session is open. */
const NOW = '2026-02-13T15:30:00.000Z';
const CALL = 'SPY260220C00598000';
/** One live position per contract and engine: the second test trades another strike. */
const OTHER_CALL = 'SPY260220C00600000';
/** The contract's options (5 attempts, exponential from 1 s) made quick; the processor reads attempts from the job. */
const QUICK = { attempts: 2, backoff: { type: 'fixed', delay: 50 } };

/** A closing order for the whole position, as PositionCloser leaves it (position closing, order pending). */
async function insertClosingOrder(dataSource: DataSource, positionId: string, at: string): Promise<string> {
  await dataSource.query(
    `UPDATE positions SET status = 'closing', closing_quantity = quantity, exit_reason = 'manual'
      WHERE position_id = $1`,
    [positionId],
  );
  const [row] = await dataSource.query<{ order_id: string }[]>(
    `INSERT INTO orders (position_id, intent, symbol, option_symbol, strike, expiration, type, quantity, order_type,
                         status, engine, exit_reason, created_at, updated_at)
     SELECT position_id, 'close', symbol, option_symbol, strike, expiration, type, quantity, 'paper',
            'pending_execution', engine, 'manual', $2, $2
       FROM positions WHERE position_id = $1
     RETURNING order_id`,
    [positionId, at],
  );
  return row.order_id;
}

/** Real PostgreSQL errors on demand: a trigger refusing what `condition` matches on `table`. */
async function refuse(dataSource: DataSource, name: string, table: string, condition: string): Promise<void> {
  await dataSource.query(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF ${condition} THEN RAISE EXCEPTION '${name}: refused for the test'; END IF;
       RETURN NEW;
     END $$`,
  );
  await dataSource.query(
    `CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
}

async function allow(dataSource: DataSource, name: string, table: string): Promise<void> {
  await dataSource.query(`DROP TRIGGER ${name} ON ${table}`);
  await dataSource.query(`DROP FUNCTION ${name}()`);
}

async function orderOf(dataSource: DataSource, orderId: string) {
  const [row] = await dataSource.query<{ status: string; failure_reason: string | null }[]>(
    'SELECT status, failure_reason FROM orders WHERE order_id = $1',
    [orderId],
  );
  return row;
}

describe('execution errors other than the quote (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        ...WEBHOOK_MARKET_ENV,
        FILL_MODEL: 'cross',
        // No mark passes: nothing but the test closes positions.
        WORKER_QUEUES: 'signals,decisions,executions,feedback,alerts',
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  it('gives the order up as execution_error once its attempts are spent, and the position back', async () => {
    const positionId = await insertPosition(t.dataSource, CALL, 598, 7, '3.0000', t.clock.now().toISOString());
    await pushChain(t, { [CALL]: { bid: 3.9, ask: 3.94 } });
    const orderId = await insertClosingOrder(t.dataSource, positionId, t.clock.now().toISOString());
    await refuse(t.dataSource, 'refuse_trade_of_7', 'trades', 'NEW.fill_quantity = 7');
    try {
      await t.app.get(QueueService).enqueue(JobName.ExecuteOrder, { orderId }, QUICK);
      const failed = await eventually(async () => {
        const row = await orderOf(t.dataSource, orderId);
        return row.status === 'failed' ? row : undefined;
      });
      expect(failed).toEqual({ status: 'failed', failure_reason: EXECUTION_ERROR });
      expect(await positionOf(t.dataSource, positionId)).toMatchObject({ status: 'open', quantity: 7 });
      expect(await t.dataSource.query('SELECT 1 FROM trades WHERE order_id = $1', [orderId])).toEqual([]);
    } finally {
      await allow(t.dataSource, 'refuse_trade_of_7', 'trades');
    }
  });

  it('when not even the failure can be written, the outbox retries the job after the grace period and it fills', async () => {
    t.clock.advance(60_000);
    const positionId = await insertPosition(t.dataSource, OTHER_CALL, 600, 8, '3.0000', t.clock.now().toISOString());
    await pushChain(t, { [OTHER_CALL]: { bid: 3.9, ask: 3.94 } });
    const orderId = await insertClosingOrder(t.dataSource, positionId, t.clock.now().toISOString());
    // The database refuses the fill and the failure alike (as if down for the whole backoff).
    await refuse(t.dataSource, 'refuse_trade_of_8', 'trades', 'NEW.fill_quantity = 8');
    await refuse(t.dataSource, 'refuse_failing_8', 'orders', `NEW.quantity = 8 AND NEW.status = 'failed'`);
    const executions = t.app.get(QueueService).queue(QueueName.Executions);
    try {
      await t.app.get(QueueService).enqueue(JobName.ExecuteOrder, { orderId }, QUICK);
      await eventually(async () => (await executions.getJob(`order-${orderId}`))?.isFailed());
    } finally {
      await allow(t.dataSource, 'refuse_failing_8', 'orders');
      await allow(t.dataSource, 'refuse_trade_of_8', 'trades');
    }
    expect(await orderOf(t.dataSource, orderId)).toEqual({ status: 'pending_execution', failure_reason: null });
    expect(await positionOf(t.dataSource, positionId)).toMatchObject({ status: 'closing' });

    // The database is back. Past the grace period the sweep finds the order pending with a failed job.
    t.clock.advance(31_000);
    await pushChain(t, { [OTHER_CALL]: { bid: 3.9, ask: 3.94 } });
    const swept = await t.app.get(OutboxService).sweep({ full: true });
    expect(swept.orders).toBe(1);
    const filled = await eventually(async () => {
      const row = await orderOf(t.dataSource, orderId);
      return row.status === 'filled' ? row : undefined;
    });
    expect(filled.failure_reason).toBeNull();
    expect(await positionOf(t.dataSource, positionId)).toMatchObject({ status: 'closed' });
    // Filled: a later sweep has nothing to retry.
    t.clock.advance(31_000);
    expect((await t.app.get(OutboxService).sweep({ full: true })).orders).toBe(0);
  });
});
