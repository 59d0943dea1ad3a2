import type { OptionChain, OptionQuote, OptionType } from '../market/market.types';
import { atmListedStrike, atmStrike, strikeIncrementFor } from './atm-strike';
import type { ContractRejection } from './contract-checks';
import { deltaBandDistance, dteEligible, meetsMinimum, REJECTION_ORDER, spreadPct } from './contract-checks';
import { scoreContract } from './contract-score';
import { deltaTierFor } from './delta-tier';
import { validateStrikeConfig } from './strike.config';
import { DEFAULT_STRIKE_DEPS } from './strike.deps';
import type {
  DeltaTier,
  DteBand,
  StrikeSelection,
  StrikeSelectionConfig,
  StrikeSelectionInput,
  StrikeSelectionResult,
  StrikeSelectorDeps,
} from './strike.types';

const DAYS_PER_YEAR = 365;
/** Beyond the spec's expiration, the default band accepts this many more days (two more weeklies). */
const DEFAULT_BAND_EXTRA_DAYS = 14;
const SCORE_EPSILON = 1e-9;
/** (2.10 - 1.90) / 2.00 is 10.000000000000009% in floating point: still 10%. */
const SPREAD_EPSILON = 1e-9;

interface Preferred {
  expiration: string;
  dte: number;
  /** The spec's expiration when it had to be rolled past min_dte_exit. */
  rolledFrom: string | null;
}

interface Context {
  input: StrikeSelectionInput;
  config: StrikeSelectionConfig;
  deps: StrikeSelectorDeps;
  symbol: string;
  type: OptionType;
  tier: DeltaTier;
  preferred: Preferred;
  dteOf: (expiration: string) => number;
}

interface Best {
  quote: OptionQuote;
  delta: number;
  computedDelta: boolean;
  dte: number;
  spreadPct: number;
  score: number;
  centreDistance: number;
}

/**
 * The one strike selector (DESIGN.md "One strike selector", docs/strike-selection.md): in delta mode, the best
 * liquid contract of the chain for the confidence's delta target near the spec's expiration; in ATM mode, or
 * with no chain, or when nothing on the chain is liquid, the spec's ATM rule. One pass over the chain, no sort.
 */
export function selectStrike(
  input: StrikeSelectionInput,
  config: StrikeSelectionConfig,
  now: Date,
  deps: StrikeSelectorDeps = DEFAULT_STRIKE_DEPS,
): StrikeSelectionResult {
  const problems = [...validateInput(input, now), ...validateStrikeConfig(config)];
  const tier = deltaTierFor(input.confidence ?? config.defaultConfidence, config.deltaTargets);
  if (problems.length > 0 || tier === null) {
    return { ok: false, reasonCode: 'invalid_input', reasons: problems.length > 0 ? problems : ['no_delta_tier'] };
  }
  const symbol = input.symbol.trim().toUpperCase();
  const dteOf = memoizedDte(deps, now);
  const preferred = preferredExpiration(config, deps, now, dteOf);
  if (preferred === null) {
    return {
      ok: false,
      reasonCode: 'no_expiration_in_band',
      reasons: [`no_expiration_above_min_dte:${config.minDteExit}`],
    };
  }
  const type: OptionType = input.direction === 'long' ? 'call' : 'put';
  const ctx: Context = { input, config, deps, symbol, type, tier, preferred, dteOf };

  if (config.mode === 'atm') {
    return atmSelection(ctx, ['mode_atm']);
  }
  if (input.chain === null) {
    return atmSelection(ctx, ['fallback_atm_no_chain']);
  }
  if (input.chain.underlying.trim().toUpperCase() !== symbol) {
    return { ok: false, reasonCode: 'invalid_input', reasons: [`chain_underlying_mismatch:${input.chain.underlying}`] };
  }
  return deltaSelection(ctx, input.chain);
}

/** The default band: from the hold (or the spec's expiration if a holiday pulled it earlier) to two weeks past it. */
export function defaultDteBand(config: Pick<StrikeSelectionConfig, 'maxHoldDays'>, preferredDte: number): DteBand {
  return {
    min: Math.min(config.maxHoldDays, preferredDte),
    max: Math.max(config.maxHoldDays, preferredDte) + DEFAULT_BAND_EXTRA_DAYS,
  };
}

