import { biasSizeMultiplier } from './bias-size-multiplier';

const gate = (pass: boolean, code: string, riskMultiplier: number) => ({ pass, code, detail: code, riskMultiplier });

describe('biasSizeMultiplier', () => {
  it('uses the multiplier of a passing gate', () => {
    expect(biasSizeMultiplier(gate(true, 'ok', 0.8), true)).toBe(0.8);
    expect(biasSizeMultiplier(gate(true, 'ok', 1), false)).toBe(1);
  });

  it('blocks on a live state the gate holds, so an opposing bias never sizes up', () => {
    expect(biasSizeMultiplier(gate(false, 'bias_opposes_trade', 0), true)).toBe(0);
    expect(biasSizeMultiplier(gate(false, 'bias_trade_suppressed', 0), true)).toBe(0);
  });

  it('ignores a stale state or no state', () => {
    expect(biasSizeMultiplier(gate(false, 'bias_stale', 0), true)).toBe(1);
    expect(biasSizeMultiplier(gate(false, 'no_mtf_bias_state', 0), false)).toBe(1);
  });
});
