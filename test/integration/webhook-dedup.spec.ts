import request from 'supertest';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('webhook dedup under concurrency', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('turns 100 identical concurrent alerts into exactly 1 ACCEPTED and 99 DUPLICATE, one row', async () => {
    const body = { symbol: 'SPY', direction: 'long', timeframe: '5', price: 600.1 };
    const replies = await Promise.all(Array.from({ length: 100 }, () => request(t.url).post('/webhook').send(body)));
    const statuses = replies.map((r) => r.body.status as string);
    expect(statuses.filter((s) => s === 'ACCEPTED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'DUPLICATE')).toHaveLength(99);
    const accepted = replies.find((r) => r.body.status === 'ACCEPTED')!;
    expect(new Set(replies.map((r) => r.body.signal_id))).toEqual(new Set([accepted.body.signal_id]));
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM signals WHERE symbol = 'SPY'`);
    expect(count).toBe(1);
    const [{ events }] = await t.dataSource.query(
      `SELECT count(*)::int AS events FROM webhook_events WHERE symbol = 'SPY'`,
    );
    expect(events).toBe(100);
  });

  it('keeps an exit and an entry of the same symbol apart', async () => {
    const entry = await request(t.url).post('/webhook').send({ symbol: 'QQQ', action: 'buy', interval: '5' });
    const exit = await request(t.url).post('/webhook').send({ symbol: 'QQQ', action: 'closelong', interval: '5' });
    expect([entry.body.status, exit.body.status]).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('keeps test alerts apart from live ones', async () => {
    const live = await request(t.url).post('/webhook').send({ symbol: 'IWM', direction: 'short', timeframe: '1' });
    const test = await request(t.url)
      .post('/webhook')
      .send({ symbol: 'IWM', direction: 'short', timeframe: '1', is_test: true });
    expect([live.body.status, test.body.status]).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(test.body.is_test).toBe(true);
  });
});
