import type { AppConfig } from '../config';
import type { FillConfig, FillQuote } from '../core/execution';
import type { MarketDataResult, OptionQuote } from '../core/market/market.types';

/** The fill model's settings from FILL_MODEL, FILL_SLIPPAGE_BPS, COMMISSION/FEES_PER_CONTRACT, MAX_QUOTE_AGE_MS. */
export function fillConfigOf(config: AppConfig): FillConfig {
  const fills = config.fills;
  return {
    mode: fills.model,
    slippageBps: fills.slippageBps,
    commissionPerContract: fills.commissionPerContract,
    feesPerContract: fills.feesPerContract,
    maxQuoteAgeMs: fills.maxQuoteAgeMs,
  };
}

/** An option quote as the fill model reads it; null when market data had none. */
export function fillQuoteOf(quote: MarketDataResult<OptionQuote>): FillQuote | null {
  return quote.ok
    ? {
        bid: quote.value.bid,
        ask: quote.value.ask,
        mid: quote.value.mid,
        last: quote.value.last,
        asOf: quote.value.asOf,
      }
    : null;
}
