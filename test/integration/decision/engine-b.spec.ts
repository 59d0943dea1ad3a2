import { Injectable, Module } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { AgentDescriptor, AgentOutput } from '../../../src/core/agents';
import { ManualClock } from '../../../src/core/clock';
import { EngineBAgent, EngineBAgentProvider } from '../../../src/decision/engine-b/engine-b-agent.decorator';
import { startTestApp, type TestAppOptions } from '../../helpers/test-app';
import { PIPELINE_SECRET, postTraceBias, scriptSpyMarket, signedPost, waitForStatus } from './pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: markets open. */
const NOW = '2026-02-13T15:30:00.000Z';
/** The trace's option: the 596 call mid is 3.45, so one contract costs $345. */
const CONTRACT_COST = 345;

const BASE_ENV = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  STRIKE_SELECTION_MODE: 'atm',
  ENABLE_CONFLUENCE_SIZING: 'false',
  // Several signals on the same symbol and side within a second: none is a webhook duplicate.
  SIGNAL_DEDUP_WINDOW_SECONDS: '0',
};

/** A bullish specialist at 90: with the four agents that vote on the webhook provider's data, B approves. */
@Injectable()
@EngineBAgent()
class AlwaysBullAgent implements EngineBAgentProvider {
  readonly descriptor: AgentDescriptor = {
    name: 'always-bull',
    type: 'specialist',
    featureFlag: null,
    confidenceBounds: { min: 0, max: 100 },
  };

  run(): AgentOutput {
    return { agent: 'always-bull', type: 'specialist', bias: 'bullish', confidence: 90, reasons: ['always'] };
  }
}

@Module({ providers: [AlwaysBullAgent] })
class AlwaysBullModule {}

interface Decision {
  status: string;
  rejection_reason: string | null;
  experiment: { variant: string; execution_mode: string; executed_engine: string | null; shadow_engine: string | null };
  engines: {
    engine: string;
    status: string;
    code: string;
    is_shadow: boolean;
    quantity: number | null;
    entry_price: string | null;
    steps: { step: string; code: string; detail: string }[];
    meta: { decision: string; bias: string; vetoedBy: string | null; contributingAgents: string[]; reasons: string[] };
    agent_runs: { agent: string; type: string; status: string }[] | null;
    policy: { capitalShare: { A: number; B: number } } | null;
  }[];
  agents: { agent: string; type: string; bias: string; confidence: number; reasons: string[]; block: boolean }[];
  orders: { engine: string; quantity: number; status: string; option_symbol: string }[];
}

async function postEntry(t: Started, direction: 'long' | 'short' = 'long'): Promise<string> {
  const res = await signedPost(t.url, '/webhook', {
    symbol: 'SPY',
    direction,
    timeframe: '5m',
    timestamp: NOW,
    price: 595.42,
    confidence: 75,
  });
  expect(res.status).toBe(200);
  const signalId: string = res.body.signal_id;
  await waitForStatus(t.dataSource, signalId, ['approved', 'rejected']);
  return signalId;
}

async function decisionOf(t: Started, signalId: string): Promise<Decision> {
  const res = await request(t.url).get(`/signals/${signalId}/decision`).set(t.auth);
  expect(res.status).toBe(200);
  return res.body as Decision;
}

function engine(decision: Decision, name: 'A' | 'B') {
  const found = decision.engines.find((e) => e.engine === name);
  if (!found) {
    throw new Error(`no engine ${name} recommendation in ${JSON.stringify(decision.engines.map((e) => e.engine))}`);
  }
  return found;
}

async function setKillSwitch(dataSource: DataSource, enabled: boolean): Promise<void> {
  await dataSource.query(
    `INSERT INTO feature_flags (name, enabled, updated_by) VALUES ('kill_switch', $1, 'test')
     ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by`,
    [enabled],
  );
}

async function resetTrading(dataSource: DataSource): Promise<void> {
  await dataSource.query('DELETE FROM orders');
  await dataSource.query('DELETE FROM positions');
  await setKillSwitch(dataSource, false);
}

