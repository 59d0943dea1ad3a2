import { WebhookRateLimiter } from './webhook-rate-limit';

describe('webhook rate limit', () => {
  it('is off at 0', () => {
    const limiter = new WebhookRateLimiter(0);
    expect(Array.from({ length: 1000 }, () => limiter.allow('1.2.3.4', 0)).every(Boolean)).toBe(true);
  });

  it('allows N per address per minute and resets with the next minute', () => {
    const limiter = new WebhookRateLimiter(2);
    expect([limiter.allow('a', 1000), limiter.allow('a', 2000), limiter.allow('a', 3000)]).toEqual([true, true, false]);
    expect(limiter.allow('b', 3000)).toBe(true);
    expect(limiter.allow('a', 61_000)).toBe(true);
  });
});
