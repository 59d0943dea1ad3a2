import { AlpacaProvider, ALPACA_DATA_URL } from '../../../src/market-data/providers/alpaca';
import { FakeVendor } from './fake-vendor';
import {
  NOW,
  spyBarsDesc,
  spyCallSnapshot,
  spyChainPage1,
  spyChainPage2,
  spyLatestQuote,
  spyLatestTrade,
  unauthorized,
} from './fixtures/alpaca.fixtures';

const QUOTE = '/v2/stocks/SPY/quotes/latest';
const TRADE = '/v2/stocks/SPY/trades/latest';
const BARS = '/v2/stocks/SPY/bars';
const CHAIN = '/v1beta1/options/snapshots/SPY';
const SNAPSHOTS = '/v1beta1/options/snapshots';

describe('AlpacaProvider against a local Alpaca Market Data fake', () => {
  let vendor: FakeVendor;
  let dataUrl: string;

  const provider = (overrides: Partial<ConstructorParameters<typeof AlpacaProvider>[0]> = {}): AlpacaProvider =>
    new AlpacaProvider({
      keyId: 'AKTESTKEY',
      secretKey: 'test-secret',
      dataUrl,
      feed: 'iex',
      optionsFeed: 'indicative',
      timeoutMs: 2000,
      retryBaseDelayMs: 10,
      now: () => NOW,
      ...overrides,
    });

  beforeEach(async () => {
    vendor = new FakeVendor();
    dataUrl = await vendor.start();
  });

  afterEach(async () => {
    await vendor.stop();
  });

  it('defaults to the official data host', () => {
    expect(ALPACA_DATA_URL).toBe('https://data.alpaca.markets');
  });

  it('maps the latest quote and trade to a StockQuote, sending the key headers and the feed', async () => {
    vendor.on(QUOTE, { body: spyLatestQuote }).on(TRADE, { body: spyLatestTrade });

    const result = await provider().stockQuote('spy');

    expect(result).toEqual({
      ok: true,
      value: {
        symbol: 'SPY',
        bid: 596.08,
        ask: 596.12,
        last: 596.1,
        mid: 596.1,
        asOf: new Date('2026-02-17T15:34:58.123Z'),
        source: 'alpaca',
      },
    });
    const [hit] = vendor.hits(QUOTE);
    expect(hit.headers['apca-api-key-id']).toBe('AKTESTKEY');
    expect(hit.headers['apca-api-secret-key']).toBe('test-secret');
    expect(hit.query.get('feed')).toBe('iex');
    expect(vendor.hits(TRADE)).toHaveLength(1);
  });

  it('returns bars oldest first, asking the newest N with the Alpaca timeframe name', async () => {
    vendor.on(BARS, { body: spyBarsDesc });

    const result = await provider().candles('SPY', '5m', 3);

    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.value.map((c) => c.time.toISOString())).toEqual([
      '2026-02-17T15:20:00.000Z',
      '2026-02-17T15:25:00.000Z',
      '2026-02-17T15:30:00.000Z',
    ]);
    expect(result.value[2]).toEqual({
      time: new Date('2026-02-17T15:30:00Z'),
      open: 596.0,
      high: 596.4,
      low: 595.9,
      close: 596.1,
      volume: 120034,
    });
    const [hit] = vendor.hits(BARS);
    expect(hit.query.get('timeframe')).toBe('5Min');
    expect(hit.query.get('limit')).toBe('3');
    expect(hit.query.get('sort')).toBe('desc');
    expect(hit.query.get('feed')).toBe('iex');
    expect(new Date(hit.query.get('start') ?? '').getTime()).toBeLessThan(NOW.getTime());
  });

  it('maps an option snapshot: OCC fields, quote, IV as a fraction, greeks as published (theta per day)', async () => {
    vendor.on(SNAPSHOTS, { body: spyCallSnapshot });

    const result = await provider().optionQuote('SPY260220C00596000');

    expect(result).toEqual({
      ok: true,
      value: {
        optionSymbol: 'SPY260220C00596000',
        underlying: 'SPY',
        type: 'call',
        strike: 596,
        expiration: '2026-02-20',
        bid: 4.25,
        ask: 4.35,
        last: 4.3,
        mid: 4.3,
        iv: 0.1834,
        greeks: { delta: 0.5123, gamma: 0.0412, theta: -0.3821, vega: 0.2311, rho: 0.0541 },
        openInterest: null,
        volume: 5321,
        asOf: new Date('2026-02-17T15:34:50Z'),
        source: 'alpaca',
      },
    });
    const [hit] = vendor.hits(SNAPSHOTS);
    expect(hit.query.get('symbols')).toBe('SPY260220C00596000');
    expect(hit.query.get('feed')).toBe('indicative');
  });

  it('follows next_page_token through the chain and applies the strike band around spot', async () => {
    vendor
      .on(QUOTE, { body: spyLatestQuote })
      .on(TRADE, { body: spyLatestTrade })
      .on(CHAIN, (req) => ({ body: req.query.get('page_token') === 'page-2' ? spyChainPage2 : spyChainPage1 }));

    const result = await provider().optionChain('SPY', { strikeBand: 0.01 });

    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.value.spot).toBeCloseTo(596.1, 6);
    expect(result.value.source).toBe('alpaca');
    expect(result.value.contracts.map((c) => c.optionSymbol)).toEqual(['SPY260220C00596000', 'SPY260220P00596000']);
    expect(result.value.contracts[1]).toMatchObject({ type: 'put', strike: 596, bid: 4.0, ask: 4.1, iv: 0.1791 });
    const hits = vendor.hits(CHAIN);
    expect(hits).toHaveLength(2);
    expect(hits[0].query.get('strike_price_gte')).toBe('590.13');
    expect(hits[0].query.get('strike_price_lte')).toBe('602.07');
    expect(hits[1].query.get('page_token')).toBe('page-2');
  });

  it('keeps a zero bid (a real quote for a far strike): mid is half the ask, no trade means no last', async () => {
    vendor.on(CHAIN, { body: spyChainPage2 }).on(QUOTE, { body: spyLatestQuote }).on(TRADE, { body: spyLatestTrade });

    const result = await provider().optionChain('SPY', { type: 'call' });

    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.value.contracts).toHaveLength(1);
    expect(result.value.contracts[0]).toMatchObject({ strike: 650, bid: 0, ask: 0.02, mid: 0.01, last: null });
    expect(vendor.hits(CHAIN)[0].query.get('type')).toBe('call');
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    vendor
      .queue(QUOTE, { status: 429, headers: { 'Retry-After': '0' }, body: { message: 'too many requests.' } })
      .on(QUOTE, { body: spyLatestQuote })
      .on(TRADE, { body: spyLatestTrade });

    const result = await provider().stockQuote('SPY');

    expect(result.ok).toBe(true);
    expect(vendor.hits(QUOTE)).toHaveLength(2);
  });

  it('gives up with a failure, not a long sleep, when Retry-After exceeds the budget', async () => {
    vendor.on(QUOTE, { status: 429, headers: { 'Retry-After': '60' }, body: { message: 'too many requests.' } });
    vendor.on(TRADE, { body: spyLatestTrade });

    const started = Date.now();
    const result = await provider().stockQuote('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable', provider: 'alpaca' });
    expect(!result.ok && result.detail).toMatch(/^rate_limited/);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(vendor.hits(QUOTE)).toHaveLength(1);
  });

  it('retries 5xx at most twice: 500, 500, 200 succeeds', async () => {
    vendor
      .queue(BARS, { status: 500, body: { message: 'internal' } }, { status: 503, body: { message: 'unavailable' } })
      .on(BARS, { body: spyBarsDesc });

    const result = await provider().candles('SPY', '5m', 3);

    expect(result.ok).toBe(true);
    expect(vendor.hits(BARS)).toHaveLength(3);
  });

  it('answers market_data_unavailable after the retries when 5xx persists', async () => {
    vendor.on(BARS, { status: 500, body: { message: 'internal server error' } });

    const result = await provider().candles('SPY', '5m', 3);

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable', provider: 'alpaca' });
    expect(!result.ok && result.detail).toContain('HTTP 500');
    expect(vendor.hits(BARS)).toHaveLength(3);
  });

  it('maps 401 and 403 to market_data_unavailable with an auth detail, without retrying', async () => {
    vendor.on(QUOTE, { status: 401, body: unauthorized }).on(TRADE, { status: 401, body: unauthorized });
    vendor.on(SNAPSHOTS, { status: 403, body: { message: 'forbidden' } });

    const quote = await provider().stockQuote('SPY');
    const option = await provider().optionQuote('SPY260220C00596000');

    expect(quote).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!quote.ok && quote.detail).toMatch(/^auth: HTTP 401 request is not authorized/);
    expect(option).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!option.ok && option.detail).toMatch(/^auth: HTTP 403/);
    expect(vendor.hits(QUOTE)).toHaveLength(1);
  });

  it('maps 404 and an empty snapshot map to symbol_not_supported', async () => {
    vendor.on(QUOTE, { status: 404, body: { message: 'not found' } }).on(TRADE, { status: 404, body: {} });
    vendor.on(SNAPSHOTS, { body: { snapshots: {}, next_page_token: null } });

    expect(await provider().stockQuote('NOPE')).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported' });
    expect(await provider().optionQuote('SPY260220C00596000')).toMatchObject({
      ok: false,
      reasonCode: 'symbol_not_supported',
    });
  });

  it("treats Alpaca's empty latest quote (zero prices, year 1 time) as symbol_not_supported", async () => {
    const empty = { t: '0001-01-01T00:00:00Z', ax: '', ap: 0, as: 0, bx: '', bp: 0, bs: 0, c: null, z: '' };
    vendor.on(QUOTE, { body: { symbol: 'ZZZZ', quote: empty } });
    vendor.on(TRADE, { body: { symbol: 'ZZZZ', trade: { t: '0001-01-01T00:00:00Z', p: 0, s: 0 } } });

    expect(await provider().stockQuote('ZZZZ')).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported' });
  });

  it('answers market_data_stale for a quote older than maxQuoteAgeMs', async () => {
    vendor.on(QUOTE, { body: spyLatestQuote }).on(TRADE, { body: spyLatestTrade });

    const result = await provider({ maxQuoteAgeMs: 60_000, now: () => new Date('2026-02-17T15:40:00Z') }).stockQuote(
      'SPY',
    );

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_stale', provider: 'alpaca' });
  });

  it('times out within the budget as market_data_unavailable', async () => {
    vendor.on(QUOTE, { body: spyLatestQuote, delayMs: 2000 }).on(TRADE, { body: spyLatestTrade, delayMs: 2000 });

    const started = Date.now();
    const result = await provider({ timeoutMs: 200 }).stockQuote('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!result.ok && result.detail).toMatch(/^timeout/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('answers provider_not_configured without keys and makes no request', async () => {
    const bare = new AlpacaProvider({ keyId: undefined, secretKey: undefined, dataUrl, now: () => NOW });

    expect(await bare.stockQuote('SPY')).toMatchObject({ ok: false, reasonCode: 'provider_not_configured' });
    expect(await bare.optionChain('SPY')).toMatchObject({ ok: false, reasonCode: 'provider_not_configured' });
    expect(vendor.requests).toHaveLength(0);
  });
});
