import type { OptionChain, OptionQuote } from '../market/market.types';
import { MS_PER_YEAR } from '../pricing';
import { bsmGamma, INV_SQRT_2PI } from './bsm-gamma';
import { newYorkCloseInstant } from './expiry';
import type { DealerPosition, GexOptions, GexProfile, GexResult, StrikeGex } from './gex.types';
import { maxPainStrike, type MaxPainContract } from './max-pain';

/**
 * Cached once: under a vm context (Jest) every `Math.exp` inside the hot loop is a slow global lookup (~15x slower).
 */
const mathExp = Math.exp;
const mathLog = Math.log;

const CONTRACT_MULTIPLIER = 100;
/** Dollar gamma per 1% move: gamma x OI x 100 x S^2 x 0.01. */
const ONE_PERCENT = 0.01;

export const GEX_DEFAULTS = {
  rate: 0.04,
  dividendYield: 0,
  gridWidth: 0.15,
  gridPoints: 121,
  minTimeYears: 1 / (365 * 24),
  neutralThreshold: 0,
  neutralRatio: 0.05,
} as const;

/**
 * Gamma exposure of a chain under the dealer convention (calls +, puts -), the zero-gamma level from a spot grid,
 * call and put walls, max pain and the dealer regime. Pure and allocation-light: the grid loop touches only typed
 * arrays of per-contract constants. See docs/positioning.md for the conventions. Throws a RangeError for a spot
 * that is not a positive number.
 */
export function computeGex(chain: OptionChain, opts: GexOptions): GexResult {
  const spot = chain.spot;
  if (!Number.isFinite(spot) || spot <= 0) {
    throw new RangeError(`computeGex: spot must be a positive number, got ${spot} for ${chain.underlying}`);
  }
  const nowMs = opts.now.getTime();
  const rate = opts.rate ?? GEX_DEFAULTS.rate;
  const q = opts.dividendYield ?? GEX_DEFAULTS.dividendYield;
  const minT = opts.minTimeYears ?? GEX_DEFAULTS.minTimeYears;
  const expiryOf = memoizeExpiry(opts.expiryInstant ?? newYorkCloseInstant);
  const scope = opts.expirations ? new Set(opts.expirations) : null;
  const n = chain.contracts.length;

  // Per-contract constants for the grid: net(S) = S * sum_i c_i * exp(-0.5 * ((ln S + a_i) * k_i)^2) + S^2 * fixed.
  const gridC = new Float64Array(n);
  const gridA = new Float64Array(n);
  const gridK = new Float64Array(n);
  let gridCount = 0;
  let fixedGammaDollars = 0;

  const byStrike = new Map<number, StrikeGex>();
  const painByExpiration = new Map<string, MaxPainContract[]>();
  const unexpiredExpirations = new Map<string, number>();
  let contractsUsed = 0;
  let skipped = 0;
  let expired = 0;
  const dollarScale = CONTRACT_MULTIPLIER * spot * spot * ONE_PERCENT;

  for (const contract of chain.contracts) {
    if (scope && !scope.has(contract.expiration)) {
      continue;
    }
    const expiryMs = expiryOf(contract.expiration);
    if (Number.isNaN(expiryMs) || !(contract.strike > 0)) {
      skipped++;
      continue;
    }
    const oi = validOpenInterest(contract);
    addPain(painByExpiration, contract, oi);
    if (expiryMs <= nowMs) {
      expired++;
      continue;
    }
    unexpiredExpirations.set(contract.expiration, expiryMs);

    const timeYears = Math.max((expiryMs - nowMs) / MS_PER_YEAR, minT);
    const vol = validIv(contract);
    const quotedGamma = validGamma(contract);
    if (quotedGamma === null && vol === null) {
      skipped++;
      continue;
    }
    const gamma = quotedGamma ?? bsmGamma(spot, contract.strike, timeYears, rate, q, vol as number);
    const sign = contract.type === 'call' ? 1 : -1;
    const gex = sign * gamma * oi * dollarScale;
    contractsUsed++;

    const row = strikeRow(byStrike, contract.strike);
    if (sign > 0) {
      row.callGex += gex;
      row.callOi += oi;
    } else {
      row.putGex += gex;
      row.putOi += oi;
    }
    row.netGex += gex;

    if (oi === 0) {
      continue;
    }
    if (vol !== null) {
      const volSqrtT = vol * Math.sqrt(timeYears);
      gridC[gridCount] =
        (sign * oi * CONTRACT_MULTIPLIER * ONE_PERCENT * Math.exp(-q * timeYears) * INV_SQRT_2PI) / volSqrtT;
      gridA[gridCount] = -Math.log(contract.strike) + (rate - q + 0.5 * vol * vol) * timeYears;
      gridK[gridCount] = 1 / volSqrtT;
      gridCount++;
    } else {
      // Quoted gamma without an IV cannot be re-priced: held fixed across the grid (documented).
      fixedGammaDollars += sign * (quotedGamma as number) * oi * CONTRACT_MULTIPLIER * ONE_PERCENT;
    }
  }

  const perStrike = [...byStrike.values()].sort((a, b) => a.strike - b.strike);
  let netGex = 0;
  let grossGex = 0;
  let callWall: number | null = null;
  let putWall: number | null = null;
  let maxCall = 0;
  let maxPut = 0;
  for (const row of perStrike) {
    netGex += row.netGex;
    grossGex += Math.abs(row.callGex) + Math.abs(row.putGex);
    if (row.callGex > maxCall) {
      maxCall = row.callGex;
      callWall = row.strike;
    }
    if (-row.putGex > maxPut) {
      maxPut = -row.putGex;
      putWall = row.strike;
    }
  }

  const grid = gexGrid(spot, opts.gridWidth ?? GEX_DEFAULTS.gridWidth, opts.gridPoints ?? GEX_DEFAULTS.gridPoints);
  const profileValues = gammaProfile(grid, gridC, gridA, gridK, gridCount, fixedGammaDollars);
  const maxPainExpiration = opts.expiration ?? nearestExpiration(unexpiredExpirations, painByExpiration);
  const painContracts = maxPainExpiration === null ? undefined : painByExpiration.get(maxPainExpiration);

  const result: GexResult = {
    underlying: chain.underlying,
    spot,
    netGex,
    grossGex,
    perStrike,
    zeroGammaLevel: gridCount > 0 || fixedGammaDollars !== 0 ? zeroCrossing(grid, profileValues, spot) : null,
    callWall,
    putWall,
    maxPain: painContracts ? maxPainStrike(painContracts) : null,
    maxPainExpiration: painContracts ? maxPainExpiration : null,
    dealerPosition: dealerPositionOf(netGex, grossGex, opts),
    contractsUsed,
    skipped,
    expired,
    asOf: chain.asOf,
  };
  if (opts.includeProfile) {
    const profile: GexProfile = { spots: Array.from(grid), netGex: Array.from(profileValues) };
    result.profile = profile;
  }
  return result;
}

