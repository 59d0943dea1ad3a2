import { DateTime } from 'luxon';
import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  Greeks,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../../../core/market/market.types';
import { parseOccSymbol } from '../../../core/occ';
import type { MarketDataProvider, MarketDataProviderName } from '../../market-data.provider';
import { applyChainQuery, sortContracts } from '../http/chain-query';
import {
  DEFAULT_MAX_QUOTE_AGE_MS,
  DEFAULT_VENDOR_TIMEOUT_MS,
  fail,
  failureFor,
  failureForStatus,
  fromUnixSeconds,
  makeStockQuote,
  optionMid,
  staleness,
  type Failure,
} from '../http/failures';
import { buildUrl, getJson, isRecord, toNumber, toStringOrNull, withRetries } from '../http/vendor-http';

/** MarketData.app's REST host (https://www.marketdata.app/docs/api). */
export const MARKET_DATA_APP_BASE_URL = 'https://api.marketdata.app';

export interface MarketDataAppProviderOptions {
  apiKey: string | null | undefined;
  /** Default {@link MARKET_DATA_APP_BASE_URL}. */
  baseUrl?: string;
  /** Budget for one method call, retries and backoff included. Default 3000. */
  timeoutMs?: number;
  /** A quote older than this is `market_data_stale`. Default 15 min. */
  maxQuoteAgeMs?: number;
  maxRetries?: number;
  retryBaseDelayMs?: number;
  /** The platform clock (staleness is judged on it). */
  now: () => Date;
  fetchImpl?: typeof fetch;
}

/**
 * MarketData.app answers column-wise: every field is an array, one entry per row, and `s` says `ok`, `no_data` or
 * `error` (with `errmsg`). Times are unix seconds.
 */
type Columns<K extends string> = { s: 'ok' | 'no_data' | 'error'; errmsg?: string } & Partial<Record<K, unknown[]>>;

/** `GET /v1/stocks/quotes/{symbol}/`. */
type StockQuoteColumns = Columns<'symbol' | 'ask' | 'bid' | 'mid' | 'last' | 'updated'>;
/** `GET /v1/stocks/candles/{resolution}/{symbol}/`. */
type CandleColumns = Columns<'o' | 'h' | 'l' | 'c' | 'v' | 't'>;
/** `GET /v1/options/chain/{underlying}/` and `GET /v1/options/quotes/{optionSymbol}/`. */
type OptionColumns = Columns<
  | 'optionSymbol'
  | 'underlying'
  | 'expiration'
  | 'side'
  | 'strike'
  | 'bid'
  | 'ask'
  | 'mid'
  | 'last'
  | 'openInterest'
  | 'volume'
  | 'iv'
  | 'delta'
  | 'gamma'
  | 'theta'
  | 'vega'
  | 'rho'
  | 'underlyingPrice'
  | 'updated'
>;

const RESOLUTIONS: Record<CandleTimeframe, string> = {
  '1m': '1',
  '5m': '5',
  '15m': '15',
  '30m': '30',
  '1h': '1H',
  '4h': '4H',
  '1d': 'D',
};

const NEW_YORK = 'America/New_York';

/**
 * MarketData.app: stock quotes, candles, option chains (`expiration=all` unless the query names expirations) and
 * option quotes, with IV as a fraction and greeks as published (theta per day, vega per volatility point). Auth is
 * `Authorization: Bearer <token>`. `s: 'no_data'` (HTTP 404) is `symbol_not_supported`.
 */
export class MarketDataAppProvider implements MarketDataProvider {
  readonly name: MarketDataProviderName = 'marketdata';
  private readonly apiKey: string | null;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxQuoteAgeMs: number;
  private readonly maxRetries: number | undefined;
  private readonly retryBaseDelayMs: number | undefined;
  private readonly now: () => Date;
  private readonly fetchImpl: typeof fetch | undefined;

