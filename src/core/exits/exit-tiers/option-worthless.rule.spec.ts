import { CONFIG, position, TRACE_NOW_MS } from '../exits.fixtures';
import { optionWorthlessRule } from './option-worthless.rule';

describe('option_worthless (Tier 1)', () => {
  it('fires at a mark of 0.05 or less', () => {
    expect(optionWorthlessRule.evaluate(position({ currentPrice: 0.05 }), CONFIG, TRACE_NOW_MS)).toMatchObject({
      pass: false,
      code: 'option_worthless',
      action: 'FULL_EXIT',
    });
    expect(optionWorthlessRule.evaluate(position({ currentPrice: 0 }), CONFIG, TRACE_NOW_MS).pass).toBe(false);
  });

  it('passes at 0.06 and without a mark', () => {
    expect(optionWorthlessRule.evaluate(position({ currentPrice: 0.06 }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
    expect(optionWorthlessRule.evaluate(position({ currentPrice: null }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
  });
});
