import { expirationCloseInstant } from './expiration-close';

describe('expirationCloseInstant', () => {
  it('stops SPY options at 16:15 ET and single-stock options at 16:00 ET on the expiration day', () => {
    expect(expirationCloseInstant('SPY', '2026-04-10').toISOString()).toBe('2026-04-10T20:15:00.000Z');
    expect(expirationCloseInstant('AAPL', '2026-01-16').toISOString()).toBe('2026-01-16T21:00:00.000Z');
  });

  it('uses the early close on an early-close expiration day', () => {
    expect(expirationCloseInstant('SPX', '2026-12-24').toISOString()).toBe('2026-12-24T18:15:00.000Z');
    expect(expirationCloseInstant('NVDA', '2026-11-27').toISOString()).toBe('2026-11-27T18:00:00.000Z');
  });

  it('ends an expiration dated on a closed day on the trading day before', () => {
    expect(expirationCloseInstant('SPY', '2026-04-03').toISOString()).toBe('2026-04-02T20:15:00.000Z');
  });
});
