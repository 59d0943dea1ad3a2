import type { Candle, OptionChain, OptionQuote, StockQuote } from '../core/market/market.types';

/**
 * JSON round trips for cached values: JSON.stringify writes Dates as ISO strings; these revive them. A value of
 * the wrong shape revives to null (a cache miss), never to a half-typed object.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reviveDate(value: unknown): Date | null {
  if (typeof value !== 'string') {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function reviveStockQuote(value: unknown): StockQuote | null {
  if (!isObject(value) || typeof value.symbol !== 'string' || typeof value.last !== 'number') {
    return null;
  }
  const asOf = reviveDate(value.asOf);
  return asOf ? ({ ...value, asOf } as unknown as StockQuote) : null;
}

export function reviveOptionQuote(value: unknown): OptionQuote | null {
  if (!isObject(value) || typeof value.optionSymbol !== 'string') {
    return null;
  }
  const asOf = reviveDate(value.asOf);
  return asOf ? ({ ...value, asOf } as unknown as OptionQuote) : null;
}

export function reviveOptionChain(value: unknown): OptionChain | null {
  if (!isObject(value) || typeof value.underlying !== 'string' || !Array.isArray(value.contracts)) {
    return null;
  }
  const asOf = reviveDate(value.asOf);
  const contracts = value.contracts.map(reviveOptionQuote);
  if (!asOf || contracts.some((c) => c === null)) {
    return null;
  }
  return { ...(value as unknown as OptionChain), asOf, contracts: contracts as OptionQuote[] };
}

export function reviveCandles(value: unknown): Candle[] | null {
  if (!Array.isArray(value)) {
    return null;
  }
  const candles: Candle[] = [];
  for (const item of value) {
    const time = isObject(item) ? reviveDate(item.time) : null;
    if (!time) {
      return null;
    }
    candles.push({ ...(item as unknown as Candle), time });
  }
  return candles;
}
