import { readKeyValue, recognizeSegments, setOnce } from './text-tokens';

/**
 * PineConnector: `LicenseID,command,SYMBOL,key=value,...` (docs.pineconnector.com/syntax). The license ID is a long
 * number (or the literal `LicenseID` in documentation examples); the command has no `=`.
 */
export function parsePineConnector(text: string): Record<string, unknown> | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length < 3 || !/^(\d{6,}|licenseid)$/i.test(parts[0]) || !/^[a-z]+$/i.test(parts[1])) {
    return null;
  }
  if (parts[2] === '' || parts[2].includes('=') || /\s/.test(parts[2])) {
    return null;
  }
  const payload: Record<string, unknown> = { license_id: parts[0], action: parts[1], symbol: parts[2] };
  const extra: string[] = [];
  for (const part of parts.slice(3)) {
    const pair = part.includes('=') ? readKeyValue(part) : null;
    if (pair) {
      setOnce(payload, pair[0], pair[1]);
    } else if (part !== '') {
      extra.push(part);
    }
  }
  if (extra.length > 0) {
    payload.unparsed = extra.join(',');
  }
  return payload;
}

/** `symbol=SPY, action=buy, tf=5` or one `Key: value` per line; every part must be a pair. */
export function parseKeyValue(text: string): Record<string, unknown> | null {
  const segments = text
    .split(/[\n;,&]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (segments.length === 0) {
    return null;
  }
  const payload: Record<string, unknown> = {};
  for (const segment of segments) {
    const pair = readKeyValue(segment);
    if (!pair) {
      return null;
    }
    setOnce(payload, pair[0], pair[1]);
  }
  return payload;
}

/** `SPY|BUY|5m|595.42`, `action=buy | ticker=SPY`, `order sell | MSFT@337.57 | comment`. */
export function parsePipe(text: string): Record<string, unknown> | null {
  if (!text.includes('|')) {
    return null;
  }
  return recognizeSegments(text.split('|'));
}

/** `Long SPY 5m`, `BUY signal on NASDAQ:QQQ 15 min`, `Exit long SPY`. */
export function parsePlainText(text: string): Record<string, unknown> {
  return recognizeSegments(text.split(/\n/));
}

/**
 * TradingView's default strategy alert message: `<strategy>: order {{strategy.order.action}} @
 * {{strategy.order.contracts}} filled on {{ticker}}. New strategy position is {{strategy.position_size}}`.
 * The signed position after the fill says whether the order opened, reduced or closed a position.
 */
const STRATEGY_FILL =
  /(?:order\s+)?(buy|sell)\s*@\s*([\d.]+)\s+filled\s+on\s+(\S+?)\.?\s+new\s+strategy\s+position\s+is\s+(-?[\d.]+)/i;

export function parseStrategyFillMessage(text: string): Record<string, unknown> | null {
  const match = STRATEGY_FILL.exec(text);
  if (!match) {
    return null;
  }
  const [, action, contracts, ticker, position] = match;
  const size = Number(position);
  if (!Number.isFinite(size)) {
    return null;
  }
  return {
    action: action.toLowerCase(),
    contracts,
    ticker,
    position_size: Math.abs(size),
    market_position: size > 0 ? 'long' : size < 0 ? 'short' : 'flat',
  };
}
