import { daysToExpiry, fmt, hoursHeld, pnlPercentOf } from './exit-math';
import type { ExitRule } from './exit.types';
import { EXIT_PASS, fullExit } from './exit.types';
import { trailingStopRule } from './trailing-stop';

/** Spec `exit_rules.profit_target_percent`: pnl% >= target (section 17: 3.52 -> 5.30 is 50.57% >= 50). */
export const profitTargetRule: ExitRule = {
  name: 'profit_target',
  tier: 0,
  priceFree: false,
  evaluate: (position, config) => {
    const pnl = pnlPercentOf(position);
    if (pnl === null || !(config.profitTargetPct > 0) || pnl < config.profitTargetPct) {
      return EXIT_PASS;
    }
    return fullExit('profit_target', `pnl ${fmt(pnl)}% >= target ${config.profitTargetPct}%`);
  },
};

/** Spec `exit_rules.stop_loss_percent` (STOP_LOSS_PCT): pnl% <= -|stop|. */
export const stopLossRule: ExitRule = {
  name: 'stop_loss',
  tier: 0,
  priceFree: false,
  evaluate: (position, config) => {
    const pnl = pnlPercentOf(position);
    const stop = Math.abs(config.stopLossPct);
    if (pnl === null || !(stop > 0) || pnl > -stop) {
      return EXIT_PASS;
    }
    return fullExit('stop_loss', `pnl ${fmt(pnl)}% <= -${stop}%`);
  },
};

/** Spec `exit_rules.max_hold_time_hours`: hours in the position >= max (default 120). Needs no mark. */
export const maxHoldTimeRule: ExitRule = {
  name: 'max_hold_time',
  tier: 0,
  priceFree: true,
  evaluate: (position, config, nowMs) => {
    const held = hoursHeld(position, nowMs);
    if (!(config.maxHoldHours > 0) || !(held >= config.maxHoldHours)) {
      return EXIT_PASS;
    }
    return fullExit('max_hold_time', `held ${fmt(held)} h >= ${config.maxHoldHours} h`);
  },
};

/** Spec `exit_rules.min_dte_exit`: days to the expiry close <= min (default 1). Needs no mark; < 0 turns it off. */
export const minDteExitRule: ExitRule = {
  name: 'min_dte_exit',
  tier: 0,
  priceFree: true,
  evaluate: (position, config, nowMs) => {
    const days = daysToExpiry(position, nowMs);
    if (!(config.minDteExit >= 0) || !(days <= config.minDteExit)) {
      return EXIT_PASS;
    }
    return fullExit('min_dte_exit', `${fmt(days)} days to the expiry close <= ${config.minDteExit}`);
  },
};

/** The plain rules in evaluation order: profit, stop, trailing, time, DTE. The first that fires decides. */
export const EXIT_RULES: readonly ExitRule[] = [
  profitTargetRule,
  stopLossRule,
  trailingStopRule,
  maxHoldTimeRule,
  minDteExitRule,
];
