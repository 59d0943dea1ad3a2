import { CONFIG, markFor, position, TRACE_NOW_MS } from '../exits.fixtures';
import { firstTargetRule } from './first-target.rule';

describe('first_target_partial (Tier 3)', () => {
  it('takes a partial at 0.6 x the 50 % target (30 %)', () => {
    expect(firstTargetRule.evaluate(position({ currentPrice: markFor(30.5) }), CONFIG, TRACE_NOW_MS)).toMatchObject({
      pass: false,
      code: 'first_target_partial',
      action: 'PARTIAL_EXIT',
      fraction: 0.5,
      detail: 'pnl 30.50% >= first target 30.00%',
    });
  });

  it('passes below 30 % and once taken', () => {
    expect(firstTargetRule.evaluate(position({ currentPrice: markFor(29) }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
    const taken = position({ currentPrice: markFor(35), takenPartials: ['first_target_partial'] });
    expect(firstTargetRule.evaluate(taken, CONFIG, TRACE_NOW_MS).pass).toBe(true);
  });
});
