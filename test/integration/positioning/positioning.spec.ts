import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from '../../helpers/test-app';

const SECRET = 'positioning-secret-123';
type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('GET /gamma/:symbol and /positioning/:symbol (simulated market data, no keys)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({ env: { HMAC_SECRET: SECRET } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('computes GEX from the chain and serves it from the 300 s cache afterwards', async () => {
    const first = await request(t.url).get('/gamma/spy').set(t.auth);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ symbol: 'SPY', cached: false });
    expect(Number.isFinite(first.body.net_gex)).toBe(true);
    expect(['long_gamma', 'short_gamma', 'neutral']).toContain(first.body.dealer_position);
    expect(first.body.spot).toBeGreaterThan(300);
    expect(first.body.contracts_used).toBeGreaterThan(50);
    expect(first.body.per_strike.length).toBeGreaterThan(10);
    const strikes = first.body.per_strike.map((s: { strike: number }) => s.strike);
    expect(first.body.call_wall === null || strikes.includes(first.body.call_wall)).toBe(true);
    const second = await request(t.url).get('/gamma/SPY').set(t.auth);
    expect(second.body).toMatchObject({ cached: true, net_gex: first.body.net_gex, max_pain: first.body.max_pain });
  });

  it('adds the options flow pushed to the flow webhook', async () => {
    const body = JSON.stringify({
      symbol: 'SPY',
      timestamp: t.clock.now().toISOString(),
      entries: [
        { option_symbol: 'SPY260220C00600000', side: 'buy', size: 100, price: 2.5 },
        { option_symbol: 'SPY260220P00590000', side: 'buy', size: 40, price: 1.5 },
      ],
    });
    const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const pushed = await request(t.url)
      .post('/api/webhooks/flow')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', signature)
      .send(body);
    expect(pushed.status).toBe(200);
    const res = await request(t.url).get('/positioning/SPY').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.flow).toMatchObject({ call_premium: 25000, put_premium: 6000, net_flow: 19000, entries: 2 });
    expect(res.body.max_pain).toBe(res.body.gex.max_pain);
  });

  it('refuses a malformed symbol', async () => {
    const res = await request(t.url).get('/gamma/not$valid').set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body.reason_code).toBe('invalid_symbol');
  });
});
