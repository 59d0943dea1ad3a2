import type { OptionType } from '../market/market.types';
import type {
  ClassifiedTrade,
  FlowEntry,
  FlowSentiment,
  FlowSide,
  FlowSummary,
  FlowSummaryOptions,
} from './flow.types';
import { occOptionType } from './occ-symbol';

const CONTRACT_MULTIPLIER = 100;
const MS_PER_MINUTE = 60_000;
const DEFAULT_LARGEST = 5;

/**
 * Bought calls and sold puts are bullish; sold calls and bought puts are bearish. A print with an unknown side is
 * classified by its type alone (calls bullish, puts bearish): the usual reading of unsided flow.
 */
export function flowSentiment(type: OptionType, side: FlowSide): FlowSentiment {
  switch (side) {
    case 'buy':
      return type === 'call' ? 'bullish' : 'bearish';
    case 'sell':
      return type === 'call' ? 'bearish' : 'bullish';
    case 'unknown':
      return type === 'call' ? 'bullish' : 'bearish';
  }
}

/** The print's type and dollar premium, or null when it cannot be read. */
export function classifyEntry(entry: FlowEntry): ClassifiedTrade | null {
  const type = entry.type ?? occOptionType(entry.optionSymbol);
  if (type === null) {
    return null;
  }
  const premium = entry.premium ?? entry.size * entry.price * CONTRACT_MULTIPLIER;
  if (!(premium > 0) || !Number.isFinite(premium) || !(entry.size > 0)) {
    return null;
  }
  return {
    optionSymbol: entry.optionSymbol,
    type,
    side: entry.side,
    sentiment: flowSentiment(type, entry.side),
    size: entry.size,
    price: entry.price,
    premium,
    timestamp: entry.timestamp,
  };
}

/** Premium totals and sentiment of the prints in the window ending at `now`. See docs/positioning.md. */
export function summarizeFlow(entries: readonly FlowEntry[], opts: FlowSummaryOptions): FlowSummary {
  const nowMs = opts.now.getTime();
  const windowStartMs = opts.windowMinutes === undefined ? null : nowMs - opts.windowMinutes * MS_PER_MINUTE;
  const counted: ClassifiedTrade[] = [];
  let rejected = 0;
  let callPremium = 0;
  let putPremium = 0;
  let bullishPremium = 0;
  let bearishPremium = 0;
  let callCount = 0;
  let putCount = 0;

  for (const entry of entries) {
    const t = entry.timestamp.getTime();
    if (windowStartMs !== null && t <= windowStartMs) {
      continue;
    }
    const trade = t > nowMs || Number.isNaN(t) ? null : classifyEntry(entry);
    if (!trade) {
      rejected++;
      continue;
    }
    counted.push(trade);
    if (trade.type === 'call') {
      callPremium += trade.premium;
      callCount++;
    } else {
      putPremium += trade.premium;
      putCount++;
    }
    if (trade.sentiment === 'bullish') {
      bullishPremium += trade.premium;
    } else {
      bearishPremium += trade.premium;
    }
  }

  const largestTrades = counted
    .sort((a, b) => b.premium - a.premium || a.timestamp.getTime() - b.timestamp.getTime())
    .slice(0, opts.largestCount ?? DEFAULT_LARGEST);

  return {
    callPremium,
    putPremium,
    bullishPremium,
    bearishPremium,
    netFlow: bullishPremium - bearishPremium,
    callCount,
    putCount,
    putCallPremiumRatio: callPremium > 0 ? putPremium / callPremium : null,
    largestTrades,
    entries: counted.length,
    rejected,
    windowStart: windowStartMs === null ? null : new Date(windowStartMs),
    asOf: opts.now,
  };
}
