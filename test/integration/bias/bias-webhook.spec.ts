import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import {
  LEGACY_FLAT_EXAMPLE,
  LEGACY_V1_EXAMPLE,
  V3_TRACE_EXAMPLE,
  V3_TRACE_PREVIOUS,
} from '../../../src/core/bias/bias.examples';
import { REDIS_URL } from '../../helpers/test-app';
import { startBiasTestApp } from './bias-test-app';

type Started = Awaited<ReturnType<typeof startBiasTestApp>>;
const HOUR = 3600_000;

describe('MTF bias webhook and API', () => {
  let t: Started;
  let redis: Redis;

  beforeAll(async () => {
    t = await startBiasTestApp();
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    redis.disconnect();
    await t.close();
    await t.dropDatabase();
  });

  const post = (body: unknown) =>
    request(t.url)
      .post('/api/webhooks/mtf-bias')
      .send(body as object);
  const stored = async (symbol: string) =>
    (await t.dataSource.query('SELECT state, updated_at FROM bias_state_current WHERE symbol = $1', [symbol]))[0];
  const key = (symbol: string, kind: 'current' | 'events') => `${t.config.redis.queuePrefix}:bias:${symbol}:${kind}`;

  it('applies a V3 event: stored in PostgreSQL and cached in Redis', async () => {
    expect((await post(V3_TRACE_PREVIOUS)).status).toBe(200);
    const res = await post(V3_TRACE_EXAMPLE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ACCEPTED',
      symbol: 'SPY',
      event_id: 'SPY-5-1771341900000',
      source: 'v3',
      bias_score: 72,
      direction: 'bullish',
      trade_suppressed: false,
      updated_at: '2026-02-17T15:25:00.000Z',
    });
    const row = await stored('SPY');
    expect(row.state).toMatchObject({
      biasScore: 72,
      macroClass: 'RISK_ON',
      regime: 'TRENDING',
      modeHint: 'BREAKOUT',
      eventCount: 2,
      acceleration: { stateStrengthDelta: 0.15 },
    });
    const cached = JSON.parse((await redis.get(key('SPY', 'current'))) ?? 'null');
    expect(cached).toMatchObject({ symbol: 'SPY', biasScore: 72, eventCount: 2 });
    expect(await redis.ttl(key('SPY', 'current'))).toBeGreaterThan(24 * 3600);
    const events = (await redis.lrange(key('SPY', 'events'), 0, -1)).map((e) => JSON.parse(e));
    expect(events.map((e) => e.event_id)).toEqual(['SPY-5-1771341900000', 'SPY-5-1771341000000']);
  });

  it('answers DUPLICATE for an event id already applied, without changing the state', async () => {
    const res = await post(V3_TRACE_EXAMPLE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'DUPLICATE', reason_code: 'duplicate_bias_event', bias_score: 72 });
    expect((await stored('SPY')).state.eventCount).toBe(2);
  });

  it('does not move the state back for an older event', async () => {
    const res = await post({ ...V3_TRACE_PREVIOUS, event_id_raw: 'SPY-late' });
    expect(res.body).toMatchObject({ status: 'OUT_OF_ORDER', bias_score: 72 });
    expect((await stored('SPY')).state.lastEventId).toBe('SPY-5-1771341900000');
  });

  it('translates legacy BIAS_SNAPSHOT payloads', async () => {
    const v1 = await post(LEGACY_V1_EXAMPLE);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ status: 'ACCEPTED', symbol: 'QQQ', source: 'legacy', direction: 'bearish' });
    expect((await stored('QQQ')).state).toMatchObject({ source: 'legacy', modeHint: 'PULLBACK', regime: 'TRENDING' });

    const flat = await post(LEGACY_FLAT_EXAMPLE);
    expect(flat.body).toMatchObject({ status: 'ACCEPTED', symbol: 'IWM', source: 'legacy' });
    expect(flat.body.event_id).toMatch(/^legacy:/);
    expect((await post(LEGACY_FLAT_EXAMPLE)).body.status).toBe('DUPLICATE');
  });

  it('accepts a JSON body sent as text/plain (TradingView)', async () => {
    const res = await request(t.url)
      .post('/api/webhooks/mtf-bias')
      .set('Content-Type', 'text/plain')
      .send(
        JSON.stringify({ event_type: 'BIAS_SNAPSHOT', symbol: 'DIA', timeframe: '1h', bias: 'bullish', strength: 40 }),
      );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ACCEPTED', symbol: 'DIA' });
  });

  it('answers 400 with field errors for a bad payload and stores nothing', async () => {
    const res = await post({
      ...V3_TRACE_EXAMPLE,
      symbol: 'TLT',
      event_id_raw: 'bad-1',
      mtf: { timeframes: [{ tf: '5', bias: 'SIDEWAYS', strength: 500 }] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'REJECTED', reason_code: 'invalid_bias_payload' });
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
      'mtf.timeframes[0].bias',
      'mtf.timeframes[0].strength',
    ]);
    expect(await stored('TLT')).toBeUndefined();

    const notBias = await post({ symbol: 'SPY', direction: 'long' });
    expect(notBias.status).toBe(400);
    expect(notBias.body.reason_code).toBe('unsupported_bias_payload');

    const notJson = await request(t.url)
      .post('/api/webhooks/mtf-bias')
      .set('Content-Type', 'text/plain')
      .send('SPY up');
    expect(notJson.status).toBe(400);
    expect(notJson.body.reason_code).toBe('malformed_body');
  });

  it('answers 413 above 128 KB', async () => {
    const res = await post({ ...LEGACY_FLAT_EXAMPLE, padding: 'x'.repeat(140 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.reason_code).toBe('payload_too_large');
  });

  it('serializes concurrent events of one symbol: none lost, each id applied once', async () => {
    // Same event time for all: none is out of order, so every distinct id must be applied exactly once.
    const events = Array.from({ length: 12 }, (_, i) => ({
      event_type: 'BIAS_SNAPSHOT',
      event_id_raw: `xlf-${i}`,
      symbol: 'XLF',
      event_ts_ms: Date.parse('2026-02-17T15:00:00Z'),
      timeframes: { [`${i + 1}m`]: 'bullish' },
    }));
    const replies = await Promise.all([...events, ...events].map((e) => post(e)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const accepted = replies.filter((r) => r.body.status === 'ACCEPTED').map((r) => r.body.event_id as string);
    expect(accepted.sort()).toEqual(events.map((e) => e.event_id_raw).sort());
    expect(replies.filter((r) => r.body.status === 'DUPLICATE')).toHaveLength(12);
    const state = (await stored('XLF')).state;
    expect(state.eventCount).toBe(12);
    expect(state.timeframes).toHaveLength(12);
  });

  it('lists every symbol in the summary, newest first', async () => {
    const res = await request(t.url).get('/api/bias/summary').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 100, offset: 0 });
    expect(res.body.total).toBe(res.body.items.length);
    const spy = res.body.items.find((i: { symbol: string }) => i.symbol === 'SPY');
    expect(spy).toEqual({
      symbol: 'SPY',
      direction: 'bullish',
      bias_score: 72,
      confidence: 65,
      regime: 'TRENDING',
      macro_class: 'RISK_ON',
      mode_hint: 'BREAKOUT',
      chop_score: 22,
      staleness: { age_seconds: 300, stale: false, level: 'fresh', action: 'allow' },
      trade_suppressed: false,
      suppression_reasons: [],
      effective_confidence: 65,
      risk_multiplier_long: 0.8,
      risk_multiplier_short: 0,
      source: 'v3',
      updated_at: '2026-02-17T15:25:00.000Z',
    });
    const page = await request(t.url).get('/api/bias/summary?limit=1&offset=1').set(t.auth);
    expect(page.body.items).toHaveLength(1);
    expect((await request(t.url).get('/api/bias/summary?limit=0').set(t.auth)).status).toBe(400);
  });

  it('serves the full state of a symbol in snake_case, from Redis or PostgreSQL', async () => {
    const res = await request(t.url).get('/api/bias/spy').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      symbol: 'SPY',
      bias_score: 72,
      macro_class: 'RISK_ON',
      macro_detail: 'MACRO_TREND_UP',
      acceleration: { state_strength_delta: 0.15 },
      gating: { trade_suppressed: false, risk_multiplier_long: 0.8 },
    });
    expect(res.body.timeframes.map((tf: { timeframe: string }) => tf.timeframe)).toEqual([
      '5m',
      '15m',
      '1h',
      '4h',
      '1d',
    ]);
    expect(res.body.recent_event_ids).toBeUndefined();
    expect(res.body.recent_events.length).toBeGreaterThan(0);

    await redis.del(key('SPY', 'current'));
    const fromDb = await request(t.url).get('/api/bias/SPY').set(t.auth);
    expect(fromDb.body.bias_score).toBe(72);
    expect(await redis.exists(key('SPY', 'current'))).toBe(1);

    expect((await request(t.url).get('/api/bias/NOPE').set(t.auth)).status).toBe(404);
    expect((await request(t.url).get('/api/bias/NOPE').set(t.auth)).body.reason_code).toBe('bias_state_not_found');
  });

  it('ages the state with the clock: reduced after 30 min, stale and suppressed after 2 h', async () => {
    t.clock.advance(0.5 * HOUR);
    const aging = await request(t.url).get('/api/bias/SPY').set(t.auth);
    expect(aging.body.staleness).toMatchObject({ level: 'aging', action: 'reduce' });
    expect(aging.body.gating).toMatchObject({ trade_suppressed: false, risk_multiplier_long: 0.4 });

    t.clock.advance(1.5 * HOUR);
    const stale = await request(t.url).get('/api/bias/SPY').set(t.auth);
    expect(stale.body.staleness).toMatchObject({ level: 'stale', stale: true, action: 'block' });
    expect(stale.body.gating).toMatchObject({
      trade_suppressed: true,
      suppression_reasons: ['bias_stale'],
      risk_multiplier_long: 0,
    });

    // A fresh event makes it tradable again.
    const now = t.clock.now().getTime();
    const res = await post({ ...V3_TRACE_EXAMPLE, event_id_raw: 'SPY-fresh', event_ts_ms: now });
    expect(res.body).toMatchObject({ status: 'ACCEPTED', trade_suppressed: false });
  });

  it('documents the routes in Swagger', async () => {
    const doc = await request(t.url).get('/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/webhooks/mtf-bias', '/api/bias/summary', '/api/bias/{symbol}']),
    );
  });
});

