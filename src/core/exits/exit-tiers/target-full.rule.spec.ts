import { CONFIG, markFor, position, TRACE_NOW_MS } from '../exits.fixtures';
import { targetFullRule } from './target-full.rule';

describe('target_full (Tier 3)', () => {
  it('closes everything at the profit target', () => {
    expect(targetFullRule.evaluate(position({ currentPrice: 5.3 }), CONFIG, TRACE_NOW_MS)).toMatchObject({
      pass: false,
      code: 'target_full',
      action: 'FULL_EXIT',
    });
  });

  it('passes below the target', () => {
    expect(targetFullRule.evaluate(position({ currentPrice: markFor(49) }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
  });
});
