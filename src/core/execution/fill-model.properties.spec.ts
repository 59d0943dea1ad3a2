import Decimal from 'decimal.js';
import fc from 'fast-check';

import type { FillConfig, FillInput } from './fill-model';
import { computeFill } from './fill-model';
import { tickSizeFor } from './tick-size';

const NOW = new Date('2026-02-17T15:00:00.000Z');

/** A sane two-sided quote in cents: bid 0..50, spread 0..2. */
const twoSidedQuote = fc
  .record({ bidCents: fc.integer({ min: 0, max: 5_000 }), spreadCents: fc.integer({ min: 0, max: 200 }) })
  .map(({ bidCents, spreadCents }) => ({ bid: bidCents / 100, ask: (bidCents + spreadCents) / 100 }));

const scenario = fc.record({
  side: fc.constantFrom('buy' as const, 'sell' as const),
  mode: fc.constantFrom('mid' as const, 'cross' as const),
  underlying: fc.constantFrom('SPY', 'AAPL', 'SPX', 'SPXW', 'XYZ'),
  slippageBps: fc.integer({ min: 0, max: 500 }),
  quantity: fc.integer({ min: 1, max: 500 }),
  quote: twoSidedQuote,
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function fill(s: Scenario) {
  const input: FillInput = {
    side: s.side,
    quantity: s.quantity,
    underlying: s.underlying,
    quote: { ...s.quote, mid: null, last: null, asOf: NOW },
  };
  const config: FillConfig = {
    mode: s.mode,
    slippageBps: s.slippageBps,
    commissionPerContract: 0.65,
    feesPerContract: 0.02,
    maxQuoteAgeMs: 10_000,
  };
  return computeFill(input, config, NOW);
}

describe('computeFill properties', () => {
  it('never fills better than the mid for the trader (slippage >= 0)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = fill(s);
        if (!result.ok) {
          return;
        }
        const price = new Decimal(result.price);
        const mid = new Decimal(s.quote.bid).plus(s.quote.ask).div(2);
        expect(new Decimal(result.slippage).gte(0)).toBe(true);
        expect(s.side === 'buy' ? price.gte(mid) : price.lte(mid)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('always lands on a valid tick for the fill price', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = fill(s);
        if (!result.ok) {
          return;
        }
        const price = new Decimal(result.price);
        const tick = tickSizeFor(s.underlying, price.toNumber());
        expect(price.mod(tick).isZero()).toBe(true);
        expect(price.mod(result.tick).isZero()).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('buys pay at least one tick and sells never go below zero', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = fill(s);
        if (!result.ok) {
          return;
        }
        const price = new Decimal(result.price);
        if (s.side === 'buy') {
          expect(price.gte(tickSizeFor(s.underlying, 0))).toBe(true);
        } else {
          expect(price.gte(0)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('more slippage never gives a better price', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 500 }), (s, extra) => {
        const base = fill(s);
        const worse = fill({ ...s, slippageBps: s.slippageBps + extra });
        if (!base.ok || !worse.ok) {
          expect(base.ok).toBe(worse.ok);
          return;
        }
        const [a, b] = [new Decimal(base.price), new Decimal(worse.price)];
        expect(s.side === 'buy' ? b.gte(a) : b.lte(a)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('cross fills are never better than mid fills', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const mid = fill({ ...s, mode: 'mid' });
        const cross = fill({ ...s, mode: 'cross' });
        if (!mid.ok || !cross.ok) {
          return;
        }
        const [m, c] = [new Decimal(mid.price), new Decimal(cross.price)];
        expect(s.side === 'buy' ? c.gte(m) : c.lte(m)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
