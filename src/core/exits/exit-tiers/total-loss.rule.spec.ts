import { CONFIG, markFor, position, TRACE_NOW_MS } from '../exits.fixtures';
import { totalLossRule } from './total-loss.rule';

describe('total_loss (Tier 1)', () => {
  it('fires at a 90 % loss', () => {
    expect(totalLossRule.evaluate(position({ currentPrice: 0.352 }), CONFIG, TRACE_NOW_MS)).toMatchObject({
      pass: false,
      code: 'total_loss',
    });
  });

  it('passes at an 89 % loss', () => {
    expect(totalLossRule.evaluate(position({ currentPrice: markFor(-89) }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
  });
});
