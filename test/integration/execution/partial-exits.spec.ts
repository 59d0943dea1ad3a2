import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../../src/core/clock';
import { ExecutionService } from '../../../src/execution/execution.service';
import { PositionMonitor } from '../../../src/positions/position-monitor.service';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { WEBHOOK_MARKET_ENV } from '../decision/pipeline-helpers';
import { insertPosition, positionOf, pushChain } from './position-fixtures';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: the options session is open. */
const NOW = '2026-02-13T15:30:00.000Z';
const MANUAL_CALL = 'SPY260220C00596000';
const MONITOR_CALL = 'SPY260220C00598000';
const OTHER_CALL = 'SPY260220C00600000';
const COMMISSION = 0.65;
const FEES = 0.02;

async function filledOrder(dataSource: DataSource, orderId: string): Promise<void> {
  await eventually(async () => {
    const [row] = await dataSource.query<{ status: string }[]>('SELECT status FROM orders WHERE order_id = $1', [
      orderId,
    ]);
    return row?.status === 'filled';
  }, 10_000);
}

/** A whole-cent sum, computed in cents so the test's own arithmetic is exact. */
function cents(value: number): number {
  return Math.round(value * 100);
}

function money(centsValue: number): string {
  return (centsValue / 100).toFixed(2);
}

