import { CONFIG, markFor, position, TRACE_NOW_MS } from '../exits.fixtures';
import { profitGivebackRule } from './profit-giveback.rule';

describe('profit_giveback (Tier 4)', () => {
  it('tightens the stop after giving back 40 % of a 30 % peak', () => {
    const p = position({ highWaterPrice: markFor(30), currentPrice: markFor(18) });
    expect(profitGivebackRule.evaluate(p, CONFIG, TRACE_NOW_MS)).toMatchObject({
      pass: false,
      code: 'profit_giveback',
      action: 'TIGHTEN_STOP',
      fraction: 0,
    });
  });

  it('passes a smaller give-back, a peak below 20 %, and a stop already tightened', () => {
    expect(
      profitGivebackRule.evaluate(position({ highWaterPrice: markFor(30), currentPrice: markFor(20) }), CONFIG, 0).pass,
    ).toBe(true);
    expect(
      profitGivebackRule.evaluate(position({ highWaterPrice: markFor(15), currentPrice: markFor(2) }), CONFIG, 0).pass,
    ).toBe(true);
    const tightened = position({ highWaterPrice: markFor(30), currentPrice: markFor(5), stopTightened: true });
    expect(profitGivebackRule.evaluate(tightened, CONFIG, 0).pass).toBe(true);
  });
});