  constructor(opts: MarketDataAppProviderOptions) {
    this.apiKey = opts.apiKey ? opts.apiKey : null;
    this.baseUrl = opts.baseUrl || MARKET_DATA_APP_BASE_URL;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_VENDOR_TIMEOUT_MS;
    this.maxQuoteAgeMs = opts.maxQuoteAgeMs ?? DEFAULT_MAX_QUOTE_AGE_MS;
    this.maxRetries = opts.maxRetries;
    this.retryBaseDelayMs = opts.retryBaseDelayMs;
    this.now = opts.now;
    this.fetchImpl = opts.fetchImpl;
  }

  async stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>> {
    const ticker = symbol.trim().toUpperCase();
    const response = await this.get<StockQuoteColumns>(`/v1/stocks/quotes/${encodeURIComponent(ticker)}/`, {});
    if (!response.ok) {
      return response;
    }
    const body = response.value;
    const bid = positiveOrNull(cell(body, 'bid', 0));
    const ask = positiveOrNull(cell(body, 'ask', 0));
    const mid = positiveOrNull(cell(body, 'mid', 0));
    const last = positiveOrNull(cell(body, 'last', 0)) ?? mid;
    const asOf = fromUnixSeconds(toNumber(cell(body, 'updated', 0)));
    if (last === null || asOf === null) {
      return fail(this.name, 'symbol_not_supported', `no usable quote for ${ticker}`);
    }
    const stale = staleness(this.name, `${ticker} quote`, asOf, this.now(), this.maxQuoteAgeMs);
    if (stale) {
      return stale;
    }
    const quoted = toStringOrNull(cell(body, 'symbol', 0)) ?? ticker;
    return {
      ok: true,
      value: makeStockQuote({
        symbol: quoted,
        bid,
        ask,
        last,
        mid: bid !== null && ask !== null ? mid : null,
        asOf,
        source: this.name,
      }),
    };
  }

  async optionQuote(optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    const symbol = optionSymbol.trim().toUpperCase();
    const occ = parseOccSymbol(symbol);
    if (!occ.ok) {
      return fail(this.name, 'symbol_not_supported', occ.error);
    }
    const response = await this.get<OptionColumns>(`/v1/options/quotes/${encodeURIComponent(symbol)}/`, {});
    if (!response.ok) {
      return response;
    }
    const quote = this.toOptionQuote(response.value, 0, symbol);
    if (!quote) {
      return fail(this.name, 'symbol_not_supported', `no usable quote for ${symbol}`);
    }
    const stale = staleness(this.name, `${symbol} quote`, quote.asOf, this.now(), this.maxQuoteAgeMs);
    return stale ?? { ok: true, value: quote };
  }

  async optionChain(underlying: string, query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    const ticker = underlying.trim().toUpperCase();
    const expirations = [...(query?.expirations ?? [])].sort();
    const params: Record<string, string> = {};
    if (expirations.length === 1) {
      params.expiration = expirations[0];
    } else if (expirations.length > 1) {
      // `to` is exclusive: one day past the last expiration wanted; the exact set is filtered below.
      params.from = expirations[0];
      params.to =
        DateTime.fromISO(expirations[expirations.length - 1], { zone: 'UTC' })
          .plus({ days: 1 })
          .toISODate() ?? '';
    } else {
      // Without `expiration` the vendor narrows to the front month.
      params.expiration = 'all';
    }
    if (query?.type) {
      params.side = query.type;
    }
    const response = await this.get<OptionColumns>(`/v1/options/chain/${encodeURIComponent(ticker)}/`, params);
    if (!response.ok) {
      return response;
    }
    const body = response.value;
    const rows = Array.isArray(body.optionSymbol) ? body.optionSymbol.length : 0;
    const contracts: OptionQuote[] = [];
    for (let i = 0; i < rows; i++) {
      const quote = this.toOptionQuote(body, i, null);
      if (quote) {
        contracts.push(quote);
      }
    }
    let spot = firstPositive(body.underlyingPrice);
    let spotAsOf: Date | null = null;
    if (spot === null) {
      const stock = await this.stockQuote(ticker);
      if (!stock.ok) {
        return stock;
      }
      spot = stock.value.mid;
      spotAsOf = stock.value.asOf;
    }
    const selected = sortContracts(applyChainQuery(contracts, spot, query));
    if (selected.length === 0) {
      return fail(this.name, 'symbol_not_supported', `no option contracts for ${ticker}`);
    }
    const newest = selected.reduce((t, c) => (c.asOf.getTime() > t.getTime() ? c.asOf : t), selected[0].asOf);
    const asOf = spotAsOf && spotAsOf.getTime() > newest.getTime() ? spotAsOf : newest;
    const stale = staleness(this.name, `${ticker} chain`, asOf, this.now(), this.maxQuoteAgeMs);
    if (stale) {
      return stale;
    }
    return { ok: true, value: { underlying: ticker, spot, asOf, source: this.name, contracts: selected } };
  }

