import { CONFIG, ENTRY_MS, HOUR_MS, markFor, position } from '../exits.fixtures';
import { stagnantRule } from './stagnant.rule';

const after80h = ENTRY_MS + 80 * HOUR_MS;

describe('stagnant_partial (Tier 4)', () => {
  it('takes a partial after 72 h going nowhere (|pnl| < 10 %)', () => {
    expect(stagnantRule.evaluate(position({ currentPrice: markFor(-4) }), CONFIG, after80h)).toMatchObject({
      pass: false,
      code: 'stagnant_partial',
      action: 'PARTIAL_EXIT',
    });
  });

  it('passes a position that moved, a younger one, and one already cut', () => {
    expect(stagnantRule.evaluate(position({ currentPrice: markFor(15) }), CONFIG, after80h).pass).toBe(true);
    expect(stagnantRule.evaluate(position({ currentPrice: markFor(1) }), CONFIG, ENTRY_MS + 71 * HOUR_MS).pass).toBe(
      true,
    );
    const cut = position({ currentPrice: markFor(1), takenPartials: ['stagnant_partial'] });
    expect(stagnantRule.evaluate(cut, CONFIG, after80h).pass).toBe(true);
  });
});