describe('MTF bias webhook with HMAC_SECRET and the pipeline disabled', () => {
  const SECRET = 'bias-secret-0123456789';
  let t: Started;
  const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

  beforeAll(async () => {
    t = await startBiasTestApp({ env: { HMAC_SECRET: SECRET, ENABLE_MTF_BIAS_PIPELINE: 'false' } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('refuses an unsigned payload with 401', async () => {
    const res = await request(t.url).post('/api/webhooks/mtf-bias').send(V3_TRACE_EXAMPLE);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 'REJECTED', reason_code: 'missing_credentials' });
    const wrong = await request(t.url)
      .post('/api/webhooks/mtf-bias')
      .send({ ...V3_TRACE_EXAMPLE, secret: 'nope' });
    expect(wrong.body.reason_code).toBe('invalid_secret');
  });

  it('answers 409 bias_pipeline_disabled to a proven request and stores nothing', async () => {
    const body = JSON.stringify(V3_TRACE_EXAMPLE);
    const signed = await request(t.url)
      .post('/api/webhooks/mtf-bias')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', sign(body))
      .send(body);
    expect(signed.status).toBe(409);
    expect(signed.body.reason_code).toBe('bias_pipeline_disabled');
    const withSecret = await request(t.url)
      .post('/api/webhooks/mtf-bias')
      .send({ ...V3_TRACE_EXAMPLE, secret: SECRET });
    expect(withSecret.status).toBe(409);
    expect(await t.dataSource.query('SELECT 1 FROM bias_state_current')).toHaveLength(0);
  });
});

describe('MTF bias webhook with HMAC_SECRET', () => {
  const SECRET = 'bias-secret-abcdefghij';
  let t: Started;

  beforeAll(async () => {
    t = await startBiasTestApp({ env: { HMAC_SECRET: SECRET } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('accepts a signed payload and never stores the body secret', async () => {
    const body = JSON.stringify(LEGACY_V1_EXAMPLE);
    const signed = await request(t.url)
      .post('/api/webhooks/mtf-bias')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`)
      .send(body);
    expect(signed.status).toBe(200);
    const withSecret = await request(t.url)
      .post('/api/webhooks/mtf-bias')
      .send({ ...LEGACY_FLAT_EXAMPLE, secret: SECRET });
    expect(withSecret.status).toBe(200);
    const rows = await t.dataSource.query('SELECT state::text AS text FROM bias_state_current');
    expect(rows).toHaveLength(2);
    expect(rows.map((r: { text: string }) => r.text).join()).not.toContain(SECRET);
  });
});
