import {
  buildTradeOutcome,
  byCloseOrder,
  durationMinutesBetween,
  exitReasonCodesOf,
  type ClosedPositionFacts,
} from './trade-outcome';

const entryAtMs = Date.UTC(2026, 1, 13, 15, 30, 40);

/** Section 17, steps 8-11: 9 SPY 596 calls bought at 3.52, sold at 5.28 about two hours later. */
const trace: ClosedPositionFacts = {
  positionId: 'pos-001',
  signalId: 'sig-001',
  symbol: 'SPY',
  direction: 'long',
  engine: 'A',
  source: 'live',
  entryPrice: '3.5200',
  entryQuantity: 9,
  realizedPnl: '1584.00',
  entryAtMs,
  exitAtMs: entryAtMs + 125 * 60_000,
  exitReason: 'profit_target',
  entryBiasScore: '72',
  entryMacroClass: 'RISK_ON',
  entryRegime: 'TRENDING',
  entryIntent: 'BREAKOUT',
  entryAcceleration: '0.15',
};

describe('buildTradeOutcome', () => {
  it('reproduces the section 17 step 11 capture', () => {
    expect(buildTradeOutcome(trace)).toEqual({
      positionId: 'pos-001',
      signalId: 'sig-001',
      symbol: 'SPY',
      direction: 'long',
      engine: 'A',
      source: 'live',
      pnl: 1584,
      pnlPercent: 50,
      pnlR: 50,
      durationMinutes: 125,
      exitReasonCodes: ['profit_target'],
      entryBiasScore: 72,
      entryMacroClass: 'RISK_ON',
      entryRegime: 'TRENDING',
      entryIntent: 'BREAKOUT',
      entryAcceleration: 0.15,
      closedAtMs: entryAtMs + 125 * 60_000,
    });
  });

  it('computes percent and R against the cost basis, to 4 decimals', () => {
    const loss = buildTradeOutcome({ ...trace, realizedPnl: -1000, entryQuantity: 3, entryPrice: 3 });
    expect(loss.pnlPercent).toBe(-111.1111);
    expect(loss.pnlR).toBe(-111.1111);
  });

  it('keeps optional confidence and slippage only when present', () => {
    const plain = buildTradeOutcome(trace);
    expect('entryConfidence' in plain).toBe(false);
    expect('slippage' in plain).toBe(false);
    const rich = buildTradeOutcome({ ...trace, entryConfidence: '75', slippage: 4.5 });
    expect(rich.entryConfidence).toBe(75);
    expect(rich.slippage).toBe(4.5);
  });

  it('rejects a non-positive cost basis, an exit before entry and non-numeric fields', () => {
    expect(() => buildTradeOutcome({ ...trace, entryQuantity: 0 })).toThrow(RangeError);
    expect(() => buildTradeOutcome({ ...trace, exitAtMs: entryAtMs - 1 })).toThrow(RangeError);
    expect(() => buildTradeOutcome({ ...trace, entryBiasScore: 'high' })).toThrow(RangeError);
  });
});

describe('exitReasonCodesOf', () => {
  it('splits, trims and de-duplicates in order', () => {
    expect(exitReasonCodesOf('stop_loss, time_stop;stop_loss')).toEqual(['stop_loss', 'time_stop']);
    expect(exitReasonCodesOf(['a', ' b ', 'a', ''])).toEqual(['a', 'b']);
    expect(exitReasonCodesOf(null)).toEqual([]);
    expect(exitReasonCodesOf('  ')).toEqual([]);
  });
});

describe('durationMinutesBetween', () => {
  it('rounds to the nearest minute', () => {
    expect(durationMinutesBetween(0, 89_999)).toBe(1);
    expect(durationMinutesBetween(0, 90_000)).toBe(2);
    expect(durationMinutesBetween(5, 5)).toBe(0);
  });
});

describe('byCloseOrder', () => {
  it('orders by close time, then position id, then source', () => {
    const base = buildTradeOutcome(trace);
    const later = { ...base, closedAtMs: base.closedAtMs + 1 };
    const otherId = { ...base, positionId: 'pos-000' };
    const shadow = { ...base, source: 'shadow' as const };
    expect([later, shadow, base, otherId].sort(byCloseOrder)).toEqual([otherId, base, shadow, later]);
  });
});
