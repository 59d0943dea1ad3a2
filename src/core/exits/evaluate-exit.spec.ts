import { evaluateExit, explainExit } from './evaluate-exit';
import {
  bias,
  CONFIG,
  ENTRY_MS,
  EXPIRY_CLOSE_MS,
  HOUR_MS,
  market,
  markFor,
  PLAIN_CONFIG,
  position,
  TRACE_NOW_MS,
} from './exits.fixtures';

describe('evaluateExit', () => {
  it('closes pos-001 on the profit target (section 17, step 10)', () => {
    expect(evaluateExit(position({ currentPrice: 5.3 }), market(), PLAIN_CONFIG, TRACE_NOW_MS)).toEqual({
      action: 'FULL_EXIT',
      quantity: 9,
      code: 'profit_target',
      reasons: ['profit_target: pnl 50.57% >= target 50%'],
      tier: 0,
      pnlPercent: expect.closeTo(50.568, 3),
    });
  });

  it('holds with no reasons and the pnl when nothing fires', () => {
    const decision = evaluateExit(position(), market(), CONFIG, TRACE_NOW_MS);
    expect(decision).toMatchObject({ action: 'HOLD', quantity: 0, code: 'hold', reasons: [], tier: 0 });
    expect(decision.pnlPercent).toBeCloseTo(7.386, 3);
  });

  it('runs the intelligence before the exit rules', () => {
    const flipped = market({ bias: bias({ direction: 'bearish' }) });
    expect(evaluateExit(position({ currentPrice: 1 }), flipped, CONFIG, TRACE_NOW_MS).code).toBe('intel_bias_flip');
  });

  it('runs the exit rules before the tiers', () => {
    const expired = evaluateExit(position({ currentPrice: 0.02 }), market(), CONFIG, EXPIRY_CLOSE_MS);
    expect(expired).toMatchObject({ code: 'stop_loss', tier: 0 });
  });

  it('reaches the tiers when the plain rules are off', () => {
    const cfg = { ...CONFIG, stopLossPct: 0 };
    expect(evaluateExit(position({ currentPrice: 0.02 }), market(), cfg, TRACE_NOW_MS)).toMatchObject({
      code: 'option_worthless',
      tier: 1,
    });
    expect(evaluateExit(position({ currentPrice: markFor(-75) }), market(), cfg, TRACE_NOW_MS)).toMatchObject({
      code: 'deep_loss',
      tier: 2,
    });
  });

  it('rounds partial quantities: 5 of 9, 2 of 3, 1 of 2', () => {
    const at = (quantity: number) =>
      evaluateExit(position({ quantity, currentPrice: markFor(35) }), market(), CONFIG, TRACE_NOW_MS);
    expect(at(9)).toMatchObject({ action: 'PARTIAL_EXIT', quantity: 5 });
    expect(at(3)).toMatchObject({ action: 'PARTIAL_EXIT', quantity: 2 });
    expect(at(2)).toMatchObject({ action: 'PARTIAL_EXIT', quantity: 1 });
  });

  it('turns a partial that would leave nothing open into a full exit', () => {
    const decision = evaluateExit(position({ quantity: 1, currentPrice: markFor(35) }), market(), CONFIG, 0);
    expect(decision).toMatchObject({ action: 'FULL_EXIT', quantity: 1, code: 'first_target_partial', tier: 3 });
    expect(decision.reasons[1]).toContain('would leave 0');
  });

  it('returns TIGHTEN_STOP with quantity 0', () => {
    const p = position({ highWaterPrice: markFor(30), currentPrice: markFor(12) });
    expect(evaluateExit(p, market(), CONFIG, TRACE_NOW_MS)).toMatchObject({ action: 'TIGHTEN_STOP', quantity: 0 });
  });

  it('holds with no_mark without a price, unless a time rule fires', () => {
    const p = position({ currentPrice: null });
    expect(evaluateExit(p, market({ bias: bias({ direction: 'bearish' }) }), CONFIG, TRACE_NOW_MS)).toMatchObject({
      action: 'HOLD',
      code: 'no_mark',
      pnlPercent: null,
    });
    expect(evaluateExit(p, market(), CONFIG, ENTRY_MS + 120 * HOUR_MS).code).toBe('max_hold_time');
    const recent = { ...p, entryTimeMs: EXPIRY_CLOSE_MS - 30 * HOUR_MS };
    expect(evaluateExit(recent, market(), CONFIG, EXPIRY_CLOSE_MS - HOUR_MS).code).toBe('min_dte_exit');
    const noDte = { ...CONFIG, minDteExit: -1, maxHoldHours: 0 };
    expect(evaluateExit(p, market(), noDte, EXPIRY_CLOSE_MS)).toMatchObject({ code: 'expired', tier: 1 });
  });

  it('holds an unusable entry price or an empty position', () => {
    expect(evaluateExit(position({ entryPrice: 0 }), market(), CONFIG, TRACE_NOW_MS).code).toBe('invalid_entry_price');
    expect(evaluateExit(position({ quantity: 0 }), market(), CONFIG, TRACE_NOW_MS).code).toBe('empty_position');
  });

  it('explains the decision with every verdict', () => {
    const explanation = explainExit(position({ currentPrice: markFor(35) }), market(), CONFIG, TRACE_NOW_MS);
    expect(explanation.decision.code).toBe('first_target_partial');
    expect(explanation.verdicts.filter((v) => !v.pass).map((v) => v.code)).toEqual(['first_target_partial']);
    expect(explanation.verdicts).toHaveLength(15);
  });
});