async function boot(env: Record<string, string>, extraModules: TestAppOptions['extraModules'] = []): Promise<Started> {
  const t = await startTestApp({ clock: new ManualClock(NOW), env: { ...BASE_ENV, ...env }, extraModules });
  await scriptSpyMarket(t.url, NOW);
  await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
  return t;
}

describe('Engine B on the whole pipeline (real PostgreSQL and Redis)', () => {
  describe('ENABLE_VARIANT_B=true, AB_SPLIT_PERCENTAGE=100, EXECUTION_MODE auto: every signal to B', () => {
    let t: Started;

    beforeAll(async () => {
      t = await boot({
        ENABLE_VARIANT_B: 'true',
        AB_SPLIT_PERCENTAGE: '100',
        // ORB and TTM on (they find no candles: not applicable), Strat and Satyland off (disabled).
        ENABLE_ORB_SPECIALIST: 'true',
        ENABLE_TTM_SPECIALIST: 'true',
        ENABLE_STRAT_SPECIALIST: 'false',
        ENABLE_SATYLAND_SUBAGENT: 'false',
      });
    });

    afterEach(async () => {
      await resetTrading(t.dataSource);
    });

    afterAll(async () => {
      await t?.close();
      await t?.dropDatabase();
    });

    it('assigns B, stores one agent_decisions row per voting agent and explains the meta decision', async () => {
      const signalId = await postEntry(t);
      const rows = await t.dataSource.query<{ agent_name: string; agent_type: string; bias: string; block: boolean }[]>(
        'SELECT agent_name, agent_type, bias, block FROM agent_decisions WHERE signal_id = $1 ORDER BY agent_name',
        [signalId],
      );
      // The webhook provider has no candles: ORB and TTM have nothing to say, Strat and Satyland are off.
      expect(rows.map((r) => r.agent_name)).toEqual(['context', 'gamma-flow', 'risk', 'technical']);
      const byName = Object.fromEntries(rows.map((r) => [r.agent_name, r]));
      expect(byName.risk).toMatchObject({ agent_type: 'core', bias: 'neutral', block: false });
      expect(byName['gamma-flow']).toMatchObject({ agent_type: 'specialist', bias: 'bullish' });
      expect(byName.context).toMatchObject({ agent_type: 'core', bias: 'bullish' });
      // Every row of the decision carries the platform clock's time, not the database's.
      const stamps = await t.dataSource.query<{ source: string; at: Date }[]>(
        `SELECT 'agent_decisions' AS source, created_at AS at FROM agent_decisions WHERE signal_id = $1
         UNION ALL SELECT 'experiments', created_at FROM experiments WHERE signal_id = $1
         UNION ALL SELECT 'execution_policies', p.created_at FROM execution_policies p
                     JOIN experiments e ON e.experiment_id = p.experiment_id WHERE e.signal_id = $1
         UNION ALL SELECT 'decision_recommendations', created_at FROM decision_recommendations WHERE signal_id = $1
         UNION ALL SELECT 'decision_recommendations', updated_at FROM decision_recommendations WHERE signal_id = $1`,
        [signalId],
      );
      expect(new Set(stamps.map((r) => r.source)).size).toBe(4);
      expect(new Set(stamps.map((r) => r.at.toISOString()))).toEqual(new Set([t.clock.now().toISOString()]));

      const decision = await decisionOf(t, signalId);
      expect(decision.experiment).toMatchObject({
        variant: 'B',
        execution_mode: 'ENGINE_B_PRIMARY',
        executed_engine: 'B',
      });
      expect(decision.engines.map((e) => e.engine)).toEqual(['B']);
      const b = engine(decision, 'B');
      // context 75 and gamma-flow 80 bullish against technical and risk neutral: 40.2 < 50.
      expect(b.meta).toMatchObject({
        decision: 'reject',
        bias: 'bullish',
        vetoedBy: null,
        contributingAgents: ['context', 'gamma-flow'],
        reasons: ['low_consensus'],
      });
      expect(decision).toMatchObject({ status: 'rejected', rejection_reason: 'no_recommendation:low_consensus' });
      const runs = Object.fromEntries((b.agent_runs ?? []).map((r) => [r.agent, r.status]));
      expect(runs).toEqual({
        context: 'voted',
        technical: 'voted',
        risk: 'voted',
        'gamma-flow': 'voted',
        orb: 'not_applicable',
        ttm: 'not_applicable',
        strat: 'disabled',
        satyland: 'disabled',
      });
      expect(decision.agents.map((a) => a.agent).sort()).toEqual(['context', 'gamma-flow', 'risk', 'technical']);
      expect(decision.orders).toEqual([]);
    });

    it('with the kill switch row on, the risk agent vetoes: risk_agent_blocked', async () => {
      await setKillSwitch(t.dataSource, true);
      const signalId = await postEntry(t);
      const decision = await decisionOf(t, signalId);
      expect(decision.status).toBe('rejected');
      expect(decision.rejection_reason).toContain('risk_agent_blocked');
      const b = engine(decision, 'B');
      expect(b.code).toBe('risk_agent_blocked');
      expect(b.meta).toMatchObject({ decision: 'reject', vetoedBy: 'risk', contributingAgents: [] });
      expect(b.meta.reasons).toEqual(['risk_veto', 'risk:kill_switch']);
      const risk = decision.agents.find((a) => a.agent === 'risk');
      expect(risk).toMatchObject({ block: true, reasons: ['kill_switch'], confidence: 100 });
      expect(decision.orders).toEqual([]);
    });

    it('exposure at the limit (an open $10,000 position): the risk agent vetoes with exposure_exceeded', async () => {
      await t.dataSource.query(
        `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                                current_price, status, entry_timestamp, engine)
         VALUES ('QQQ', 'QQQ260220C00520000', 520, '2026-02-20', 'call', 'long', 10, 10, 10, 'open', $1, 'B')`,
        ['2026-02-13T14:45:00.000Z'],
      );
      const signalId = await postEntry(t);
      const decision = await decisionOf(t, signalId);
      expect(decision.rejection_reason).toBe('no_recommendation:risk_agent_blocked');
      const risk = decision.agents.find((a) => a.agent === 'risk');
      expect(risk).toMatchObject({ block: true, reasons: ['exposure_exceeded'] });
    });
  });

  describe('ENABLE_SHADOW_EXECUTION=true, split 0: A trades, B shadows', () => {
    let t: Started;

    beforeAll(async () => {
      t = await boot({ ENABLE_VARIANT_B: 'true', AB_SPLIT_PERCENTAGE: '0', ENABLE_SHADOW_EXECUTION: 'true' }, [
        AlwaysBullModule,
      ]);
    });

    afterEach(async () => {
      await resetTrading(t.dataSource);
    });

    afterAll(async () => {
      await t?.close();
      await t?.dropDatabase();
    });

    it('Engine A writes the order; Engine B approves but is stored is_shadow=true without an order', async () => {
      const signalId = await postEntry(t);
      const decision = await decisionOf(t, signalId);
      expect(decision).toMatchObject({ status: 'approved', rejection_reason: null });
      expect(decision.experiment).toMatchObject({
        variant: 'A',
        execution_mode: 'ENGINE_A_PRIMARY',
        executed_engine: 'A',
        shadow_engine: 'B',
      });
      expect(engine(decision, 'A')).toMatchObject({ status: 'approved', is_shadow: false, quantity: 9 });
      const b = engine(decision, 'B');
      expect(b).toMatchObject({ status: 'approved', is_shadow: true });
      expect(b.meta.contributingAgents).toContain('always-bull');

      const recs = await t.dataSource.query<{ engine: string; is_shadow: boolean }[]>(
        'SELECT engine, is_shadow FROM decision_recommendations WHERE signal_id = $1 ORDER BY engine',
        [signalId],
      );
      expect(recs).toEqual([
        { engine: 'A', is_shadow: false },
        { engine: 'B', is_shadow: true },
      ]);
      const orders = await t.dataSource.query<{ engine: string; quantity: number }[]>(
        'SELECT engine, quantity FROM orders WHERE signal_id = $1',
        [signalId],
      );
      expect(orders).toEqual([{ engine: 'A', quantity: 9 }]);
    });

    it('with the kill switch row on, Engine A is held by the gates: risk_rejected:kill_switch_active', async () => {
      await setKillSwitch(t.dataSource, true);
      const signalId = await postEntry(t);
      const decision = await decisionOf(t, signalId);
      expect(decision).toMatchObject({ status: 'rejected', rejection_reason: 'risk_rejected:kill_switch_active' });
      const a = engine(decision, 'A');
      expect(a).toMatchObject({ status: 'rejected', code: 'risk_rejected:kill_switch_active' });
      // The shadow Engine B sees the same switch through its risk agent.
      expect(engine(decision, 'B')).toMatchObject({ status: 'rejected', code: 'risk_agent_blocked', is_shadow: true });
      expect(decision.orders).toEqual([]);
    });
  });

  describe('EXECUTION_MODE=SPLIT_CAPITAL: both engines trade, each within its share', () => {
    /** Low enough that a half share binds: A alone takes 9 contracts ($3,105), half of $4,000 buys 5. */
    const MAX_TOTAL_EXPOSURE = 4000;
    let split: Started;
    let primary: Started;

    beforeAll(async () => {
      const env = { ENABLE_VARIANT_B: 'true', MAX_TOTAL_EXPOSURE: String(MAX_TOTAL_EXPOSURE) };
      [split, primary] = await Promise.all([
        boot({ ...env, EXECUTION_MODE: 'SPLIT_CAPITAL' }, [AlwaysBullModule]),
        boot({ ...env, EXECUTION_MODE: 'ENGINE_A_PRIMARY' }, [AlwaysBullModule]),
      ]);
    });

    afterAll(async () => {
      await Promise.all([split?.close(), primary?.close()]);
      await Promise.all([split?.dropDatabase(), primary?.dropDatabase()]);
    });

    it('writes an order per engine, each sized within half of the exposure cap, smaller than A alone', async () => {
      const alone = await decisionOf(primary, await postEntry(primary));
      expect(alone.orders.map((o) => [o.engine, o.quantity])).toEqual([['A', 9]]);

      const signalId = await postEntry(split);
      const decision = await decisionOf(split, signalId);
      expect(decision.status).toBe('approved');
      expect(decision.experiment).toMatchObject({ execution_mode: 'SPLIT_CAPITAL' });
      const orders = Object.fromEntries(decision.orders.map((o) => [o.engine, o]));
      expect(Object.keys(orders).sort()).toEqual(['A', 'B']);
      for (const name of ['A', 'B'] as const) {
        const rec = engine(decision, name);
        expect(rec).toMatchObject({ status: 'approved', is_shadow: false });
        expect(rec.policy?.capitalShare).toEqual({ A: 0.5, B: 0.5 });
        const order = orders[name];
        expect(order.quantity).toBe(rec.quantity);
        expect(order.quantity * Number(rec.entry_price) * 100).toBeLessThanOrEqual(MAX_TOTAL_EXPOSURE * 0.5);
        const sizing = rec.steps.find((s) => s.step === 'sizing');
        expect(sizing?.detail).toContain('cap_exposure=5');
      }
      expect(orders.A.quantity).toBe(Math.floor((MAX_TOTAL_EXPOSURE * 0.5) / CONTRACT_COST));
      expect(orders.A.quantity).toBeLessThan(alone.orders[0].quantity);
      const total = decision.orders.reduce((sum, o) => sum + o.quantity * CONTRACT_COST, 0);
      expect(total).toBeLessThanOrEqual(MAX_TOTAL_EXPOSURE);
    });
  });
});
