import type { OptionType } from '../market/market.types';

export type FlowSide = 'buy' | 'sell' | 'unknown';
export type FlowSentiment = 'bullish' | 'bearish';

/** One options print: a trade of `size` contracts at `price` per share. */
export interface FlowEntry {
  /** OCC symbol, e.g. SPY260220C00596000 (spaces between root and date allowed). */
  optionSymbol: string;
  /** Aggressor side: bought at the ask, sold at the bid, or unknown. */
  side: FlowSide;
  size: number;
  price: number;
  /** Dollar premium when the feed gives it; else size x price x 100. */
  premium?: number;
  timestamp: Date;
  /** Parsed from the OCC symbol when absent. */
  type?: OptionType;
}

export interface ClassifiedTrade {
  optionSymbol: string;
  type: OptionType;
  side: FlowSide;
  sentiment: FlowSentiment;
  size: number;
  price: number;
  premium: number;
  timestamp: Date;
}

export interface FlowSummaryOptions {
  now: Date;
  /** Only prints in (now - windowMinutes, now] count; all prints up to now when absent. */
  windowMinutes?: number;
  /** How many of the largest prints to keep. Default 5. */
  largestCount?: number;
}

export interface FlowSummary {
  callPremium: number;
  putPremium: number;
  bullishPremium: number;
  bearishPremium: number;
  /** bullishPremium - bearishPremium. */
  netFlow: number;
  callCount: number;
  putCount: number;
  /** putPremium / callPremium; null when there is no call premium. */
  putCallPremiumRatio: number | null;
  /** By premium, largest first. */
  largestTrades: ClassifiedTrade[];
  /** Prints counted. */
  entries: number;
  /** Prints dropped: unreadable type, non-positive size, price or premium, or a timestamp after `now`. */
  rejected: number;
  windowStart: Date | null;
  asOf: Date;
}
