import Redis from 'ioredis';
import { ManualClock } from '../../../src/core/clock';
import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../../../src/core/market/market.types';
import { MarketDataCache } from '../../../src/market-data/market-data.cache';
import { MarketDataKeys } from '../../../src/market-data/market-data.keys';
import type { MarketDataProvider, MarketDataProviderName } from '../../../src/market-data/market-data.provider';
import { MarketDataService } from '../../../src/market-data/market-data.service';
import { CANDLE_CACHE_TTL_MS } from '../../../src/market-data/market-data.settings';
import { MARKET_DATA } from '../../../src/market-data';
import { clearRedisPrefix, PINNED_NOW, REDIS_URL, startTestApp } from '../../helpers/test-app';
import { uniqueName } from '../../setup/test-database';

type Behaviour = 'ok' | 'unavailable' | 'unsupported' | 'stale' | 'throw' | 'hang';

/** A provider that does what it is told and counts its calls: a plain class implementing the interface. */
class FakeProvider implements MarketDataProvider {
  calls = 0;

  constructor(
    readonly name: MarketDataProviderName,
    public behaviour: Behaviour,
    private readonly clock: ManualClock,
    private readonly price = 100,
  ) {}

  private async answer<T>(value: T): Promise<MarketDataResult<T>> {
    this.calls += 1;
    switch (this.behaviour) {
      case 'ok':
        return { ok: true, value };
      case 'unavailable':
        return { ok: false, reasonCode: 'market_data_unavailable', detail: 'HTTP 503', provider: this.name };
      case 'unsupported':
        return { ok: false, reasonCode: 'symbol_not_supported', detail: 'unknown symbol', provider: this.name };
      case 'stale':
        return { ok: false, reasonCode: 'market_data_stale', detail: 'old quote', provider: this.name };
      case 'throw':
        throw new Error('socket hang up');
      case 'hang':
        return new Promise(() => undefined);
    }
  }

  stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>> {
    const asOf = this.clock.now();
    return this.answer({ symbol, bid: null, ask: null, last: this.price, mid: this.price, asOf, source: this.name });
  }

  optionQuote(_optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    return this.answer(null as unknown as OptionQuote);
  }

  optionChain(underlying: string, _query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    return this.answer({ underlying, spot: this.price, asOf: this.clock.now(), source: this.name, contracts: [] });
  }

  candles(_symbol: string, _timeframe: CandleTimeframe, limit: number): Promise<MarketDataResult<Candle[]>> {
    const time = this.clock.now();
    return this.answer(
      Array.from({ length: limit }, () => ({ time, open: 1, high: 2, low: 0.5, close: 1.5, volume: 9 })),
    );
  }
}

const OPTIONS = {
  timeoutMs: 100,
  breaker: { failureThreshold: 3, cooldownMs: 30_000 },
  cacheTtlMs: { quote: 5_000, chain: 60_000, candles: CANDLE_CACHE_TTL_MS },
};

