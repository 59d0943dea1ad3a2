import { TWELVE_DATA_BASE_URL, TwelveDataProvider } from '../../../src/market-data/providers/twelvedata';
import { FakeVendor } from './fake-vendor';
import {
  invalidKey,
  invalidSymbol,
  NOW,
  outOfCredits,
  spyDaily,
  spyQuote,
  spyTimeSeries,
} from './fixtures/twelvedata.fixtures';

describe('TwelveDataProvider against a local Twelve Data fake', () => {
  let vendor: FakeVendor;
  let baseUrl: string;

  const provider = (overrides: Partial<ConstructorParameters<typeof TwelveDataProvider>[0]> = {}): TwelveDataProvider =>
    new TwelveDataProvider({
      apiKey: 'td-test-key',
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
    expect(TWELVE_DATA_BASE_URL).toBe('https://api.twelvedata.com');
  });

  it('maps /quote: last = close, no bid/ask, mid = last, asOf = last_quote_at; key in the Authorization header', async () => {
    vendor.on('/quote', { body: spyQuote });

    const result = await provider().stockQuote('spy');

    expect(result).toEqual({
      ok: true,
      value: {
        symbol: 'SPY',
        bid: null,
        ask: null,
        last: 596.10001,
        mid: 596.10001,
        asOf: new Date('2026-02-17T15:34:00Z'),
        source: 'twelvedata',
      },
    });
    const [hit] = vendor.hits('/quote');
    expect(hit.query.get('symbol')).toBe('SPY');
    expect(hit.headers.authorization).toBe('apikey td-test-key');
    expect(hit.query.get('apikey')).toBeNull();
  });

  it('maps /time_series newest-first values to candles oldest first, reading times in the exchange zone', async () => {
    vendor.on('/time_series', { body: spyTimeSeries });

    const result = await provider().candles('SPY', '5m', 3);

    expect(result).toEqual({
      ok: true,
      value: [
        { time: new Date('2026-02-17T15:20:00Z'), open: 595.2, high: 595.6, low: 595.0, close: 595.5, volume: 87001 },
        { time: new Date('2026-02-17T15:25:00Z'), open: 595.5, high: 596.1, low: 595.4, close: 596.0, volume: 98012 },
        {
          time: new Date('2026-02-17T15:30:00Z'),
          open: 596.0,
          high: 596.4,
          low: 595.9,
          close: 596.10001,
          volume: 120034,
        },
      ],
    });
    const [hit] = vendor.hits('/time_series');
    expect(hit.query.get('interval')).toBe('5min');
    expect(hit.query.get('outputsize')).toBe('3');
  });

  it('maps the timeframes to Twelve Data intervals and daily dates to New York midnight', async () => {
    vendor.on('/time_series', { body: spyDaily });

    const daily = await provider().candles('SPY', '1d', 2);
    await provider().candles('SPY', '1h', 2);
    await provider().candles('SPY', '4h', 2);
    await provider().candles('SPY', '1m', 2);

    expect(daily.ok && daily.value.map((c) => c.time.toISOString())).toEqual([
      '2026-02-12T05:00:00.000Z',
      '2026-02-13T05:00:00.000Z',
    ]);
    expect(vendor.hits('/time_series').map((h) => h.query.get('interval'))).toEqual(['1day', '1h', '4h', '1min']);
  });

  it('reads the error body sent with HTTP 200: 400 symbol not found is symbol_not_supported', async () => {
    vendor.on('/quote', { status: 200, body: invalidSymbol });

    const result = await provider().stockQuote('NOPE');

    expect(result).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported', provider: 'twelvedata' });
    expect(!result.ok && result.detail).toContain('**symbol** not found');
    expect(vendor.hits('/quote')).toHaveLength(1);
  });

  it('reads a 401 error body as an auth failure (market_data_unavailable)', async () => {
    vendor.on('/time_series', { status: 200, body: invalidKey });

    const result = await provider().candles('SPY', '5m', 3);

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!result.ok && result.detail).toMatch(/^auth: HTTP 401/);
  });

  it('retries a 429 (in the body or as HTTP with Retry-After) and then succeeds', async () => {
    vendor
      .queue(
        '/quote',
        { status: 200, body: outOfCredits },
        { status: 429, headers: { 'Retry-After': '0' }, body: outOfCredits },
      )
      .on('/quote', { body: spyQuote });

    const result = await provider().stockQuote('SPY');

    expect(result.ok).toBe(true);
    expect(vendor.hits('/quote')).toHaveLength(3);
  });

  it('answers market_data_unavailable after 500 three times (two retries)', async () => {
    vendor.on('/quote', { status: 500, body: 'Internal Server Error' });

    const result = await provider().stockQuote('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(vendor.hits('/quote')).toHaveLength(3);
  });

  it('answers market_data_stale when last_quote_at is older than maxQuoteAgeMs', async () => {
    vendor.on('/quote', { body: { ...spyQuote, is_market_open: false, last_quote_at: 1771275600 } });

    const result = await provider().stockQuote('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_stale' });
  });

  it('times out as market_data_unavailable', async () => {
    vendor.on('/quote', { body: spyQuote, delayMs: 2000 });

    const result = await provider({ timeoutMs: 150 }).stockQuote('SPY');

    expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    expect(!result.ok && result.detail).toMatch(/^timeout/);
  });

  it('serves no options: symbol_not_supported with a detail, no request', async () => {
    const quote = await provider().optionQuote('SPY260220C00596000');
    const chain = await provider().optionChain('SPY');

    expect(quote).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported', provider: 'twelvedata' });
    expect(!quote.ok && quote.detail).toContain('no option data');
    expect(chain).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported' });
    expect(vendor.requests).toHaveLength(0);
  });

  it('answers provider_not_configured without a key', async () => {
    expect(await provider({ apiKey: '' }).stockQuote('SPY')).toMatchObject({
      ok: false,
      reasonCode: 'provider_not_configured',
    });
    expect(vendor.requests).toHaveLength(0);
  });
});
