import { isAged, isNearTarget, minutesHeld, pickReplacementCandidate } from './capacity';
import { ENTRY_MS, HOUR_MS, markFor, position } from './exits.fixtures';

const NOW = ENTRY_MS + 2 * HOUR_MS;

describe('capacity management', () => {
  describe('pickReplacementCandidate', () => {
    it('picks the lowest pnl among positions held long enough', () => {
      const positions = [
        position({ positionId: 'a', currentPrice: markFor(10) }),
        position({ positionId: 'b', currentPrice: markFor(-20) }),
        position({ positionId: 'c', currentPrice: markFor(-40), entryTimeMs: NOW - 5 * 60_000 }),
        position({ positionId: 'd', currentPrice: null }),
      ];
      expect(pickReplacementCandidate(positions, NOW, { minHoldMinutes: 30 })?.positionId).toBe('b');
      expect(pickReplacementCandidate(positions, NOW, { minHoldMinutes: 0 })?.positionId).toBe('c');
    });

    it('breaks ties by the oldest entry, then the id', () => {
      const positions = [
        position({ positionId: 'z', currentPrice: 3, entryTimeMs: ENTRY_MS }),
        position({ positionId: 'y', currentPrice: 3, entryTimeMs: ENTRY_MS }),
        position({ positionId: 'x', currentPrice: 3, entryTimeMs: ENTRY_MS + 60_000 }),
      ];
      expect(pickReplacementCandidate(positions, NOW, { minHoldMinutes: 0 })?.positionId).toBe('y');
    });

    it('returns null when nothing qualifies', () => {
      expect(pickReplacementCandidate([], NOW, { minHoldMinutes: 0 })).toBeNull();
      expect(pickReplacementCandidate([position()], NOW, { minHoldMinutes: 180 })).toBeNull();
    });
  });

  it('isNearTarget: within the band below the target, or past it', () => {
    expect(isNearTarget(45, 50, 5)).toBe(true);
    expect(isNearTarget(60, 50, 5)).toBe(true);
    expect(isNearTarget(44.9, 50, 5)).toBe(false);
    expect(isNearTarget(null, 50, 5)).toBe(false);
    expect(isNearTarget(45, 0, 5)).toBe(false);
  });

  it('isAged: held at least the maximum', () => {
    expect(isAged(position(), ENTRY_MS + 120 * HOUR_MS, 120)).toBe(true);
    expect(isAged(position(), ENTRY_MS + 119 * HOUR_MS, 120)).toBe(false);
  });

  it('minutesHeld', () => {
    expect(minutesHeld(position(), NOW)).toBe(120);
  });
});
