export { bsmGreeks, bsmPrice, bsmPriceAndGreeks, DAYS_PER_YEAR, MIN_TOTAL_VOL } from './bsm';
export type { BsmInput, BsmResult } from './bsm';
export { impliedVol } from './implied-vol';
export type { ImpliedVolFailure, ImpliedVolInput, ImpliedVolOptions, ImpliedVolResult } from './implied-vol';
export { normCdf, normPdf } from './normal';
export { MS_PER_YEAR, timeToExpiryYears } from './time';