/** Net dollar GEX per 1% at each grid spot. The hot loop: no allocation, one exp per contract per point. */
function gammaProfile(
  grid: Float64Array,
  c: Float64Array,
  a: Float64Array,
  k: Float64Array,
  count: number,
  fixedGammaDollars: number,
): Float64Array {
  const out = new Float64Array(grid.length);
  for (let j = 0; j < grid.length; j++) {
    const s = grid[j];
    const lnS = mathLog(s);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const d1 = (lnS + a[i]) * k[i];
      sum += c[i] * mathExp(-0.5 * d1 * d1);
    }
    out[j] = s * sum + s * s * fixedGammaDollars;
  }
  return out;
}

function gexGrid(spot: number, width: number, points: number): Float64Array {
  const count = Math.max(2, Math.floor(points));
  const grid = new Float64Array(count);
  const low = spot * (1 - width);
  const step = (2 * spot * width) / (count - 1);
  for (let j = 0; j < count; j++) {
    grid[j] = low + j * step;
  }
  return grid;
}

/** Where the profile crosses zero (linear interpolation between grid points), nearest to spot; null if never. */
export function zeroCrossing(grid: ArrayLike<number>, values: ArrayLike<number>, spot: number): number | null {
  let best: number | null = null;
  const consider = (level: number): void => {
    if (best === null || Math.abs(level - spot) < Math.abs(best - spot)) {
      best = level;
    }
  };
  for (let j = 0; j < grid.length; j++) {
    const v = values[j];
    if (v === 0) {
      consider(grid[j]);
      continue;
    }
    if (j + 1 < grid.length) {
      const next = values[j + 1];
      if ((v < 0 && next > 0) || (v > 0 && next < 0)) {
        consider(grid[j] + ((grid[j + 1] - grid[j]) * v) / (v - next));
      }
    }
  }
  return best;
}

function dealerPositionOf(netGex: number, grossGex: number, opts: GexOptions): DealerPosition {
  const band = Math.max(
    opts.neutralThreshold ?? GEX_DEFAULTS.neutralThreshold,
    (opts.neutralRatio ?? GEX_DEFAULTS.neutralRatio) * grossGex,
  );
  if (Math.abs(netGex) <= band) {
    return 'neutral';
  }
  return netGex > 0 ? 'long_gamma' : 'short_gamma';
}

function nearestExpiration(
  unexpired: Map<string, number>,
  painByExpiration: Map<string, MaxPainContract[]>,
): string | null {
  let best: string | null = null;
  let bestMs = Number.POSITIVE_INFINITY;
  for (const [expiration, ms] of unexpired) {
    const withOi = painByExpiration.get(expiration)?.some((c) => c.openInterest > 0) ?? false;
    if (withOi && ms < bestMs) {
      bestMs = ms;
      best = expiration;
    }
  }
  return best;
}

function addPain(into: Map<string, MaxPainContract[]>, contract: OptionQuote, oi: number): void {
  const list = into.get(contract.expiration);
  const entry: MaxPainContract = { type: contract.type, strike: contract.strike, openInterest: oi };
  if (list) {
    list.push(entry);
  } else {
    into.set(contract.expiration, [entry]);
  }
}

function strikeRow(byStrike: Map<number, StrikeGex>, strike: number): StrikeGex {
  let row = byStrike.get(strike);
  if (!row) {
    row = { strike, callGex: 0, putGex: 0, netGex: 0, callOi: 0, putOi: 0 };
    byStrike.set(strike, row);
  }
  return row;
}

function memoizeExpiry(expiryInstant: (expiration: string) => Date): (expiration: string) => number {
  const cache = new Map<string, number>();
  return (expiration) => {
    let ms = cache.get(expiration);
    if (ms === undefined) {
      ms = expiryInstant(expiration).getTime();
      cache.set(expiration, ms);
    }
    return ms;
  };
}

function validOpenInterest(contract: OptionQuote): number {
  const oi = contract.openInterest;
  return oi !== null && Number.isFinite(oi) && oi > 0 ? oi : 0;
}

function validIv(contract: OptionQuote): number | null {
  const iv = contract.iv;
  return iv !== null && Number.isFinite(iv) && iv > 0 ? iv : null;
}

function validGamma(contract: OptionQuote): number | null {
  const gamma = contract.greeks?.gamma;
  return gamma !== undefined && Number.isFinite(gamma) && gamma >= 0 ? gamma : null;
}
