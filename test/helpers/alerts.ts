import { randomInt } from 'node:crypto';

const SYMBOLS = ['SPY', 'QQQ', 'IWM', 'SPX', 'AAPL', 'MSFT', 'NVDA', 'TSLA', 'AMD', 'META'];
const TIMEFRAMES = ['1', '3', '5', '15', '30', '60', '240', 'D'];

/** A realistic entry alert; `n` varies symbol, side and timeframe so consecutive alerts are not duplicates. */
export function entryAlert(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    symbol: SYMBOLS[n % SYMBOLS.length],
    direction: Math.floor(n / SYMBOLS.length) % 2 === 0 ? 'long' : 'short',
    timeframe: TIMEFRAMES[Math.floor(n / (SYMBOLS.length * 2)) % TIMEFRAMES.length],
    price: 100 + randomInt(0, 50000) / 100,
    confidence: 60 + (n % 40),
    ...extra,
  };
}
