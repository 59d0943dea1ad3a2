import fc from 'fast-check';

import { checkAgentOutput, SPEC_CONFIDENCE_BOUNDS, type AgentDescriptor, type RawAgentOutput } from './index';

const TTM: AgentDescriptor = {
  name: 'ttm',
  type: 'specialist',
  featureFlag: 'ENABLE_TTM_SPECIALIST',
  confidenceBounds: SPEC_CONFIDENCE_BOUNDS.ttm,
};
const SATYLAND: AgentDescriptor = {
  name: 'satyland',
  type: 'subagent',
  featureFlag: 'ENABLE_SATYLAND_SUBAGENT',
  confidenceBounds: SPEC_CONFIDENCE_BOUNDS.satyland,
};

describe('checkAgentOutput', () => {
  it('passes a valid output through unchanged', () => {
    const output = { agent: 'ttm', type: 'specialist', bias: 'bullish', confidence: 75, reasons: ['squeeze_fired'] };
    expect(checkAgentOutput(TTM, output)).toEqual({ output, violations: [] });
  });

  it('clamps TTM above 80 and reports it', () => {
    const { output, violations } = checkAgentOutput(TTM, { agent: 'ttm', bias: 'bullish', confidence: 95 });
    expect(output.confidence).toBe(80);
    expect(violations).toEqual(['confidence_out_of_bounds: 95 outside [0, 80], clamped to 80']);
  });

  it('clamps Satyland below 20 up to 20', () => {
    const { output, violations } = checkAgentOutput(SATYLAND, { agent: 'satyland', bias: 'bearish', confidence: 5 });
    expect(output.confidence).toBe(20);
    expect(violations).toHaveLength(1);
  });

  it('replaces a non-finite confidence by the lower bound', () => {
    const { output, violations } = checkAgentOutput(SATYLAND, { agent: 'satyland', bias: 'bearish', confidence: NaN });
    expect(output.confidence).toBe(20);
    expect(violations[0]).toMatch(/^confidence_not_finite/);
  });

  it('normalizes bias case and treats an unknown bias as neutral', () => {
    expect(checkAgentOutput(TTM, { agent: 'ttm', bias: ' Bullish ', confidence: 50 }).output.bias).toBe('bullish');
    const unknown = checkAgentOutput(TTM, { agent: 'ttm', bias: 'long', confidence: 50 });
    expect(unknown.output.bias).toBe('neutral');
    expect(unknown.violations).toEqual(["bias_unknown: 'long' treated as neutral"]);
  });

  it('keeps the descriptor type and name, so an agent cannot claim a heavier weight', () => {
    const { output, violations } = checkAgentOutput(SATYLAND, {
      agent: 'Satyland',
      type: 'specialist',
      bias: 'bullish',
      confidence: 50,
    });
    expect(output).toMatchObject({ agent: 'satyland', type: 'subagent' });
    expect(violations).toHaveLength(2);
  });

  it('caps declared bounds at 0-100 and falls back to 0-100 when they are inverted', () => {
    const wide = { ...TTM, confidenceBounds: { min: -10, max: 200 } };
    expect(checkAgentOutput(wide, { agent: 'ttm', bias: 'bullish', confidence: 150 }).output.confidence).toBe(100);
    const inverted = { ...TTM, confidenceBounds: { min: 90, max: 10 } };
    const result = checkAgentOutput(inverted, { agent: 'ttm', bias: 'bullish', confidence: 50 });
    expect(result.output.confidence).toBe(50);
    expect(result.violations[0]).toMatch(/^invalid_bounds/);
  });

  it('keeps block and metadata', () => {
    const raw: RawAgentOutput = { agent: 'ttm', bias: 'neutral', confidence: 10, block: true, metadata: { a: 1 } };
    expect(checkAgentOutput(TTM, raw).output).toMatchObject({ block: true, metadata: { a: 1 }, reasons: [] });
  });

  it('always returns a confidence within the effective bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.constantFrom(NaN, Infinity, -Infinity)),
        (a, b, confidence) => {
          const bounds = { min: Math.min(a, b), max: Math.max(a, b) };
          const descriptor = { ...TTM, confidenceBounds: bounds };
          const { output, violations } = checkAgentOutput(descriptor, { agent: 'ttm', bias: 'bullish', confidence });
          expect(output.confidence).toBeGreaterThanOrEqual(bounds.min);
          expect(output.confidence).toBeLessThanOrEqual(bounds.max);
          if (output.confidence !== confidence) {
            expect(violations.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
