import { RISK_CODES } from './risk-codes';
import { block, minutes, ok, sameSymbol } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * Per-symbol cooldown: a new entry waits `cooldownMinutes` after the symbol's last fill (exactly that long passes).
 * 0 turns it off. A last fill in the future (clock skew) counts as within the cooldown.
 */
export function cooldownGate(snapshot: RiskSnapshot, limits: RiskLimits, now: Date): GateVerdict {
  const symbol = snapshot.signal.symbol;
  if (limits.cooldownMinutes <= 0) {
    return ok('no cooldown');
  }
  const last = Object.entries(snapshot.lastTradeAtBySymbol)
    .filter(([key]) => sameSymbol(key, symbol))
    .map(([, at]) => at.getTime())
    .reduce<number | null>((latest, at) => (latest === null || at > latest ? at : latest), null);
  if (last === null) {
    return ok(`no trade on ${symbol} today`);
  }
  const elapsed = now.getTime() - last;
  const cooldownMs = limits.cooldownMinutes * 60_000;
  if (elapsed < cooldownMs) {
    return block(
      RISK_CODES.cooldownActive,
      `${symbol} traded ${minutes(elapsed)} min ago, cooldown ${limits.cooldownMinutes} min`,
    );
  }
  return ok(`${symbol} traded ${minutes(elapsed)} min ago, cooldown ${limits.cooldownMinutes} min over`);
}
