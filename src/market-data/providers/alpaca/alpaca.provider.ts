import { marketData } from '@alpacahq/alpaca-trade-api';
import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../../../core/market/market.types';
import { parseOccSymbol } from '../../../core/occ';
import type { MarketDataProvider, MarketDataProviderName } from '../../market-data.provider';
import { applyChainQuery, sortContracts, strikeBounds } from '../http/chain-query';
import {
  DEFAULT_MAX_QUOTE_AGE_MS,
  DEFAULT_VENDOR_TIMEOUT_MS,
  fail,
  failureFor,
  latest,
  makeStockQuote,
  optionMid,
  staleness,
} from '../http/failures';
import { errorMessage, withRetries, type VendorResponse } from '../http/vendor-http';

/** Alpaca's market data host (https://docs.alpaca.markets/docs/about-market-data-api). */
export const ALPACA_DATA_URL = 'https://data.alpaca.markets';

export type AlpacaStockFeed = 'iex' | 'sip' | 'delayed_sip';
export type AlpacaOptionsFeed = 'indicative' | 'opra';

export interface AlpacaProviderOptions {
  keyId: string | null | undefined;
  secretKey: string | null | undefined;
  /** Default {@link ALPACA_DATA_URL} (ALPACA_DATA_URL). */
  dataUrl?: string;
  /** Stock feed (ALPACA_STOCK_FEED): `iex` (free), `sip`, `delayed_sip`. Default `iex`. */
  feed?: string;
  /** Options feed (ALPACA_OPTIONS_FEED): `indicative` (free) or `opra`. Default `indicative`. */
  optionsFeed?: string;
  /** Budget for one method call, retries and backoff included (MARKET_DATA_TIMEOUT_MS). Default 3000. */
  timeoutMs?: number;
  /** A quote older than this is `market_data_stale`. Default 15 min. */
  maxQuoteAgeMs?: number;
  /** Retries after the first attempt on 429/5xx/network errors. Default 2. */
  maxRetries?: number;
  /** First backoff delay in ms, doubling per retry. Default 200. */
  retryBaseDelayMs?: number;
  /** Chain pages (up to 1000 snapshots each) followed at most. Default 10. */
  maxChainPages?: number;
  /** The clock for staleness and bar windows (tests). */
  /** The platform clock (staleness is judged on it). */
  now: () => Date;
}

type OptionSnapshot = marketData.OptionSnapshot;
type StockLatestFeed = marketData.StockLatestFeed;
type StockHistoricalFeed = marketData.StockHistoricalFeed;
type OptionFeed = marketData.OptionFeed;

const TIMEFRAMES: Record<CandleTimeframe, { alpaca: string; ms: number }> = {
  '1m': { alpaca: '1Min', ms: 60_000 },
  '5m': { alpaca: '5Min', ms: 5 * 60_000 },
  '15m': { alpaca: '15Min', ms: 15 * 60_000 },
  '30m': { alpaca: '30Min', ms: 30 * 60_000 },
  '1h': { alpaca: '1Hour', ms: 60 * 60_000 },
  '4h': { alpaca: '4Hour', ms: 4 * 60 * 60_000 },
  '1d': { alpaca: '1Day', ms: 24 * 60 * 60_000 },
};

const DAY_MS = 24 * 60 * 60_000;
/** SIP data is free only when older than 15 minutes: the `delayed_sip` bars window ends this far back. */
const DELAYED_SIP_LAG_MS = 16 * 60_000;
const CHAIN_PAGE_LIMIT = 1000;

/**
 * Alpaca Market Data through the official SDK (`@alpacahq/alpaca-trade-api`, its generated `marketData` APIs pointed
 * at `dataUrl`): stock latest quote + latest trade, stock bars, option snapshots (quote, trade, greeks, IV) by
 * contract and by underlying (the option chain). Greeks come from Alpaca as is (theta per calendar day, vega per
 * volatility point); Alpaca's snapshots carry no open interest (null). See docs/market-data-vendors.md.
 */
