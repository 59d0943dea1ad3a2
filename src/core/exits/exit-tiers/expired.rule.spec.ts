import { CONFIG, EXPIRY_CLOSE_MS, position } from '../exits.fixtures';
import { expiredRule } from './expired.rule';

describe('expired (Tier 1)', () => {
  it('fires at the expiry close, without a mark', () => {
    expect(expiredRule.evaluate(position({ currentPrice: null }), CONFIG, EXPIRY_CLOSE_MS)).toMatchObject({
      pass: false,
      code: 'expired',
      action: 'FULL_EXIT',
    });
    expect(expiredRule.priceFree).toBe(true);
  });

  it('passes a millisecond before the close', () => {
    expect(expiredRule.evaluate(position(), CONFIG, EXPIRY_CLOSE_MS - 1).pass).toBe(true);
  });
});
