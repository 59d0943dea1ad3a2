import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from '../helpers/test-app';

const SECRET = 'tv-secret-0123456789';
type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('webhook auth with HMAC_SECRET set', () => {
  let t: Started;
  let n = 0;
  /** A fresh alert each time so dedup never interferes. */
  const alert = (extra: Record<string, unknown> = {}) => ({
    symbol: 'SPY',
    direction: 'long',
    timeframe: String(++n),
    ...extra,
  });
  const sign = (body: string, key = SECRET) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;

  beforeAll(async () => {
    t = await startTestApp({ env: { HMAC_SECRET: SECRET } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  const eventOf = async (id: string) =>
    (
      await t.dataSource.query('SELECT status, reason_code, raw_payload FROM webhook_events WHERE event_id = $1', [id])
    )[0];

  it('rejects a request that proves nothing with 401 and logs it', async () => {
    const res = await request(t.url).post('/webhook').send(alert());
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 'REJECTED', reason_code: 'missing_credentials' });
    expect(await eventOf(res.body.webhook_event_id)).toMatchObject({
      status: 'invalid_signature',
      reason_code: 'missing_credentials',
    });
  });

  it('accepts the secret in the body and never stores it', async () => {
    const res = await request(t.url)
      .post('/webhook')
      .send(alert({ secret: SECRET }));
    expect(res.status).toBe(200);
    const [signal] = await t.dataSource.query('SELECT raw_payload FROM signals WHERE signal_id = $1', [
      res.body.signal_id,
    ]);
    expect(JSON.stringify(signal.raw_payload)).not.toContain(SECRET);
    expect(JSON.stringify((await eventOf(res.body.webhook_event_id)).raw_payload)).not.toContain(SECRET);
  });

  it('rejects a wrong body secret and does not store it either', async () => {
    const res = await request(t.url)
      .post('/webhook')
      .send(alert({ secret: 'wrong-secret' }));
    expect(res.status).toBe(401);
    expect(res.body.reason_code).toBe('invalid_secret');
    expect(JSON.stringify((await eventOf(res.body.webhook_event_id)).raw_payload)).not.toContain('wrong-secret');
  });

  it('accepts the secret as a key=value pair of a text alert', async () => {
    const res = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'text/plain')
      .send(`symbol=QQQ; action=sell; tf=${++n}; secret=${SECRET}`);
    expect(res.status).toBe(200);
    const [signal] = await t.dataSource.query('SELECT raw_payload FROM signals WHERE signal_id = $1', [
      res.body.signal_id,
    ]);
    expect(JSON.stringify(signal.raw_payload)).not.toContain(SECRET);
  });

  it('accepts the secret as the path token and rejects a wrong one', async () => {
    expect((await request(t.url).post(`/webhook/${SECRET}`).send(alert())).status).toBe(200);
    const wrong = await request(t.url).post('/webhook/not-the-secret').send(alert());
    expect(wrong.status).toBe(401);
    expect(wrong.body.reason_code).toBe('invalid_token');
  });

  it('accepts an HMAC signature of the raw body and rejects a bad one', async () => {
    const body = JSON.stringify(alert());
    const ok = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', sign(body))
      .send(body);
    expect(ok.status).toBe(200);
    const other = JSON.stringify(alert());
    const bad = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', sign(other, 'another-key'))
      .send(other);
    expect(bad.status).toBe(401);
    expect(bad.body.reason_code).toBe('invalid_signature');
  });

  it('does not let a valid body secret excuse a forged signature', async () => {
    const body = JSON.stringify(alert({ secret: SECRET }));
    const res = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', 'sha256=' + '0'.repeat(64))
      .send(body);
    expect(res.status).toBe(401);
  });

  it('answers 401, not 400, to an unreadable body without credentials', async () => {
    const res = await request(t.url).post('/webhook').set('Content-Type', 'text/plain').send('   ');
    expect(res.status).toBe(401);
  });

  it('reports that auth is required on the reachability check', async () => {
    expect((await request(t.url).get('/webhook/test')).body.auth_required).toBe(true);
  });
});

describe('TradingView IP allowlist', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRADINGVIEW_IP_ALLOWLIST: 'true', TRUST_PROXY: 'loopback' } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('refuses other sources with 403 and a reason code', async () => {
    const res = await request(t.url).post('/webhook').send({ symbol: 'SPY', direction: 'long' });
    expect(res.status).toBe(403);
    expect(res.body.reason_code).toBe('ip_not_allowed');
    const [event] = await t.dataSource.query('SELECT status FROM webhook_events WHERE event_id = $1', [
      res.body.webhook_event_id,
    ]);
    expect(event.status).toBe('forbidden');
  });

  it('lets TradingView in behind a trusted proxy', async () => {
    const res = await request(t.url)
      .post('/webhook')
      .set('X-Forwarded-For', '52.89.214.238')
      .send({ symbol: 'SPY', direction: 'long' });
    expect(res.status).toBe(200);
  });
});

describe('optional webhook rate limit', () => {
  it('answers 429 with a reason code past the limit and logs it', async () => {
    const t = await startTestApp({ env: { WEBHOOK_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const send = (tf: string) =>
        request(t.url).post('/webhook').send({ symbol: 'SPY', direction: 'long', timeframe: tf });
      expect([(await send('1')).status, (await send('2')).status]).toEqual([200, 200]);
      const third = await send('3');
      expect(third.status).toBe(429);
      expect(third.body.reason_code).toBe('rate_limited');
      t.clock.advance(60_000);
      expect((await send('4')).status).toBe(200);
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });
});