export class AlpacaProvider implements MarketDataProvider {
  readonly name: MarketDataProviderName = 'alpaca';
  private readonly stocks: marketData.StockApi | null;
  private readonly options: marketData.OptionApi | null;
  private readonly feed: AlpacaStockFeed;
  private readonly optionsFeed: OptionFeed;
  private readonly timeoutMs: number;
  private readonly maxQuoteAgeMs: number;
  private readonly maxRetries: number | undefined;
  private readonly retryBaseDelayMs: number | undefined;
  private readonly maxChainPages: number;
  private readonly now: () => Date;

  constructor(opts: AlpacaProviderOptions) {
    this.feed = opts.feed === 'sip' || opts.feed === 'delayed_sip' ? opts.feed : 'iex';
    this.optionsFeed = opts.optionsFeed === 'opra' ? 'opra' : 'indicative';
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_VENDOR_TIMEOUT_MS;
    this.maxQuoteAgeMs = opts.maxQuoteAgeMs ?? DEFAULT_MAX_QUOTE_AGE_MS;
    this.maxRetries = opts.maxRetries;
    this.retryBaseDelayMs = opts.retryBaseDelayMs;
    this.maxChainPages = Math.max(1, opts.maxChainPages ?? 10);
    this.now = opts.now;
    if (opts.keyId && opts.secretKey) {
      // Retries, the deadline and rate limiting are ours (withRetries): the SDK makes one attempt, no own timeout.
      const configuration = new marketData.Configuration({
        basePath: (opts.dataUrl || ALPACA_DATA_URL).replace(/\/+$/, ''),
        keyId: opts.keyId,
        secret: opts.secretKey,
        timeoutMs: 0,
      });
      this.stocks = new marketData.StockApi(configuration);
      this.options = new marketData.OptionApi(configuration);
    } else {
      this.stocks = null;
      this.options = null;
    }
  }

  async stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>> {
    const stocks = this.stocks;
    if (!stocks) {
      return this.notConfigured();
    }
    const ticker = symbol.trim().toUpperCase();
    const feed = this.latestFeed();
    const [quote, trade] = await Promise.all([
      this.call((init) => stocks.stockLatestQuoteSingle({ symbol: ticker, feed }, init)),
      this.call((init) => stocks.stockLatestTradeSingle({ symbol: ticker, feed }, init)),
    ]);
    if (quote.kind !== 'ok') {
      return failureFor(this.name, quote);
    }
    const q = quote.body.quote as marketData.StockQuote | undefined;
    const t = trade.kind === 'ok' ? (trade.body.trade as marketData.StockTrade | undefined) : undefined;
    const bid = positive(q?.bp);
    const ask = positive(q?.ap);
    const tradePrice = positive(t?.p);
    const quoteTime = bid !== null || ask !== null ? validDate(q?.t) : null;
    const tradeTime = tradePrice !== null ? validDate(t?.t) : null;
    const asOf = latest(quoteTime, tradeTime);
    const last = tradePrice ?? (bid !== null && ask !== null ? (bid + ask) / 2 : (bid ?? ask));
    if (last === null || asOf === null) {
      return fail(this.name, 'symbol_not_supported', `no quote or trade for ${ticker} on feed ${this.feed}`);
    }
    const stale = staleness(this.name, `${ticker} quote`, asOf, this.now(), this.maxQuoteAgeMs);
    if (stale) {
      return stale;
    }
    return { ok: true, value: makeStockQuote({ symbol: ticker, bid, ask, last, asOf, source: this.name }) };
  }

  async optionQuote(optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    const options = this.options;
    if (!options) {
      return this.notConfigured();
    }
    const symbol = optionSymbol.trim().toUpperCase();
    const occ = parseOccSymbol(symbol);
    if (!occ.ok) {
      return fail(this.name, 'symbol_not_supported', occ.error);
    }
    const response = await this.call((init) =>
      options.optionSnapshots({ symbols: symbol, feed: this.optionsFeed }, init),
    );
    if (response.kind !== 'ok') {
      return failureFor(this.name, response);
    }
    const snapshot = response.body.snapshots?.[symbol];
    const quote = snapshot ? this.toOptionQuote(symbol, snapshot) : null;
    if (!quote) {
      return fail(this.name, 'symbol_not_supported', `no snapshot for ${symbol} on feed ${this.optionsFeed}`);
    }
    const stale = staleness(this.name, `${symbol} quote`, quote.asOf, this.now(), this.maxQuoteAgeMs);
    return stale ?? { ok: true, value: quote };
  }