function deltaSelection(ctx: Context, chain: OptionChain): StrikeSelectionResult {
  const { config, deps, tier, type, preferred, dteOf } = ctx;
  const band = config.dteBand ?? defaultDteBand(config, preferred.dte);
  const bandFloor = Math.max(band.min, config.minDteExit + 1);
  const targetDte = tier.dte === 'standard' ? preferred.dte : bandFloor;
  const dteSpan = Math.max(1, band.max - bandFloor);
  const deltaSpot = chain.spot > 0 ? chain.spot : ctx.input.spot;
  const centre = (tier.deltaMin + tier.deltaMax) / 2;

  const rejected: Record<ContractRejection, number> = {
    out_of_band: 0,
    no_quote: 0,
    wide_spread: 0,
    low_oi: 0,
    low_volume: 0,
    no_delta: 0,
    delta_far: 0,
  };
  const eligibleExpirations = new Map<string, number>();
  let typeMatches = 0;
  let candidates = 0;
  let unreportedLiquidity = 0;
  let best: Best | null = null;

  for (const quote of chain.contracts) {
    if (quote.type !== type) {
      continue;
    }
    typeMatches++;
    const dte = dteOf(quote.expiration);
    if (!dteEligible(dte, config.minDteExit, band)) {
      rejected.out_of_band++;
      continue;
    }
    if (!eligibleExpirations.has(quote.expiration)) {
      eligibleExpirations.set(quote.expiration, dte);
    }
    const spread = spreadPct(quote.bid, quote.ask);
    if (spread === null) {
      rejected.no_quote++;
      continue;
    }
    if (spread > config.maxSpreadPct + SPREAD_EPSILON) {
      rejected.wide_spread++;
      continue;
    }
    if (!meetsMinimum(quote.openInterest, config.minOpenInterest)) {
      rejected.low_oi++;
      continue;
    }
    if (!meetsMinimum(quote.volume, config.minVolume)) {
      rejected.low_volume++;
      continue;
    }
    let delta = quote.greeks !== null && Number.isFinite(quote.greeks.delta) ? quote.greeks.delta : null;
    const computedDelta = delta === null;
    if (delta === null && quote.iv !== null && quote.iv > 0) {
      const years = dte / DAYS_PER_YEAR;
      delta = deps.computeDelta({
        type,
        spot: deltaSpot,
        strike: quote.strike,
        years,
        iv: quote.iv,
        rate: config.riskFreeRate,
      });
    }
    if (delta === null || !Number.isFinite(delta)) {
      rejected.no_delta++;
      continue;
    }
    const absDelta = Math.abs(delta);
    if (deltaBandDistance(absDelta, tier.deltaMin, tier.deltaMax) > config.deltaTolerance) {
      rejected.delta_far++;
      continue;
    }
    candidates++;
    if (quote.openInterest === null || quote.volume === null) {
      unreportedLiquidity++;
    }
    const score = scoreContract({
      absDelta,
      deltaMin: tier.deltaMin,
      deltaMax: tier.deltaMax,
      deltaTolerance: config.deltaTolerance,
      spreadPct: spread,
      maxSpreadPct: config.maxSpreadPct,
      openInterest: quote.openInterest,
      volume: quote.volume,
      dte,
      targetDte,
      dteSpan,
      weights: config.weights,
      liquidityReference: config.liquidityReference,
    });
    const centreDistance = Math.abs(absDelta - centre);
    if (best === null || isBetter(score, centreDistance, spread, quote.optionSymbol, best)) {
      best = { quote, delta, computedDelta, dte, spreadPct: spread, score, centreDistance };
    }
  }

  if (typeMatches === 0) {
    return atmSelection(ctx, ['fallback_atm_empty_chain']);
  }
  const filtered = REJECTION_ORDER.filter((code) => rejected[code] > 0).map(
    (code) => `filtered_${code}:${rejected[code]}`,
  );
  const bandReason = `dte_band:${fmt(bandFloor)}-${fmt(band.max)}`;
  if (eligibleExpirations.size === 0) {
    return {
      ok: false,
      reasonCode: 'no_expiration_in_band',
      reasons: [bandReason, `min_dte_exit:${config.minDteExit}`, ...preferredReasons(preferred), ...filtered],
    };
  }
  if (best === null) {
    return atmFromChain(ctx, chain, eligibleExpirations, [bandReason, ...filtered]);
  }

  const { quote } = best;
  const optionSymbol = quote.optionSymbol || occ(ctx, quote.expiration, quote.strike);
  if (optionSymbol === null) {
    return {
      ok: false,
      reasonCode: 'invalid_input',
      reasons: [`occ_symbol_unencodable:${ctx.symbol}:${quote.strike}`],
    };
  }
  const inBand = deltaBandDistance(Math.abs(best.delta), tier.deltaMin, tier.deltaMax) === 0;
  const reasons = [
    ...tierReasons(tier),
    ...preferredReasons(preferred),
    bandReason,
    ...filtered,
    ...(unreportedLiquidity > 0 ? [`liquidity_unreported:${unreportedLiquidity}`] : []),
    `candidates:${candidates}`,
    `expiration_selected:${quote.expiration}`,
    `${inBand ? 'delta_in_band' : 'delta_near_band'}:${fmt(Math.abs(best.delta))}`,
    ...(best.computedDelta ? ['delta_from_iv'] : []),
    `spread_ok:${fmt(best.spreadPct)}`,
  ];
  return {
    ok: true,
    selection: {
      symbol: ctx.symbol,
      strike: quote.strike,
      expiration: quote.expiration,
      type,
      optionSymbol,
      quote,
      delta: best.delta,
      dte: best.dte,
      mode: 'delta',
      deltaTarget: { tier: tier.name, min: tier.deltaMin, max: tier.deltaMax },
      candidates,
      reasons,
      score: Math.round(best.score * 100) / 100,
    },
  };
}

