import { hashString, uniformAt } from './prng';
import { roundTo } from './rounding';

/**
 * How option prices tick. `penny_all`: $0.01 at every price (SPY, QQQ, IWM in the penny program); `penny`: $0.01
 * under $3, $0.05 from $3; `nickel`: $0.05 under $3, $0.10 from $3 (SPX and other non-penny classes).
 */
export type OptionTickClass = 'penny_all' | 'penny' | 'nickel';

export type InstrumentKind = 'etf' | 'index' | 'stock';

export interface SymbolProfile {
  symbol: string;
  kind: InstrumentKind;
  /** Price on the anchor day (the first trading day of 2026). */
  basePrice: number;
  /** Daily close-to-close volatility as a fraction (0.01 = 1%). */
  dailyVol: number;
  /** Share of the daily move that comes from the common market factor (0..1). */
  beta: number;
  /** At-the-money implied volatility at ~30 days in a calm regime. */
  baseIv: number;
  dividendYield: number;
  optionTick: OptionTickClass;
  /** Shares per regular session (synthetic for indices). */
  dailyVolume: number;
  /** Open interest of an at-the-money contract at a monthly expiration. */
  atmOpenInterest: number;
  /** Contracts traded per session in an at-the-money 0-7 DTE contract. */
  atmOptionVolume: number;
  /**
   * Follows another symbol's path times a factor (SPX = 10 x SPY) so related instruments stay consistent; the
   * profile still gives its own options and volumes.
   */
  tracks: { symbol: string; factor: number } | null;
  /** The OCC root of its options when it differs from the symbol (SPX weeklies list as SPXW). */
  optionRoot: string;
}

type KnownProfile = Omit<SymbolProfile, 'symbol' | 'optionRoot' | 'tracks'> &
  Partial<Pick<SymbolProfile, 'optionRoot' | 'tracks'>>;

const KNOWN: Record<string, KnownProfile> = {
  SPY: etf(600, 0.009, 0.95, 0.16, 0.012, 'penny_all', 60_000_000, 40_000, 60_000),
  QQQ: etf(520, 0.012, 0.9, 0.2, 0.006, 'penny_all', 40_000_000, 25_000, 40_000),
  IWM: etf(225, 0.013, 0.8, 0.22, 0.012, 'penny_all', 30_000_000, 20_000, 20_000),
  DIA: etf(430, 0.009, 0.85, 0.15, 0.016, 'penny', 4_000_000, 3_000, 2_000),
  SPX: {
    ...etf(6000, 0.009, 0.95, 0.16, 0.013, 'nickel', 2_500_000_000, 15_000, 25_000),
    kind: 'index',
    optionRoot: 'SPXW',
    tracks: { symbol: 'SPY', factor: 10 },
  },
  XSP: {
    ...etf(600, 0.009, 0.95, 0.16, 0.013, 'penny', 0, 2_000, 1_500),
    kind: 'index',
    tracks: { symbol: 'SPY', factor: 1 },
  },
  NDX: {
    ...etf(21000, 0.012, 0.9, 0.2, 0.007, 'nickel', 0, 2_000, 1_500),
    kind: 'index',
    tracks: { symbol: 'QQQ', factor: 40.4 },
  },
  RUT: {
    ...etf(2250, 0.013, 0.8, 0.22, 0.012, 'nickel', 0, 3_000, 1_500),
    kind: 'index',
    tracks: { symbol: 'IWM', factor: 10 },
  },
  AAPL: stock(230, 0.015, 0.7, 0.25, 0.004, 50_000_000),
  MSFT: stock(420, 0.014, 0.7, 0.24, 0.008, 20_000_000),
  NVDA: stock(135, 0.028, 0.75, 0.48, 0.0003, 250_000_000),
  TSLA: stock(400, 0.035, 0.6, 0.58, 0, 90_000_000),
  AMZN: stock(220, 0.018, 0.7, 0.3, 0, 40_000_000),
  META: stock(600, 0.02, 0.7, 0.33, 0.003, 15_000_000),
  GOOGL: stock(190, 0.017, 0.7, 0.29, 0.004, 25_000_000),
  AMD: stock(125, 0.03, 0.7, 0.48, 0, 45_000_000),
};

function etf(
  basePrice: number,
  dailyVol: number,
  beta: number,
  baseIv: number,
  dividendYield: number,
  optionTick: OptionTickClass,
  dailyVolume: number,
  atmOpenInterest: number,
  atmOptionVolume: number,
): KnownProfile {
  return {
    kind: 'etf',
    basePrice,
    dailyVol,
    beta,
    baseIv,
    dividendYield,
    optionTick,
    dailyVolume,
    atmOpenInterest,
    atmOptionVolume,
  };
}

function stock(
  basePrice: number,
  dailyVol: number,
  beta: number,
  baseIv: number,
  dividendYield: number,
  dailyVolume: number,
): KnownProfile {
  return {
    kind: 'stock',
    basePrice,
    dailyVol,
    beta,
    baseIv,
    dividendYield,
    optionTick: 'penny',
    dailyVolume,
    atmOpenInterest: 8_000,
    atmOptionVolume: 6_000,
  };
}

const SYMBOL = /^[A-Z][A-Z0-9.]{0,9}$/;

/** 'spy', '$SPX', '^SPX', 'NYSE:SPY' -> 'SPY' / 'SPX'; null when it cannot be a ticker. */
export function normalizeSimSymbol(symbol: string): string | null {
  const trimmed = symbol.trim().toUpperCase().replace(/^[$^]/, '');
  const bare = trimmed.includes(':') ? trimmed.slice(trimmed.lastIndexOf(':') + 1) : trimmed;
  return SYMBOL.test(bare) ? bare : null;
}

/** OCC class roots that belong to another underlying. */
const ROOT_ALIASES: Record<string, string> = { SPXW: 'SPX', NDXP: 'NDX', RUTW: 'RUT' };

export function underlyingOfRoot(root: string): string {
  return ROOT_ALIASES[root] ?? root;
}

/**
 * The profile of a symbol: the known ones above, any other ticker hashed into a plausible stock (price $20-$500,
 * daily vol 1.5-3.5%, IV 25-55%). Independent of the seed, so a symbol keeps its character across seeds.
 */
export function symbolProfile(symbol: string): SymbolProfile {
  const known = KNOWN[symbol];
  if (known) {
    return { symbol, optionRoot: symbol, tracks: null, ...known };
  }
  const h = hashString(symbol);
  const u = (stream: string): number => uniformAt(h, stream);
  const basePrice = roundTo(Math.exp(Math.log(20) + u('price') * (Math.log(500) - Math.log(20))), 0.01);
  const dailyVol = 0.015 + u('vol') * 0.02;
  return {
    symbol,
    optionRoot: symbol,
    tracks: null,
    ...stock(basePrice, dailyVol, 0.5 + u('beta') * 0.3, 0.25 + u('iv') * 0.3, u('div') < 0.5 ? 0 : 0.01, 5_000_000),
    atmOpenInterest: Math.round(1_000 + u('oi') * 4_000),
    atmOptionVolume: Math.round(500 + u('ov') * 2_500),
  };
}
