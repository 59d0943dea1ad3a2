import { CONFIG, EXPIRY_CLOSE_MS, HOUR_MS, markFor, position } from '../exits.fixtures';
import { expiryLossRule } from './expiry-loss.rule';

const in36h = EXPIRY_CLOSE_MS - 36 * HOUR_MS;

describe('expiry_loss (Tier 2)', () => {
  it('fires within 48 h of the expiry close with any loss', () => {
    expect(expiryLossRule.evaluate(position({ currentPrice: markFor(-1) }), CONFIG, in36h)).toMatchObject({
      pass: false,
      code: 'expiry_loss',
      action: 'FULL_EXIT',
    });
  });

  it('passes flat or winning positions, and losing ones further from expiry', () => {
    expect(expiryLossRule.evaluate(position({ currentPrice: 3.52 }), CONFIG, in36h).pass).toBe(true);
    expect(expiryLossRule.evaluate(position({ currentPrice: markFor(5) }), CONFIG, in36h).pass).toBe(true);
    expect(
      expiryLossRule.evaluate(position({ currentPrice: markFor(-20) }), CONFIG, EXPIRY_CLOSE_MS - 49 * HOUR_MS).pass,
    ).toBe(true);
  });

  it('tolerates a small loss when nearExpiryLossPct is set', () => {
    const cfg = { ...CONFIG, nearExpiryLossPct: 10 };
    expect(expiryLossRule.evaluate(position({ currentPrice: markFor(-5) }), cfg, in36h).pass).toBe(true);
    expect(expiryLossRule.evaluate(position({ currentPrice: markFor(-15) }), cfg, in36h).pass).toBe(false);
  });
});
