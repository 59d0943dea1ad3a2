import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { MARKET_DATA, MarketDataProvider } from '../../../src/market-data';
import { MarketDataStore } from '../../../src/market-data/market-data.store';
import { REDIS_URL, startTestApp } from '../../helpers/test-app';

const SECRET = 'md-secret-0123456789';
type Started = Awaited<ReturnType<typeof startTestApp>>;

const sign = (body: string, key = SECRET): string => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;

describe('market data webhooks (/api/webhooks/price|chain|flow)', () => {
  let t: Started;
  let redis: Redis;
  let prefix: string;

  beforeAll(async () => {
    // The chain is the webhook provider only: what is pushed is what MARKET_DATA answers.
    t = await startTestApp({ env: { HMAC_SECRET: SECRET, MARKET_DATA_PROVIDER: 'webhook' } });
    prefix = `${t.config.redis.queuePrefix}:`;
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    redis.disconnect();
    await t.close();
    await t.dropDatabase();
  });

  const post = (path: string, body: unknown, signature: string | null = 'auto') => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(t.url).post(`/api/webhooks/${path}`).set('Content-Type', 'application/json');
    if (signature !== null) {
      req.set('X-Webhook-Signature', signature === 'auto' ? sign(raw) : signature);
    }
    return req.send(raw);
  };

  describe('POST /api/webhooks/price', () => {
    it('stores a signed price under price:{symbol} with a short TTL', async () => {
      const res = await post('price', {
        symbol: 'spy',
        price: 595.42,
        bid: 595.41,
        ask: 595.43,
        timestamp: '2026-02-17T15:29:59Z',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'stored',
        symbol: 'SPY',
        stored: 1,
        timestamp: '2026-02-17T15:29:59.000Z',
        expires_in_seconds: 60,
      });
      expect(res.headers['x-request-id']).toBe(res.body.request_id);
      const ttl = await redis.ttl(`${prefix}price:SPY`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
      expect(JSON.parse((await redis.get(`${prefix}price:SPY`))!)).toMatchObject({
        symbol: 'SPY',
        price: 595.42,
        bid: 595.41,
        ask: 595.43,
        timestamp: '2026-02-17T15:29:59.000Z',
      });
    });

    it('answers MARKET_DATA quotes from the pushed price, then market_data_stale once it ages', async () => {
      await post('price', { symbol: 'QQQ', price: 521.07 }).expect(200);
      const marketData = t.app.get<MarketDataProvider>(MARKET_DATA);
      const fresh = await marketData.stockQuote('QQQ');
      expect(fresh).toMatchObject({ ok: true, value: { symbol: 'QQQ', last: 521.07, mid: 521.07, source: 'webhook' } });
      t.clock.advance(2 * 60_000);
      try {
        const stale = await marketData.stockQuote('QQQ');
        expect(stale).toMatchObject({ ok: false, reasonCode: 'market_data_stale' });
      } finally {
        t.clock.advance(-2 * 60_000);
      }
    });

    it('answers market_data_unavailable for a symbol nobody pushed', async () => {
      const result = await t.app.get<MarketDataProvider>(MARKET_DATA).stockQuote('IWM');
      expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_unavailable' });
    });

    it('rejects field errors with 400, reason code and details', async () => {
      const res = await post('price', { symbol: '1nope', price: -1, bid: 2, ask: 1, timestamp: 'yesterday' });
      expect(res.status).toBe(400);
      expect(res.body.reason_code).toBe('validation_failed');
      const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['price', 'symbol', 'timestamp']));
    });

    it('rejects a crossed quote and a timestamp from the future', async () => {
      const res = await post('price', {
        symbol: 'SPY',
        price: 10,
        bid: 11,
        ask: 10,
        timestamp: '2026-02-18T15:30:00Z',
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['ask', 'timestamp']);
    });

    it('rejects a body that is not JSON with 400 malformed_body', async () => {
      const res = await post('price', 'symbol=SPY&price=1');
      expect(res.status).toBe(400);
      expect(res.body.reason_code).toBe('malformed_body');
    });
  });

  describe('signatures', () => {
    it('rejects an unsigned request with 401 missing_credentials and stores nothing', async () => {
      const res = await post('price', { symbol: 'DIA', price: 430 }, null);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status: 401, reason_code: 'missing_credentials' });
      expect(await redis.exists(`${prefix}price:DIA`)).toBe(0);
    });

    it('rejects a wrong signature with 401 invalid_signature', async () => {
      const res = await post('chain', { symbol: 'DIA' }, sign('{}', 'another-secret'));
      expect(res.status).toBe(401);
      expect(res.body.reason_code).toBe('invalid_signature');
    });

    it('rejects a body over 128 KB with 413 before reading it', async () => {
      const big = JSON.stringify({ symbol: 'SPY', price: 1, pad: 'x'.repeat(140 * 1024) });
      const res = await post('price', big);
      expect(res.status).toBe(413);
      expect(res.body.reason_code).toBe('payload_too_large');
    });
  });

  describe('POST /api/webhooks/chain', () => {
    const chain = {
      symbol: 'SPY',
      timestamp: '2026-02-17T15:29:30Z',
      underlying_price: 595.42,
      contracts: [
        {
          option_symbol: 'SPY260220C00596000',
          bid: 3.1,
          ask: 3.14,
          last: 3.12,
          iv: 0.162,
          delta: 0.47,
          gamma: 0.041,
          open_interest: 15230,
          volume: 8412,
        },
        { option_symbol: 'SPY   260220P00594000', bid: 2.88, ask: 2.92, open_interest: 18004 },
      ],
    };

    it('stores the snapshot under chain:{symbol}:{New York date} and serves it as the chain', async () => {
      const res = await post('chain', chain);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'stored', symbol: 'SPY', stored: 2, expires_in_seconds: 300 });
      const key = `${prefix}chain:SPY:2026-02-17`;
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
      const result = await t.app.get<MarketDataProvider>(MARKET_DATA).optionChain('SPY', { type: 'put' });
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.value).toMatchObject({ underlying: 'SPY', spot: 595.42, source: 'webhook' });
        expect(result.value.contracts).toEqual([
          expect.objectContaining({
            optionSymbol: 'SPY260220P00594000',
            type: 'put',
            strike: 594,
            expiration: '2026-02-20',
            bid: 2.88,
            ask: 2.92,
            mid: 2.9,
            openInterest: 18004,
            greeks: null,
          }),
        ]);
      }
      const quote = await t.app.get<MarketDataProvider>(MARKET_DATA).optionQuote('SPY260220C00596000');
      expect(quote).toMatchObject({ ok: true, value: { iv: 0.162, greeks: { delta: 0.47, gamma: 0.041 } } });
    });

    it('serves a chain older than 5 minutes on the platform clock as market_data_stale', async () => {
      await post('chain', {
        ...chain,
        symbol: 'IWM',
        contracts: [{ option_symbol: 'IWM260220C00225000', bid: 1, ask: 1.02 }],
      }).expect(200);
      t.clock.advance(10 * 60_000);
      try {
        const result = await t.app.get<MarketDataProvider>(MARKET_DATA).optionChain('IWM');
        expect(result).toMatchObject({ ok: false, reasonCode: 'market_data_stale' });
      } finally {
        t.clock.advance(-10 * 60_000);
      }
    });

    it('rejects contracts with bad OCC symbols, another underlying or missing prices, naming each', async () => {
      const res = await post('chain', {
        symbol: 'SPY',
        contracts: [
          { option_symbol: 'NOT-AN-OPTION', bid: 1, ask: 1.1 },
          { option_symbol: 'QQQ260220C00520000', bid: 1, ask: 1.1 },
          { option_symbol: 'SPY260220C00596000', ask: 1.1 },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.reason_code).toBe('validation_failed');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['contracts.2.bid']),
      );
      const second = await post('chain', {
        symbol: 'SPY',
        contracts: [
          { option_symbol: 'NOT-AN-OPTION', bid: 1, ask: 1.1 },
          { option_symbol: 'QQQ260220C00520000', bid: 1, ask: 1.1 },
        ],
      });
      expect(second.status).toBe(400);
      expect(second.body.details.map((d: { field: string }) => d.field)).toEqual([
        'contracts.0.option_symbol',
        'contracts.1.option_symbol',
      ]);
    });

    it('accepts SPXW contracts on an SPX chain', async () => {
      const res = await post('chain', {
        symbol: 'SPX',
        underlying_price: 5990.5,
        contracts: [{ option_symbol: 'SPXW260220C06000000', bid: 21.4, ask: 21.9 }],
      });
      expect(res.status).toBe(200);
    });
  });

  describe('POST /api/webhooks/flow', () => {
    const flow = {
      symbol: 'SPY',
      timestamp: '2026-02-17T15:29:00Z',
      entries: [
        { option_symbol: 'SPY260220C00600000', side: 'buy', size: 250, price: 2.35, premium: 58750 },
        { option_symbol: 'SPY260220P00590000', side: 'bid', size: 100, price: 1.8 },
      ],
    };

    it('adds entries to the flow:{symbol}:{date} sorted set scored by time, once per batch, with a 2-day TTL', async () => {
      const res = await post('flow', flow);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'stored', stored: 2, expires_in_seconds: 172800 });
      await post('flow', flow).expect(200);
      const key = `${prefix}flow:SPY:2026-02-17`;
      expect(await redis.zcard(key)).toBe(2);
      const scores = await redis.zrange(key, 0, -1, 'WITHSCORES');
      expect(Number(scores[1])).toBe(Date.parse('2026-02-17T15:29:00Z'));
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(172000);
      expect(ttl).toBeLessThanOrEqual(172800);

      await post('flow', {
        ...flow,
        timestamp: '2026-02-17T15:29:40Z',
        entries: [{ option_symbol: 'SPY260220C00601000', side: 'mid', size: 5, price: 1.1 }],
      }).expect(200);
      const latest = await t.app.get(MarketDataStore).latestFlow('SPY', t.clock.now(), 2);
      expect(latest).toHaveLength(2);
      expect(latest[0]).toMatchObject({ optionSymbol: 'SPY260220C00601000', side: 'mid', premium: 550, strike: 601 });
      expect(latest[0].timestamp).toEqual(new Date('2026-02-17T15:29:40Z'));
      const all = await t.app.get(MarketDataStore).latestFlow('SPY', t.clock.now(), 10);
      expect(all.find((e) => e.optionSymbol === 'SPY260220P00590000')).toMatchObject({
        side: 'sell',
        premium: 18000,
        type: 'put',
      });
    });

    it('rejects a bad side and a zero size', async () => {
      const res = await post('flow', {
        symbol: 'SPY',
        entries: [{ option_symbol: 'SPY260220C00600000', side: 'long', size: 0, price: 1 }],
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'entries.0.side',
        'entries.0.size',
      ]);
    });
  });

  it('documents the three routes in the OpenAPI document', async () => {
    const res = await request(t.url).get('/docs-json').expect(200);
    for (const path of ['/api/webhooks/price', '/api/webhooks/chain', '/api/webhooks/flow']) {
      const operation = res.body.paths[path].post;
      expect(operation.requestBody.content['application/json'].examples).toBeDefined();
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413']));
    }
  });
});

describe('market data webhooks without HMAC_SECRET', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('refuses every push with 401 webhook_secret_not_configured', async () => {
    const body = JSON.stringify({ symbol: 'SPY', price: 1 });
    const res = await request(t.url)
      .post('/api/webhooks/price')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', sign(body))
      .send(body);
    expect(res.status).toBe(401);
    expect(res.body.reason_code).toBe('webhook_secret_not_configured');
  });
});