  async candles(symbol: string, timeframe: CandleTimeframe, limit: number): Promise<MarketDataResult<Candle[]>> {
    const ticker = symbol.trim().toUpperCase();
    const count = Math.max(1, Math.floor(limit));
    const response = await this.get<CandleColumns>(
      `/v1/stocks/candles/${RESOLUTIONS[timeframe]}/${encodeURIComponent(ticker)}/`,
      { countback: String(count), to: String(Math.floor(this.now().getTime() / 1000)) },
    );
    if (!response.ok) {
      return response;
    }
    const body = response.value;
    const rows = Array.isArray(body.t) ? body.t.length : 0;
    const candles: Candle[] = [];
    for (let i = 0; i < rows; i++) {
      const time = fromUnixSeconds(toNumber(cell(body, 't', i)));
      const open = toNumber(cell(body, 'o', i));
      const high = toNumber(cell(body, 'h', i));
      const low = toNumber(cell(body, 'l', i));
      const close = toNumber(cell(body, 'c', i));
      if (time && open !== null && high !== null && low !== null && close !== null) {
        candles.push({ time, open, high, low, close, volume: toNumber(cell(body, 'v', i)) ?? 0 });
      }
    }
    candles.sort((a, b) => a.time.getTime() - b.time.getTime());
    if (candles.length === 0) {
      return fail(this.name, 'symbol_not_supported', `no ${timeframe} candles for ${ticker}`);
    }
    return { ok: true, value: candles.slice(-count) };
  }

  /** Row `i` of an option table; the OCC symbol gives type, strike and expiration when the columns lack them. */
  private toOptionQuote(body: OptionColumns, i: number, fallbackSymbol: string | null): OptionQuote | null {
    const symbol = toStringOrNull(cell(body, 'optionSymbol', i)) ?? fallbackSymbol;
    if (symbol === null) {
      return null;
    }
    const occ = parseOccSymbol(symbol);
    if (!occ.ok) {
      return null;
    }
    const asOf = fromUnixSeconds(toNumber(cell(body, 'updated', i)));
    if (asOf === null) {
      return null;
    }
    const side = cell(body, 'side', i);
    const strike = toNumber(cell(body, 'strike', i));
    const expirationSeconds = toNumber(cell(body, 'expiration', i));
    const bid = nonNegativeOrNull(cell(body, 'bid', i));
    const ask = positiveOrNull(cell(body, 'ask', i));
    const iv = positiveOrNull(cell(body, 'iv', i));
    return {
      optionSymbol: symbol,
      underlying: toStringOrNull(cell(body, 'underlying', i)) ?? occ.value.underlying,
      type: side === 'call' || side === 'put' ? side : occ.value.type,
      strike: strike !== null && strike > 0 ? strike : occ.value.strike,
      // OCC's date is the contract's; the unix `expiration` (16:00 New York) agrees and backs it up.
      expiration: occ.value.expiration || nyDate(expirationSeconds) || '',
      bid,
      ask,
      last: positiveOrNull(cell(body, 'last', i)),
      mid: optionMid(bid, ask),
      iv,
      greeks: greeksAt(body, i),
      openInterest: nonNegativeOrNull(cell(body, 'openInterest', i)),
      volume: nonNegativeOrNull(cell(body, 'volume', i)),
      asOf,
      source: this.name,
    };
  }

