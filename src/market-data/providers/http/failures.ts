import type { MarketDataFailure, MarketDataResult, StockQuote } from '../../../core/market/market.types';
import type { VendorResponse } from './vendor-http';

/** Default `maxQuoteAgeMs`: a quote older than this is `market_data_stale`. */
export const DEFAULT_MAX_QUOTE_AGE_MS = 15 * 60 * 1000;
/** Default per-call budget when the caller gives none (MARKET_DATA_TIMEOUT_MS defaults to the same). */
export const DEFAULT_VENDOR_TIMEOUT_MS = 3000;

export type Failure = Extract<MarketDataResult<never>, { ok: false }>;

export function fail(provider: string, reasonCode: MarketDataFailure, detail: string): Failure {
  return { ok: false, reasonCode, detail, provider };
}

/**
 * The failure for a vendor response that was not usable:
 * - 401/403: `market_data_unavailable`, detail `auth: ...` (keys wrong or plan lacks the data);
 * - 404, 400, 422: `symbol_not_supported` (the vendor does not know the symbol or rejects it);
 * - 402: `market_data_unavailable`, detail `plan: ...`;
 * - 429: `market_data_unavailable`, detail `rate_limited: ...`;
 * - 5xx, network, timeout: `market_data_unavailable`.
 */
export function failureFor(provider: string, response: Exclude<VendorResponse<unknown>, { kind: 'ok' }>): Failure {
  switch (response.kind) {
    case 'timeout':
      return fail(provider, 'market_data_unavailable', `timeout: ${response.message}`);
    case 'network':
      return fail(provider, 'market_data_unavailable', `network: ${response.message}`);
    case 'http_error':
      return failureForStatus(provider, response.status, response.message);
  }
}

export function failureForStatus(provider: string, status: number, message: string): Failure {
  if (status === 401 || status === 403) {
    return fail(provider, 'market_data_unavailable', `auth: HTTP ${status} ${message}`);
  }
  if (status === 404 || status === 400 || status === 422) {
    return fail(provider, 'symbol_not_supported', `HTTP ${status} ${message}`);
  }
  if (status === 402) {
    return fail(provider, 'market_data_unavailable', `plan: HTTP ${status} ${message}`);
  }
  if (status === 429) {
    return fail(provider, 'market_data_unavailable', `rate_limited: HTTP ${status} ${message}`);
  }
  return fail(provider, 'market_data_unavailable', `HTTP ${status} ${message}`);
}

/** `market_data_stale` when `asOf` is older than `maxAgeMs` at `now`; null when fresh enough. */
export function staleness(provider: string, what: string, asOf: Date, now: Date, maxAgeMs: number): Failure | null {
  const age = now.getTime() - asOf.getTime();
  if (age > maxAgeMs) {
    return fail(
      provider,
      'market_data_stale',
      `${what} is from ${asOf.toISOString()}, ${Math.round(age / 1000)} s old (limit ${Math.round(maxAgeMs / 1000)} s)`,
    );
  }
  return null;
}

/** The stock quote `mid`: (bid + ask) / 2 when both are present, else last. */
export function stockMid(bid: number | null, ask: number | null, last: number): number {
  return bid !== null && ask !== null ? (bid + ask) / 2 : last;
}

export function makeStockQuote(fields: Omit<StockQuote, 'mid'> & { mid?: number | null }): StockQuote {
  const mid = fields.mid ?? stockMid(fields.bid, fields.ask, fields.last);
  return { ...fields, mid };
}

/** Option mid: (bid + ask) / 2 only with a two-sided market (ask > 0), else null. */
export function optionMid(bid: number | null, ask: number | null): number | null {
  return bid !== null && ask !== null && ask > 0 ? (bid + ask) / 2 : null;
}

/** Unix seconds to a Date; null for a missing or non-positive time. */
export function fromUnixSeconds(seconds: number | null): Date | null {
  return seconds !== null && seconds > 0 ? new Date(seconds * 1000) : null;
}

/** The later of two optional dates. */
export function latest(a: Date | null | undefined, b: Date | null | undefined): Date | null {
  const valid = [a, b].filter((d): d is Date => d instanceof Date && !Number.isNaN(d.getTime()) && d.getTime() > 0);
  if (valid.length === 0) {
    return null;
  }
  return valid.reduce((x, y) => (x.getTime() >= y.getTime() ? x : y));
}
