import { replacementFor, withoutReplaced } from './position-replacement';
import { limits, minutesBefore, NOW, position } from './risk.fixtures';

const SETTINGS = { enabled: true, minConfidence: 70, minHoldMinutes: 15 };
const ENTRY = { action: 'entry', confidence: 75 };

/** Two open positions held an hour: A at +20%, B at -30%. */
function fullBook() {
  const openedAt = minutesBefore(NOW, 60);
  return {
    positions: [
      position({ positionId: 'a', entryPrice: 5, currentPrice: 6, openedAt, marked: true }),
      position({ positionId: 'b', entryPrice: 2, currentPrice: 1.4, openedAt, marked: true }),
    ],
    pendingOrders: [],
  };
}

describe('replacementFor (POSITION_REPLACEMENT)', () => {
  const two = limits({ maxOpenPositions: 2 });

  it('picks the open position with the lowest P&L % when the book is full', () => {
    expect(replacementFor(ENTRY, fullBook(), two, SETTINGS, NOW)?.positionId).toBe('b');
  });

  it('replaces nothing when off, for an add, under the minimum confidence, or without a confidence', () => {
    expect(replacementFor(ENTRY, fullBook(), two, { ...SETTINGS, enabled: false }, NOW)).toBeNull();
    expect(replacementFor({ action: 'add', confidence: 90 }, fullBook(), two, SETTINGS, NOW)).toBeNull();
    expect(replacementFor({ action: 'entry', confidence: 69.9 }, fullBook(), two, SETTINGS, NOW)).toBeNull();
    expect(replacementFor({ action: 'entry', confidence: null }, fullBook(), two, SETTINGS, NOW)).toBeNull();
    expect(replacementFor({ action: 'entry', confidence: 70 }, fullBook(), two, SETTINGS, NOW)?.positionId).toBe('b');
  });

  it('replaces nothing while the book has room; pending entries fill it too', () => {
    const book = fullBook();
    expect(replacementFor(ENTRY, book, limits({ maxOpenPositions: 3 }), SETTINGS, NOW)).toBeNull();
    const pending = {
      ...book,
      pendingOrders: [{ symbol: 'QQQ', engine: 'A' as const, optionSymbol: 'QQQ260220C00520000' }],
    };
    expect(replacementFor(ENTRY, pending, limits({ maxOpenPositions: 3 }), SETTINGS, NOW)?.positionId).toBe('b');
  });

  it('skips positions closing, without a mark, without an id, or held under the minimum', () => {
    const book = fullBook();
    const [a, b] = book.positions;
    const variants = [
      { ...b, status: 'closing' as const },
      { ...b, marked: false },
      { ...b, positionId: undefined },
      { ...b, openedAt: minutesBefore(NOW, 14) },
    ];
    for (const weaker of variants) {
      expect(replacementFor(ENTRY, { ...book, positions: [a, weaker] }, two, SETTINGS, NOW)?.positionId).toBe('a');
    }
    expect(
      replacementFor(ENTRY, { ...book, positions: [{ ...a, marked: false }, variants[1]] }, two, SETTINGS, NOW),
    ).toBeNull();
  });

  it('judges the book without the replaced position, and leaves it whole without one', () => {
    const book = fullBook();
    const replaced = replacementFor(ENTRY, book, two, SETTINGS, NOW);
    expect(withoutReplaced(book, replaced).positions.map((p) => p.positionId)).toEqual(['a']);
    expect(withoutReplaced(book, null)).toBe(book);
  });
});
