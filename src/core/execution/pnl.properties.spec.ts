import Decimal from 'decimal.js';
import fc from 'fast-check';

import { averageEntry, partialClose, realizedPnl, unrealizedPnl } from './pnl';

/** A 4-dp option price between 0.01 and 100.00 (prices are NUMERIC(12,4)). */
const price = fc.integer({ min: 100, max: 1_000_000 }).map((tenThousandths) => new Decimal(tenThousandths).div(10_000));
/** A 2-dp cost. */
const cost = fc.integer({ min: 0, max: 5_000 }).map((cents) => new Decimal(cents).div(100).toFixed(2));

/** A quantity and a split of it into positive chunks. */
const split = fc
  .array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 })
  .map((chunks) => ({ quantity: chunks.reduce((a, b) => a + b, 0), chunks }));

describe('pnl properties', () => {
  it('partial closes sum to the realized P&L of closing everything at once', () => {
    fc.assert(
      fc.property(price, price, split, (entry, exit, { quantity, chunks }) => {
        let open = { quantity, entryPrice: entry.toFixed(4), realizedPnl: null as string | null };
        let sumOfFills = new Decimal(0);
        let last = null as ReturnType<typeof partialClose> | null;
        for (const chunk of chunks) {
          last = partialClose(open, chunk, exit.toFixed(4));
          sumOfFills = sumOfFills.plus(last.realizedThisFill);
          open = { ...open, quantity: last.remainingQuantity, realizedPnl: last.realizedTotal };
        }
        const whole = realizedPnl(entry.toFixed(4), exit.toFixed(4), quantity);
        expect(sumOfFills.toFixed(2)).toBe(whole);
        expect(last?.realizedTotal).toBe(whole);
        expect(last?.closed).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('partial closes with per-fill costs sum to gross minus all costs', () => {
    fc.assert(
      fc.property(price, price, split, fc.array(cost, { minLength: 8, maxLength: 8 }), (entry, exit, s, costs) => {
        let open = { quantity: s.quantity, entryPrice: entry.toFixed(4), realizedPnl: null as string | null };
        let totalCosts = new Decimal(0);
        s.chunks.forEach((chunk, i) => {
          const result = partialClose(open, chunk, exit.toFixed(4), { commission: costs[i] });
          totalCosts = totalCosts.plus(costs[i]);
          open = { ...open, quantity: result.remainingQuantity, realizedPnl: result.realizedTotal };
        });
        expect(open.realizedPnl).toBe(
          realizedPnl(entry.toFixed(4), exit.toFixed(4), s.quantity, { commission: totalCosts.toFixed(2) }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('realized at the mark equals unrealized at that mark', () => {
    fc.assert(
      fc.property(price, price, fc.integer({ min: 1, max: 1000 }), (entry, mark, quantity) => {
        expect(realizedPnl(entry.toFixed(4), mark.toFixed(4), quantity)).toBe(
          unrealizedPnl(entry.toFixed(4), mark.toFixed(4), quantity),
        );
      }),
    );
  });

  it('the average entry lies between the two prices', () => {
    fc.assert(
      fc.property(price, price, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b, qa, qb) => {
        const avg = new Decimal(averageEntry(qa, a.toFixed(4), qb, b.toFixed(4)));
        expect(avg.gte(Decimal.min(a, b)) && avg.lte(Decimal.max(a, b))).toBe(true);
      }),
    );
  });
});
