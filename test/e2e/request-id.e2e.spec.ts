import request from 'supertest';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('request ids (the trace id a signal carries)', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({ env: { ROLE: 'api' } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  const post = (headers: Record<string, string> = {}) =>
    request(t.url)
      .post('/webhook')
      .set({ 'Content-Type': 'application/json', ...headers })
      .send(JSON.stringify({ symbol: 'SPY', direction: 'long', timeframe: '5m', price: Math.random() + 595 }));

  it("keeps a client's UUID X-Request-Id: reply header, reply body and signals.request_id agree", async () => {
    const id = '0d6f9d8e-2f4b-4c52-9a51-3b7e2f0c9a11';
    const res = await post({ 'X-Request-Id': id });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe(id);
    expect(res.body.request_id).toBe(id);
    const [row] = await t.dataSource.query<{ request_id: string }[]>(
      'SELECT request_id FROM signals WHERE signal_id = $1',
      [res.body.signal_id],
    );
    expect(row.request_id).toBe(id);
  });

  it('mints a UUID when the client sent none or a non-UUID one, and uses it everywhere', async () => {
    for (const headers of [{}, { 'X-Request-Id': 'not-a-uuid' }] as Record<string, string>[]) {
      const res = await post(headers);
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.body.request_id).toBe(res.headers['x-request-id']);
    }
  });

  it('answers errors with the same id in the header and the envelope', async () => {
    const res = await request(t.url).get('/signals/not-a-uuid').set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body.request_id).toMatch(UUID);
    expect(res.headers['x-request-id']).toBe(res.body.request_id);
  });
});
