import { Injectable, Module } from '@nestjs/common';
import request from 'supertest';
import type { AgentDescriptor, AgentOutput } from '../../../src/core/agents';
import { ManualClock } from '../../../src/core/clock';
import { EngineBAgent, EngineBAgentProvider } from '../../../src/decision/engine-b/engine-b-agent.decorator';
import { AGENT_TIMEOUT_MS } from '../../../src/decision/engine-b/engine-b.service';
import { startTestApp, type TestAppOptions } from '../../helpers/test-app';
import { PIPELINE_SECRET, postTraceBias, scriptSpyMarket, waitForStatus, postTraceSignal } from './pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: markets open. */
const NOW = '2026-02-13T15:30:00.000Z';

const specialist = (name: string): AgentDescriptor => ({
  name,
  type: 'specialist',
  featureFlag: null,
  confidenceBounds: { min: 0, max: 100 },
});

/** The docs' promise: one class, decorated and listed in a module's providers; no edit to the engine. */
@Injectable()
@EngineBAgent()
class AlwaysBullAgent implements EngineBAgentProvider {
  readonly descriptor = specialist('always-bull');

  run(): AgentOutput {
    return { agent: 'always-bull', type: 'specialist', bias: 'bullish', confidence: 90, reasons: ['always_bullish'] };
  }
}

@Injectable()
@EngineBAgent()
class ThrowingAgent implements EngineBAgentProvider {
  readonly descriptor = specialist('always-throws');

  run(): AgentOutput {
    throw new Error('model endpoint unreachable');
  }
}

@Injectable()
@EngineBAgent()
class SilentAgent implements EngineBAgentProvider {
  readonly descriptor = specialist('never-answers');

  run(): Promise<AgentOutput> {
    return new Promise<AgentOutput>(() => undefined);
  }
}

@Injectable()
@EngineBAgent()
class OverconfidentAgent implements EngineBAgentProvider {
  readonly descriptor = specialist('overconfident');

  run(): AgentOutput {
    return { agent: 'overconfident', type: 'specialist', bias: 'bullish', confidence: 150, reasons: ['very_sure'] };
  }
}

@Module({ providers: [AlwaysBullAgent] })
class AlwaysBullModule {}

@Module({ providers: [ThrowingAgent, SilentAgent, OverconfidentAgent] })
class MisbehavingAgentsModule {}

interface AgentRun {
  agent: string;
  type: string;
  status: string;
  error?: string;
  violations: string[];
  ms: number;
}

interface EngineView {
  engine: string;
  status: string;
  code: string;
  meta: { decision: string; bias: string; contributingAgents: string[] };
  agent_runs: AgentRun[];
}

const ENV = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  STRIKE_SELECTION_MODE: 'atm',
  ENABLE_CONFLUENCE_SIZING: 'false',
  ENABLE_VARIANT_B: 'true',
  AB_SPLIT_PERCENTAGE: '100',
};

async function boot(extraModules: TestAppOptions['extraModules']): Promise<Started> {
  const t = await startTestApp({ clock: new ManualClock(NOW), env: ENV, extraModules });
  await scriptSpyMarket(t.url, NOW);
  await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
  return t;
}

async function decideOne(t: Started): Promise<{ signalId: string; ms: number }> {
  const started = Date.now();
  const res = await postTraceSignal(t.url, NOW);
  expect(res.status).toBe(200);
  const signalId: string = res.body.signal_id;
  await waitForStatus(t.dataSource, signalId, ['approved', 'rejected']);
  return { signalId, ms: Date.now() - started };
}

async function engineB(t: Started, signalId: string): Promise<{ body: Record<string, unknown>; b: EngineView }> {
  const res = await request(t.url).get(`/signals/${signalId}/decision`).set(t.auth);
  expect(res.status).toBe(200);
  const b = (res.body.engines as EngineView[]).find((e) => e.engine === 'B');
  if (!b) {
    throw new Error('no Engine B recommendation');
  }
  return { body: res.body, b };
}

