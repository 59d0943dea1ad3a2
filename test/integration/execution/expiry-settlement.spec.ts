import type { DataSource } from 'typeorm';
import { ManualClock } from '../../../src/core/clock';
import { ExpirySettlement } from '../../../src/positions/expiry-settlement.service';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { PIPELINE_SECRET, signedPost } from '../decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-20 16:05 New York: past the equity close, inside SPY's options session (it closes at 16:15). */
const BEFORE_CLOSE = '2026-02-20T21:05:00.000Z';
/** 16:20 New York: SPY's options have stopped trading. */
const AFTER_CLOSE = '2026-02-20T21:20:00.000Z';
const ENTRY = '2026-02-18T15:00:00.000Z';
/** Thursday 2026-04-02 16:20 New York (EDT): the options close before Good Friday, an exchange holiday. */
const BEFORE_GOOD_FRIDAY_CLOSE = '2026-04-02T20:20:00.000Z';

interface Spec {
  optionSymbol: string;
  strike: number;
  type: 'call' | 'put';
  quantity: number;
  entryPrice: string;
  expiration?: string;
  status?: 'open' | 'closing';
}

async function insertPosition(dataSource: DataSource, spec: Spec): Promise<string> {
  const status = spec.status ?? 'open';
  const [row] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, high_water_price, unrealized_pnl, status, closing_quantity, exit_reason,
                            entry_timestamp, engine, last_updated)
     VALUES ('SPY', $1, $2, $3, $4, 'long', $5, $6, $6, $6, 0, $7, $8, $9, $10, 'A', $10)
     RETURNING position_id`,
    [
      spec.optionSymbol,
      spec.strike,
      spec.expiration ?? '2026-02-20',
      spec.type,
      spec.quantity,
      spec.entryPrice,
      status,
      status === 'closing' ? spec.quantity : null,
      status === 'closing' ? 'manual' : null,
      ENTRY,
    ],
  );
  return row.position_id;
}

async function pushSpyPrice(t: Started, price: number): Promise<void> {
  const res = await signedPost(t.url, '/api/webhooks/price', {
    symbol: 'SPY',
    price,
    timestamp: t.clock.now().toISOString(),
  });
  expect(res.status).toBe(200);
}

async function positionOf(dataSource: DataSource, positionId: string): Promise<Record<string, unknown>> {
  const [row] = await dataSource.query<Record<string, unknown>[]>(
    `SELECT status, realized_pnl, current_price, exit_reason, exit_timestamp FROM positions WHERE position_id = $1`,
    [positionId],
  );
  return row;
}

async function closingOrders(dataSource: DataSource, positionId: string): Promise<Record<string, unknown>[]> {
  return dataSource.query<Record<string, unknown>[]>(
    `SELECT o.order_id, o.status, o.failure_reason, o.exit_reason, o.quantity, t.fill_price, t.fill_quantity,
            t.fill_model, t.realized_pnl, t.commission, t.fees
       FROM orders o LEFT JOIN trades t ON t.order_id = o.order_id
      WHERE o.position_id = $1 AND o.intent = 'close'
      ORDER BY o.created_at`,
    [positionId],
  );
}

describe('expiry settlement (real PostgreSQL and Redis)', () => {
  let t: Started;
  let settlement: ExpirySettlement;
  let itm: string;
  let otm: string;
  let pending: string;
  let pendingOrderId: string;
  let shadow: string;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(BEFORE_CLOSE),
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        MARKET_DATA_QUOTE_TTL_MS: '0',
        MARKET_DATA_CHAIN_TTL_MS: '0',
        // Settlement, not the exit monitor, is under test: the tiered engine's `expired` rule stays out of the way.
        ENABLE_EXIT_DECISION_ENGINE: 'false',
        ENABLE_EXIT_INTELLIGENCE: 'false',
      },
    });
    settlement = t.app.get(ExpirySettlement);
    // The min DTE time stop at 0 days: it does not close these positions before their options close.
    await t.dataSource.query(`UPDATE exit_rules SET min_dte_exit = 0`);
    await pushSpyPrice(t, 599.5);
    itm = await insertPosition(t.dataSource, {
      optionSymbol: 'SPY260220C00596000',
      strike: 596,
      type: 'call',
      quantity: 3,
      entryPrice: '3.5200',
    });
    otm = await insertPosition(t.dataSource, {
      optionSymbol: 'SPY260220C00605000',
      strike: 605,
      type: 'call',
      quantity: 2,
      entryPrice: '1.2500',
    });
    pending = await insertPosition(t.dataSource, {
      optionSymbol: 'SPY260220P00602000',
      strike: 602,
      type: 'put',
      quantity: 4,
      entryPrice: '1.5000',
      status: 'closing',
    });
    const [order] = await t.dataSource.query<{ order_id: string }[]>(
      `INSERT INTO orders (position_id, intent, symbol, option_symbol, strike, expiration, type, quantity, status,
                           engine, exit_reason, created_at, updated_at)
       VALUES ($1, 'close', 'SPY', 'SPY260220P00602000', 602, '2026-02-20', 'put', 4, 'pending_execution', 'A',
               'manual', $2, $2)
       RETURNING order_id`,
      [pending, BEFORE_CLOSE],
    );
    pendingOrderId = order.order_id;
    // Engine B's shadow book holds the same in-the-money call (its signal, experiment and shadow trade first).
    const [shadowRow] = await t.dataSource.query<{ shadow_position_id: string }[]>(
      `WITH s AS (
         INSERT INTO signals (symbol, action, direction, timeframe, timestamp, status, dedup_key, received_at,
                              created_at)
         VALUES ('SPY', 'entry', 'long', '5m', $1, 'approved', 'shadow-expiry-test', $1, $1)
         RETURNING signal_id
       ), e AS (
         INSERT INTO experiments (signal_id, variant, assignment_hash, split_percentage, policy_version, created_at)
         SELECT signal_id, 'B', 'test', 50, 'v1.0', $1 FROM s RETURNING experiment_id, signal_id
       ), st AS (
         INSERT INTO shadow_trades (experiment_id, signal_id, engine, symbol, option_symbol, strike, expiration, type,
                                    quantity, entry_price, entry_timestamp, created_at)
         SELECT experiment_id, signal_id, 'B', 'SPY', 'SPY260220C00596000', 596, '2026-02-20', 'call', 3, 3.52, $1, $1
           FROM e RETURNING shadow_trade_id
       )
       INSERT INTO shadow_positions (shadow_trade_id, symbol, option_symbol, strike, expiration, type, direction,
                                     quantity, entry_price, current_price, status, entry_timestamp, engine, last_updated)
       SELECT shadow_trade_id, 'SPY', 'SPY260220C00596000', 596, '2026-02-20', 'call', 'long', 3, 3.52, 3.52, 'open',
              $1, 'B', $1
         FROM st
       RETURNING shadow_position_id`,
      [ENTRY],
    );
    shadow = shadowRow.shadow_position_id;
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  it('settles nothing at 16:05 ET on the expiration day: SPY options trade until 16:15', async () => {
    const result = await settlement.settleExpired();
    expect(result).toEqual({ settled: [], waiting: [] });
    for (const id of [itm, otm]) {
      expect(await positionOf(t.dataSource, id)).toMatchObject({ status: 'open', exit_reason: null });
    }
    expect(await positionOf(t.dataSource, pending)).toMatchObject({ status: 'closing' });
    expect(await closingOrders(t.dataSource, itm)).toEqual([]);
  });

  describe('after the options close (16:20 ET), SPY at 600.00', () => {
    beforeAll(async () => {
      t.clock.set(AFTER_CLOSE);
      await pushSpyPrice(t, 600);
      await settlement.settleExpired();
    });

    it('settles an in-the-money call at intrinsic value: (600 - 596 - 3.52) x 3 x 100 = 144.00', async () => {
      expect(await positionOf(t.dataSource, itm)).toMatchObject({
        status: 'closed',
        realized_pnl: '144.00',
        current_price: '4.0000',
        exit_reason: 'expired',
        exit_timestamp: new Date(AFTER_CLOSE),
      });
      const filled = (await closingOrders(t.dataSource, itm)).filter((o) => o.status === 'filled');
      expect(filled).toEqual([
        expect.objectContaining({
          exit_reason: 'expired',
          quantity: 3,
          fill_price: '4.0000',
          fill_quantity: 3,
          fill_model: 'settlement',
          realized_pnl: '144.00',
          commission: '0.00',
          fees: '0.00',
        }),
      ]);
    });

    it('settles an out-of-the-money call at 0.0000: realized is minus the premium paid', async () => {
      expect(await positionOf(t.dataSource, otm)).toMatchObject({
        status: 'closed',
        realized_pnl: '-250.00',
        current_price: '0.0000',
        exit_reason: 'expired',
      });
      const filled = (await closingOrders(t.dataSource, otm)).filter((o) => o.status === 'filled');
      expect(filled).toEqual([
        expect.objectContaining({ fill_price: '0.0000', fill_model: 'settlement', realized_pnl: '-250.00' }),
      ]);
    });

    it('fails a pending closing order with expired and settles its position: (602 - 600 - 1.50) x 4 x 100', async () => {
      const orders = await closingOrders(t.dataSource, pending);
      expect(orders.find((o) => o.order_id === pendingOrderId)).toMatchObject({
        status: 'failed',
        failure_reason: 'expired',
        fill_price: null,
      });
      expect(orders.filter((o) => o.status === 'filled')).toEqual([
        expect.objectContaining({ fill_price: '2.0000', fill_model: 'settlement', realized_pnl: '200.00' }),
      ]);
      expect(await positionOf(t.dataSource, pending)).toMatchObject({
        status: 'closed',
        realized_pnl: '200.00',
        exit_reason: 'expired',
      });
    });

    it('settles the shadow book the same way: the shadow call closes at 4.0000, realized 144.00', async () => {
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT status, realized_pnl, current_price, exit_reason, exit_timestamp FROM shadow_positions
          WHERE shadow_position_id = $1`,
        [shadow],
      );
      expect(row).toEqual({
        status: 'closed',
        realized_pnl: '144.00',
        current_price: '4.0000',
        exit_reason: 'expired',
        exit_timestamp: new Date(AFTER_CLOSE),
      });
    });

    it('leaves no other closing order live, and a second pass settles nothing again', async () => {
      const live = await t.dataSource.query<unknown[]>(
        `SELECT 1 FROM orders WHERE intent = 'close' AND status = 'pending_execution'`,
      );
      expect(live).toEqual([]);
      const again = await settlement.settleExpired();
      expect(again.settled).toEqual([]);
      const [trades] = await t.dataSource.query<{ n: number }[]>(
        `SELECT COUNT(*)::int AS n FROM trades WHERE fill_model = 'settlement'`,
      );
      expect(trades.n).toBe(3);
    });

    it('captures each settled position as an outcome with exit reason expired', async () => {
      const rows = await eventually(async () => {
        const found = await t.dataSource.query<Record<string, unknown>[]>(
          `SELECT position_id, pnl_percent::float8 AS pnl_percent, exit_reason_codes, source
             FROM bias_trade_performance WHERE position_id = ANY($1) ORDER BY pnl_percent`,
          [[itm, otm, pending]],
        );
        return found.length === 3 ? found : undefined;
      });
      expect(rows).toEqual([
        { position_id: otm, pnl_percent: -100, exit_reason_codes: ['expired'], source: 'live' },
        // 144 / (3.52 x 3 x 100) = 13.6364 %
        { position_id: itm, pnl_percent: 13.6364, exit_reason_codes: ['expired'], source: 'live' },
        { position_id: pending, pnl_percent: 33.3333, exit_reason_codes: ['expired'], source: 'live' },
      ]);
    });
  });

  it("settles an expiration on a holiday (Good Friday 2026-04-03) at the previous trading day's options close", async () => {
    t.clock.set(BEFORE_GOOD_FRIDAY_CLOSE);
    await pushSpyPrice(t, 600);
    const holiday = await insertPosition(t.dataSource, {
      optionSymbol: 'SPY260403C00590000',
      strike: 590,
      type: 'call',
      quantity: 1,
      entryPrice: '6.0000',
      expiration: '2026-04-03',
    });
    const result = await settlement.settleExpired();
    expect(result.settled).toEqual([{ positionId: holiday, price: '10.0000', realizedPnl: '400.00' }]);
    expect(await positionOf(t.dataSource, holiday)).toMatchObject({
      status: 'closed',
      realized_pnl: '400.00',
      exit_reason: 'expired',
    });
  });
});
