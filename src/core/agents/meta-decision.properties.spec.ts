import fc from 'fast-check';

import { AGENT_BIASES, AGENT_TYPES, metaDecision, type AgentOutput, type MetaDecisionConfig } from './index';

const outputArb: fc.Arbitrary<AgentOutput> = fc.record({
  agent: fc.constantFrom('context', 'technical', 'risk', 'gamma-flow', 'orb', 'strat', 'ttm', 'satyland'),
  type: fc.constantFrom(...AGENT_TYPES),
  bias: fc.constantFrom(...AGENT_BIASES),
  confidence: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  reasons: fc.constant([]),
  block: fc.boolean(),
});

const weightArb = fc.double({ min: 0, max: 1, noNaN: true });
const configArb: fc.Arbitrary<MetaDecisionConfig> = fc.record({
  weights: fc.record({ core: weightArb, specialist: weightArb, subagent: weightArb }),
  approveThreshold: fc.integer({ min: 0, max: 100 }),
});

const neutralVoteArb: fc.Arbitrary<AgentOutput> = outputArb.map((o) => ({
  ...o,
  agent: 'extra',
  bias: 'neutral' as const,
  block: false,
}));

describe('metaDecision properties', () => {
  it('confidence stays within 0-100 with one decimal', () => {
    fc.assert(
      fc.property(fc.array(outputArb, { maxLength: 10 }), configArb, (outputs, config) => {
        const { confidence } = metaDecision(outputs, config);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(100);
        expect(Math.round(confidence * 10) / 10).toBe(confidence);
      }),
    );
  });

  it('adding a neutral vote never raises a directional confidence nor turns a reject into an approve', () => {
    fc.assert(
      fc.property(
        fc.array(outputArb, { maxLength: 10 }),
        neutralVoteArb,
        fc.nat(),
        configArb,
        (outputs, neutral, at, config) => {
          const before = metaDecision(outputs, config);
          const withNeutral = [...outputs];
          withNeutral.splice(at % (outputs.length + 1), 0, neutral);
          const after = metaDecision(withNeutral, config);
          if (after.bias !== 'neutral') {
            expect(after.bias).toBe(before.bias);
            expect(after.confidence).toBeLessThanOrEqual(before.confidence);
          }
          if (before.decision === 'reject') {
            expect(after.decision).toBe('reject');
          }
        },
      ),
    );
  });

  it('a risk veto always rejects with confidence 0', () => {
    fc.assert(
      fc.property(
        fc.array(outputArb, { maxLength: 10 }),
        outputArb,
        fc.nat(),
        configArb,
        (outputs, risk, at, config) => {
          const withVeto = [...outputs];
          withVeto.splice(at % (outputs.length + 1), 0, { ...risk, agent: 'risk', block: true });
          const result = metaDecision(withVeto, config);
          expect(result).toMatchObject({ decision: 'reject', confidence: 0, vetoedBy: 'risk' });
        },
      ),
    );
  });

  it('approves only a directional bias at or above the threshold', () => {
    fc.assert(
      fc.property(fc.array(outputArb, { maxLength: 10 }), configArb, (outputs, config) => {
        const result = metaDecision(outputs, config);
        if (result.decision === 'approve') {
          expect(result.bias).not.toBe('neutral');
          expect(result.confidence).toBeGreaterThanOrEqual(config.approveThreshold);
          expect(result.vetoedBy).toBeNull();
        }
      }),
    );
  });
});
