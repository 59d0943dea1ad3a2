import { daysToExpiration, expirationForHold } from '../expiration';
import { formatOccSymbol } from '../occ';
import { bsmGreeks } from '../pricing';
import type { DeltaInput, StrikeSelectorDeps } from './strike.types';

/** Black-Scholes delta for a contract whose feed gave IV but no greeks (no dividend yield); null when not computable. */
export function deltaFromIv({ type, spot, strike, years, iv, rate }: DeltaInput): number | null {
  if (!(spot > 0 && strike > 0 && years > 0 && iv > 0)) {
    return null;
  }
  try {
    return bsmGreeks({ spot, strike, timeYears: years, rate, dividendYield: 0, vol: iv, type }).delta;
  } catch {
    return null;
  }
}

/** The real collaborators; tests inject their own. */
export const DEFAULT_STRIKE_DEPS: StrikeSelectorDeps = Object.freeze({
  formatOccSymbol,
  expirationForHold: (now: Date, maxHoldDays: number) => expirationForHold(now, maxHoldDays),
  daysToExpiration,
  computeDelta: deltaFromIv,
});
