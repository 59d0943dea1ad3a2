import request from 'supertest';
import { ManualClock } from '../../../src/core/clock';
import { startTestApp } from '../../helpers/test-app';
import { DECISION_STEP_ENV, postAndDecide, postTraceBias, scriptSpyMarket } from './pipeline-helpers';
import { eventually } from '../../helpers/eventually';
import { EARLIER_TODAY, insertPosition, YESTERDAY } from './risk-fixtures';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: markets open; the New York day started at 05:00Z. */
const NOW = '2026-02-13T15:30:00.000Z';
/** The 596 call's mid is 3.45: one contract costs $345. */
const CONTRACT_COST = 345;
/** 20% of $20,000: the exposure cap that binds (max_total_exposure stays at $10,000). */
const EQUITY = 20_000;

describe('risk gates on fixture positions (real PostgreSQL and Redis)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        // The decision step only: orders stay pending_execution (fills have their own suites).
        ...DECISION_STEP_ENV,
        MAX_OPEN_POSITIONS: '4',
        MAX_POSITIONS_PER_SYMBOL: '2',
        PAPER_ACCOUNT_EQUITY: String(EQUITY),
        // Several alerts on the same symbol and side within a second: none is a webhook duplicate.
        SIGNAL_DEDUP_WINDOW_SECONDS: '0',
      },
    });
    await scriptSpyMarket(t.url, NOW);
    await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
  });

  afterEach(async () => {
    await t.dataSource.query('DELETE FROM orders');
    await t.dataSource.query('DELETE FROM positions');
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  const post = (body: object) => postAndDecide(t.url, t.dataSource, body);

  const entry = (direction: 'long' | 'short' = 'long') =>
    post({ symbol: 'SPY', direction, timeframe: '5m', timestamp: NOW, price: 595.42, confidence: 75 });

  async function ordersOf(signalId: string) {
    return t.dataSource.query<{ engine: string; quantity: number; status: string; failure_reason: string | null }[]>(
      'SELECT engine, quantity, status, failure_reason FROM orders WHERE signal_id = $1',
      [signalId],
    );
  }

  async function engineA(signalId: string) {
    const res = await request(t.url).get(`/signals/${signalId}/decision`).set(t.auth);
    expect(res.status).toBe(200);
    return res.body.engines.find((e: { engine: string }) => e.engine === 'A') as {
      status: string;
      code: string;
      quantity: number | null;
      steps: { step: string; code: string; detail: string }[];
      gates: { gate: string; pass: boolean; code: string; detail: string }[] | null;
    };
  }

  describe('enrichment limits', () => {
    it('rejects max_open_positions_exceeded when MAX_OPEN_POSITIONS positions are open', async () => {
      for (const [symbol, option] of [
        ['QQQ', 'QQQ260220C00520000'],
        ['IWM', 'IWM260220C00230000'],
        ['DIA', 'DIA260220P00440000'],
        ['AAPL', 'AAPL260220C00250000'],
      ]) {
        await insertPosition(t.dataSource, { symbol, optionSymbol: option });
      }
      const { signalId, status, reason } = await entry();
      expect({ status, reason }).toEqual({ status: 'rejected', reason: 'max_open_positions_exceeded' });
      const [enrichment] = await t.dataSource.query(
        'SELECT rejection_reason, risk_check_result FROM signal_enrichments WHERE signal_id = $1',
        [signalId],
      );
      expect(enrichment).toMatchObject({
        rejection_reason: 'max_open_positions_exceeded',
        risk_check_result: { openPositions: 4, maxOpenPositions: 4 },
      });
      expect(await ordersOf(signalId)).toEqual([]);
    });

    it('rejects max_positions_per_symbol_exceeded when the symbol holds the per-symbol limit', async () => {
      await insertPosition(t.dataSource, { optionSymbol: 'SPY260220C00600000' });
      await insertPosition(t.dataSource, { optionSymbol: 'SPY260220P00590000', type: 'put', status: 'closing' });
      const { signalId, status, reason } = await entry();
      expect({ status, reason }).toEqual({ status: 'rejected', reason: 'max_positions_per_symbol_exceeded' });
      expect(await ordersOf(signalId)).toEqual([]);
    });
  });

  describe('decision gates', () => {
    it('rejects risk_rejected:duplicate_position for an open position on the same symbol, side and engine', async () => {
      await insertPosition(t.dataSource, { optionSymbol: 'SPY260220C00600000', engine: 'A' });
      const { signalId, status, reason } = await entry();
      expect({ status, reason }).toEqual({ status: 'rejected', reason: 'risk_rejected:duplicate_position' });
      const a = await engineA(signalId);
      expect(a.gates?.find((g) => g.gate === 'duplicate_trade')).toMatchObject({
        pass: false,
        code: 'duplicate_position',
      });
      expect(await ordersOf(signalId)).toEqual([]);
    });

    it("lets Engine A in when the same-side position is Engine B's", async () => {
      await insertPosition(t.dataSource, { optionSymbol: 'SPY260220C00600000', engine: 'B' });
      const { signalId, status } = await entry();
      expect(status).toBe('approved');
      expect(await ordersOf(signalId)).toEqual([
        { engine: 'A', quantity: 9, status: 'pending_execution', failure_reason: null },
      ]);
    });

    it('rejects risk_rejected:daily_loss_limit when a position closed today lost more than MAX_DAILY_LOSS', async () => {
      await insertPosition(t.dataSource, {
        optionSymbol: 'SPY260220P00590000',
        type: 'put',
        status: 'closed',
        realizedPnl: -1200,
        exitTimestamp: EARLIER_TODAY,
      });
      const { signalId, status, reason } = await entry();
      expect({ status, reason }).toEqual({ status: 'rejected', reason: 'risk_rejected:daily_loss_limit' });
      expect(await ordersOf(signalId)).toEqual([]);
    });

    it("ignores yesterday's loss for the daily loss limit", async () => {
      await insertPosition(t.dataSource, {
        optionSymbol: 'SPY260220P00590000',
        type: 'put',
        status: 'closed',
        realizedPnl: -1200,
        exitTimestamp: YESTERDAY,
      });
      const { signalId, status } = await entry();
      expect(status).toBe('approved');
      expect((await ordersOf(signalId)).map((o) => o.quantity)).toEqual([9]);
    });

    it('caps the quantity to the exposure room left: $3,000 open of a $4,000 cap buys 2 contracts', async () => {
      await insertPosition(t.dataSource, {
        symbol: 'QQQ',
        optionSymbol: 'QQQ260220C00520000',
        quantity: 6,
        entryPrice: 5,
      });
      const { signalId, status } = await entry();
      expect(status).toBe('approved');
      const expected = Math.floor((EQUITY * 0.2 - 3000) / CONTRACT_COST);
      expect(expected).toBe(2);
      expect((await ordersOf(signalId)).map((o) => o.quantity)).toEqual([expected]);
      const a = await engineA(signalId);
      expect(a.steps.find((s) => s.step === 'sizing')?.detail).toContain(`cap_exposure=${expected}`);
      expect(a.gates?.find((g) => g.gate === 'exposure')).toMatchObject({ pass: true });
    });

    it('trades nothing when the exposure cap is already used up', async () => {
      await insertPosition(t.dataSource, {
        symbol: 'QQQ',
        optionSymbol: 'QQQ260220C00520000',
        quantity: 8,
        entryPrice: 5,
      });
      const { signalId, status, reason } = await entry();
      expect(status).toBe('rejected');
      const a = await engineA(signalId);
      expect(a.steps.find((s) => s.step === 'sizing')?.detail).toContain('cap_exposure=0');
      // Sizing leaves no contract before the exposure gate is reached; the code names the cap, not a reduction.
      expect(reason).toBe('no_recommendation:exposure_cap_exhausted');
      expect(await ordersOf(signalId)).toEqual([]);
    });

    it("counts today's realized loss once in the exposure cap: the contract sizing allows passes the gate", async () => {
      // Session-open equity $20,000; today's -$500 leaves $19,500, so the cap is 20% = $3,900. With $3,500 open,
      // sizing buys floor($400 / $345) = 1 contract: $3,845, within the cap.
      await insertPosition(t.dataSource, {
        optionSymbol: 'SPY260220P00590000',
        type: 'put',
        status: 'closed',
        realizedPnl: -500,
        exitTimestamp: EARLIER_TODAY,
      });
      await insertPosition(t.dataSource, {
        symbol: 'QQQ',
        optionSymbol: 'QQQ260220C00520000',
        quantity: 7,
        entryPrice: 5,
      });
      const { signalId, status, reason } = await entry();
      const a = await engineA(signalId);
      expect(a.steps.find((s) => s.step === 'sizing')?.detail).toContain('cap_exposure=1');
      expect(a.gates?.find((g) => g.gate === 'exposure')).toMatchObject({
        pass: true,
        detail: '$3500.00 open + $345.00 proposed = $3845.00 within $3900.00',
      });
      expect({ status, reason }).toEqual({ status: 'approved', reason: null });
      expect((await ordersOf(signalId)).map((o) => o.quantity)).toEqual([1]);
    });
  });

  describe('exit and cancel alerts', () => {
    async function closeRecommendations(signalId: string) {
      return t.dataSource.query<
        {
          engine: string;
          quantity: number;
          rationale: { kind: string; status: string; positions: { positionId: string; quantity: number }[] };
        }[]
      >('SELECT engine, quantity, rationale FROM decision_recommendations WHERE signal_id = $1', [signalId]);
    }

    it('an exit alert with an open SPY long: approved, a close decision naming the position, one closing order', async () => {
      const long = await insertPosition(t.dataSource, { optionSymbol: 'SPY260220C00600000', quantity: 3 });
      await insertPosition(t.dataSource, { optionSymbol: 'SPY260220P00590000', type: 'put' });
      const { signalId, status, reason } = await post({ symbol: 'SPY', action: 'exit', direction: 'long' });
      expect({ status, reason }).toEqual({ status: 'approved', reason: null });
      const recs = await closeRecommendations(signalId);
      expect(recs).toHaveLength(1);
      expect(recs[0]).toMatchObject({ engine: 'A', quantity: 3, rationale: { kind: 'close' } });
      expect(recs[0].rationale.positions).toEqual([expect.objectContaining({ positionId: long, quantity: 3 })]);
      // The close decision is carried out through the PositionCloser: one closing order for the long, none opened.
      // The closer runs right after the decision commits.
      expect(await eventually(async () => (await ordersOf(signalId)).length > 0 && ordersOf(signalId))).toEqual([
        expect.objectContaining({ engine: 'A', quantity: 3 }),
      ]);
      const orders = await t.dataSource.query<{ intent: string; position_id: string }[]>(
        'SELECT intent, position_id FROM orders',
      );
      expect(orders).toEqual([{ intent: 'close', position_id: long }]);
    });

    it('a closelong alert closes the long position the same way', async () => {
      const long = await insertPosition(t.dataSource, { optionSymbol: 'SPY260220C00600000' });
      const { signalId, status } = await post({ symbol: 'SPY', action: 'closelong', timeframe: '5m' });
      expect(status).toBe('approved');
      const recs = await closeRecommendations(signalId);
      expect(recs.map((r) => r.rationale.kind)).toEqual(['close']);
      expect(recs[0].rationale.positions.map((p) => p.positionId)).toEqual([long]);
      expect(await eventually(async () => (await ordersOf(signalId)).length > 0 && ordersOf(signalId))).toEqual([
        expect.objectContaining({ engine: 'A', quantity: 1 }),
      ]);
    });

    it('an exit alert without an open position is rejected no_open_position', async () => {
      await insertPosition(t.dataSource, { optionSymbol: 'SPY260220P00590000', type: 'put' });
      const { signalId, status, reason } = await post({ symbol: 'SPY', action: 'exit', direction: 'long' });
      expect({ status, reason }).toEqual({ status: 'rejected', reason: 'no_open_position' });
      expect(await closeRecommendations(signalId)).toEqual([]);
    });

    it('a cancel alert withdraws the pending entry order', async () => {
      // Entries fill at once in session: the pending entry is seeded (as if waiting for a quote or the open).
      const [{ order_id: orderId }] = await t.dataSource.query<{ order_id: string }[]>(
        `INSERT INTO orders (intent, symbol, option_symbol, strike, expiration, type, quantity, order_type, status,
                             engine, created_at, updated_at)
         VALUES ('open', 'SPY', 'SPY260220C00596000', 596, '2026-02-20', 'call', 9, 'paper', 'pending_execution', 'A',
                 $1, $1)
         RETURNING order_id`,
        [t.clock.now()],
      );
      const { status } = await post({ symbol: 'SPY', action: 'cancel', direction: 'long' });
      expect(status).toBe('approved');
      const [order] = await t.dataSource.query<Record<string, unknown>[]>(
        'SELECT engine, quantity, status, failure_reason FROM orders WHERE order_id = $1',
        [orderId],
      );
      expect(order).toEqual({ engine: 'A', quantity: 9, status: 'failed', failure_reason: 'cancelled_by_signal' });
    });
  });
});
