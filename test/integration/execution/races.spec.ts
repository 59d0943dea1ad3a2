import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../../src/core/clock';
import { DecisionService } from '../../../src/decision/decision.service';
import { ExecutionService } from '../../../src/execution/execution.service';
import { PositionMonitor } from '../../../src/positions/position-monitor.service';
import { JobName, QueueName, QueueService } from '../../../src/queues';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { PIPELINE_SECRET, scriptSpyMarket, signedPost } from '../decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: the options session is open. */
const NOW = '2026-02-13T15:30:00.000Z';
const EARLIER = '2026-02-13T15:00:00.000Z';
/** The chain scriptSpyMarket pushes quotes calls at mid 3.45 + (596 - strike) x 0.5, one cent either side. */
const callSymbol = (strike: number) => `SPY260220C00${strike}000`;

interface PositionFixture {
  optionSymbol: string;
  quantity: number;
  entryPrice: string;
}

/** An open `positions` row as the executor would have left it (SPY call, engine A); returns its position_id. */
async function insertPosition(dataSource: DataSource, p: PositionFixture): Promise<string> {
  const strike = Number(p.optionSymbol.slice(-8)) / 1000;
  const [row] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, high_water_price, status, entry_timestamp, engine, last_updated)
     VALUES ('SPY', $1, $2, '2026-02-20', 'call', 'long', $3, $4, $4, $4, 'open', $5, 'A', $5)
     RETURNING position_id`,
    [p.optionSymbol, strike, p.quantity, p.entryPrice, EARLIER],
  );
  return row.position_id;
}

/** A pending opening paper order (not enqueued: the test decides who executes it); returns its order_id. */
async function insertOpeningOrder(dataSource: DataSource, optionSymbol: string, quantity: number): Promise<string> {
  const strike = Number(optionSymbol.slice(-8)) / 1000;
  const [row] = await dataSource.query<{ order_id: string }[]>(
    `INSERT INTO orders (intent, symbol, option_symbol, strike, expiration, type, quantity, order_type, status, engine,
                         created_at, updated_at)
     VALUES ('open', 'SPY', $1, $2, '2026-02-20', 'call', $3, 'paper', 'pending_execution', 'A', $4, $4)
     RETURNING order_id`,
    [optionSymbol, strike, quantity, NOW],
  );
  return row.order_id;
}

describe('paper execution races (real PostgreSQL, Redis and BullMQ)', () => {
  let t: Started;
  let queues: QueueService;
  let execution: ExecutionService;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        // One exit alert per round, all on SPY long: none is a webhook duplicate.
        SIGNAL_DEDUP_WINDOW_SECONDS: '0',
        // The test runs the exit monitor itself (the positions queue is paused); no outbox sweep joins in.
        POSITION_REFRESHER_INTERVAL: '3600000',
        OUTBOX_SWEEP_INTERVAL_MS: '3600000',
        MARKET_DATA_QUOTE_TTL_MS: '0',
      },
    });
    queues = t.app.get(QueueService);
    execution = t.app.get(ExecutionService);
    await scriptSpyMarket(t.url, NOW);
    // Only the test's own monitor call may race: the scheduled and market-update mark passes stay queued.
    const positionsQueue = queues.queue(QueueName.Positions);
    await positionsQueue.pause();
    await eventually(async () => (await positionsQueue.getActiveCount()) === 0);
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  async function tradesOf(positionId: string) {
    return t.dataSource.query<{ intent: string; fill_quantity: number; order_id: string }[]>(
      'SELECT intent, fill_quantity, order_id FROM trades WHERE position_id = $1 ORDER BY fill_timestamp, intent',
      [positionId],
    );
  }

  async function positionOf(positionId: string) {
    const [row] = await t.dataSource.query<
      { status: string; quantity: number; entry_price: string; exit_reason: string | null }[]
    >('SELECT status, quantity, entry_price, exit_reason FROM positions WHERE position_id = $1', [positionId]);
    return row;
  }

  describe('the exit monitor, a manual close and an exit alert on the same position', () => {
    /**
     * Each round a fresh position on another strike, bought at 0.50: the chain's mid is far past the 50% target. Fired
     * together, the HTTP close (one statement) tends to win; later rounds hold it back a few milliseconds so the
     * monitor and the alert get their chance. Whoever wins, the assertions are the same.
     */
    const rounds: [number, number][] = [
      [590, 0],
      [592, 0],
      [594, 15],
      [596, 40],
      [598, 80],
    ];

    it.each(rounds)(
      'round on the %i call (manual close %i ms late): exactly one closing order, the losers get 409 / not_open / no order',
      async (strike, manualDelayMs) => {
        const positionId = await insertPosition(t.dataSource, {
          optionSymbol: callSymbol(strike),
          quantity: 2,
          entryPrice: '0.5000',
        });

        // The exit alert goes through the webhook and its enrichment; its decision is held back (queue paused) so
        // the test fires it together with the other two.
        const decisions = queues.queue(QueueName.Decisions);
        await decisions.pause();
        let signalId: string;
        try {
          const alert = await signedPost(t.url, '/webhook', {
            symbol: 'SPY',
            action: 'exit',
            direction: 'long',
            timeframe: '5m',
            timestamp: new Date(Date.parse(NOW) - strike * 1000).toISOString(),
          });
          expect(alert.status).toBe(200);
          signalId = alert.body.signal_id as string;
          await eventually(async () => {
            const rows = await t.dataSource.query<unknown[]>('SELECT 1 FROM signal_enrichments WHERE signal_id = $1', [
              signalId,
            ]);
            return rows.length > 0;
          });

          const [marked, manual, decided] = await Promise.all([
            t.app.get(PositionMonitor).markAndEvaluate('SPY'),
            new Promise((resolve) => setTimeout(resolve, manualDelayMs)).then(() =>
              request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({ reason: 'manual' }),
            ),
            t.app.get(DecisionService).decide(signalId),
          ]);

          const closing = await t.dataSource.query<
            { order_id: string; signal_id: string | null; exit_reason: string }[]
          >(`SELECT order_id, signal_id, exit_reason FROM orders WHERE position_id = $1 AND intent = 'close'`, [
            positionId,
          ]);
          expect(closing).toHaveLength(1);

          // The monitor either saw the position open and asked (profit target), or already saw it closing and let it be.
          const monitorExit = marked.exits.find((e) => e.positionId === positionId);
          if (monitorExit) {
            expect(monitorExit.code).toBe('profit_target');
          }
          const winners = [
            monitorExit?.outcome === 'closing' ? 'profit_target' : null,
            manual.status === 202 ? 'manual' : null,
            closing[0].signal_id === signalId ? 'exit_signal' : null,
          ].filter((w): w is string => w !== null);
          expect(winners).toEqual([closing[0].exit_reason]);

          // The losers: the monitor was told not_open (or skipped a closing position), the HTTP close 409, the alert
          // placed no order.
          if (monitorExit && monitorExit.outcome !== 'closing') {
            expect(monitorExit.outcome).toBe('not_open');
          }
          if (manual.status !== 202) {
            expect(manual.status).toBe(409);
            expect(manual.body).toMatchObject({ reason_code: 'position_not_open' });
          } else {
            expect(manual.body).toMatchObject({ position_id: positionId, order_id: closing[0].order_id });
          }
          expect(decided.kind).toBe('decided');
          const alertOrders = await t.dataSource.query<unknown[]>('SELECT 1 FROM orders WHERE signal_id = $1', [
            signalId,
          ]);
          expect(alertOrders).toHaveLength(winners[0] === 'exit_signal' ? 1 : 0);
        } finally {
          await decisions.resume();
        }

        // After execution (the worker fills the closing order at the chain's mid): one close trade, closed.
        await eventually(async () => (await positionOf(positionId)).status === 'closed', 10_000);
        const trades = await tradesOf(positionId);
        expect(trades).toEqual([expect.objectContaining({ intent: 'close', fill_quantity: 2 })]);
        // The held-back decision job, released, changes nothing.
        await eventually(async () => (await decisions.getJobCounts('waiting', 'active')).waiting === 0);
        expect(await tradesOf(positionId)).toHaveLength(1);
        const [{ n }] = await t.dataSource.query<{ n: number }[]>(
          `SELECT COUNT(*)::int AS n FROM orders WHERE position_id = $1`,
          [positionId],
        );
        expect(n).toBe(1);
      },
    );
  });

  describe('a killed execution job run again', () => {
    it('the same order executed twice at once and once more after: one trade, one position', async () => {
      const orderId = await insertOpeningOrder(t.dataSource, callSymbol(600), 3);

      const outcomes = await Promise.all([execution.execute(orderId), execution.execute(orderId)]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['filled', 'skipped']);
      const filled = outcomes.find((o) => o.kind === 'filled');
      expect(filled).toMatchObject({ kind: 'filled', price: '1.4500', closed: false });
      const positionId = (filled as { positionId: string }).positionId;

      expect(await execution.execute(orderId)).toEqual({ kind: 'skipped', reason: 'not_pending' });
      expect(await tradesOf(positionId)).toEqual([{ intent: 'open', fill_quantity: 3, order_id: orderId }]);
      expect(await positionOf(positionId)).toMatchObject({ status: 'open', quantity: 3, entry_price: '1.4500' });
    });

    it('a completed BullMQ job retried (re-run after a kill) leaves one trade and the quantity unchanged', async () => {
      const orderId = await insertOpeningOrder(t.dataSource, callSymbol(592), 4);
      await queues.enqueue(JobName.ExecuteOrder, { orderId });
      const executions = queues.queue(QueueName.Executions);
      const first = await eventually(async () => {
        const job = await executions.getJob(`order-${orderId}`);
        return job && (await job.getState()) === 'completed' ? job : undefined;
      });
      expect(first.returnvalue).toMatchObject({ kind: 'filled' });
      const positionId = (first.returnvalue as { positionId: string }).positionId;
      const firstFinishedOn = first.finishedOn as number;

      await first.retry('completed');
      const rerun = await eventually(async () => {
        const job = await executions.getJob(`order-${orderId}`);
        return job && (job.finishedOn ?? 0) > firstFinishedOn && (await job.getState()) === 'completed'
          ? job
          : undefined;
      });
      expect(rerun.returnvalue).toEqual({ kind: 'skipped', reason: 'not_pending' });

      expect(await tradesOf(positionId)).toEqual([{ intent: 'open', fill_quantity: 4, order_id: orderId }]);
      expect(await positionOf(positionId)).toMatchObject({ status: 'open', quantity: 4, entry_price: '5.4500' });
      const [order] = await t.dataSource.query<{ status: string; position_id: string }[]>(
        'SELECT status, position_id FROM orders WHERE order_id = $1',
        [orderId],
      );
      expect(order).toEqual({ status: 'filled', position_id: positionId });
    });
  });

  describe('an opening fill for an option already held by the same engine', () => {
    it('adds to the position at the quantity-weighted entry price (exact NUMERIC) instead of opening a second', async () => {
      // 3 held at 2.1111, 2 more filled at the 594 call's mid 4.45: (3 x 2.1111 + 2 x 4.45) / 5 = 3.04666 -> 3.0467.
      const held = await insertPosition(t.dataSource, {
        optionSymbol: callSymbol(594),
        quantity: 3,
        entryPrice: '2.1111',
      });
      const orderId = await insertOpeningOrder(t.dataSource, callSymbol(594), 2);

      const outcome = await execution.execute(orderId);
      expect(outcome).toMatchObject({ kind: 'filled', positionId: held, price: '4.4500', closed: false });

      expect(await positionOf(held)).toMatchObject({ status: 'open', quantity: 5, entry_price: '3.0467' });
      const live = await t.dataSource.query<{ position_id: string }[]>(
        `SELECT position_id FROM positions WHERE option_symbol = $1 AND engine = 'A' AND status <> 'closed'`,
        [callSymbol(594)],
      );
      expect(live).toEqual([{ position_id: held }]);
      expect(await tradesOf(held)).toEqual([{ intent: 'open', fill_quantity: 2, order_id: orderId }]);
      const [order] = await t.dataSource.query<{ status: string; position_id: string }[]>(
        'SELECT status, position_id FROM orders WHERE order_id = $1',
        [orderId],
      );
      expect(order).toEqual({ status: 'filled', position_id: held });
    });
  });
});
