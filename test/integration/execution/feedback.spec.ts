import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../../src/core/clock';
import { FeedbackService } from '../../../src/feedback/feedback.service';
import { TunedParameters } from '../../../src/feedback/tuned-parameters.service';
import { startTestApp } from '../../helpers/test-app';
import {
  PIPELINE_SECRET,
  postTraceBias,
  postTraceSignal,
  scriptSpyMarket,
  waitForStatus,
} from '../decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: markets open. */
const NOW = '2026-02-13T15:30:00.000Z';
/**
 * Monday 2026-02-09 07:00 New York, before every inserted close: the outbox sweep only re-offers closes older than
 * its grace period on the platform clock, so the capture tests, not the sweep, capture the inserted positions.
 */
const BEFORE_THE_CLOSES = '2026-02-09T12:00:00.000Z';
const MIN_SAMPLES = 5;
const PAPER_EQUITY = 100_000;

const ENV = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  STRIKE_SELECTION_MODE: 'atm',
  ENABLE_CONFLUENCE_SIZING: 'false',
  ADAPTIVE_TUNING_MIN_SAMPLES: String(MIN_SAMPLES),
  OUTBOX_SWEEP_INTERVAL_MS: '600000',
  PAPER_ACCOUNT_EQUITY: String(PAPER_EQUITY),
};

interface Closed {
  signalId?: string | null;
  optionSymbol: string;
  entryPrice: string;
  quantity: number;
  realized: string;
  entryAt: string;
  exitAt: string;
  exitReason?: string;
  regime?: string | null;
}

let optionSeq = 0;

async function insertSignal(dataSource: DataSource, confidence: number): Promise<string> {
  const [row] = await dataSource.query<{ signal_id: string }[]>(
    `INSERT INTO signals (symbol, action, direction, timeframe, timestamp, price, status, raw_payload, dedup_key,
                          received_at, processed)
     VALUES ('SPY', 'entry', 'long', '5m', $1, 595.42, 'approved', $2::jsonb, md5(random()::text), $1, true)
     RETURNING signal_id`,
    ['2026-02-09T14:55:00.000Z', JSON.stringify({ symbol: 'SPY', direction: 'long', confidence })],
  );
  return row.signal_id;
}

async function insertVote(
  dataSource: DataSource,
  signalId: string,
  agent: string,
  bias: 'bullish' | 'bearish' | 'neutral',
  confidence: number,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO agent_decisions (signal_id, agent_name, agent_type, bias, confidence, reasons)
     VALUES ($1, $2, 'core', $3, $4, '[]'::jsonb)`,
    [signalId, agent, bias, confidence],
  );
}

async function insertClosed(dataSource: DataSource, spec: Closed): Promise<string> {
  const [row] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (signal_id, symbol, option_symbol, strike, expiration, type, direction, quantity,
                            entry_price, current_price, unrealized_pnl, realized_pnl, status, entry_timestamp,
                            exit_timestamp, exit_reason, engine, entry_regime_type, last_updated)
     VALUES ($1, 'SPY', $2, 596, '2026-02-20', 'call', 'long', $3, $4, $4, 0, $5, 'closed', $6, $7, $8, 'A', $9, $7)
     RETURNING position_id`,
    [
      spec.signalId ?? null,
      spec.optionSymbol,
      spec.quantity,
      spec.entryPrice,
      spec.realized,
      spec.entryAt,
      spec.exitAt,
      spec.exitReason ?? 'profit_target',
      spec.regime ?? null,
    ],
  );
  return row.position_id;
}

/** Losing, low-confidence Engine A trades in a TRENDING regime, with their bias_trade_performance rows. */
async function insertLosingTrending(dataSource: DataSource, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const signalId = await insertSignal(dataSource, 22);
    optionSeq += 1;
    const entryAt = new Date(Date.parse('2026-02-12T15:00:00.000Z') + i * 10 * 60_000).toISOString();
    const exitAt = new Date(Date.parse(entryAt) + 30 * 60_000).toISOString();
    const id = await insertClosed(dataSource, {
      signalId,
      optionSymbol: `SPY260220C00${500 + optionSeq}000`,
      entryPrice: '2.0000',
      quantity: 1,
      realized: '-50.00',
      entryAt,
      exitAt,
      exitReason: 'stop_loss',
      regime: 'TRENDING',
    });
    await dataSource.query(
      `INSERT INTO bias_trade_performance (position_id, symbol, direction, pnl_r, pnl_percent, duration_minutes,
                                           entry_regime, exit_reason_codes, source, created_at)
       VALUES ($1, 'SPY', 'long', -25, -25, 30, 'TRENDING', '{stop_loss}', 'live', $2)`,
      [id, exitAt],
    );
    ids.push(id);
  }
  return ids;
}