/** Higher score wins; ties go to the delta nearer the centre, then the tighter spread, then the OCC symbol. */
function isBetter(score: number, centreDistance: number, spread: number, optionSymbol: string, best: Best): boolean {
  if (Math.abs(score - best.score) > SCORE_EPSILON) {
    return score > best.score;
  }
  if (Math.abs(centreDistance - best.centreDistance) > SCORE_EPSILON) {
    return centreDistance < best.centreDistance;
  }
  if (Math.abs(spread - best.spreadPct) > SCORE_EPSILON) {
    return spread < best.spreadPct;
  }
  return optionSymbol < best.quote.optionSymbol;
}

/** The spec's rule with no chain: ceil/floor to the strike spacing, the spec's expiration, no quote. */
function atmSelection(ctx: Context, why: string[]): StrikeSelectionResult {
  const increment = strikeIncrementFor(ctx.symbol, ctx.config);
  const strike = atmStrike(ctx.input.spot, ctx.type, increment);
  const { expiration, dte } = ctx.preferred;
  const reasons = [
    ...why,
    ...preferredReasons(ctx.preferred),
    `atm_rule:${ctx.type === 'call' ? 'ceil' : 'floor'}:${increment}`,
    `expiration_selected:${expiration}`,
  ];
  return atmResult(ctx, strike, expiration, dte, null, reasons);
}

/**
 * The spec's rule on a chain where nothing passed the filters: the listed expiration nearest the spec's, and the
 * listed strike the ceil/floor rule lands on (the spacing comes from the chain, not from config). The contract's
 * quote is returned as it is, illiquid: the fill model decides what it is worth.
 */
function atmFromChain(
  ctx: Context,
  chain: OptionChain,
  eligible: Map<string, number>,
  filterReasons: string[],
): StrikeSelectionResult {
  let expiration = '';
  let dte = Number.POSITIVE_INFINITY;
  for (const [candidate, candidateDte] of eligible) {
    const distance = Math.abs(candidateDte - ctx.preferred.dte);
    const bestDistance = Math.abs(dte - ctx.preferred.dte);
    if (distance < bestDistance || (distance === bestDistance && candidate < expiration)) {
      expiration = candidate;
      dte = candidateDte;
    }
  }
  const listed = new Map<number, OptionQuote>();
  for (const quote of chain.contracts) {
    if (quote.type === ctx.type && quote.expiration === expiration && !listed.has(quote.strike)) {
      listed.set(quote.strike, quote);
    }
  }
  const listedStrike = atmListedStrike(ctx.input.spot, ctx.type, listed.keys());
  const increment = strikeIncrementFor(ctx.symbol, ctx.config);
  const strike = listedStrike ?? atmStrike(ctx.input.spot, ctx.type, increment);
  const quote = listed.get(strike) ?? null;
  const rule = ctx.type === 'call' ? 'ceil' : 'floor';
  const reasons = [
    'fallback_atm_no_liquid_contract',
    ...preferredReasons(ctx.preferred),
    ...filterReasons,
    listedStrike === null ? `atm_rule:${rule}:${increment}` : `atm_rule:${rule}:listed`,
    `expiration_selected:${expiration}`,
  ];
  return atmResult(ctx, strike, expiration, dte, quote, reasons);
}

