import fc from 'fast-check';

import { evaluateMarketSession } from '../calendar';
import { computeIndicators } from '../indicators';
import type { AgentContext } from './agent-context';
import { checkAgentOutput } from './agent-output-check';
import { baseContext, candlesFromCloses, OK_RISK, TEST_SESSION_OPEN } from './agent-test-candles';
import { ENGINE_B_AGENTS } from './engine-b-agents';
import type { AgentOutput } from './agent.types';
import { metaDecision } from './meta-decision';

const NOW = new Date('2026-02-17T19:45:00.000Z');

function runAll(ctx: AgentContext): AgentOutput[] {
  return ENGINE_B_AGENTS.map((a) => a.run(ctx, NOW)).filter((o): o is AgentOutput => o !== null);
}

/** A bullish day: an uptrend with shallow pullbacks, dealers long gamma above the flip, call-heavy flow. */
const RISING = candlesFromCloses(
  Array.from({ length: 60 }, (_, i) => 100 + 0.075 * i + (i % 2 === 1 ? 0.15 : 0)),
  { wick: 0.1 },
);

function bullishContext(overrides: Partial<AgentContext> = {}): AgentContext {
  return baseContext({
    candles: RISING,
    gex: { netGex: 3e9, dealerPosition: 'long_gamma', zeroGammaLevel: 100 },
    flow: {
      callPremium: 900_000,
      putPremium: 100_000,
      bullishPremium: 900_000,
      bearishPremium: 100_000,
      netFlow: 800_000,
      entries: 40,
    },
    ...overrides,
  });
}

describe('ENGINE_B_AGENTS', () => {
  it('lists the eight voting agents in the spec table order with their types and flags', () => {
    expect(ENGINE_B_AGENTS.map((a) => [a.descriptor.name, a.descriptor.type, a.descriptor.featureFlag])).toEqual([
      ['context', 'core', null],
      ['technical', 'core', null],
      ['risk', 'core', null],
      ['gamma-flow', 'specialist', null],
      ['orb', 'specialist', 'ENABLE_ORB_SPECIALIST'],
      ['strat', 'specialist', 'ENABLE_STRAT_SPECIALIST'],
      ['ttm', 'specialist', 'ENABLE_TTM_SPECIALIST'],
      ['satyland', 'subagent', 'ENABLE_SATYLAND_SUBAGENT'],
    ]);
  });

  it('uses the spec bounds for ttm and satyland and 0-100 for the others', () => {
    const bounds = Object.fromEntries(ENGINE_B_AGENTS.map((a) => [a.descriptor.name, a.descriptor.confidenceBounds]));
    expect(bounds).toMatchObject({ ttm: { min: 0, max: 80 }, satyland: { min: 20, max: 90 } });
    for (const name of ['context', 'technical', 'risk', 'gamma-flow', 'orb', 'strat']) {
      expect(bounds[name]).toEqual({ min: 0, max: 100 });
    }
  });

  it('every agent votes on a full context, and each vote passes the output check unchanged', () => {
    const ctx = bullishContext();
    for (const { descriptor, run } of ENGINE_B_AGENTS) {
      const out = run(ctx, NOW);
      expect(out).not.toBeNull();
      expect(checkAgentOutput(descriptor, out!)).toEqual({ output: out, violations: [] });
    }
  });

  it('a bullish day is approved bullish by the meta decision, and a kill switch vetoes it', () => {
    const outputs = runAll(bullishContext());
    expect(outputs).toHaveLength(8);
    const approved = metaDecision(outputs);
    expect(approved).toMatchObject({ decision: 'approve', bias: 'bullish' });
    expect(approved.contributingAgents).toEqual([
      'context',
      'technical',
      'gamma-flow',
      'orb',
      'strat',
      'ttm',
      'satyland',
    ]);

    const vetoed = metaDecision(runAll(bullishContext({ risk: { ...OK_RISK, killSwitch: true } })));
    expect(vetoed).toMatchObject({ decision: 'reject', confidence: 0, vetoedBy: 'risk' });
  });

  it('without market data only the always-voting agents answer', () => {
    const ctx = baseContext({ price: null, candles: [], indicators: null });
    expect(runAll(ctx).map((o) => o.agent)).toEqual(['risk']);
  });

  it('for any context no agent throws and every vote passes the output check', () => {
    const contextArb = fc.record({
      moves: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 70 }),
      wick: fc.double({ min: 0, max: 1.5, noNaN: true }),
      volume: fc.integer({ min: 0, max: 5000 }),
      priceOffset: fc.option(fc.double({ min: -5, max: 5, noNaN: true }), { nil: null }),
      direction: fc.constantFrom('long' as const, 'short' as const),
      gex: fc.option(
        fc.record({
          netGex: fc.double({ noNaN: true, noDefaultInfinity: true }),
          dealerPosition: fc.constantFrom('long_gamma' as const, 'short_gamma' as const, 'neutral' as const),
          zeroGammaLevel: fc.option(fc.double({ min: 50, max: 150, noNaN: true }), { nil: null }),
        }),
        { nil: null },
      ),
      flow: fc.option(
        fc.record({
          callPremium: fc.double({ min: 0, max: 1e7, noNaN: true }),
          putPremium: fc.double({ min: 0, max: 1e7, noNaN: true }),
          bullishPremium: fc.double({ min: 0, max: 1e7, noNaN: true }),
          bearishPremium: fc.double({ min: 0, max: 1e7, noNaN: true }),
          netFlow: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
          entries: fc.nat(100),
        }),
        { nil: null },
      ),
      minutes: fc.integer({ min: 0, max: 7 * 24 * 60 }),
      killSwitch: fc.boolean(),
    });
    fc.assert(
      fc.property(contextArb, (c) => {
        let last = 100;
        const closes = c.moves.map((m) => (last = Math.max(1, last + m)));
        const candles = candlesFromCloses(closes, { wick: c.wick, volume: c.volume });
        const ctx = baseContext({
          candles,
          indicators: computeIndicators(candles, { sessionOpen: TEST_SESSION_OPEN }),
          price: c.priceOffset === null ? null : Math.max(0.5, last + c.priceOffset),
          direction: c.direction,
          gex: c.gex,
          flow: c.flow,
          session: evaluateMarketSession(new Date(Date.UTC(2026, 1, 16) + c.minutes * 60_000)),
          risk: { ...OK_RISK, killSwitch: c.killSwitch },
        });
        for (const { descriptor, run } of ENGINE_B_AGENTS) {
          const out = run(ctx, NOW);
          if (out !== null) {
            expect(checkAgentOutput(descriptor, out).violations).toEqual([]);
            expect(Number.isInteger(out.confidence)).toBe(true);
            expect(out.reasons.every((r) => /^[a-z0-9_]+$/.test(r))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
