import { ManualClock } from '../../../src/core/clock';
import { DecisionService } from '../../../src/decision/decision.service';
import { eventually } from '../../helpers/eventually';
import { startTestApp } from '../../helpers/test-app';
import { DECISION_STEP_ENV, postAndDecide, postTraceBias, scriptSpyMarket } from './pipeline-helpers';
import { insertPosition } from './risk-fixtures';

/** Friday 2026-02-13 10:30 New York: markets open. */
const NOW = '2026-02-13T15:30:00.000Z';
/** 10:25 New York: five minutes before NOW, under MIN_HOLD_MINUTES_FOR_CAPACITY_CLOSE (15). */
const FIVE_MINUTES_AGO = '2026-02-13T15:25:00.000Z';

/** POSITION_REPLACEMENT_ENABLED: a strong entry at a full book takes the weakest position's slot. */
describe('position replacement (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(NOW),
      env: {
        // The decision step only: orders stay pending_execution.
        ...DECISION_STEP_ENV,
        MAX_OPEN_POSITIONS: '2',
        POSITION_REPLACEMENT_ENABLED: 'true',
        MIN_CONFIDENCE_FOR_REPLACEMENT: '70',
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

  const entry = (confidence: number) =>
    postAndDecide(t.url, t.dataSource, {
      symbol: 'SPY',
      direction: 'long',
      timeframe: '5m',
      timestamp: NOW,
      price: 595.42,
      confidence,
    });

  /** A full book: QQQ up 20%, IWM down 30%, both held 45 minutes. */
  async function fullBook() {
    const winner = await insertPosition(t.dataSource, {
      symbol: 'QQQ',
      optionSymbol: 'QQQ260220C00520000',
      entryPrice: 5,
      currentPrice: 6,
    });
    const loser = await insertPosition(t.dataSource, {
      symbol: 'IWM',
      optionSymbol: 'IWM260220C00230000',
      entryPrice: 2,
      currentPrice: 1.4,
    });
    return { winner, loser };
  }

  const positions = () =>
    t.dataSource.query<{ position_id: string; status: string; exit_reason: string | null }[]>(
      'SELECT position_id, status, exit_reason FROM positions ORDER BY symbol',
    );
  const orders = () =>
    t.dataSource.query<
      { signal_id: string | null; intent: string; symbol: string; position_id: string | null; exit_reason: string }[]
    >('SELECT signal_id, intent, symbol, position_id, exit_reason FROM orders ORDER BY intent, symbol');

  it('a confident entry at a full book closes the weakest position and takes its slot', async () => {
    const { winner, loser } = await fullBook();
    const { signalId, status, reason } = await entry(75);
    expect({ status, reason }).toEqual({ status: 'approved', reason: null });

    // The close is asked for right after the decision commits.
    await eventually(async () => (await orders()).length === 2);
    expect(await positions()).toEqual([
      { position_id: loser, status: 'closing', exit_reason: 'capacity_replacement' },
      { position_id: winner, status: 'open', exit_reason: null },
    ]);
    expect(await orders()).toEqual([
      { signal_id: signalId, intent: 'close', symbol: 'IWM', position_id: loser, exit_reason: 'capacity_replacement' },
      { signal_id: signalId, intent: 'open', symbol: 'SPY', position_id: null, exit_reason: null },
    ]);
    const [recommendation] = await t.dataSource.query<{ replaces: unknown }[]>(
      `SELECT rationale -> 'replaces' AS replaces FROM decision_recommendations WHERE signal_id = $1 AND engine = 'A'`,
      [signalId],
    );
    expect(recommendation.replaces).toEqual({
      positionId: loser,
      optionSymbol: 'IWM260220C00230000',
      pnlPct: -30,
      heldMinutes: 45,
    });

    // A retried decision job finds the signal decided and asks for nothing twice.
    expect(await t.app.get(DecisionService).decide(signalId)).toEqual({ kind: 'skipped', reason: 'already_decided' });
    expect(await orders()).toHaveLength(2);
  });

  it('a signal under MIN_CONFIDENCE_FOR_REPLACEMENT is refused at the full book and closes nothing', async () => {
    await fullBook();
    const { status, reason } = await entry(65);
    expect({ status, reason }).toEqual({ status: 'rejected', reason: 'max_open_positions_exceeded' });
    expect((await positions()).map((p) => p.status)).toEqual(['open', 'open']);
    expect(await orders()).toEqual([]);
  });

  it('positions held under MIN_HOLD_MINUTES_FOR_CAPACITY_CLOSE are not replaced', async () => {
    for (const [symbol, option] of [
      ['QQQ', 'QQQ260220C00520000'],
      ['IWM', 'IWM260220C00230000'],
    ]) {
      await insertPosition(t.dataSource, { symbol, optionSymbol: option, openedAt: FIVE_MINUTES_AGO });
    }
    const { status, reason } = await entry(90);
    expect({ status, reason }).toEqual({ status: 'rejected', reason: 'risk_rejected:max_open_positions_exceeded' });
    expect((await positions()).map((p) => p.status)).toEqual(['open', 'open']);
    expect(await orders()).toEqual([]);
  });
});
