import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startTestApp } from '../helpers/test-app';
import { PIPELINE_SECRET, postTraceBias } from '../integration/decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

interface SeedPosition {
  engine: 'A' | 'B';
  symbol: string;
  quantity: number;
  entryPrice: string;
  openedAt: string;
  status: 'open' | 'closing' | 'closed';
  unrealized?: string;
  /** The closing fills: time and realized P&L of each (a partial exit leaves the position open). */
  closes?: { at: string; realized: string; quantity: number }[];
  /** Store the fills without their engine (the order's engine applies). */
  fillsWithoutEngine?: boolean;
}

/** A position with its opening order and fill and its closing orders and fills, as the execution processor writes them. */
async function seedPosition(dataSource: DataSource, p: SeedPosition): Promise<string> {
  const option = `${p.symbol}260320C00100000`;
  const closes = p.closes ?? [];
  const realized =
    closes.length === 0 ? null : closes.reduce((sum, c) => sum + Math.round(Number(c.realized) * 100), 0);
  const lastClose = closes.at(-1);
  const [{ position_id: positionId }] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, unrealized_pnl, realized_pnl, status, entry_timestamp, exit_timestamp,
                            exit_reason, engine)
     VALUES ($1, $2, 100, '2026-03-20', 'call', 'long', $3, $4, $4, $5, $6, $7, $8, $9, $10, $11)
     RETURNING position_id`,
    [
      p.symbol,
      option,
      p.quantity,
      p.entryPrice,
      p.status === 'closed' ? '0' : (p.unrealized ?? null),
      realized === null ? null : (realized / 100).toFixed(2),
      p.status,
      p.openedAt,
      p.status === 'closed' ? lastClose?.at : null,
      p.status === 'closed' ? 'profit_target' : null,
      p.engine,
    ],
  );
  const opened = closes.reduce((n, c) => n + c.quantity, p.status === 'closed' ? 0 : p.quantity);
  const fill = async (intent: 'open' | 'close', at: string, quantity: number, pnl: string | null): Promise<void> => {
    const [{ order_id: orderId }] = await dataSource.query<{ order_id: string }[]>(
      `INSERT INTO orders (position_id, intent, symbol, option_symbol, strike, expiration, type, quantity, status, engine)
       VALUES ($1, $2, $3, $4, 100, '2026-03-20', 'call', $5, 'filled', $6) RETURNING order_id`,
      [positionId, intent, p.symbol, option, quantity, p.engine],
    );
    await dataSource.query(
      `INSERT INTO trades (order_id, position_id, intent, fill_price, fill_quantity, fill_timestamp, engine, realized_pnl)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [orderId, positionId, intent, p.entryPrice, quantity, at, p.fillsWithoutEngine ? null : p.engine, pnl],
    );
  };
  await fill('open', p.openedAt, opened, null);
  for (const c of closes) {
    await fill('close', c.at, c.quantity, c.realized);
  }
  return positionId;
}

/**
 * The portfolio overview and the market intelligence snapshot over a seeded book. The app runs as ROLE=api (no
 * workers): nothing marks, exits or settles the seeded positions while the test reads them.
 */
