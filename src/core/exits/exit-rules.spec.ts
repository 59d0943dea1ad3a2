import { EXIT_RULES, maxHoldTimeRule, minDteExitRule, profitTargetRule, stopLossRule } from './exit-rules';
import { CONFIG, ENTRY_MS, EXPIRY_CLOSE_MS, HOUR_MS, markFor, position, TRACE_NOW_MS } from './exits.fixtures';

describe('exit rules (spec exit_rules)', () => {
  describe('profit_target', () => {
    it('fires on the section 17 trace: 3.52 -> 5.30 is 50.57 % >= 50', () => {
      const result = profitTargetRule.evaluate(position({ currentPrice: 5.3 }), CONFIG, TRACE_NOW_MS);
      expect(result).toMatchObject({ pass: false, code: 'profit_target', action: 'FULL_EXIT' });
      expect(result.detail).toBe('pnl 50.57% >= target 50%');
    });

    it('passes just below the target and at 3.78 (step 9)', () => {
      expect(profitTargetRule.evaluate(position({ currentPrice: 5.27 }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
      expect(profitTargetRule.evaluate(position(), CONFIG, TRACE_NOW_MS).pass).toBe(true);
    });

    it('is off when the target is 0', () => {
      expect(
        profitTargetRule.evaluate(position({ currentPrice: 10 }), { ...CONFIG, profitTargetPct: 0 }, TRACE_NOW_MS).pass,
      ).toBe(true);
    });
  });

  describe('stop_loss', () => {
    it('fires at exactly -50 %', () => {
      const result = stopLossRule.evaluate(position({ currentPrice: 1.76 }), CONFIG, TRACE_NOW_MS);
      expect(result).toMatchObject({ pass: false, code: 'stop_loss' });
    });

    it('passes at -49.9 %', () => {
      expect(stopLossRule.evaluate(position({ currentPrice: markFor(-49.9) }), CONFIG, TRACE_NOW_MS).pass).toBe(true);
    });

    it('treats a negative setting as its absolute value, like the spec', () => {
      const cfg = { ...CONFIG, stopLossPct: -30 };
      expect(stopLossRule.evaluate(position({ currentPrice: markFor(-31) }), cfg, TRACE_NOW_MS).pass).toBe(false);
    });

    it('uses the sign-adjusted pnl for short positions', () => {
      const short = position({ direction: 'short', entryPrice: 2, currentPrice: 3.1, highWaterPrice: 2 });
      expect(stopLossRule.evaluate(short, CONFIG, TRACE_NOW_MS)).toMatchObject({ pass: false, code: 'stop_loss' });
    });
  });

  describe('max_hold_time', () => {
    it('fires at exactly 120 hours held', () => {
      expect(maxHoldTimeRule.evaluate(position(), CONFIG, ENTRY_MS + 120 * HOUR_MS)).toMatchObject({
        pass: false,
        code: 'max_hold_time',
        detail: 'held 120.00 h >= 120 h',
      });
    });

    it('passes a minute before', () => {
      expect(maxHoldTimeRule.evaluate(position(), CONFIG, ENTRY_MS + 120 * HOUR_MS - 60_000).pass).toBe(true);
    });

    it('needs no mark', () => {
      expect(maxHoldTimeRule.priceFree).toBe(true);
      expect(maxHoldTimeRule.evaluate(position({ currentPrice: null }), CONFIG, ENTRY_MS + 200 * HOUR_MS).pass).toBe(
        false,
      );
    });
  });

  describe('min_dte_exit', () => {
    it('fires at exactly one day to the expiry close', () => {
      expect(minDteExitRule.evaluate(position(), CONFIG, EXPIRY_CLOSE_MS - 24 * HOUR_MS)).toMatchObject({
        pass: false,
        code: 'min_dte_exit',
      });
    });

    it('passes with more than a day left', () => {
      expect(minDteExitRule.evaluate(position(), CONFIG, EXPIRY_CLOSE_MS - 25 * HOUR_MS).pass).toBe(true);
    });

    it('fires past the expiry close and is off for a negative setting', () => {
      expect(minDteExitRule.evaluate(position(), CONFIG, EXPIRY_CLOSE_MS + HOUR_MS).pass).toBe(false);
      expect(minDteExitRule.evaluate(position(), { ...CONFIG, minDteExit: -1 }, EXPIRY_CLOSE_MS + HOUR_MS).pass).toBe(
        true,
      );
    });
  });

  it('runs profit, stop, trailing, time, DTE in that order', () => {
    expect(EXIT_RULES.map((r) => r.name)).toEqual([
      'profit_target',
      'stop_loss',
      'trailing_stop',
      'max_hold_time',
      'min_dte_exit',
    ]);
    expect(EXIT_RULES.every((r) => r.tier === 0)).toBe(true);
  });
});
