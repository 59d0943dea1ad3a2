import { CONFIG, EXPIRY_CLOSE_MS, HOUR_MS, markFor, position } from '../exits.fixtures';
import { expiryGainRule } from './expiry-gain.rule';

const in36h = EXPIRY_CLOSE_MS - 36 * HOUR_MS;

describe('expiry_gain_partial (Tier 2)', () => {
  it('takes a partial within 48 h of the expiry close with a 10 % gain', () => {
    expect(expiryGainRule.evaluate(position({ currentPrice: markFor(12) }), CONFIG, in36h)).toMatchObject({
      pass: false,
      code: 'expiry_gain_partial',
      action: 'PARTIAL_EXIT',
      fraction: 0.5,
    });
  });

  it('passes a smaller gain, an earlier time, and a partial already taken', () => {
    expect(expiryGainRule.evaluate(position({ currentPrice: markFor(5) }), CONFIG, in36h).pass).toBe(true);
    expect(
      expiryGainRule.evaluate(position({ currentPrice: markFor(12) }), CONFIG, EXPIRY_CLOSE_MS - 72 * HOUR_MS).pass,
    ).toBe(true);
    const taken = position({ currentPrice: markFor(12), takenPartials: ['expiry_gain_partial'] });
    expect(expiryGainRule.evaluate(taken, CONFIG, in36h).pass).toBe(true);
  });
});