  async optionChain(underlying: string, query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    const options = this.options;
    if (!options) {
      return this.notConfigured();
    }
    const ticker = underlying.trim().toUpperCase();
    const spotQuote = await this.stockQuote(ticker);
    if (!spotQuote.ok) {
      return spotQuote;
    }
    const spot = spotQuote.value.mid;
    const band = strikeBounds(spot, query?.strikeBand);
    const expirations = [...(query?.expirations ?? [])].sort();
    const request: marketData.OptionChainRequest = {
      underlyingSymbol: ticker,
      feed: this.optionsFeed,
      limit: CHAIN_PAGE_LIMIT,
      ...(query?.type ? { type: query.type } : {}),
      ...(band ? { strikePriceGte: floor2(band.min), strikePriceLte: ceil2(band.max) } : {}),
      ...(expirations.length === 1 ? { expirationDate: utcDate(expirations[0]) } : {}),
      ...(expirations.length > 1
        ? {
            expirationDateGte: utcDate(expirations[0]),
            expirationDateLte: utcDate(expirations[expirations.length - 1]),
          }
        : {}),
    };
    const contracts: OptionQuote[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < this.maxChainPages; page++) {
      const token = pageToken;
      const response = await this.call((init) =>
        options.optionChain(token === undefined ? request : { ...request, pageToken: token }, init),
      );
      if (response.kind !== 'ok') {
        return failureFor(this.name, response);
      }
      for (const [symbol, snapshot] of Object.entries(response.body.snapshots ?? {})) {
        const quote = this.toOptionQuote(symbol, snapshot);
        if (quote) {
          contracts.push(quote);
        }
      }
      pageToken = response.body.nextPageToken ?? undefined;
      if (!pageToken) {
        break;
      }
    }
    const selected = sortContracts(applyChainQuery(contracts, spot, query));
    if (selected.length === 0) {
      return fail(this.name, 'symbol_not_supported', `no option contracts for ${ticker} on feed ${this.optionsFeed}`);
    }
    const asOf = selected.reduce((t, c) => (c.asOf.getTime() > t.getTime() ? c.asOf : t), spotQuote.value.asOf);
    return { ok: true, value: { underlying: ticker, spot, asOf, source: this.name, contracts: selected } };
  }

  async candles(symbol: string, timeframe: CandleTimeframe, limit: number): Promise<MarketDataResult<Candle[]>> {
    const stocks = this.stocks;
    if (!stocks) {
      return this.notConfigured();
    }
    const ticker = symbol.trim().toUpperCase();
    const count = Math.max(1, Math.floor(limit));
    const tf = TIMEFRAMES[timeframe];
    const now = this.now();
    const end = this.feed === 'delayed_sip' ? new Date(now.getTime() - DELAYED_SIP_LAG_MS) : undefined;
    // Bars exist only in sessions: reach back far enough (6.5 h a day, 5 days a week, plus holidays) and ask for the
    // newest `count` bars first.
    const spanMs = timeframe === '1d' ? count * tf.ms * 1.6 : count * tf.ms * (24 / 6.5) * (7 / 5);
    const start = new Date((end ?? now).getTime() - spanMs - 5 * DAY_MS);
    const response = await this.call((init) =>
      stocks.stockBarSingle(
        {
          symbol: ticker,
          timeframe: tf.alpaca,
          start,
          ...(end ? { end } : {}),
          limit: Math.min(count, 10_000),
          feed: this.historicalFeed(),
          sort: 'desc',
        },
        init,
      ),
    );
    if (response.kind !== 'ok') {
      return failureFor(this.name, response);
    }
    const bars = response.body.bars ?? [];
    const candles = bars
      .map((b): Candle | null => {
        const time = validDate(b.t);
        return time ? { time, open: b.o, high: b.h, low: b.l, close: b.c, volume: b.v } : null;
      })
      .filter((c): c is Candle => c !== null)
      .sort((a, b) => a.time.getTime() - b.time.getTime())
      .slice(-count);
    if (candles.length === 0) {
      return fail(this.name, 'symbol_not_supported', `no ${timeframe} bars for ${ticker} on feed ${this.feed}`);
    }
    return { ok: true, value: candles };
  }