async function historyRows(dataSource: DataSource): Promise<Record<string, unknown>[]> {
  return dataSource.query<Record<string, unknown>[]>(
    `SELECT config_key, old_value, new_value, reason FROM bias_adaptive_config_history ORDER BY config_key`,
  );
}

describe('performance feedback (real PostgreSQL and Redis)', () => {
  let t: Started;
  let feedback: FeedbackService;
  let p1: string;
  let p2: string;
  let s1: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(BEFORE_THE_CLOSES), env: ENV });
    feedback = t.app.get(FeedbackService);
    const ds = t.dataSource;
    s1 = await insertSignal(ds, 75);
    const s2 = await insertSignal(ds, 80);
    const s3 = await insertSignal(ds, 70);
    await insertVote(ds, s1, 'context', 'bullish', 70);
    await insertVote(ds, s1, 'technical', 'bearish', 60);
    await insertVote(ds, s1, 'risk', 'neutral', 50);
    await insertVote(ds, s2, 'context', 'bullish', 80);
    await insertVote(ds, s3, 'context', 'bullish', 60);
    await insertVote(ds, s3, 'technical', 'bullish', 70);
    // Three closes on three New York days: +150 (cost 1000), -80 (cost 800), +40 (cost 400); s2 is never traded.
    p1 = await insertClosed(ds, {
      signalId: s1,
      optionSymbol: 'SPY260220C00596000',
      entryPrice: '2.0000',
      quantity: 5,
      realized: '150.00',
      entryAt: '2026-02-09T15:00:00.000Z',
      exitAt: '2026-02-09T17:00:00.000Z',
    });
    p2 = await insertClosed(ds, {
      signalId: s3,
      optionSymbol: 'SPY260220C00597000',
      entryPrice: '1.6000',
      quantity: 5,
      realized: '-80.00',
      entryAt: '2026-02-10T15:00:00.000Z',
      exitAt: '2026-02-10T16:00:00.000Z',
      exitReason: 'stop_loss',
    });
    await insertClosed(ds, {
      optionSymbol: 'SPY260220C00598000',
      entryPrice: '1.0000',
      quantity: 4,
      realized: '40.00',
      entryAt: '2026-02-11T15:00:00.000Z',
      exitAt: '2026-02-11T15:30:00.000Z',
    });
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  describe('outcome capture', () => {
    it('captures a closed position once; a second capture is a no-op', async () => {
      expect(await feedback.capture(p1, 'live')).toEqual({ captured: true });
      expect(await feedback.capture(p1, 'live')).toEqual({ captured: false });
      const rows = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT symbol, direction, pnl_r::float8 AS pnl_r, pnl_percent::float8 AS pnl_percent, duration_minutes,
                exit_reason_codes, source
           FROM bias_trade_performance WHERE position_id = $1`,
        [p1],
      );
      expect(rows).toEqual([
        {
          symbol: 'SPY',
          direction: 'long',
          pnl_r: 15,
          pnl_percent: 15,
          duration_minutes: 120,
          exit_reason_codes: ['profit_target'],
          source: 'live',
        },
      ]);
    });

    it('captures nothing for a position that is not closed', async () => {
      const [open] = await t.dataSource.query<{ position_id: string }[]>(
        `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                                status, entry_timestamp, engine)
         VALUES ('SPY', 'SPY260220C00599000', 599, '2026-02-20', 'call', 'long', 1, 1, 'open', $1, 'A')
         RETURNING position_id`,
        [NOW],
      );
      expect(await feedback.capture(open.position_id, 'live')).toEqual({ captured: false });
      await t.dataSource.query('DELETE FROM positions WHERE position_id = $1', [open.position_id]);
    });

    it('credits a trade only to the agents that voted for its direction (agent_performance)', async () => {
      expect(await feedback.capture(p2, 'live')).toEqual({ captured: true });
      const rows = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT agent_name, total_signals, approved_signals, rejected_signals, total_trades, winning_trades,
                losing_trades, avg_confidence, win_rate, avg_win, avg_loss, expectancy
           FROM agent_performance ORDER BY agent_name`,
      );
      expect(rows).toEqual([
        {
          agent_name: 'context',
          total_signals: 3,
          approved_signals: 2,
          rejected_signals: 0,
          total_trades: 2,
          winning_trades: 1,
          losing_trades: 1,
          avg_confidence: '70.00',
          win_rate: '50.00',
          avg_win: '150.00',
          avg_loss: '-80.00',
          expectancy: '35.00',
        },
        {
          agent_name: 'risk',
          total_signals: 1,
          approved_signals: 0,
          rejected_signals: 0,
          total_trades: 0,
          winning_trades: 0,
          losing_trades: 0,
          avg_confidence: '50.00',
          win_rate: null,
          avg_win: null,
          avg_loss: null,
          expectancy: null,
        },
        {
          agent_name: 'technical',
          total_signals: 2,
          approved_signals: 1,
          rejected_signals: 1,
          total_trades: 1,
          winning_trades: 0,
          losing_trades: 1,
          avg_confidence: '65.00',
          win_rate: '0.00',
          avg_win: null,
          avg_loss: '-80.00',
          expectancy: '-80.00',
        },
      ]);
      const api = await request(t.url).get('/analytics/agents').set(t.auth);
      expect(api.status).toBe(200);
      expect(api.body.total).toBe(3);
    });
  });

  describe('GET /analytics/performance', () => {
    beforeAll(() => {
      t.clock.set(NOW);
    });

    it('reports win rate, expectancy, profit factor, drawdown and Sharpe as computed by hand', async () => {
      const res = await request(t.url).get('/analytics/performance').set(t.auth);
      expect(res.status).toBe(200);
      const report = res.body.report as Record<string, unknown>;
      // Daily P&L +150, -80, +40 (one close per New York day).
      const daily = [150, -80, 40];
      const meanDaily = (150 - 80 + 40) / 3;
      const variance = daily.reduce((s, d) => s + (d - meanDaily) ** 2, 0) / (daily.length - 1);
      expect(report).toMatchObject({
        trades: 3,
        wins: 2,
        losses: 1,
        scratches: 0,
        avg_win: 95,
        avg_loss: -80,
        total_pnl: 110,
        gross_profit: 190,
        gross_loss: 80,
        profit_factor: 2.375,
        trading_days: 3,
        max_drawdown: { amount: 80, peak_pnl: 150, trough_pnl: 70 },
        duration_stats: { mean: 70, median: 60, p90: 120 },
      });
      expect(report.win_rate).toBeCloseTo(200 / 3, 6);
      expect(report.expectancy).toBeCloseTo(110 / 3, 6);
      expect((report.max_drawdown as { percent: number }).percent).toBeCloseTo((80 / (PAPER_EQUITY + 150)) * 100, 8);
      expect(report.sharpe_daily).toBeCloseTo((meanDaily / Math.sqrt(variance)) * Math.sqrt(252), 6);
      expect(res.body).toMatchObject({ source: 'live', engine: null });
    });
  });

  describe('adaptive tuner (ADAPTIVE_TUNING_MIN_SAMPLES=5)', () => {
    it('changes nothing with fewer outcomes than the minimum', async () => {
      const result = await feedback.runTuner();
      expect(result.changes).toEqual([]);
      expect(result.skipped).toEqual(
        expect.arrayContaining([`insufficient_samples:regimeRiskMultipliers.TRENDING:0/5`]),
      );
      expect(await historyRows(t.dataSource)).toEqual([]);
    });

    describe('with six losing low-confidence TRENDING trades', () => {
      let result: Awaited<ReturnType<FeedbackService['runTuner']>>;

      beforeAll(async () => {
        await insertLosingTrending(t.dataSource, 6);
        result = await feedback.runTuner();
      });

      it('moves the TRENDING multiplier down one step (1 -> 0.9), within bounds, audited', async () => {
        expect(result.changes).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ key: 'regimeRiskMultipliers.TRENDING', oldValue: 1, newValue: 0.9, samples: 6 }),
          ]),
        );
        for (const change of result.changes) {
          const step = change.key.startsWith('regimeRiskMultipliers.') ? 0.1 : 5;
          expect(Math.abs(change.newValue - change.oldValue)).toBeLessThanOrEqual(step + 1e-9);
          expect(change.samples).toBeGreaterThanOrEqual(MIN_SAMPLES);
        }
        const { confidenceHardFloor, confidenceSoftFloor, regimeRiskMultipliers } = result.parameters;
        expect(confidenceHardFloor).toBeGreaterThanOrEqual(10);
        expect(confidenceHardFloor).toBeLessThanOrEqual(40);
        expect(confidenceSoftFloor).toBeGreaterThanOrEqual(30);
        expect(confidenceSoftFloor).toBeLessThanOrEqual(60);
        expect(confidenceSoftFloor).toBeGreaterThanOrEqual(confidenceHardFloor);
        for (const value of Object.values(regimeRiskMultipliers)) {
          expect(value).toBeGreaterThanOrEqual(0.5);
          expect(value).toBeLessThanOrEqual(1.5);
        }
        const history = await historyRows(t.dataSource);
        expect(history).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              config_key: 'regimeRiskMultipliers.TRENDING',
              old_value: { value: 1 },
              new_value: { value: 0.9, samples: 6 },
            }),
          ]),
        );
        expect(history).toHaveLength(result.changes.length);
        expect((await t.app.get(TunedParameters).current()).regimeRiskMultipliers.TRENDING).toBe(0.9);
      });

      it("raises Engine A's hard confidence floor one step (20 -> 25): the losers entered at confidence 22", async () => {
        // The bucket just above the hard floor is [20, 30): six losing trades entered at the signal's confidence 22.
        expect(result.changes).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ key: 'confidenceHardFloor', oldValue: 20, newValue: 25, samples: 6 }),
          ]),
        );
        expect((await t.app.get(TunedParameters).current()).confidenceHardFloor).toBe(25);
      });

      it("feeds the tuned value into the next decision (Engine A's tuned_parameters step)", async () => {
        await scriptSpyMarket(t.url, NOW);
        await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
        const res = await postTraceSignal(t.url, NOW);
        expect(res.status).toBe(200);
        const signalId = res.body.signal_id as string;
        await waitForStatus(t.dataSource, signalId, ['approved', 'rejected']);
        const decision = await request(t.url).get(`/signals/${signalId}/decision`).set(t.auth);
        expect(decision.status).toBe(200);
        const engineA = (
          decision.body.engines as { engine: string; steps: { step: string; code: string; detail: string }[] }[]
        ).find((e) => e.engine === 'A');
        const step = engineA?.steps.find((s) => s.step === 'tuned_parameters');
        expect(step?.detail).toContain('regime TRENDING size x0.9');
        const tuned = await t.app.get(TunedParameters).current();
        expect(step?.detail).toContain(`confidence floors ${tuned.confidenceHardFloor}/${tuned.confidenceSoftFloor}`);
      });
    });
  });
});

describe('performance feedback with ADAPTIVE_TUNING_ENABLED=false (real PostgreSQL and Redis)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW), env: { ...ENV, ADAPTIVE_TUNING_ENABLED: 'false' } });
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  it('changes nothing even with enough losing outcomes', async () => {
    await insertLosingTrending(t.dataSource, 6);
    const result = await t.app.get(FeedbackService).runTuner();
    expect(result.changes).toEqual([]);
    expect(result.skipped).toEqual(['disabled']);
    expect(await historyRows(t.dataSource)).toEqual([]);
    const tuned = await t.app.get(TunedParameters).current();
    expect(tuned).toMatchObject({ confidenceHardFloor: 20, confidenceSoftFloor: 40 });
    expect(tuned.regimeRiskMultipliers.TRENDING).toBe(1);
  });
});
