import type { Job } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../../src/core/clock';
import { ExecutionProcessor } from '../../../src/execution/execution.processor';
import { JobName, QueueName, QueueService, type JobPayloads } from '../../../src/queues';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { PIPELINE_SECRET, signedPost } from '../decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York. */
const FRIDAY = '2026-02-13T15:30:00.000Z';
const FRIDAY_LATER = '2026-02-13T15:31:00.000Z';
/** Friday 16:30 New York: SPY options closed at 16:15. */
const FRIDAY_AFTER_CLOSE = '2026-02-13T21:30:00.000Z';
const SATURDAY = '2026-02-14T15:30:00.000Z';
/** Monday 2026-02-16 is Presidents' Day: the next open is Tuesday 09:30 New York. */
const TUESDAY_OPEN = '2026-02-17T14:30:00.000Z';
const WEDNESDAY = '2026-02-18T15:30:00.000Z';
const WEDNESDAY_LATER = '2026-02-18T15:31:00.000Z';
const THURSDAY = '2026-02-19T15:00:00.000Z';
/** 10 s after THURSDAY: the chain pushed then is past MAX_QUOTE_AGE_MS (5 s), still fresh for the webhook store. */
const THURSDAY_PLUS_10S = '2026-02-19T15:00:10.000Z';

const callSymbol = (strike: number) => `SPY260220C00${strike}000`;

