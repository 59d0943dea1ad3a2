import { CONFIG, markFor, position, TRACE_NOW_MS } from '../exits.fixtures';
import { deepLossRule } from './deep-loss.rule';

describe('deep_loss (Tier 2)', () => {
  it('fires at a 70 % loss', () => {
    expect(deepLossRule.evaluate(position({ currentPrice: markFor(-70.5) }), CONFIG, TRACE_NOW_MS)).toMatchObject({
      pass: false,
      code: 'deep_loss',
      action: 'FULL_EXIT',
    });
  });

  it('passes at a 60 % loss and is off at 0', () => {
    expect(deepLossRule.evaluate(position({ currentPrice: markFor(-60) }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
    const off = { ...CONFIG, deepLossPct: 0 };
    expect(deepLossRule.evaluate(position({ currentPrice: markFor(-80) }), off, TRACE_NOW_MS).pass).toBe(true);
  });
});