function atmResult(
  ctx: Context,
  strike: number,
  expiration: string,
  dte: number,
  quote: OptionQuote | null,
  reasons: string[],
): StrikeSelectionResult {
  const optionSymbol = quote?.optionSymbol || occ(ctx, expiration, strike);
  if (optionSymbol === null) {
    return { ok: false, reasonCode: 'invalid_input', reasons: [`occ_symbol_unencodable:${ctx.symbol}:${strike}`] };
  }
  const delta = quote?.greeks && Number.isFinite(quote.greeks.delta) ? quote.greeks.delta : null;
  const selection: StrikeSelection = {
    symbol: ctx.symbol,
    strike,
    expiration,
    type: ctx.type,
    optionSymbol,
    quote,
    delta,
    dte,
    mode: 'atm',
    deltaTarget: null,
    candidates: 0,
    reasons,
  };
  return { ok: true, selection };
}

/**
 * The spec's expiration (next Friday on or after today + MAX_HOLD_DAYS, Thursday on a holiday). When that is
 * not past min_dte_exit (a tiny MAX_HOLD_DAYS), the hold is lengthened a day at a time, for at most two weeks.
 */
function preferredExpiration(
  config: StrikeSelectionConfig,
  deps: StrikeSelectorDeps,
  now: Date,
  dteOf: (expiration: string) => number,
): Preferred | null {
  const spec = deps.expirationForHold(now, config.maxHoldDays);
  const specDte = dteOf(spec);
  if (specDte > config.minDteExit) {
    return { expiration: spec, dte: specDte, rolledFrom: null };
  }
  const start = Math.max(config.maxHoldDays, Math.ceil(config.minDteExit)) + 1;
  for (let hold = start; hold <= start + 14; hold++) {
    const expiration = deps.expirationForHold(now, hold);
    const dte = dteOf(expiration);
    if (dte > config.minDteExit) {
      return { expiration, dte, rolledFrom: spec };
    }
  }
  return null;
}

function memoizedDte(deps: StrikeSelectorDeps, now: Date): (expiration: string) => number {
  const cache = new Map<string, number>();
  return (expiration) => {
    let dte = cache.get(expiration);
    if (dte === undefined) {
      try {
        dte = deps.daysToExpiration(now, expiration);
      } catch {
        dte = Number.NaN;
      }
      cache.set(expiration, dte);
    }
    return dte;
  };
}

function validateInput(input: StrikeSelectionInput, now: Date): string[] {
  const problems: string[] = [];
  if (typeof input.symbol !== 'string' || input.symbol.trim() === '') {
    problems.push('invalid_input:symbol');
  }
  if (input.direction !== 'long' && input.direction !== 'short') {
    problems.push('invalid_input:direction');
  }
  if (input.confidence !== null && !(input.confidence >= 0 && input.confidence <= 100)) {
    problems.push('invalid_input:confidence');
  }
  if (!(typeof input.spot === 'number' && input.spot > 0 && Number.isFinite(input.spot))) {
    problems.push('invalid_input:spot');
  }
  if (input.chain !== null && (typeof input.chain.underlying !== 'string' || !Array.isArray(input.chain.contracts))) {
    problems.push('invalid_input:chain');
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    problems.push('invalid_input:now');
  }
  return problems;
}

function tierReasons(tier: DeltaTier): string[] {
  return [`confidence_tier:${tier.name}`, `delta_target:${fmt(tier.deltaMin)}-${fmt(tier.deltaMax)}`];
}

function preferredReasons(preferred: Preferred): string[] {
  const reasons = [`expiration_preferred:${preferred.expiration}`];
  if (preferred.rolledFrom !== null) {
    reasons.push(`expiration_rolled_past_min_dte:${preferred.rolledFrom}`);
  }
  return reasons;
}

/** The OCC symbol, or null when OCC cannot encode the contract (a root like BRK.B, a strike over 99999.999). */
function occ(ctx: Context, expiration: string, strike: number): string | null {
  try {
    return ctx.deps.formatOccSymbol({ underlying: ctx.symbol, expiration, type: ctx.type, strike });
  } catch {
    return null;
  }
}

/** Short numbers for reasons: at most 3 decimals, no trailing zeros. */
function fmt(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
