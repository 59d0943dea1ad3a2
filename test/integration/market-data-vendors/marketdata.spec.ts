import { MARKET_DATA_APP_BASE_URL, MarketDataAppProvider } from '../../../src/market-data/providers/marketdata';
import { FakeVendor } from './fake-vendor';
import {
  badSymbol,
  badToken,
  callQuote,
  noData,
  noOption,
  NOW,
  spyCandles,
  spyChain,
  spyQuote,
} from './fixtures/marketdata.fixtures';

const QUOTE = '/v1/stocks/quotes/SPY/';
const CHAIN = '/v1/options/chain/SPY/';
const OPTION = '/v1/options/quotes/SPY260220C00596000/';

describe('MarketDataAppProvider against a local MarketData.app fake', () => {
  let vendor: FakeVendor;
  let baseUrl: string;

  const provider = (
    overrides: Partial<ConstructorParameters<typeof MarketDataAppProvider>[0]> = {},
  ): MarketDataAppProvider =>
    new MarketDataAppProvider({
      apiKey: 'md-test-token',
      baseUrl,
      timeoutMs: 2000,
      retryBaseDelayMs: 10,
      now: () => NOW,
      ...overrides,
    });

  beforeEach(async () => {
    vendor = new FakeVendor();
    baseUrl = await vendor.start();
  });

  afterEach(async () => {
    await vendor.stop();
  });

  it('defaults to the official host', () => {
    expect(MARKET_DATA_APP_BASE_URL).toBe('https://api.marketdata.app');
  });

  it('maps the columnar stock quote and sends the Bearer token', async () => {
    vendor.on(QUOTE, { body: spyQuote });

    const result = await provider().stockQuote('spy');

    expect(result).toEqual({
      ok: true,
      value: {
        symbol: 'SPY',
        bid: 596.08,
        ask: 596.12,
        last: 596.09,
        mid: 596.1,
        asOf: new Date('2026-02-17T15:34:00Z'),
        source: 'marketdata',
      },
    });
    expect(vendor.hits(QUOTE)[0].headers.authorization).toBe('Bearer md-test-token');
  });

  it('maps columnar candles with countback and the vendor resolution names', async () => {
    vendor.on('/v1/stocks/candles/5/SPY/', { body: spyCandles });
    vendor.on('/v1/stocks/candles/1H/SPY/', { body: spyCandles });
    vendor.on('/v1/stocks/candles/4H/SPY/', { body: spyCandles });
    vendor.on('/v1/stocks/candles/D/SPY/', { body: spyCandles });

    const result = await provider().candles('SPY', '5m', 2);
    await provider().candles('SPY', '1h', 2);
    await provider().candles('SPY', '4h', 2);
    await provider().candles('SPY', '1d', 2);

    expect(result).toEqual({
      ok: true,
      value: [
        { time: new Date('2026-02-17T15:25:00Z'), open: 595.5, high: 596.1, low: 595.4, close: 596.0, volume: 98012 },
        { time: new Date('2026-02-17T15:30:00Z'), open: 596.0, high: 596.4, low: 595.9, close: 596.1, volume: 120034 },
      ],
    });
    const [hit] = vendor.hits('/v1/stocks/candles/5/SPY/');
    expect(hit.query.get('countback')).toBe('2');
    expect(hit.query.get('to')).toBe(String(NOW.getTime() / 1000));
    expect(vendor.requests.map((r) => r.path)).toEqual([
      '/v1/stocks/candles/5/SPY/',
      '/v1/stocks/candles/1H/SPY/',
      '/v1/stocks/candles/4H/SPY/',
      '/v1/stocks/candles/D/SPY/',
    ]);
  });

  it('maps the columnar chain: OCC symbols, unix expirations, IV as a fraction, greeks, OI; strike band around spot', async () => {
    vendor.on(CHAIN, { body: spyChain });

    const result = await provider().optionChain('SPY', { strikeBand: 0.01 });

    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.value).toMatchObject({ underlying: 'SPY', spot: 596.1, source: 'marketdata' });
    expect(result.value.contracts).toEqual([
      {
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
        greeks: { delta: 0.512, gamma: 0.041, theta: -0.382, vega: 0.231, rho: 0.054 },
        openInterest: 18234,
        volume: 5321,
        asOf: new Date('2026-02-17T15:34:00Z'),
        source: 'marketdata',
      },
      expect.objectContaining({ optionSymbol: 'SPY260220P00596000', type: 'put', openInterest: 15211 }),
    ]);
    expect(vendor.hits(CHAIN)[0].query.get('expiration')).toBe('all');
  });

  it('passes one expiration and the side to the vendor', async () => {
    vendor.on(CHAIN, { body: spyChain });

    const result = await provider().optionChain('SPY', { expirations: ['2026-02-20'], type: 'call' });

    expect(result.ok && result.value.contracts.map((c) => c.strike)).toEqual([596, 650]);
    const [hit] = vendor.hits(CHAIN);
    expect(hit.query.get('expiration')).toBe('2026-02-20');
    expect(hit.query.get('side')).toBe('call');
  });

  it('maps the documented option quote (no rho column: rho 0)', async () => {
    vendor.on(OPTION, { body: callQuote });

    const result = await provider().optionQuote('SPY260220C00596000');

    expect(result).toMatchObject({
      ok: true,
      value: {
        optionSymbol: 'SPY260220C00596000',
        underlying: 'SPY',
        type: 'call',
        strike: 596,
        expiration: '2026-02-20',
        bid: 4.25,
        ask: 4.35,
        iv: 0.1834,
        greeks: { delta: 0.512, gamma: 0.041, theta: -0.382, vega: 0.231, rho: 0 },
        openInterest: 18234,
      },
    });
  });

  it("maps s: 'no_data' (HTTP 404 or 200) to symbol_not_supported", async () => {
    vendor.on(OPTION, { status: 404, body: noOption });
    vendor.on('/v1/stocks/quotes/NOPE/', { status: 200, body: noData });

    const option = await provider().optionQuote('SPY260220C00596000');
    const stock = await provider().stockQuote('NOPE');

    expect(option).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported', provider: 'marketdata' });
    expect(!option.ok && option.detail).toContain('No option found');
    expect(stock).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported' });
    expect(vendor.hits(OPTION)).toHaveLength(1);
  });

  it("maps s: 'error' bodies: 400 is symbol_not_supported, 401 is an auth failure", async () => {
    vendor.on('/v1/options/quotes/SPY260220C00597000/', { status: 400, body: badSymbol });
    vendor.on(QUOTE, { status: 401, body: badToken });

    const option = await provider().optionQuote('SPY260220C00597000');
    const stock = await provider().stockQuote('SPY');

    expect(option).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported' });
    expect(!option.ok && option.detail).toContain('Invalid option symbol format.');
    expect(stock).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!stock.ok && stock.detail).toMatch(/^auth: HTTP 401 Invalid token/);
  });

  it('rejects a malformed OCC symbol before asking the vendor', async () => {
    expect(await provider().optionQuote('SPY-BAD')).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported' });
    expect(vendor.requests).toHaveLength(0);
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    vendor.queue(QUOTE, {
      status: 429,
      headers: { 'Retry-After': '0' },
      body: { s: 'error', errmsg: 'Too many requests' },
    });
    vendor.on(QUOTE, { body: spyQuote });

    const result = await provider().stockQuote('SPY');

    expect(result.ok).toBe(true);
    expect(vendor.hits(QUOTE)).toHaveLength(2);
  });

  it('answers market_data_unavailable after 5xx on every attempt (3 attempts)', async () => {
    vendor.on(CHAIN, { status: 502, body: 'Bad Gateway' });

    const result = await provider().optionChain('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!result.ok && result.detail).toContain('HTTP 502');
    expect(vendor.hits(CHAIN)).toHaveLength(3);
  });

  it('answers market_data_stale for an old quote', async () => {
    vendor.on(QUOTE, { body: spyQuote });

    const result = await provider({ now: () => new Date('2026-02-17T16:00:00Z') }).stockQuote('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_stale' });
  });

  it('times out as market_data_unavailable', async () => {
    vendor.on(QUOTE, { body: spyQuote, delayMs: 2000 });

    const result = await provider({ timeoutMs: 150 }).stockQuote('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!result.ok && result.detail).toMatch(/^timeout/);
  });

  it('answers provider_not_configured without a token', async () => {
    expect(await provider({ apiKey: null }).optionChain('SPY')).toMatchObject({
      ok: false,
      reasonCode: 'provider_not_configured',
    });
    expect(vendor.requests).toHaveLength(0);
  });
});