describe('an extra Engine B agent is one new class (real PostgreSQL and Redis)', () => {
  describe('one well-behaved extra agent', () => {
    let t: Started;
    let signalId: string;

    beforeAll(async () => {
      t = await boot([AlwaysBullModule]);
      ({ signalId } = await decideOne(t));
    });

    afterAll(async () => {
      await t?.close();
      await t?.dropDatabase();
    });

    it('votes: its row is in agent_decisions with the descriptor type and its confidence', async () => {
      const rows = await t.dataSource.query<
        { agent_name: string; agent_type: string; bias: string; confidence: number; reasons: string[] }[]
      >(
        `SELECT agent_name, agent_type, bias, confidence, reasons FROM agent_decisions
          WHERE signal_id = $1 AND agent_name = 'always-bull'`,
        [signalId],
      );
      expect(rows).toEqual([
        {
          agent_name: 'always-bull',
          agent_type: 'specialist',
          bias: 'bullish',
          confidence: 90,
          reasons: ['always_bullish'],
        },
      ]);
    });

    it("counts in the meta decision's contributing agents and tips B into an approval with an order", async () => {
      const { body, b } = await engineB(t, signalId);
      expect(b.meta).toMatchObject({ decision: 'approve', bias: 'bullish' });
      expect(b.meta.contributingAgents).toEqual(expect.arrayContaining(['always-bull', 'context', 'gamma-flow']));
      expect(b.agent_runs.find((r) => r.agent === 'always-bull')).toMatchObject({
        type: 'specialist',
        status: 'voted',
        violations: [],
      });
      expect(body).toMatchObject({ status: 'approved', rejection_reason: null });
      expect(body.orders).toEqual([expect.objectContaining({ engine: 'B', intent: 'open' })]);
    });
  });

  describe('agents that throw, never answer or overstate their confidence', () => {
    let t: Started;
    let signalId: string;
    let ms: number;

    beforeAll(async () => {
      t = await boot([AlwaysBullModule, MisbehavingAgentsModule]);
      ({ signalId, ms } = await decideOne(t));
    });

    afterAll(async () => {
      await t?.close();
      await t?.dropDatabase();
    });

    it('records the throwing agent as failed and the silent one as timed_out after 2 s', async () => {
      const { b } = await engineB(t, signalId);
      const runs = Object.fromEntries(b.agent_runs.map((r) => [r.agent, r]));
      expect(runs['always-throws']).toMatchObject({ status: 'failed', error: 'model endpoint unreachable' });
      expect(runs['never-answers']).toMatchObject({ status: 'timed_out' });
      expect(runs['never-answers'].error).toContain('timed out');
      expect(runs['never-answers'].ms).toBeGreaterThanOrEqual(AGENT_TIMEOUT_MS - 50);
      expect(ms).toBeGreaterThanOrEqual(AGENT_TIMEOUT_MS - 50);
      const rows = await t.dataSource.query<{ agent_name: string }[]>(
        `SELECT agent_name FROM agent_decisions WHERE signal_id = $1 AND agent_name IN ('always-throws', 'never-answers')`,
        [signalId],
      );
      expect(rows).toEqual([]);
    });

    it('does not stop the decision: the other agents vote and the signal is decided', async () => {
      const { body, b } = await engineB(t, signalId);
      expect(b.agent_runs.filter((r) => r.status === 'voted').map((r) => r.agent)).toEqual(
        expect.arrayContaining(['context', 'technical', 'risk', 'gamma-flow', 'always-bull', 'overconfident']),
      );
      expect(b.meta.decision).toBe('approve');
      expect(body).toMatchObject({ status: 'approved' });
    });

    it('clamps a confidence of 150 to the bound: the row says 100 and the violation is recorded', async () => {
      const [row] = await t.dataSource.query<{ confidence: number; metadata: { violations?: string[] } }[]>(
        `SELECT confidence, metadata FROM agent_decisions WHERE signal_id = $1 AND agent_name = 'overconfident'`,
        [signalId],
      );
      expect(row.confidence).toBe(100);
      expect(row.metadata.violations).toEqual([expect.stringContaining('confidence_out_of_bounds: 150')]);
      const { b } = await engineB(t, signalId);
      const run = b.agent_runs.find((r) => r.agent === 'overconfident');
      expect(run?.violations).toEqual([expect.stringContaining('clamped to 100')]);
    });
  });
});