  private toOptionQuote(symbol: string, snapshot: OptionSnapshot): OptionQuote | null {
    const occ = parseOccSymbol(symbol);
    if (!occ.ok) {
      return null;
    }
    const q = snapshot.latestQuote;
    const trade = snapshot.latestTrade;
    const hasQuote = q !== undefined && (positive(q.ap) !== null || positive(q.bp) !== null);
    const bid = hasQuote ? nonNegative(q.bp) : null;
    const ask = hasQuote ? positive(q.ap) : null;
    const last = positive(trade?.p);
    const asOf = latest(hasQuote ? validDate(q.t) : null, last !== null ? validDate(trade?.t) : null);
    if (asOf === null) {
      return null;
    }
    const g = snapshot.greeks;
    const greeks =
      g && [g.delta, g.gamma, g.theta, g.vega, g.rho].every((x) => typeof x === 'number' && Number.isFinite(x))
        ? { delta: g.delta, gamma: g.gamma, theta: g.theta, vega: g.vega, rho: g.rho }
        : null;
    const iv = snapshot.impliedVolatility;
    const volume = snapshot.dailyBar?.v;
    return {
      optionSymbol: symbol,
      underlying: occ.value.underlying,
      type: occ.value.type,
      strike: occ.value.strike,
      expiration: occ.value.expiration,
      bid,
      ask,
      last,
      mid: optionMid(bid, ask),
      iv: typeof iv === 'number' && Number.isFinite(iv) && iv > 0 ? iv : null,
      greeks,
      openInterest: null,
      volume: typeof volume === 'number' && Number.isFinite(volume) ? volume : null,
      asOf,
      source: this.name,
    };
  }

  /** One SDK call under the shared deadline and retry policy; SDK errors become values. */
  private call<T>(fn: (init: RequestInit) => Promise<T>): Promise<VendorResponse<T>> {
    return withRetries<T>(
      { timeoutMs: this.timeoutMs, maxRetries: this.maxRetries, baseDelayMs: this.retryBaseDelayMs },
      async (signal) => {
        try {
          return { kind: 'ok', status: 200, body: await fn({ signal }) };
        } catch (error) {
          return fromSdkError(error, signal);
        }
      },
    );
  }

  private latestFeed(): StockLatestFeed {
    return this.feed;
  }

  private historicalFeed(): StockHistoricalFeed {
    return this.feed === 'iex' ? 'iex' : 'sip';
  }

  private notConfigured<T>(): MarketDataResult<T> {
    return fail(this.name, 'provider_not_configured', 'ALPACA_API_KEY and ALPACA_SECRET_KEY are required');
  }
}

function fromSdkError<T>(error: unknown, signal: AbortSignal): VendorResponse<T> {
  if (error instanceof marketData.ApiError) {
    return {
      kind: 'http_error',
      status: error.status,
      message: error.message,
      body: null,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
  }
  if (signal.aborted) {
    return { kind: 'timeout', message: errorMessage(signal.reason) };
  }
  if (error instanceof marketData.FetchError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'network', message: `${error.message}${cause}` };
  }
  // A body the SDK could not read (not JSON, a missing field): the vendor answered something unusable.
  return { kind: 'http_error', status: 502, message: `unreadable response: ${errorMessage(error)}`, body: null };
}

function positive(value: number | undefined | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function nonNegative(value: number | undefined | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** A real timestamp: Alpaca answers `0001-01-01T00:00:00Z` for "none". */
function validDate(value: Date | undefined | null): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) && value.getUTCFullYear() >= 2000 ? value : null;
}

/** `YYYY-MM-DD` as a UTC midnight Date: the SDK writes `toISOString().substring(0, 10)` back. */
function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function floor2(x: number): number {
  return Math.floor(x * 100) / 100;
}

function ceil2(x: number): number {
  return Math.ceil(x * 100) / 100;
}
