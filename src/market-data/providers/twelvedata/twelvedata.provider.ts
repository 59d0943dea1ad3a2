import { DateTime } from 'luxon';
import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../../../core/market/market.types';
import type { MarketDataProvider, MarketDataProviderName } from '../../market-data.provider';
import {
  DEFAULT_MAX_QUOTE_AGE_MS,
  DEFAULT_VENDOR_TIMEOUT_MS,
  fail,
  failureFor,
  failureForStatus,
  fromUnixSeconds,
  makeStockQuote,
  staleness,
  type Failure,
} from '../http/failures';
import {
  buildUrl,
  getJson,
  isRecord,
  toNumber,
  toStringOrNull,
  withRetries,
  type VendorResponse,
} from '../http/vendor-http';

/** Twelve Data's REST host (https://twelvedata.com/docs). */
export const TWELVE_DATA_BASE_URL = 'https://api.twelvedata.com';

export interface TwelveDataProviderOptions {
  apiKey: string | null | undefined;
  /** Default {@link TWELVE_DATA_BASE_URL}. */
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

/** `GET /quote` (documented fields used here; Twelve Data sends prices as strings, times as unix seconds). */
interface TwelveDataQuote {
  symbol: string;
  datetime: string;
  timestamp: number;
  last_quote_at?: number;
  close: string;
  previous_close?: string;
  is_market_open?: boolean;
}

/** `GET /time_series`: `values` newest first, `datetime` in `meta.exchange_timezone`. */
interface TwelveDataTimeSeries {
  meta: { symbol: string; interval: string; exchange_timezone?: string };
  values: { datetime: string; open: string; high: string; low: string; close: string; volume?: string }[];
  status: 'ok';
}

/** The documented error body: `{ code, message, status: 'error' }`, often with HTTP 200. */
interface TwelveDataError {
  code: number;
  message: string;
  status: 'error';
}

const INTERVALS: Record<CandleTimeframe, string> = {
  '1m': '1min',
  '5m': '5min',
  '15m': '15min',
  '30m': '30min',
  '1h': '1h',
  '4h': '4h',
  '1d': '1day',
};

/** Twelve Data caps `outputsize` at 5000. */
const MAX_OUTPUT_SIZE = 5000;
const DEFAULT_EXCHANGE_ZONE = 'America/New_York';

/**
 * Twelve Data: stock quotes (`/quote`: last = close; the basic quote has no bid/ask, so bid/ask are null and mid is
 * last) and candles (`/time_series`). No options: `optionQuote` and `optionChain` answer `symbol_not_supported` so
 * the provider chain moves on. The key goes in the `Authorization: apikey <key>` header, not the URL.
 */
export class TwelveDataProvider implements MarketDataProvider {
  readonly name: MarketDataProviderName = 'twelvedata';
  private readonly apiKey: string | null;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxQuoteAgeMs: number;
  private readonly maxRetries: number | undefined;
  private readonly retryBaseDelayMs: number | undefined;
  private readonly now: () => Date;
  private readonly fetchImpl: typeof fetch | undefined;

  constructor(opts: TwelveDataProviderOptions) {
    this.apiKey = opts.apiKey ? opts.apiKey : null;
    this.baseUrl = opts.baseUrl || TWELVE_DATA_BASE_URL;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_VENDOR_TIMEOUT_MS;
    this.maxQuoteAgeMs = opts.maxQuoteAgeMs ?? DEFAULT_MAX_QUOTE_AGE_MS;
    this.maxRetries = opts.maxRetries;
    this.retryBaseDelayMs = opts.retryBaseDelayMs;
    this.now = opts.now;
    this.fetchImpl = opts.fetchImpl;
  }

  async stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>> {
    const ticker = symbol.trim().toUpperCase();
    const response = await this.get('/quote', { symbol: ticker });
    if (!response.ok) {
      return response;
    }
    const body = response.value as Partial<TwelveDataQuote>;
    const last = toNumber(body.close);
    const asOf = fromUnixSeconds(toNumber(body.last_quote_at) ?? toNumber(body.timestamp));
    if (last === null || last <= 0 || asOf === null) {
      return fail(this.name, 'symbol_not_supported', `no usable quote for ${ticker} (close or timestamp missing)`);
    }
    const stale = staleness(this.name, `${ticker} quote`, asOf, this.now(), this.maxQuoteAgeMs);
    if (stale) {
      return stale;
    }
    const quoted = toStringOrNull(body.symbol) ?? ticker;
    return { ok: true, value: makeStockQuote({ symbol: quoted, bid: null, ask: null, last, asOf, source: this.name }) };
  }

