import request from 'supertest';
import { ManualClock } from '../../src/core/clock';
import { eventually } from '../helpers/eventually';
import { startTestApp } from '../helpers/test-app';
import {
  PIPELINE_SECRET,
  postTraceBias,
  postTraceSignal,
  signedPost,
  waitForStatus,
  TRACE_ENTRY,
  TRACE_EXIT,
  traceChain,
} from '../integration/decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const ENTRY = TRACE_ENTRY;
const EXIT = TRACE_EXIT;
const CALL = 'SPY260220C00596000';
const chain = traceChain;

/**
 * The spec's section 17 trace, whole, through the running app on a trading-day clock: webhook -> enrichment ->
 * decision -> order -> fill at 3.52 -> mark at 5.30 -> profit target -> exit fill at 5.28 -> closed with realized P&L
 * +1,584.00 -> outcome captured -> /history/positions. The market is scripted through the webhook provider; fills
 * cross the spread (FILL_MODEL=cross: buy at the ask 3.52, sell at the bid 5.28, marks at the mid).
 */
describe('section 17 trace, end to end', () => {
  let t: Started;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(ENTRY);
    t = await startTestApp({
      clock,
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        STRIKE_SELECTION_MODE: 'atm',
        ENABLE_CONFLUENCE_SIZING: 'false',
        FILL_MODEL: 'cross',
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('turns the SPY alert into a +1,584.00 closed trade with its outcome captured', async () => {
    const post = (path: string, body: object) => signedPost(t.url, path, body);
    expect((await post('/api/webhooks/price', { symbol: 'SPY', price: 595.42, timestamp: ENTRY })).status).toBe(200);
    expect((await post('/api/webhooks/chain', chain(ENTRY, { bid: 3.5, ask: 3.52 }))).status).toBe(200);
    const prints = [
      ...Array.from({ length: 25 }, () => ({
        option_symbol: 'SPY260220C00600000',
        side: 'buy',
        size: 1000,
        price: 5,
        premium: 500_000,
      })),
      ...Array.from({ length: 16 }, () => ({
        option_symbol: 'SPY260220P00590000',
        side: 'buy',
        size: 1000,
        price: 5,
        premium: 500_000,
      })),
    ];
    expect((await post('/api/webhooks/flow', { symbol: 'SPY', timestamp: ENTRY, entries: prints })).status).toBe(200);
    await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');

    // Steps 1-8: the alert, the decision, the order, the fill.
    const res = await postTraceSignal(t.url, ENTRY);
    expect(res.status).toBe(200);
    const signalId: string = res.body.signal_id;
    expect(await waitForStatus(t.dataSource, signalId, ['approved', 'rejected'])).toMatchObject({ status: 'approved' });
    const position = await eventually(async () => {
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT position_id, option_symbol, quantity, entry_price, status, engine FROM positions WHERE signal_id = $1`,
        [signalId],
      );
      return row;
    });
    expect(position).toMatchObject({
      option_symbol: CALL,
      quantity: 9,
      entry_price: '3.5200',
      status: 'open',
      engine: 'A',
    });
    const [openTrade] = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT fill_price, fill_quantity, intent, fill_model FROM trades WHERE position_id = $1`,
      [position.position_id],
    );
    expect(openTrade).toEqual({ fill_price: '3.5200', fill_quantity: 9, intent: 'open', fill_model: 'cross' });

    // Steps 9-10: two hours later the call is marked at 5.30 (+50.57%): profit target; the exit fills at the bid.
    clock.set(EXIT);
    expect((await post('/api/webhooks/price', { symbol: 'SPY', price: 597.9, timestamp: EXIT })).status).toBe(200);
    expect((await post('/api/webhooks/chain', chain(EXIT, { bid: 5.28, ask: 5.32 }))).status).toBe(200);
    const closed = await eventually(async () => {
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT status, realized_pnl, exit_reason, current_price FROM positions WHERE position_id = $1`,
        [position.position_id],
      );
      return row.status === 'closed' ? row : undefined;
    }, 15_000);
    expect(closed).toEqual({
      status: 'closed',
      realized_pnl: '1584.00',
      exit_reason: 'profit_target',
      current_price: '5.2800',
    });
    const [exitTrade] = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT fill_price, fill_quantity, realized_pnl FROM trades WHERE position_id = $1 AND intent = 'close'`,
      [position.position_id],
    );
    expect(exitTrade).toEqual({ fill_price: '5.2800', fill_quantity: 9, realized_pnl: '1584.00' });

    // Step 11: the outcome, with the entry state.
    const outcome = await eventually(async () => {
      const [row] = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT pnl_r::float8 AS pnl_r, pnl_percent::float8 AS pnl_percent, duration_minutes, exit_reason_codes,
                entry_bias_score::float8 AS entry_bias_score, entry_regime, entry_intent, source
           FROM bias_trade_performance WHERE position_id = $1`,
        [position.position_id],
      );
      return row;
    });
    expect(outcome).toEqual({
      pnl_r: 50,
      pnl_percent: 50,
      duration_minutes: 125,
      exit_reason_codes: ['profit_target'],
      entry_bias_score: 72,
      entry_regime: 'TRENDING',
      entry_intent: 'BREAKOUT',
      source: 'live',
    });

    // Step 12: visible in the history.
    const history = await request(t.url).get('/history/positions').set(t.auth);
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({
      position_id: position.position_id,
      realized_pnl: '1584.00',
      exit_reason: 'profit_target',
      status: 'closed',
    });
    // One trace id (the webhook's request id) finds the whole story: the alert, both orders, both fills, the position.
    const trace = await request(t.url)
      .get(`/traces/${res.body.request_id as string}`)
      .set(t.auth);
    expect(trace.status).toBe(200);
    expect(trace.body.signals.map((s: { signal_id: string }) => s.signal_id)).toEqual([signalId]);
    expect(trace.body.orders.map((o: { intent: string }) => o.intent)).toEqual(['open', 'close']);
    expect(trace.body.trades.map((tr: { fill_price: string }) => tr.fill_price)).toEqual(['3.5200', '5.2800']);
    expect(trace.body.positions).toEqual([
      expect.objectContaining({ position_id: position.position_id, realized_pnl: '1584.00' }),
    ]);
    const performance = await request(t.url).get('/analytics/performance').set(t.auth);
    expect(performance.status).toBe(200);
    expect(performance.body.report).toMatchObject({ trades: 1, wins: 1 });
  });
});