/** Pushes a SPY chain dated `at`: calls 590..600 at mid 3.45 + (596 - strike) x 0.5 (±0.05), `overrides` by strike. */
async function pushChain(
  url: string,
  at: string,
  overrides: Record<number, { bid: number; ask: number }> = {},
): Promise<void> {
  const contracts = [];
  for (let strike = 590; strike <= 600; strike += 1) {
    const mid = 3.45 + (596 - strike) * 0.5;
    const quote = overrides[strike] ?? { bid: round(mid - 0.05), ask: round(mid + 0.05) };
    contracts.push({ option_symbol: callSymbol(strike), ...quote, iv: 0.16, open_interest: 40_000, volume: 9_000 });
  }
  const res = await signedPost(url, '/api/webhooks/chain', {
    symbol: 'SPY',
    timestamp: at,
    underlying_price: 595.42,
    contracts,
  });
  expect(res.status).toBe(200);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A pending opening paper order (engine A, SPY call); returns its order_id. */
async function insertOpeningOrder(
  dataSource: DataSource,
  o: { optionSymbol: string; quantity: number; at: string; decisionMid?: string },
): Promise<string> {
  const strike = Number(o.optionSymbol.slice(-8)) / 1000;
  const [row] = await dataSource.query<{ order_id: string }[]>(
    `INSERT INTO orders (intent, symbol, option_symbol, strike, expiration, type, quantity, order_type, status, engine,
                         decision_mid, created_at, updated_at)
     VALUES ('open', 'SPY', $1, $2, '2026-02-20', 'call', $3, 'paper', 'pending_execution', 'A', $4, $5, $5)
     RETURNING order_id`,
    [o.optionSymbol, strike, o.quantity, o.decisionMid ?? null, o.at],
  );
  return row.order_id;
}

/** An open position (engine A, SPY call) as the executor would have left it; returns its position_id. */
async function insertPosition(
  dataSource: DataSource,
  p: { optionSymbol: string; quantity: number; entryPrice: string; at: string },
): Promise<string> {
  const strike = Number(p.optionSymbol.slice(-8)) / 1000;
  const [row] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, high_water_price, status, entry_timestamp, engine, last_updated)
     VALUES ('SPY', $1, $2, '2026-02-20', 'call', 'long', $3, $4, $4, $4, 'open', $5, 'A', $5)
     RETURNING position_id`,
    [p.optionSymbol, strike, p.quantity, p.entryPrice, p.at],
  );
  return row.position_id;
}

interface OrderState {
  status: string;
  failure_reason: string | null;
  position_id: string | null;
}

async function orderOf(dataSource: DataSource, orderId: string): Promise<OrderState> {
  const [row] = await dataSource.query<OrderState[]>(
    'SELECT status, failure_reason, position_id FROM orders WHERE order_id = $1',
    [orderId],
  );
  return row;
}

/** Waits until the order leaves pending_execution (the worker filled or failed it). */
function settled(dataSource: DataSource, orderId: string, timeoutMs = 10_000): Promise<OrderState> {
  return eventually(async () => {
    const order = await orderOf(dataSource, orderId);
    return order.status === 'pending_execution' ? undefined : order;
  }, timeoutMs);
}

async function tradeOf(dataSource: DataSource, orderId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await dataSource.query<Record<string, unknown>[]>(
    `SELECT intent, fill_price, fill_quantity, commission, fees, quote_bid, quote_ask, quote_mid, decision_mid,
            slippage, realized_pnl, fill_model
       FROM trades WHERE order_id = $1`,
    [orderId],
  );
  return row;
}

/** Keeps the test in control: no scheduled mark pass (which might close a position) and no outbox sweep. */
const QUIET = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  POSITION_REFRESHER_INTERVAL: '3600000',
  OUTBOX_SWEEP_INTERVAL_MS: '3600000',
  MARKET_DATA_QUOTE_TTL_MS: '0',
};

describe('paper fills (real PostgreSQL, Redis and BullMQ)', () => {
  describe('FILL_MODEL=mid, 100 bps slippage, $0.65 commission and $0.05 fees per contract, quotes good for 5 s', () => {
    let t: Started;
    let queues: QueueService;

    beforeAll(async () => {
      t = await startTestApp({
        clock: new ManualClock(FRIDAY),
        env: {
          ...QUIET,
          FILL_MODEL: 'mid',
          FILL_SLIPPAGE_BPS: '100',
          COMMISSION_PER_CONTRACT: '0.65',
          FEES_PER_CONTRACT: '0.05',
          MAX_QUOTE_AGE_MS: '5000',
        },
      });
      queues = t.app.get(QueueService);
    });

    afterAll(async () => {
      await t?.close();
      await t?.dropDatabase();
    });

    it('fills at the mid plus slippage on the tick, records costs and quotes, and nets them in realized P&L', async () => {
      t.clock.set(FRIDAY);
      await pushChain(t.url, FRIDAY, { 596: { bid: 3.4, ask: 3.5 } });
      const orderId = await insertOpeningOrder(t.dataSource, {
        optionSymbol: callSymbol(596),
        quantity: 2,
        at: FRIDAY,
        decisionMid: '3.4200',
      });

      // Not yet offered to the queue: GET /orders/active lists it.
      const active = await request(t.url).get('/orders/active').set(t.auth);
      expect(active.status).toBe(200);
      expect(active.body.items).toEqual([
        expect.objectContaining({
          order_id: orderId,
          intent: 'open',
          option_symbol: callSymbol(596),
          quantity: 2,
          status: 'pending_execution',
          decision_mid: '3.4200',
        }),
      ]);
      expect(active.body.total).toBe(1);

      await queues.enqueue(JobName.ExecuteOrder, { orderId });
      const opened = await settled(t.dataSource, orderId);
      expect(opened.status).toBe('filled');
      // Mid 3.45 + 1% = 3.4845, rounded up (against the buyer) to the penny: 3.49.
      expect(await tradeOf(t.dataSource, orderId)).toEqual({
        intent: 'open',
        fill_price: '3.4900',
        fill_quantity: 2,
        commission: '1.30',
        fees: '0.10',
        quote_bid: '3.4000',
        quote_ask: '3.5000',
        quote_mid: '3.4500',
        decision_mid: '3.4200',
        slippage: '0.0400',
        realized_pnl: null,
        fill_model: 'mid',
      });
      expect((await request(t.url).get('/orders/active').set(t.auth)).body).toMatchObject({ items: [], total: 0 });

      // The exit: bid 4.00 / ask 4.20, mid 4.10 - 1% = 4.059, rounded down (against the seller): 4.05.
      t.clock.set(FRIDAY_LATER);
      await pushChain(t.url, FRIDAY_LATER, { 596: { bid: 4, ask: 4.2 } });
      const positionId = opened.position_id as string;
      const close = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({});
      expect(close.status).toBe(202);
      const closeOrderId: string = close.body.order_id;
      expect((await settled(t.dataSource, closeOrderId)).status).toBe('filled');
      // (4.05 - 3.49) x 2 x 100 = 112.00, less the close's commission 1.30 and fees 0.10.
      expect(await tradeOf(t.dataSource, closeOrderId)).toEqual({
        intent: 'close',
        fill_price: '4.0500',
        fill_quantity: 2,
        commission: '1.30',
        fees: '0.10',
        quote_bid: '4.0000',
        quote_ask: '4.2000',
        quote_mid: '4.1000',
        decision_mid: null,
        slippage: '0.0500',
        realized_pnl: '110.60',
        fill_model: 'mid',
      });
      const [position] = await t.dataSource.query<Record<string, unknown>[]>(
        'SELECT status, quantity, entry_price, realized_pnl, exit_reason FROM positions WHERE position_id = $1',
        [positionId],
      );
      expect(position).toEqual({
        status: 'closed',
        quantity: 2,
        entry_price: '3.4900',
        realized_pnl: '110.60',
        exit_reason: 'manual',
      });

      const trades = await request(t.url).get('/orders/trades').set(t.auth);
      expect(trades.status).toBe(200);
      expect(trades.body.total).toBe(2);
      expect(trades.body.items).toEqual([
        expect.objectContaining({
          order_id: closeOrderId,
          position_id: positionId,
          intent: 'close',
          option_symbol: callSymbol(596),
          fill_price: '4.0500',
          quote_mid: '4.1000',
          decision_mid: null,
          slippage: '0.0500',
          commission: '1.30',
          fees: '0.10',
          realized_pnl: '110.60',
          fill_model: 'mid',
          fill_timestamp: FRIDAY_LATER,
        }),
        expect.objectContaining({
          order_id: orderId,
          position_id: positionId,
          intent: 'open',
          fill_price: '3.4900',
          quote_mid: '3.4500',
          decision_mid: '3.4200',
          slippage: '0.0400',
          fill_timestamp: FRIDAY,
        }),
      ]);
    });

    it('outside the options session the job is delayed and the order stays pending; at the open it fills', async () => {
      const executions = queues.queue(QueueName.Executions);
      const waitDelayed = (orderId: string) =>
        eventually(async () => {
          const job = await executions.getJob(`order-${orderId}`);
          return job && (await job.getState()) === 'delayed' ? job : undefined;
        });

      // Friday 16:30 New York, then Saturday.
      t.clock.set(FRIDAY_AFTER_CLOSE);
      const afterClose = await insertOpeningOrder(t.dataSource, {
        optionSymbol: callSymbol(590),
        quantity: 1,
        at: FRIDAY_AFTER_CLOSE,
      });
      await queues.enqueue(JobName.ExecuteOrder, { orderId: afterClose });
      const afterCloseJob = await waitDelayed(afterClose);

      t.clock.set(SATURDAY);
      const weekend = await insertOpeningOrder(t.dataSource, {
        optionSymbol: callSymbol(591),
        quantity: 1,
        at: SATURDAY,
      });
      await queues.enqueue(JobName.ExecuteOrder, { orderId: weekend });
      const weekendJob = await waitDelayed(weekend);

      // Delayed on wall time for as long as the platform clock has until Tuesday's open (Monday is a holiday).
      const untilOpenMs = Date.parse(TUESDAY_OPEN) - Date.parse(SATURDAY);
      const [delayedWeekend] = (await executions.getDelayed()).filter((job) => job.id === `order-${weekend}`);
      expect(delayedWeekend.timestamp + delayedWeekend.delay).toBeGreaterThan(Date.now() + untilOpenMs - 60_000);

      for (const orderId of [afterClose, weekend]) {
        expect(await orderOf(t.dataSource, orderId)).toEqual({
          status: 'pending_execution',
          failure_reason: null,
          position_id: null,
        });
      }
      expect(
        (await t.dataSource.query<unknown[]>('SELECT 1 FROM trades WHERE order_id = ANY($1)', [[afterClose, weekend]]))
          .length,
      ).toBe(0);

      // The open: a fresh chain, the delayed jobs promoted (what the wall-time delay would do on Tuesday).
      t.clock.set(TUESDAY_OPEN);
      await pushChain(t.url, TUESDAY_OPEN);
      await afterCloseJob.promote();
      await weekendJob.promote();
      for (const [orderId, price] of [
        [afterClose, '6.5200'], // mid 6.45 + 1% = 6.5145, up to the penny
        [weekend, '6.0100'], // mid 5.95 + 1% = 6.0095
      ]) {
        const order = await settled(t.dataSource, orderId);
        expect(order.status).toBe('filled');
        expect(await tradeOf(t.dataSource, orderId)).toMatchObject({ fill_price: price });
      }
    });

    it('a stale quote is retried, then the order fails quote_stale; a missing one fails quote_missing', async () => {
      t.clock.set(THURSDAY);
      await pushChain(t.url, THURSDAY);
      t.clock.set(THURSDAY_PLUS_10S);
      const stale = await insertOpeningOrder(t.dataSource, {
        optionSymbol: callSymbol(592),
        quantity: 1,
        at: THURSDAY_PLUS_10S,
      });
      const missing = await insertOpeningOrder(t.dataSource, {
        optionSymbol: 'SPY260220C00700000',
        quantity: 1,
        at: THURSDAY_PLUS_10S,
      });
      // The contract's options (5 attempts, exponential from 1 s: ~15 s) with quick retries for the test; the
      // processor reads attempts from the job, so the last-attempt path is the production one.
      const quick = { attempts: 3, backoff: { type: 'fixed', delay: 100 } };
      await queues.enqueue(JobName.ExecuteOrder, { orderId: stale }, quick);
      await queues.enqueue(JobName.ExecuteOrder, { orderId: missing }, quick);

      expect(await settled(t.dataSource, stale)).toEqual({
        status: 'failed',
        failure_reason: 'quote_stale',
        position_id: null,
      });
      expect(await settled(t.dataSource, missing)).toEqual({
        status: 'failed',
        failure_reason: 'quote_missing',
        position_id: null,
      });
      const executions = queues.queue(QueueName.Executions);
      for (const [orderId, reason] of [
        [stale, 'quote_stale'],
        [missing, 'quote_missing'],
      ]) {
        const job = await eventually(async () => {
          const found = await executions.getJob(`order-${orderId}`);
          return found && (await found.getState()) === 'completed' ? found : undefined;
        });
        // Two attempts threw (and were retried), the third gave the order up.
        expect(job.attemptsStarted).toBe(3);
        expect(job.returnvalue).toEqual({ kind: 'failed', reason });
        expect(await tradeOf(t.dataSource, orderId)).toBeUndefined();
      }
    });

    it('a closing order that fails gives its position back: open again, no close under way', async () => {
      t.clock.set(THURSDAY_PLUS_10S);
      const positionId = await insertPosition(t.dataSource, {
        optionSymbol: callSymbol(593),
        quantity: 3,
        entryPrice: '4.0000',
        at: THURSDAY,
      });
      const close = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({ reason: 'manual' });
      expect(close.status).toBe(202);
      const orderId: string = close.body.order_id;
      const [closing] = await t.dataSource.query<{ status: string; closing_quantity: number }[]>(
        'SELECT status, closing_quantity FROM positions WHERE position_id = $1',
        [positionId],
      );
      expect(closing).toEqual({ status: 'closing', closing_quantity: 3 });

      // The closer enqueued the order with the contract's 5 attempts and exponential backoff (~15 s before the last
      // attempt). Rather than wait, the processor is handed the same job on its last attempt (attemptsMade 4 of 5):
      // the stale quote then fails the order instead of throwing for a retry. The real job's remaining attempts find
      // the order failed and skip it.
      const lastAttempt = {
        id: `order-${orderId}`,
        name: JobName.ExecuteOrder,
        data: { orderId },
        attemptsMade: 4,
        opts: { attempts: 5 },
      } as unknown as Job<JobPayloads[JobName.ExecuteOrder]>;
      const outcome = await t.app.get(ExecutionProcessor).handle(lastAttempt);
      expect(outcome).toEqual({ kind: 'failed', reason: 'quote_stale' });

      expect(await orderOf(t.dataSource, orderId)).toEqual({
        status: 'failed',
        failure_reason: 'quote_stale',
        position_id: positionId,
      });
      const [reopened] = await t.dataSource.query<Record<string, unknown>[]>(
        'SELECT status, quantity, closing_quantity, exit_reason FROM positions WHERE position_id = $1',
        [positionId],
      );
      expect(reopened).toEqual({ status: 'open', quantity: 3, closing_quantity: null, exit_reason: null });
      expect(await tradeOf(t.dataSource, orderId)).toBeUndefined();
      // Open again: it can be closed again.
      const again = await request(t.url).post(`/positions/${positionId}/close`).set(t.auth).send({ reason: 'manual' });
      expect(again.status).toBe(202);
    });
  });

  describe('FILL_MODEL=cross, MAX_DAILY_TRADES=1', () => {
    let t: Started;
    let queues: QueueService;

    beforeAll(async () => {
      t = await startTestApp({
        clock: new ManualClock(WEDNESDAY),
        env: { ...QUIET, FILL_MODEL: 'cross', MAX_DAILY_TRADES: '1' },
      });
      queues = t.app.get(QueueService);
    });

    afterAll(async () => {
      await t?.close();
      await t?.dropDatabase();
    });

    it('buys at the ask, sells at the bid; the second opening order of the day fails daily_trade_limit', async () => {
      await pushChain(t.url, WEDNESDAY, { 596: { bid: 3.4, ask: 3.5 } });
      const first = await insertOpeningOrder(t.dataSource, {
        optionSymbol: callSymbol(596),
        quantity: 1,
        at: WEDNESDAY,
      });
      await queues.enqueue(JobName.ExecuteOrder, { orderId: first });
      const opened = await settled(t.dataSource, first);
      expect(opened.status).toBe('filled');
      // The same quote that fills at 3.49 under mid + 100 bps fills at the ask here.
      expect(await tradeOf(t.dataSource, first)).toMatchObject({
        fill_price: '3.5000',
        quote_mid: '3.4500',
        slippage: '0.0500',
        commission: '0.00',
        fees: '0.00',
        fill_model: 'cross',
      });

      const second = await insertOpeningOrder(t.dataSource, {
        optionSymbol: callSymbol(597),
        quantity: 1,
        at: WEDNESDAY,
      });
      await queues.enqueue(JobName.ExecuteOrder, { orderId: second });
      expect(await settled(t.dataSource, second)).toEqual({
        status: 'failed',
        failure_reason: 'daily_trade_limit',
        position_id: null,
      });
      expect(await tradeOf(t.dataSource, second)).toBeUndefined();

      // Closing is not an opening trade: it still fills, at the bid.
      t.clock.set(WEDNESDAY_LATER);
      await pushChain(t.url, WEDNESDAY_LATER, { 596: { bid: 4, ask: 4.2 } });
      const close = await request(t.url)
        .post(`/positions/${opened.position_id as string}/close`)
        .set(t.auth)
        .send({});
      expect(close.status).toBe(202);
      const closeOrderId: string = close.body.order_id;
      expect((await settled(t.dataSource, closeOrderId)).status).toBe('filled');
      expect(await tradeOf(t.dataSource, closeOrderId)).toMatchObject({
        intent: 'close',
        fill_price: '4.0000',
        quote_mid: '4.1000',
        slippage: '0.1000',
        realized_pnl: '50.00',
        fill_model: 'cross',
      });
    });
  });

  describe('CLOCK_SPEED=60 (a simulated clock an hour per wall minute)', () => {
    let t: Started;

    beforeAll(async () => {
      t = await startTestApp({ clock: new ManualClock(SATURDAY), env: { ...QUIET, CLOCK_SPEED: '60' } });
    });

    afterAll(async () => {
      await t?.close();
      await t?.dropDatabase();
    });

    it('delays an order placed on a weekend by the time until the open divided by the speed', async () => {
      const queues = t.app.get(QueueService);
      const executions = queues.queue(QueueName.Executions);
      const orderId = await insertOpeningOrder(t.dataSource, {
        optionSymbol: callSymbol(591),
        quantity: 1,
        at: SATURDAY,
      });
      const enqueuedAt = Date.now();
      await queues.enqueue(JobName.ExecuteOrder, { orderId });
      const job = await eventually(async () => {
        const found = await executions.getJob(`order-${orderId}`);
        return found && (await found.getState()) === 'delayed' ? found : undefined;
      });
      // Saturday 10:30 to Tuesday 09:30 New York (Monday is a holiday): 71 platform hours, 71 wall minutes.
      const wallMs = (Date.parse(TUESDAY_OPEN) - Date.parse(SATURDAY)) / 60;
      const [delayed] = (await executions.getDelayed()).filter((d) => d.id === job.id);
      const due = delayed.timestamp + delayed.delay;
      expect(due).toBeGreaterThanOrEqual(enqueuedAt + wallMs);
      expect(due).toBeLessThan(Date.now() + wallMs + 60_000);
    });
  });
});
