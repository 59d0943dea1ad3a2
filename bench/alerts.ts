/**
 * Realistic, never-duplicate TradingView alerts for the ingestion benchmark.
 *
 * The app drops an alert as a duplicate when (symbol, action, direction, timeframe) repeats inside 60 s. Each alert
 * here comes from one global counter: symbol and direction cycle fastest, and the timeframe is the counter's
 * "generation" written as a number of minutes (`"17"` -> `17m`, `"60"` -> `1h`, ...), so no key ever repeats in a
 * run (8 symbols x 2 directions x 99 999 timeframes = 1.6 M distinct alerts before the timeframe would overflow).
 */

export const SYMBOLS = ['SPY', 'QQQ', 'IWM', 'SPX', 'AAPL', 'MSFT', 'NVDA', 'TSLA'] as const;

const BASE_PRICE: Readonly<Record<(typeof SYMBOLS)[number], number>> = {
  SPY: 595.42,
  QQQ: 512.1,
  IWM: 221.37,
  SPX: 5960.5,
  AAPL: 229.87,
  MSFT: 337.57,
  NVDA: 141.02,
  TSLA: 352.56,
};

/** The app keeps timeframes in VARCHAR(10) and refuses counts above this. */
const MAX_TIMEFRAME_MINUTES = 99_999;

export type AlertFormat = 'json' | 'json_as_text' | 'key_value';

export interface GeneratedAlert {
  body: string;
  contentType: string;
  format: AlertFormat;
}

/**
 * 70% JSON sent as application/json, 20% JSON sent as text/plain (what TradingView does), 10% `key=value` text.
 * Chosen from the counter's low digit so the mix is exact over any 10 consecutive alerts.
 */
function formatOf(counter: number): AlertFormat {
  const slot = counter % 10;
  if (slot < 7) {
    return 'json';
  }
  return slot < 9 ? 'json_as_text' : 'key_value';
}

export class AlertGenerator {
  private counter = 0;

  /** How many alerts were generated so far. */
  get count(): number {
    return this.counter;
  }

  next(nowMs: number = Date.now()): GeneratedAlert {
    const n = this.counter++;
    const symbol = SYMBOLS[n % SYMBOLS.length];
    const long = Math.floor(n / SYMBOLS.length) % 2 === 0;
    const minutes = Math.floor(n / (SYMBOLS.length * 2)) + 1;
    if (minutes > MAX_TIMEFRAME_MINUTES) {
      throw new Error(`alert generator exhausted after ${n} alerts`);
    }
    const timeframe = String(minutes);
    const action = long ? 'buy' : 'sell';
    // A deterministic wiggle around the base price: realistic decimals, no randomness needed.
    const price = (BASE_PRICE[symbol] * (1 + (((n * 7919) % 2001) - 1000) / 100_000)).toFixed(2);
    const format = formatOf(n);
    if (format === 'key_value') {
      return {
        body: `symbol=${symbol}, action=${action}, tf=${timeframe}, price=${price}`,
        contentType: 'text/plain; charset=utf-8',
        format,
      };
    }
    const body = JSON.stringify({
      symbol,
      action,
      direction: long ? 'long' : 'short',
      timeframe,
      price: Number(price),
      timestamp: Math.floor(nowMs / 1000),
      confidence: 50 + (n % 46),
      strategy: 'bench-ingest',
    });
    return {
      body,
      contentType: format === 'json' ? 'application/json' : 'text/plain; charset=utf-8',
      format,
    };
  }
}