describe('partial exits (real PostgreSQL and Redis)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        ...WEBHOOK_MARKET_ENV,
        FILL_MODEL: 'cross',
        COMMISSION_PER_CONTRACT: String(COMMISSION),
        FEES_PER_CONTRACT: String(FEES),
        ENABLE_EXIT_DECISION_ENGINE: 'true',
        ENABLE_EXIT_INTELLIGENCE: 'false',
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  describe('POST /positions/:id/close with a quantity', () => {
    let positionId: string;
    // Entry 3.52, 9 contracts; the first exit sells 4 at the bid 3.60, the second the other 5 at the bid 4.00.
    const firstFill = cents((3.6 - 3.52) * 4 * 100) - cents(4 * COMMISSION) - cents(4 * FEES);
    const secondFill = cents((4.0 - 3.52) * 5 * 100) - cents(5 * COMMISSION) - cents(5 * FEES);

    beforeAll(async () => {
      positionId = await insertPosition(t.dataSource, MANUAL_CALL, 596, 9, '3.5200', NOW);
      await pushChain(t, { [MANUAL_CALL]: { bid: 3.6, ask: 3.64 } });
    });

    it('closes 4 of 9 contracts: 5 stay open, realized is (exit - entry) x 4 x 100 minus costs exactly', async () => {
      const res = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({ quantity: 4 });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ position_id: positionId, quantity: 4, status: 'closing' });
      await filledOrder(t.dataSource, res.body.order_id as string);

      expect(money(firstFill)).toBe('29.32');
      const rest = await positionOf(t.dataSource, positionId);
      expect(rest).toMatchObject({ status: 'open', quantity: 5, realized_pnl: money(firstFill) });
      // The rest is marked at the fill, (3.60 - 3.52) x 5 x 100 = 40.00, unless the mark pass the chain push queued
      // has run since and marked it at the mid 3.62: (3.62 - 3.52) x 5 x 100 = 50.00.
      expect([
        { current_price: '3.6000', unrealized_pnl: '40.00' },
        { current_price: '3.6200', unrealized_pnl: '50.00' },
      ]).toContainEqual({ current_price: rest.current_price, unrealized_pnl: rest.unrealized_pnl });
      const trades = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT fill_price, fill_quantity, commission, fees, realized_pnl, intent FROM trades WHERE position_id = $1`,
        [positionId],
      );
      expect(trades).toEqual([
        {
          fill_price: '3.6000',
          fill_quantity: 4,
          commission: '2.60',
          fees: '0.08',
          realized_pnl: money(firstFill),
          intent: 'close',
        },
      ]);
    });

    it('closes the rest: closed, realized is the exact sum of both fills', async () => {
      t.clock.advance(60_000);
      await pushChain(t, { [MANUAL_CALL]: { bid: 4.0, ask: 4.04 } });
      const res = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({});
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ quantity: 5, status: 'closing' });
      await filledOrder(t.dataSource, res.body.order_id as string);

      expect(money(firstFill + secondFill)).toBe('265.97');
      expect(await positionOf(t.dataSource, positionId)).toMatchObject({
        status: 'closed',
        quantity: 5,
        realized_pnl: money(firstFill + secondFill),
        unrealized_pnl: '0.00',
      });
      const [sum] = await t.dataSource.query<{ total: string; fills: number }[]>(
        `SELECT SUM(realized_pnl)::text AS total, COUNT(*)::int AS fills FROM trades
          WHERE position_id = $1 AND intent = 'close'`,
        [positionId],
      );
      expect(sum).toEqual({ total: money(firstFill + secondFill), fills: 2 });
    });

    it('answers 409 position_not_open when closing a closed position again', async () => {
      const res = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({ quantity: 1 });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ reason_code: 'position_not_open' });
    });
  });

  describe('refusals', () => {
    let positionId: string;

    beforeAll(async () => {
      positionId = await insertPosition(t.dataSource, OTHER_CALL, 600, 9, '1.5000', NOW);
    });

    it('answers 422 quantity_exceeds_position for 20 contracts of 9, and leaves the position open', async () => {
      const res = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({ quantity: 20 });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        reason_code: 'quantity_exceeds_position',
        details: [{ field: 'quantity', message: 'must be at most 9' }],
      });
      expect(await positionOf(t.dataSource, positionId)).toMatchObject({ status: 'open', quantity: 9 });
      const orders = await t.dataSource.query<unknown[]>('SELECT 1 FROM orders WHERE position_id = $1', [positionId]);
      expect(orders).toEqual([]);
    });

    it('answers 400 validation_failed with field errors for a bad body', async () => {
      const res = await request(t.url)
        .post(`/positions/${positionId}/close`)
        .set(t.auth)
        .send({ quantity: 'four', reason: 7, extra: true });
      expect(res.status).toBe(400);
      expect(res.body.reason_code).toBe('validation_failed');
      const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(['extra', 'quantity', 'reason']);

      const zero = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({ quantity: 0 });
      expect(zero.status).toBe(400);
      expect(zero.body.details).toEqual([expect.objectContaining({ field: 'quantity' })]);
    });

    it('answers 404 position_not_found for an unknown id', async () => {
      const res = await request(t.url)
        .post('/positions/7d1c4f0e-9a55-4c1e-8f0a-2b3c4d5e6f70/close')
        .set(t.auth)
        .send({});
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ reason_code: 'position_not_found' });
    });

    it('answers 400 invalid_position_id for an id that is not a UUID', async () => {
      const res = await request(t.url).post('/positions/not-a-uuid/close').set(t.auth).send({ quantity: 1 });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ reason_code: 'invalid_position_id' });
    });
  });

  describe('a partial exit from the exit monitor', () => {
    let positionId: string;

    beforeAll(async () => {
      t.clock.advance(60_000);
      positionId = await insertPosition(t.dataSource, MONITOR_CALL, 598, 9, '3.0000', t.clock.now().toISOString());
    });

    it('takes first_target_partial (5 of 9) once at +30%, not again on later ticks', async () => {
      // Mid 3.92 on entry 3.00: +30.67% >= 0.6 x 50%; below the 50% profit target.
      await pushChain(t, { [MONITOR_CALL]: { bid: 3.9, ask: 3.94 } });
      const monitor = t.app.get(PositionMonitor);
      await monitor.markAndEvaluate('SPY');
      const order = await eventually(async () => {
        const [row] = await t.dataSource.query<{ order_id: string; quantity: number; exit_reason: string }[]>(
          `SELECT order_id, quantity, exit_reason FROM orders WHERE position_id = $1 AND intent = 'close'`,
          [positionId],
        );
        return row;
      });
      expect(order).toMatchObject({ quantity: 5, exit_reason: 'first_target_partial' });
      await filledOrder(t.dataSource, order.order_id);
      await eventually(async () => {
        const row = await positionOf(t.dataSource, positionId);
        return row.exit_state?.takenPartials?.includes('first_target_partial') === true;
      });

      const fill = cents((3.9 - 3.0) * 5 * 100) - cents(5 * COMMISSION) - cents(5 * FEES);
      expect(await positionOf(t.dataSource, positionId)).toMatchObject({
        status: 'open',
        quantity: 4,
        realized_pnl: money(fill),
        exit_state: { takenPartials: ['first_target_partial'] },
      });

      // Later ticks at the same +30%: the partial has been taken.
      for (let tick = 0; tick < 3; tick += 1) {
        t.clock.advance(1_000);
        await pushChain(t, { [MONITOR_CALL]: { bid: 3.9, ask: 3.94 } });
        const result = await monitor.markAndEvaluate('SPY');
        expect(result.exits.filter((e) => e.positionId === positionId)).toEqual([]);
      }
      const orders = await t.dataSource.query<unknown[]>(
        `SELECT order_id FROM orders WHERE position_id = $1 AND intent = 'close'`,
        [positionId],
      );
      expect(orders).toHaveLength(1);
      expect(await positionOf(t.dataSource, positionId)).toMatchObject({ status: 'open', quantity: 4 });
    });
  });
});

describe('a partial exit whose order fails (real PostgreSQL and Redis)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        ...WEBHOOK_MARKET_ENV,
        ENABLE_EXIT_DECISION_ENGINE: 'true',
        ENABLE_EXIT_INTELLIGENCE: 'false',
        // No execution worker: the closing orders stay pending until the test fails them.
        WORKER_QUEUES: 'signals,decisions,positions,feedback,alerts',
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  it('gives the tier back: the position reopens without it and the next pass takes the partial again', async () => {
    const positionId = await insertPosition(t.dataSource, MONITOR_CALL, 598, 9, '3.0000', NOW);
    const closingOrders = () =>
      t.dataSource.query<{ order_id: string; quantity: number; exit_reason: string; status: string }[]>(
        `SELECT order_id, quantity, exit_reason, status FROM orders
          WHERE position_id = $1 AND intent = 'close' ORDER BY created_at, order_id`,
        [positionId],
      );
    const monitor = t.app.get(PositionMonitor);
    // +30.67% on the mid: first_target_partial, 5 of 9.
    await pushChain(t, { [MONITOR_CALL]: { bid: 3.9, ask: 3.94 } });
    await monitor.markAndEvaluate('SPY');
    const [first] = await eventually(async () => {
      const rows = await closingOrders();
      return rows.length === 1 ? rows : undefined;
    });
    expect(first).toMatchObject({ quantity: 5, exit_reason: 'first_target_partial', status: 'pending_execution' });
    // Recorded with the order, in the same statement: a pass meanwhile cannot take it twice.
    expect(await positionOf(t.dataSource, positionId)).toMatchObject({
      status: 'closing',
      exit_state: { takenPartials: ['first_target_partial'] },
    });

    const execution = t.app.get(ExecutionService);
    const order = await execution.orderOf(first.order_id);
    await execution.fail(order!, 'quote_stale', t.clock.now());
    expect(await positionOf(t.dataSource, positionId)).toMatchObject({
      status: 'open',
      quantity: 9,
      exit_state: { takenPartials: [] },
    });

    t.clock.advance(1_000);
    await pushChain(t, { [MONITOR_CALL]: { bid: 3.9, ask: 3.94 } });
    await monitor.markAndEvaluate('SPY');
    const orders = await eventually(async () => {
      const rows = await closingOrders();
      return rows.length === 2 ? rows : undefined;
    });
    expect(orders.map((o) => [o.exit_reason, o.quantity, o.status])).toEqual([
      ['first_target_partial', 5, 'failed'],
      ['first_target_partial', 5, 'pending_execution'],
    ]);
    expect(await positionOf(t.dataSource, positionId)).toMatchObject({
      status: 'closing',
      exit_state: { takenPartials: ['first_target_partial'] },
    });
  });
});
