import request from 'supertest';
import { startTestApp } from '../helpers/test-app';
import { PIPELINE_SECRET, signedPost } from '../integration/decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const SPY_ALERT = {
  symbol: 'SPY',
  direction: 'long',
  timeframe: '5m',
  timestamp: '2026-02-17T15:29:00Z',
  price: 595.42,
};
const QQQ_ALERT = {
  symbol: 'QQQ',
  direction: 'short',
  timeframe: '15m',
  timestamp: '2026-02-17T15:29:00Z',
  price: 512.1,
};

/** Signals stored earlier, by status (the webhook adds two pending ones at 15:30:00 and 15:30:04). */
const STORED = [
  { key: 'S1', symbol: 'SPY', status: 'approved', at: '2026-02-16T15:00:00Z', reason: null },
  { key: 'S2', symbol: 'SPY', status: 'rejected', at: '2026-02-16T16:00:00Z', reason: 'confluence_below_threshold' },
  { key: 'S3', symbol: 'QQQ', status: 'approved', at: '2026-02-16T17:00:00Z', reason: null },
  { key: 'S4', symbol: 'IWM', status: 'queued', at: '2026-02-17T13:00:00Z', reason: null },
  { key: 'S5', symbol: 'SPY', status: 'rejected', at: '2026-02-17T14:00:00Z', reason: 'market_closed' },
] as const;

/**
 * GET /signals and GET /webhook-events (the signal log) over real webhook requests and stored signals. ROLE=api: no
 * worker moves the signals on, so their statuses stay as seeded. Each request is one clock second after the last.
 */
