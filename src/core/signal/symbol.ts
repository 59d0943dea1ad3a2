/**
 * Instrument symbols as TradingView sends them: `SPY`, `AMEX:SPY` (exchange prefix), `ES1!` (continuous futures),
 * `BTCUSDT`, `BRK.B`, `EUR/USD`. Stored uppercase without the prefix.
 */
export type SymbolResult =
  { ok: true; symbol: string; exchange: string | null; optionContract: string | null } | { ok: false; message: string };

/** OCC (`SPY250620C00596000`, root space-padded or not) and TradersPost-style (`SPY 250624C596`) option tickers. */
const OCC_OPTION = /^([A-Z][A-Z0-9.]{0,5})\s*(\d{6})([CP])(\d{8})$/;
const SHORT_OPTION = /^([A-Z][A-Z0-9.]{0,5})\s+(\d{6})([CP])(\d+(?:\.\d+)?)$/;

const SYMBOL = /^[A-Z0-9.!/_-]{1,20}$/;
const EXCHANGE = /^[A-Z0-9_.-]{1,20}$/;

export function parseSymbol(value: unknown): SymbolResult {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { ok: false, message: 'symbol must be a string' };
  }
  const text = String(value).trim().toUpperCase().replace(/^\$/, '');
  const parts = text.split(':');
  if (parts.length > 2) {
    return { ok: false, message: `invalid symbol '${clip(text)}'` };
  }
  const [exchange, raw] = parts.length === 2 ? [parts[0].trim(), parts[1].trim()] : [null, parts[0]];
  // An option contract names its underlying: the platform picks contracts itself, the contract stays in the payload.
  const option = OCC_OPTION.exec(raw) ?? SHORT_OPTION.exec(raw);
  const symbol = option ? option[1] : raw;
  if (!SYMBOL.test(symbol) || !/[A-Z0-9]/.test(symbol)) {
    return { ok: false, message: `invalid symbol '${clip(text)}' (1-20 of A-Z 0-9 . ! / _ -)` };
  }
  if (exchange !== null && !EXCHANGE.test(exchange)) {
    return { ok: false, message: `invalid exchange prefix in '${clip(text)}'` };
  }
  return { ok: true, symbol, exchange, optionContract: option ? raw : null };
}

/** An `exchange` field, uppercase; null when absent or not a plausible exchange name. */
export function parseExchange(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim().toUpperCase();
  return EXCHANGE.test(text) ? text : null;
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
