/** Thresholds of the portfolio guard (ENABLE_PORTFOLIO_GUARD); defaults documented in docs/engine-a-rules.md. */
export interface PortfolioGuardConfig {
  /** Net exposure in the signal's direction, % of equity, at which size is reduced. */
  netExposureReducePct: number;
  /** ... and at which new entries in that direction are blocked. */
  netExposureBlockPct: number;
  netExposureReduceMultiplier: number;
  /** Gross notional already in the signal's symbol, % of equity, at which size is reduced / entries blocked. */
  symbolConcentrationReducePct: number;
  symbolConcentrationBlockPct: number;
  symbolConcentrationReduceMultiplier: number;
  /** Under short dealer gamma, a chop score at or above this reduces size. */
  shortGammaChopThreshold: number;
  shortGammaChopMultiplier: number;
  /** Under short dealer gamma, a signal against the bias direction reduces size. */
  shortGammaCounterBiasMultiplier: number;
  /** The product of REDUCE multipliers never goes below this. */
  minSizeMultiplier: number;
}

export const DEFAULT_PORTFOLIO_GUARD_CONFIG: Readonly<PortfolioGuardConfig> = Object.freeze({
  netExposureReducePct: 30,
  netExposureBlockPct: 50,
  netExposureReduceMultiplier: 0.5,
  symbolConcentrationReducePct: 20,
  symbolConcentrationBlockPct: 35,
  symbolConcentrationReduceMultiplier: 0.5,
  shortGammaChopThreshold: 60,
  shortGammaChopMultiplier: 0.5,
  shortGammaCounterBiasMultiplier: 0.75,
  minSizeMultiplier: 0.25,
});