describe('GET /signals and GET /webhook-events', () => {
  let t: Started;
  let viewer: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { ROLE: 'api', HMAC_SECRET: PIPELINE_SECRET } });
    viewer = await t.authHeaders('viewer');
    for (const s of STORED) {
      const [row] = await t.dataSource.query<{ signal_id: string }[]>(
        `INSERT INTO signals (symbol, action, direction, timeframe, timestamp, status, rejection_reason, dedup_key,
                              raw_payload, received_at, created_at)
         VALUES ($1, 'entry', 'long', '5m', $2, $3, $4, $5, $6, $2, $2) RETURNING signal_id`,
        [s.symbol, s.at, s.status, s.reason, `seed-${s.key}`, JSON.stringify({ symbol: s.symbol, seed: s.key })],
      );
      ids[s.key] = row.signal_id;
    }
    // 15:30:00 accepted, :01 duplicate, :02 invalid payload, :03 bad signature, :04 accepted.
    const w1 = await signedPost(t.url, '/webhook', { ...SPY_ALERT, secret: PIPELINE_SECRET });
    expect(w1.status).toBe(200);
    ids.W1 = w1.body.signal_id;
    t.clock.advance(1000);
    const dup = await signedPost(t.url, '/webhook', { ...SPY_ALERT, secret: PIPELINE_SECRET });
    expect(dup.body.status).toBe('DUPLICATE');
    t.clock.advance(1000);
    expect((await signedPost(t.url, '/webhook', { direction: 'long', timeframe: '5m' })).status).toBe(400);
    t.clock.advance(1000);
    const forged = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Signature', `sha256=${'0'.repeat(64)}`)
      .send(JSON.stringify(SPY_ALERT));
    expect(forged.status).toBe(401);
    t.clock.advance(1000);
    const w2 = await signedPost(t.url, '/webhook', QQQ_ALERT);
    expect(w2.status).toBe(200);
    ids.W2 = w2.body.signal_id;
  });

  afterAll(async () => {
    await t?.close();
    await t?.dropDatabase();
  });

  const get = (path: string) => request(t.url).get(path).set(viewer);
  const idsOf = (res: request.Response): string[] => res.body.items.map((i: { signal_id: string }) => i.signal_id);

  describe('GET /signals', () => {
    it('answers 401 without a token', async () => {
      const res = await request(t.url).get('/signals');
      expect(res.status).toBe(401);
      expect(res.body.reason_code).toBe('unauthorized');
    });

    it('lists every signal newest first, without raw payloads, in the list envelope', async () => {
      const res = await get('/signals');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 7, limit: 50, offset: 0 });
      expect(idsOf(res)).toEqual([ids.W2, ids.W1, ids.S5, ids.S4, ids.S3, ids.S2, ids.S1]);
      expect(res.body.items.every((i: object) => !('raw_payload' in i))).toBe(true);
      // The items are the single-signal view minus raw_payload.
      const one = await get(`/signals/${ids.W1}`);
      const { raw_payload: _raw, ...view } = one.body;
      expect(res.body.items[1]).toEqual(view);
      expect(res.body.items[1]).toMatchObject({
        status: 'pending',
        normalized: { symbol: 'SPY', direction: 'long', timeframe: '5m' },
        received_at: '2026-02-17T15:30:00.000Z',
      });
    });

    it('filters by status, symbol (any case) and both', async () => {
      expect(idsOf(await get('/signals?status=approved'))).toEqual([ids.S3, ids.S1]);
      expect(idsOf(await get('/signals?symbol=spy'))).toEqual([ids.W1, ids.S5, ids.S2, ids.S1]);
      const both = await get('/signals?status=rejected&symbol=SPY');
      expect(idsOf(both)).toEqual([ids.S5, ids.S2]);
      expect(both.body.total).toBe(2);
      expect(both.body.items[0].rejection_reason).toBe('market_closed');
    });

    it('filters on received_at from (inclusive) to (exclusive)', async () => {
      const res = await get('/signals?from=2026-02-16T16:00:00Z&to=2026-02-17T14:00:00Z');
      expect(idsOf(res)).toEqual([ids.S4, ids.S3, ids.S2]);
      expect(res.body.total).toBe(3);
    });

    it('pages with a total independent of limit and offset, even past the end', async () => {
      const page = await get('/signals?limit=2&offset=2');
      expect(page.body).toMatchObject({ total: 7, limit: 2, offset: 2 });
      expect(idsOf(page)).toEqual([ids.S5, ids.S4]);
      const past = await get('/signals?limit=2&offset=100');
      expect(past.body).toEqual({ items: [], total: 7, limit: 2, offset: 100 });
    });

    it('sorts oldest first on request', async () => {
      expect(idsOf(await get('/signals?sort=received_at:asc&limit=3'))).toEqual([ids.S1, ids.S2, ids.S3]);
    });

    it('adds the raw payload with include=raw', async () => {
      const res = await get('/signals?include=raw&symbol=SPY&limit=1');
      expect(res.body.items[0].signal_id).toBe(ids.W1);
      expect(res.body.items[0].raw_payload).toMatchObject({ symbol: 'SPY', direction: 'long' });
      expect(JSON.stringify(res.body.items[0].raw_payload)).not.toContain(PIPELINE_SECRET);
    });

    it.each([
      ['status=done', 'status'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=ten', 'limit'],
      ['offset=-1', 'offset'],
      ['from=17/02/2026', 'from'],
      ['sort=symbol', 'sort'],
      ['include=everything', 'include'],
      ['symbol=S%20P%20Y', 'symbol'],
    ])('refuses %s with 400 and the field', async (query, field) => {
      const res = await get(`/signals?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, reason_code: 'validation_failed' });
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
    });

    it('still serves a single signal by id', async () => {
      const res = await get(`/signals/${ids.S3}`);
      expect(res.status).toBe(200);
      expect(res.body.raw_payload).toEqual({ symbol: 'QQQ', seed: 'S3' });
    });
  });

  describe('GET /webhook-events', () => {
    const statuses = (res: request.Response): string[] => res.body.items.map((i: { status: string }) => i.status);

    it('answers 401 without a token', async () => {
      expect((await request(t.url).get('/webhook-events')).status).toBe(401);
    });

    it('logs every request newest first with its outcome and timing', async () => {
      const res = await get('/webhook-events');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 5, limit: 50, offset: 0 });
      expect(statuses(res)).toEqual(['accepted', 'invalid_signature', 'invalid_payload', 'duplicate', 'accepted']);
      const [qqq, forged, invalid, duplicate, spy] = res.body.items;
      expect(qqq).toMatchObject({
        signal_id: ids.W2,
        symbol: 'QQQ',
        direction: 'short',
        timeframe: '15m',
        http_status: 200,
        created_at: '2026-02-17T15:30:04.000Z',
        processing_time_ms: expect.any(Number),
        request_id: expect.any(String),
      });
      expect(forged).toMatchObject({ http_status: 401, signal_id: null });
      expect(invalid).toMatchObject({ http_status: 400, reason_code: expect.any(String), symbol: null });
      expect(duplicate).toMatchObject({ duplicate_of: ids.W1, signal_id: null, symbol: 'SPY' });
      expect(spy).toMatchObject({ signal_id: ids.W1, symbol: 'SPY', created_at: '2026-02-17T15:30:00.000Z' });
      expect('raw_payload' in spy).toBe(false);
      // The request id is the signal's trace id.
      const signal = await get(`/signals/${ids.W1}`);
      expect(spy.request_id).toBe(signal.body.request_id);
    });

    it('filters by status, with rejected grouping the refusals', async () => {
      expect(statuses(await get('/webhook-events?status=accepted'))).toEqual(['accepted', 'accepted']);
      expect(statuses(await get('/webhook-events?status=rejected'))).toEqual(['invalid_signature', 'invalid_payload']);
      expect(statuses(await get('/webhook-events?status=duplicate'))).toEqual(['duplicate']);
      expect((await get('/webhook-events?status=error')).body).toMatchObject({ items: [], total: 0 });
    });

    it('filters by symbol and by time', async () => {
      const qqq = await get('/webhook-events?symbol=qqq');
      expect(qqq.body.total).toBe(1);
      expect(qqq.body.items[0].signal_id).toBe(ids.W2);
      const window = await get('/webhook-events?from=2026-02-17T15:30:01Z&to=2026-02-17T15:30:03Z');
      expect(statuses(window)).toEqual(['invalid_payload', 'duplicate']);
    });

    it('pages and sorts', async () => {
      const page = await get('/webhook-events?limit=2&offset=1');
      expect(page.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
      expect(statuses(page)).toEqual(['invalid_signature', 'invalid_payload']);
      expect(statuses(await get('/webhook-events?sort=created_at:asc&limit=2'))).toEqual(['accepted', 'duplicate']);
      expect((await get('/webhook-events?offset=9')).body).toEqual({ items: [], total: 5, limit: 50, offset: 9 });
    });

    it('adds the stored body with include=raw, secrets redacted', async () => {
      const res = await get('/webhook-events?include=raw&sort=created_at:asc&limit=1');
      expect(res.body.items[0].raw_payload).toMatchObject({ symbol: 'SPY' });
      expect(JSON.stringify(res.body.items[0].raw_payload)).not.toContain(PIPELINE_SECRET);
    });

    it.each([
      ['status=ok', 'status'],
      ['limit=0', 'limit'],
      ['offset=1.5', 'offset'],
      ['to=tomorrow', 'to'],
      ['sort=received_at:desc', 'sort'],
    ])('refuses %s with 400 and the field', async (query, field) => {
      const res = await get(`/webhook-events?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, reason_code: 'validation_failed' });
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
    });
  });
});