  /** One GET with retries; `s: 'no_data'` and `s: 'error'` bodies become failures whatever the HTTP status. */
  private async get<T extends { s: string }>(
    path: string,
    query: Record<string, string>,
  ): Promise<MarketDataResult<T>> {
    if (!this.apiKey) {
      return fail(this.name, 'provider_not_configured', 'MARKET_DATA_API_KEY is required');
    }
    const request = {
      url: buildUrl(this.baseUrl, path, query),
      headers: { Authorization: `Bearer ${this.apiKey}` },
      fetchImpl: this.fetchImpl,
    };
    const response = await withRetries(
      { timeoutMs: this.timeoutMs, maxRetries: this.maxRetries, baseDelayMs: this.retryBaseDelayMs },
      (signal) => getJson(request, signal),
    );
    if (response.kind === 'ok') {
      return this.fromBody<T>(response.status, response.body);
    }
    if (response.kind === 'http_error' && isRecord(response.body) && response.body.s === 'no_data') {
      return fail(this.name, 'symbol_not_supported', `no_data: ${errmsg(response.body) ?? path}`);
    }
    return failureFor(this.name, response);
  }

  private fromBody<T extends { s: string }>(status: number, body: unknown): MarketDataResult<T> {
    if (!isRecord(body)) {
      return fail(this.name, 'market_data_unavailable', 'unexpected body');
    }
    if (body.s === 'ok') {
      return { ok: true, value: body as T };
    }
    if (body.s === 'no_data') {
      return fail(this.name, 'symbol_not_supported', `no_data${errmsg(body) ? `: ${errmsg(body)}` : ''}`);
    }
    return this.errorBody(status, errmsg(body) ?? `s=${String(body.s)}`);
  }

  private errorBody(status: number, message: string): Failure {
    // An `s: 'error'` body with a 2xx status: a request the vendor rejected.
    return status >= 400
      ? failureForStatus(this.name, status, message)
      : fail(this.name, 'symbol_not_supported', message);
  }
}

function cell(body: Record<string, unknown>, key: string, i: number): unknown {
  const column = body[key];
  return Array.isArray(column) ? (column[i] as unknown) : undefined;
}

function errmsg(body: Record<string, unknown>): string | null {
  return toStringOrNull(body.errmsg);
}

function positiveOrNull(value: unknown): number | null {
  const n = toNumber(value);
  return n !== null && n > 0 ? n : null;
}

function nonNegativeOrNull(value: unknown): number | null {
  const n = toNumber(value);
  return n !== null && n >= 0 ? n : null;
}

function firstPositive(column: unknown[] | undefined): number | null {
  if (!Array.isArray(column)) {
    return null;
  }
  for (const value of column) {
    const n = positiveOrNull(value);
    if (n !== null) {
      return n;
    }
  }
  return null;
}

/** Greeks when delta, gamma, theta and vega are all there; rho is optional at MarketData.app (0 when absent). */
function greeksAt(body: Record<string, unknown>, i: number): Greeks | null {
  const delta = toNumber(cell(body, 'delta', i));
  const gamma = toNumber(cell(body, 'gamma', i));
  const theta = toNumber(cell(body, 'theta', i));
  const vega = toNumber(cell(body, 'vega', i));
  if (delta === null || gamma === null || theta === null || vega === null) {
    return null;
  }
  return { delta, gamma, theta, vega, rho: toNumber(cell(body, 'rho', i)) ?? 0 };
}

function nyDate(seconds: number | null): string | null {
  return seconds !== null && seconds > 0 ? DateTime.fromSeconds(seconds, { zone: NEW_YORK }).toISODate() : null;
}