describe('GET /dashboard/metrics and GET /intel/snapshot', () => {
  let t: Started;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    // The pinned clock: Tuesday 2026-02-17 15:30 UTC (10:30 New York).
    t = await startTestApp({ env: { ROLE: 'api', HMAC_SECRET: PIPELINE_SECRET } });
    viewer = await t.authHeaders('viewer');
    const ds = t.dataSource;
    // Engine A: a +1,584.00 win on Friday, a -250.50 loss on Monday, a position closing now (no fill yet).
    await seedPosition(ds, {
      engine: 'A',
      symbol: 'SPY',
      quantity: 9,
      entryPrice: '3.5200',
      openedAt: '2026-02-13T15:30:00Z',
      status: 'closed',
      closes: [{ at: '2026-02-13T17:35:00Z', realized: '1584.00', quantity: 9 }],
    });
    await seedPosition(ds, {
      engine: 'A',
      symbol: 'QQQ',
      quantity: 5,
      entryPrice: '2.0000',
      openedAt: '2026-02-16T14:45:00Z',
      status: 'closed',
      closes: [{ at: '2026-02-16T16:00:00Z', realized: '-250.50', quantity: 5 }],
    });
    await seedPosition(ds, {
      engine: 'A',
      symbol: 'SPY',
      quantity: 3,
      entryPrice: '4.1000',
      openedAt: '2026-02-17T15:10:00Z',
      status: 'closing',
      unrealized: '-10.05',
    });
    // Engine B: a scratch and two wins (one with fills that carry no engine), and an open TSLA position after a
    // partial exit of +120.25.
    await seedPosition(ds, {
      engine: 'B',
      symbol: 'SPY',
      quantity: 2,
      entryPrice: '1.5000',
      openedAt: '2026-02-17T13:40:00Z',
      status: 'closed',
      closes: [{ at: '2026-02-17T14:00:00Z', realized: '0.00', quantity: 2 }],
    });
    await seedPosition(ds, {
      engine: 'B',
      symbol: 'IWM',
      quantity: 4,
      entryPrice: '1.2000',
      openedAt: '2026-02-16T15:00:00Z',
      status: 'closed',
      closes: [{ at: '2026-02-16T19:00:00Z', realized: '300.00', quantity: 4 }],
    });
    await seedPosition(ds, {
      engine: 'B',
      symbol: 'IWM',
      quantity: 1,
      entryPrice: '0.9000',
      openedAt: '2026-02-17T12:00:00Z',
      status: 'closed',
      closes: [{ at: '2026-02-17T13:00:00Z', realized: '45.55', quantity: 1 }],
      fillsWithoutEngine: true,
    });
    await seedPosition(ds, {
      engine: 'B',
      symbol: 'TSLA',
      quantity: 3,
      entryPrice: '6.0000',
      openedAt: '2026-02-17T14:45:00Z',
      status: 'open',
      unrealized: '75.10',
      closes: [{ at: '2026-02-17T15:00:00Z', realized: '120.25', quantity: 2 }],
    });
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  const get = (path: string) => request(t.url).get(path).set(viewer);

  describe('GET /dashboard/metrics', () => {
    it('answers 401 without a token', async () => {
      const res = await request(t.url).get('/dashboard/metrics');
      expect(res.status).toBe(401);
      expect(res.body.reason_code).toBe('unauthorized');
    });

    it('sums the whole book: realized from closing fills, unrealized of open positions, win rate of closed ones', async () => {
      const res = await get('/dashboard/metrics');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        as_of: '2026-02-17T15:30:00.000Z',
        from: null,
        to: null,
        realized_pnl: '1799.30',
        unrealized_pnl: '65.05',
        total_pnl: '1864.35',
        win_rate: 60,
        wins: 3,
        losses: 1,
        scratches: 1,
        closed_trades: 5,
        fills: 13,
        open_positions: 2,
        engines: {
          A: {
            realized_pnl: '1333.50',
            unrealized_pnl: '-10.05',
            total_pnl: '1323.45',
            win_rate: 50,
            wins: 1,
            losses: 1,
            scratches: 0,
            closed_trades: 2,
            fills: 5,
            open_positions: 1,
          },
          B: {
            realized_pnl: '465.80',
            unrealized_pnl: '75.10',
            total_pnl: '540.90',
            win_rate: 66.67,
            wins: 2,
            losses: 0,
            scratches: 1,
            closed_trades: 3,
            fills: 8,
            open_positions: 1,
          },
        },
      });
    });

    it('limits closed trades, fills and realized P&L to [from, to); open positions stay as of now', async () => {
      const res = await get('/dashboard/metrics?from=2026-02-16&to=2026-02-17T09:30:00-05:00');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        from: '2026-02-16T00:00:00.000Z',
        to: '2026-02-17T14:30:00.000Z',
        realized_pnl: '95.05',
        unrealized_pnl: '65.05',
        total_pnl: '160.10',
        win_rate: 50,
        wins: 2,
        losses: 1,
        scratches: 1,
        closed_trades: 4,
        fills: 8,
        open_positions: 2,
      });
      expect(res.body.engines.A).toMatchObject({
        realized_pnl: '-250.50',
        total_pnl: '-260.55',
        win_rate: 0,
        closed_trades: 1,
        fills: 2,
      });
      expect(res.body.engines.B).toMatchObject({
        realized_pnl: '345.55',
        total_pnl: '420.65',
        win_rate: 66.67,
        closed_trades: 3,
        fills: 6,
      });
    });

    it('reports a null win rate and zero P&L for a window without trades', async () => {
      const res = await get('/dashboard/metrics?from=2026-02-17T15:20:00Z');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ realized_pnl: '0.00', win_rate: null, closed_trades: 0, fills: 0 });
      expect(res.body.engines.A).toMatchObject({ realized_pnl: '0.00', total_pnl: '-10.05', win_rate: null });
    });

    it.each([
      ['from=yesterday', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=2026-02-17T10:00:00', 'to'],
      ['from=2026-02-17&to=2026-02-16', 'to'],
      ['from=2026-02-16&from=2026-02-17', 'from'],
    ])('refuses %s with 400 and the field', async (query, field) => {
      const res = await get(`/dashboard/metrics?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, reason_code: 'validation_failed' });
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
      expect(typeof res.body.request_id).toBe('string');
    });
  });

  describe('GET /intel/snapshot', () => {
    it('answers 401 without a token', async () => {
      expect((await request(t.url).get('/intel/snapshot')).status).toBe(401);
    });

    it('gives price, session, bias, gamma, flow and positions per symbol asked', async () => {
      await postTraceBias(t.url, '2026-02-17T15:25:00.000Z');
      const res = await get('/intel/snapshot?symbols=spy,TSLA');
      expect(res.status).toBe(200);
      expect(res.body.as_of).toBe('2026-02-17T15:30:00.000Z');
      expect(res.body.market).toMatchObject({ session: 'regular', is_open: true });
      expect(res.body.items.map((i: { symbol: string }) => i.symbol)).toEqual(['SPY', 'TSLA']);
      const [spy, tsla] = res.body.items;
      expect(spy.options_session_open).toBe(true);
      expect(spy.positions).toEqual({ open: 1, engine_a: 1, engine_b: 0 });
      expect(tsla.positions).toEqual({ open: 1, engine_a: 0, engine_b: 1 });
      expect(spy.price).toMatchObject({ source: 'simulated', last: expect.any(Number) });
      expect(spy.bias).toMatchObject({ symbol: 'SPY', direction: expect.any(String) });
      expect(tsla.bias).toBeNull();
      expect(spy.flow).toMatchObject({ entries: expect.any(Number) });
      expect(spy.unavailable).toEqual([]);
      // The same numbers as GET /gamma/SPY (one PositioningService, one cache).
      const gamma = await get('/gamma/SPY');
      expect(gamma.status).toBe(200);
      expect(spy.gamma).toMatchObject({
        net_gex: gamma.body.net_gex,
        zero_gamma_level: gamma.body.zero_gamma_level,
        call_wall: gamma.body.call_wall,
        put_wall: gamma.body.put_wall,
        max_pain: gamma.body.max_pain,
        dealer_position: gamma.body.dealer_position,
      });
    });

    it('defaults to the configured symbols, then those with open positions', async () => {
      const res = await get('/intel/snapshot');
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { symbol: string }) => i.symbol)).toEqual(['SPY', 'QQQ', 'IWM', 'TSLA']);
    });

    it('reads symbols=SPY&symbols=qqq as the list SPY,QQQ', async () => {
      const res = await get('/intel/snapshot?symbols=SPY&symbols=qqq,spy');
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { symbol: string }) => i.symbol)).toEqual(['SPY', 'QQQ']);
    });

    it.each([
      ['symbols=SPY,$$$'],
      ['symbols=,'],
      [`symbols=${Array.from({ length: 21 }, (_, i) => `S${i}`).join(',')}`],
    ])('refuses %s with 400 on symbols', async (query) => {
      const res = await get(`/intel/snapshot?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.reason_code).toBe('validation_failed');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'symbols' })]);
    });
  });
});
