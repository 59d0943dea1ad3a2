/**
 * Gamma exposure (GEX) shapes. Dollar gamma per 1% move of the underlying, under the dealer sign convention of
 * docs/positioning.md: calls positive, puts negative.
 */

export type DealerPosition = 'long_gamma' | 'short_gamma' | 'neutral';

export interface GexOptions {
  /** The engine's clock reading; time to expiry is measured from it. */
  now: Date;
  /** Continuously compounded risk-free rate for the BSM fallback. Default 0.04. */
  rate?: number;
  /** Continuous dividend yield for the BSM fallback. Default 0. */
  dividendYield?: number;
  /** When a contract stops trading; default 16:00 America/New_York on the expiration date. */
  expiryInstant?: (expiration: string) => Date;
  /** Only these expirations (YYYY-MM-DD) count towards GEX, walls and the zero-gamma level; all when absent. */
  expirations?: string[];
  /** The expiration for max pain; default the nearest unexpired expiration in scope. */
  expiration?: string;
  /** Half-width of the zero-gamma spot grid, as a fraction of spot. Default 0.15 (+-15%). */
  gridWidth?: number;
  /** Points in the zero-gamma grid, ends included. Default 121 (0.25% steps at +-15%). */
  gridPoints?: number;
  /** Floor on time to expiry (years) for the BSM fallback, so a contract minutes from expiry does not explode. Default one hour. */
  minTimeYears?: number;
  /** |netGex| at or below this many dollars is neutral. Default 0. */
  neutralThreshold?: number;
  /** |netGex| at or below this fraction of gross GEX (sum of |call| and |put|) is neutral. Default 0.05. */
  neutralRatio?: number;
  /** Return the grid (spot levels and net GEX at each) as `profile`. Default false. */
  includeProfile?: boolean;
}

export interface StrikeGex {
  strike: number;
  /** Dollar gamma per 1% move from calls at this strike (>= 0). */
  callGex: number;
  /** Dollar gamma per 1% move from puts at this strike (<= 0). */
  putGex: number;
  netGex: number;
  callOi: number;
  putOi: number;
}

export interface GexProfile {
  spots: number[];
  netGex: number[];
}

export interface GexResult {
  underlying: string;
  spot: number;
  netGex: number;
  /** Sum of |callGex| + |putGex| over all strikes; the scale for the neutral band. */
  grossGex: number;
  /** Ascending by strike. */
  perStrike: StrikeGex[];
  /** Spot level where the re-priced net GEX crosses zero nearest the current spot; null when no crossing in the grid. */
  zeroGammaLevel: number | null;
  /** Strike with the largest call GEX. */
  callWall: number | null;
  /** Strike with the largest |put GEX|. */
  putWall: number | null;
  maxPain: number | null;
  /** The expiration max pain was computed for. */
  maxPainExpiration: string | null;
  dealerPosition: DealerPosition;
  /** Contracts that contributed (gamma known, not expired, in scope). */
  contractsUsed: number;
  /** Contracts with neither a gamma nor an IV, or with an unreadable expiration. */
  skipped: number;
  /** Contracts already expired at `now`. */
  expired: number;
  /** The chain's own time. */
  asOf: Date;
  profile?: GexProfile;
}
