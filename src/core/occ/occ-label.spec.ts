import { occLabel, occShortLabel } from './occ-label';
import type { OccContract } from './occ-symbol';

const SPY_596_CALL: OccContract = { underlying: 'SPY', expiration: '2026-02-20', type: 'call', strike: 596 };

describe('occLabel', () => {
  it('names underlying, ISO date, strike and type', () => {
    expect(occLabel(SPY_596_CALL)).toBe('SPY 2026-02-20 596 Call');
  });

  it('keeps the decimals a strike has and no more', () => {
    expect(occLabel({ ...SPY_596_CALL, type: 'put', strike: 4.5 })).toBe('SPY 2026-02-20 4.5 Put');
    expect(occLabel({ ...SPY_596_CALL, strike: 596.125 })).toBe('SPY 2026-02-20 596.125 Call');
  });
});

describe('occShortLabel', () => {
  it('writes the trading-screen form', () => {
    expect(occShortLabel(SPY_596_CALL)).toBe("$596C Feb 20 '26");
  });

  it('drops the leading zero of the day and writes P for puts', () => {
    expect(occShortLabel({ ...SPY_596_CALL, type: 'put', expiration: '2025-12-05', strike: 6000.5 })).toBe(
      "$6000.5P Dec 5 '25",
    );
  });
});