  async optionQuote(optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    return this.noOptions(`option quote ${optionSymbol}`);
  }

  async optionChain(underlying: string, _query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    return this.noOptions(`option chain for ${underlying}`);
  }

  async candles(symbol: string, timeframe: CandleTimeframe, limit: number): Promise<MarketDataResult<Candle[]>> {
    const ticker = symbol.trim().toUpperCase();
    const count = Math.min(Math.max(1, Math.floor(limit)), MAX_OUTPUT_SIZE);
    const response = await this.get('/time_series', {
      symbol: ticker,
      interval: INTERVALS[timeframe],
      outputsize: count,
      order: 'desc',
    });
    if (!response.ok) {
      return response;
    }
    const body = response.value as Partial<TwelveDataTimeSeries>;
    const zone = toStringOrNull(body.meta?.exchange_timezone) ?? DEFAULT_EXCHANGE_ZONE;
    const values = Array.isArray(body.values) ? body.values : [];
    const candles: Candle[] = [];
    for (const v of values) {
      const candle = isRecord(v) ? toCandle(v, zone) : null;
      if (candle) {
        candles.push(candle);
      }
    }
    candles.sort((a, b) => a.time.getTime() - b.time.getTime());
    if (candles.length === 0) {
      return fail(this.name, 'symbol_not_supported', `no ${timeframe} candles for ${ticker}`);
    }
    return { ok: true, value: candles.slice(-count) };
  }

  /** One GET with retries; Twelve Data's `status: 'error'` bodies (HTTP 200 included) become failures. */
  private async get(path: string, query: Record<string, string | number>): Promise<MarketDataResult<unknown>> {
    if (!this.apiKey) {
      return fail(this.name, 'provider_not_configured', 'TWELVE_DATA_API_KEY is required');
    }
    const request = {
      url: buildUrl(this.baseUrl, path, query),
      headers: { Authorization: `apikey ${this.apiKey}` },
      fetchImpl: this.fetchImpl,
    };
    const response = await withRetries(
      { timeoutMs: this.timeoutMs, maxRetries: this.maxRetries, baseDelayMs: this.retryBaseDelayMs },
      async (signal) => liftBodyError(await getJson(request, signal)),
    );
    if (response.kind !== 'ok') {
      return this.failure(response);
    }
    if (!isRecord(response.body)) {
      return fail(this.name, 'market_data_unavailable', `unexpected ${path} body`);
    }
    return { ok: true, value: response.body };
  }

  private failure(response: Exclude<VendorResponse<unknown>, { kind: 'ok' }>): Failure {
    if (response.kind === 'http_error' && isTwelveDataError(response.body)) {
      return failureForStatus(this.name, response.body.code, response.body.message);
    }
    return failureFor(this.name, response);
  }

  private noOptions<T>(what: string): MarketDataResult<T> {
    return fail(this.name, 'symbol_not_supported', `twelvedata serves no option data (${what})`);
  }
}

/**
 * Twelve Data answers errors as `{ code, message, status: 'error' }`, usually with HTTP 200: treat the body's code
 * as the status, so a 429 or 5xx in the body is retried like an HTTP one.
 */
function liftBodyError(response: VendorResponse<unknown>): VendorResponse<unknown> {
  const body = response.kind === 'ok' || response.kind === 'http_error' ? response.body : undefined;
  if (!isTwelveDataError(body)) {
    return response;
  }
  const status = Number.isInteger(body.code) && body.code >= 400 && body.code < 600 ? body.code : 502;
  const retryAfterMs = response.kind === 'http_error' ? response.retryAfterMs : undefined;
  return {
    kind: 'http_error',
    status,
    message: body.message,
    body,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

function isTwelveDataError(body: unknown): body is TwelveDataError {
  return isRecord(body) && body.status === 'error' && typeof body.message === 'string' && typeof body.code === 'number';
}

/** `datetime` is `YYYY-MM-DD HH:mm:ss` (intraday) or `YYYY-MM-DD` (daily) in the exchange's zone. */
function toCandle(v: Record<string, unknown>, zone: string): Candle | null {
  const text = toStringOrNull(v.datetime);
  if (text === null) {
    return null;
  }
  const parsed = text.length > 10 ? DateTime.fromSQL(text, { zone }) : DateTime.fromISO(text, { zone });
  const open = toNumber(v.open);
  const high = toNumber(v.high);
  const low = toNumber(v.low);
  const close = toNumber(v.close);
  if (!parsed.isValid || open === null || high === null || low === null || close === null) {
    return null;
  }
  return { time: parsed.toJSDate(), open, high, low, close, volume: toNumber(v.volume) ?? 0 };
}
