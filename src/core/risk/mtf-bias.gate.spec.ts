import type { BiasGateResult } from '../bias';
import { limits, NOW, snapshot } from './risk.fixtures';
import { mtfBiasGate } from './mtf-bias.gate';

const stale: BiasGateResult = {
  pass: false,
  code: 'bias_stale',
  detail: 'bias state stale (45 min)',
  riskMultiplier: 0,
};
const aligned: BiasGateResult = { pass: true, code: 'ok', detail: 'BULLISH bias 70', riskMultiplier: 0.8 };

describe('mtfBiasGate', () => {
  const required = limits({ requireMtfBias: true });

  it('when_not_required_then_passes_without_state_or_with_a_failing_one', () => {
    expect(mtfBiasGate(snapshot(), limits(), NOW).pass).toBe(true);
    expect(mtfBiasGate(snapshot({ biasGate: stale }), limits(), NOW).pass).toBe(true);
  });

  it('when_required_and_no_state_then_blocks', () => {
    expect(mtfBiasGate(snapshot(), required, NOW)).toMatchObject({
      pass: false,
      code: 'mtf_bias_blocked',
      detail: 'no_mtf_bias_state: no MTF bias state',
    });
  });

  it('when_required_and_bias_gate_fails_then_blocks_naming_its_code', () => {
    expect(mtfBiasGate(snapshot({ biasGate: stale }), required, NOW)).toMatchObject({
      pass: false,
      code: 'mtf_bias_blocked',
      detail: 'bias_stale: bias state stale (45 min)',
    });
  });

  it('when_required_and_bias_gate_passes_then_passes', () => {
    expect(mtfBiasGate(snapshot({ biasGate: aligned }), required, NOW)).toMatchObject({ pass: true, code: 'ok' });
  });
});