describe('market data chain (failover, circuit breaker, Redis cache)', () => {
  let redis: Redis;
  let prefix: string;
  let clock: ManualClock;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });

  beforeEach(() => {
    prefix = `${uniqueName('mdtest')}:`;
    clock = new ManualClock(PINNED_NOW);
  });

  afterEach(async () => {
    await clearRedisPrefix(prefix.slice(0, -1));
  });

  afterAll(() => {
    redis.disconnect();
  });

  function chainOf(providers: FakeProvider[], cached = false): MarketDataService {
    const keys = new MarketDataKeys(prefix);
    return new MarketDataService(providers, cached ? new MarketDataCache(redis, clock) : null, keys, clock, OPTIONS);
  }

  describe('failover', () => {
    it('answers from the next provider when the first is unavailable, throws or times out', async () => {
      for (const failure of ['unavailable', 'throw', 'hang'] as const) {
        const first = new FakeProvider('alpaca', failure, clock, 1);
        const second = new FakeProvider('twelvedata', 'ok', clock, 2);
        const result = await chainOf([first, second]).stockQuote('spy');
        expect(result).toMatchObject({ ok: true, value: { symbol: 'SPY', last: 2, source: 'twelvedata' } });
        expect(first.calls).toBe(1);
      }
    });

    it('moves on past an unsupported symbol without counting it against the provider', async () => {
      const first = new FakeProvider('alpaca', 'unsupported', clock);
      const second = new FakeProvider('marketdata', 'ok', clock);
      const chain = chainOf([first, second]);
      for (let i = 0; i < 5; i++) {
        await chain.candles('SPY', '5m', 3);
      }
      expect(chain.health()[0]).toMatchObject({ provider: 'alpaca', state: 'closed', failures: 0 });
      expect(first.calls).toBe(5);
    });

    it('answers market_data_unavailable with every reason when all fail, never a made-up price', async () => {
      const chain = chainOf([
        new FakeProvider('alpaca', 'unavailable', clock),
        new FakeProvider('twelvedata', 'hang', clock),
      ]);
      const result = await chain.stockQuote('SPY');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reasonCode).toBe('market_data_unavailable');
        expect(result.detail).toContain('alpaca: market_data_unavailable (HTTP 503)');
        expect(result.detail).toContain('twelvedata: timed out after 100 ms');
      }
    });

    it('passes on the one reason every provider gave', async () => {
      const chain = chainOf([
        new FakeProvider('alpaca', 'stale', clock),
        new FakeProvider('marketdata', 'stale', clock),
      ]);
      expect(await chain.stockQuote('SPY')).toMatchObject({ ok: false, reasonCode: 'market_data_stale' });
    });
  });

  describe('circuit breaker', () => {
    it('opens after 3 consecutive failures, skips the provider, probes after the cooldown and closes on success', async () => {
      const flaky = new FakeProvider('alpaca', 'unavailable', clock);
      const backup = new FakeProvider('twelvedata', 'ok', clock);
      const chain = chainOf([flaky, backup]);
      for (let i = 0; i < 3; i++) {
        await chain.stockQuote('SPY');
      }
      expect(chain.health()[0]).toMatchObject({
        provider: 'alpaca',
        state: 'open',
        failures: 3,
        lastError: 'HTTP 503',
        lastSuccessAt: null,
      });
      await chain.stockQuote('SPY');
      expect(flaky.calls).toBe(3);
      expect(backup.calls).toBe(4);

      clock.advance(29_999);
      await chain.stockQuote('SPY');
      expect(flaky.calls).toBe(3);

      clock.advance(1);
      expect(chain.health()[0].state).toBe('half_open');
      flaky.behaviour = 'ok';
      const probe = await chain.stockQuote('SPY');
      expect(probe).toMatchObject({ ok: true, value: { source: 'alpaca' } });
      expect(chain.health()[0]).toMatchObject({ state: 'closed', failures: 0, lastSuccessAt: clock.now() });
    });

    it('reopens for another cooldown when the half-open probe fails', async () => {
      const flaky = new FakeProvider('alpaca', 'throw', clock);
      const chain = chainOf([flaky, new FakeProvider('twelvedata', 'ok', clock)]);
      for (let i = 0; i < 3; i++) {
        await chain.stockQuote('SPY');
      }
      clock.advance(30_000);
      await chain.stockQuote('SPY');
      expect(flaky.calls).toBe(4);
      expect(chain.health()[0]).toMatchObject({ state: 'open', failures: 4, lastError: 'socket hang up' });
      clock.advance(10_000);
      await chain.stockQuote('SPY');
      expect(flaky.calls).toBe(4);
    });

    it('answers market_data_unavailable when every circuit is open', async () => {
      const only = new FakeProvider('alpaca', 'unavailable', clock);
      const chain = chainOf([only]);
      for (let i = 0; i < 3; i++) {
        await chain.stockQuote('SPY');
      }
      const result = await chain.stockQuote('SPY');
      expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable', provider: 'alpaca' });
      expect(only.calls).toBe(3);
    });
  });

  describe('Redis cache', () => {
    it('serves the second call from Redis within the TTL, with the TTL set on the key', async () => {
      const provider = new FakeProvider('alpaca', 'ok', clock);
      const chain = chainOf([provider], true);
      const first = await chain.stockQuote('SPY');
      const second = await chain.stockQuote('SPY');
      expect(second).toEqual(first);
      expect(provider.calls).toBe(1);
      const key = `${prefix}mdcache:quote:SPY`;
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5_000);

      await chain.optionChain('SPY', { expirations: ['2026-02-20'], type: 'call' });
      await chain.optionChain('SPY', { type: 'call', expirations: ['2026-02-20'] });
      expect(provider.calls).toBe(2);
      const chainTtl = await redis.pttl(`${prefix}mdcache:chain:SPY:exp=2026-02-20|band=*|type=call`);
      expect(chainTtl).toBeGreaterThan(5_000);
      expect(chainTtl).toBeLessThanOrEqual(60_000);

      await chain.candles('SPY', '1h', 3);
      const candles = await chain.candles('SPY', '1h', 3);
      expect(provider.calls).toBe(3);
      expect(candles.ok && candles.value[0].time).toEqual(clock.now());
    });

    it('asks the provider again once the TTL passed on the platform clock', async () => {
      const provider = new FakeProvider('alpaca', 'ok', clock);
      const chain = chainOf([provider], true);
      await chain.stockQuote('SPY');
      clock.advance(5_000);
      await chain.stockQuote('SPY');
      expect(provider.calls).toBe(2);
    });

    it('never caches a failure', async () => {
      const provider = new FakeProvider('alpaca', 'unavailable', clock);
      const chain = chainOf([provider], true);
      await chain.stockQuote('SPY');
      await chain.stockQuote('SPY');
      expect(provider.calls).toBe(2);
      expect(await redis.exists(`${prefix}mdcache:quote:SPY`)).toBe(0);
    });
  });
});

describe('MARKET_DATA in the app', () => {
  it('runs on the simulator when no provider is configured, deterministic for the pinned clock', async () => {
    const t = await startTestApp({ env: { SIM_SEED: '7' } });
    try {
      const marketData = t.app.get<MarketDataService>(MARKET_DATA);
      expect(marketData.chain).toEqual(['simulated']);
      const quote = await marketData.stockQuote('SPY');
      expect(quote).toMatchObject({ ok: true, value: { symbol: 'SPY', source: 'simulated' } });
      const chain = await marketData.optionChain('SPY', { strikeBand: 0.01, expirations: ['2026-02-20'] });
      expect(chain.ok && chain.value.contracts.length).toBeGreaterThan(10);
      expect(marketData.health()).toEqual([
        { provider: 'simulated', state: 'closed', failures: 0, lastError: null, lastSuccessAt: t.clock.now() },
      ]);
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });

  it('never falls back to simulated prices when a configured provider fails', async () => {
    const t = await startTestApp({
      env: {
        ALPACA_API_KEY: 'key',
        ALPACA_SECRET_KEY: 'secret',
        ALPACA_DATA_URL: 'http://127.0.0.1:9',
        MARKET_DATA_TIMEOUT_MS: '500',
      },
    });
    try {
      const marketData = t.app.get<MarketDataService>(MARKET_DATA);
      expect(marketData.chain).toEqual(['alpaca']);
      const quote = await marketData.stockQuote('SPY');
      expect(quote).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });
});
