export { computeGex, zeroCrossing, GEX_DEFAULTS } from './gex';
export { maxPainStrike, totalPayout, type MaxPainContract } from './max-pain';
export { newYorkCloseInstant } from './expiry';
export type { DealerPosition, GexOptions, GexProfile, GexResult, StrikeGex } from './gex.types';
