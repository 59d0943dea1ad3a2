import request from 'supertest';
import { QueueName, QueueService } from '../../src/queues';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

describe('POST /webhook (e2e over HTTP)', () => {
  let t: Started;

  beforeAll(async () => {
    // Ingestion alone (ROLE=api runs no workers): stored signals stay pending for these checks.
    t = await startTestApp({ env: { ROLE: 'api' } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  const post = (body: string | object, contentType = 'application/json') =>
    request(t.url)
      .post('/webhook')
      .set('Content-Type', contentType)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it('accepts a JSON alert, stores signal and event, and puts the signal on the signals queue', async () => {
    const res = await post({ symbol: 'SPY', direction: 'long', timeframe: '5m', timestamp: 1771342200, price: 595.42 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ACCEPTED',
      is_test: false,
      normalized: { symbol: 'SPY', exchange: null, action: 'entry', direction: 'long', timeframe: '5m' },
    });
    expect(res.body.normalized.timestamp).toBe(new Date(1771342200 * 1000).toISOString());
    const [signal] = await t.dataSource.query('SELECT * FROM signals WHERE signal_id = $1', [res.body.signal_id]);
    expect(signal).toMatchObject({
      symbol: 'SPY',
      action: 'entry',
      direction: 'long',
      status: 'pending',
      timeframe: '5m',
    });
    const [event] = await t.dataSource.query('SELECT * FROM webhook_events WHERE event_id = $1', [
      res.body.webhook_event_id,
    ]);
    expect(event).toMatchObject({ status: 'accepted', signal_id: res.body.signal_id, http_status: 200 });
    const job = await t.app.get(QueueService).queue(QueueName.Signals).getJob(`signal-${res.body.signal_id}`);
    expect(job?.data).toEqual({ signalId: res.body.signal_id });
  });

  it('reads JSON sent as text/plain, as TradingView does', async () => {
    const res = await post(
      '{"ticker":"NASDAQ:QQQ","action":"sell","sentiment":"bearish","interval":"15"}',
      'text/plain',
    );
    expect(res.status).toBe(200);
    expect(res.body.normalized).toMatchObject({
      symbol: 'QQQ',
      exchange: 'NASDAQ',
      action: 'entry',
      direction: 'short',
      timeframe: '15m',
    });
  });

  it('reads a key=value text alert', async () => {
    const res = await post('symbol=IWM, action=buy, tf=1H', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.body.normalized).toMatchObject({ symbol: 'IWM', action: 'entry', direction: 'long', timeframe: '1h' });
  });

  it('turns a strategy exit into an exit of the long, never a short entry', async () => {
    const res = await post({
      ticker: 'AMEX:SPY',
      action: 'sell',
      market_position: 'flat',
      prev_market_position: 'long',
      interval: '5',
    });
    expect(res.status).toBe(200);
    expect(res.body.normalized).toMatchObject({ action: 'exit', direction: 'long' });
  });

  it('answers DUPLICATE with the original signal id inside 60 s, and accepts again after the window', async () => {
    const alert = { symbol: 'MSFT', direction: 'short', timeframe: '30' };
    const first = await post(alert);
    t.clock.advance(30_000);
    const second = await post(alert);
    expect(second.body).toMatchObject({
      status: 'DUPLICATE',
      signal_id: first.body.signal_id,
      reason_code: 'duplicate_signal',
    });
    expect({ ...second.body.normalized, timestamp: null }).toEqual({ ...first.body.normalized, timestamp: null });
    t.clock.advance(31_000);
    const third = await post(alert);
    expect(third.body.status).toBe('ACCEPTED');
    expect(third.body.signal_id).not.toBe(first.body.signal_id);
    const events = await t.dataSource.query(
      `SELECT status, duplicate_of FROM webhook_events WHERE symbol = 'MSFT' ORDER BY created_at`,
    );
    expect(events).toEqual([
      { status: 'accepted', duplicate_of: null },
      { status: 'duplicate', duplicate_of: first.body.signal_id },
      { status: 'accepted', duplicate_of: null },
    ]);
  });

  it('refuses an alert without a symbol with field errors, a reason code and an event row', async () => {
    const res = await post({ price: 595.42 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'REJECTED', reason_code: 'missing_symbol' });
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'symbol' })]));
    const [event] = await t.dataSource.query('SELECT * FROM webhook_events WHERE event_id = $1', [
      res.body.webhook_event_id,
    ]);
    expect(event).toMatchObject({ status: 'invalid_payload', reason_code: 'missing_symbol', http_status: 400 });
  });

  it('names the field of an unsubstituted TradingView placeholder', async () => {
    const res = await post({ ticker: '{{ticker}}', action: 'buy' });
    expect(res.status).toBe(400);
    expect(res.body.reason_code).toBe('unsubstituted_placeholder');
    expect(JSON.stringify(res.body.details)).toContain('ticker');
  });

  it('answers 413 over 128 KB and logs it', async () => {
    const res = await post({ symbol: 'SPY', direction: 'long', pad: 'x'.repeat(140 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.reason_code).toBe('payload_too_large');
    const [event] = await t.dataSource.query(
      'SELECT status, reason_code, http_status FROM webhook_events WHERE event_id = $1',
      [res.body.webhook_event_id],
    );
    expect(event).toEqual({ status: 'invalid_payload', reason_code: 'payload_too_large', http_status: 413 });
  });

  it('stores alerts carrying characters PostgreSQL cannot hold, and ignores absurd prices', async () => {
    const res = await post({ symbol: 'AMD', direction: 'long', timeframe: '2', note: 'a\u0000b', price: 1e20 });
    expect(res.status).toBe(200);
    const [signal] = await t.dataSource.query('SELECT price, raw_payload FROM signals WHERE signal_id = $1', [
      res.body.signal_id,
    ]);
    expect(signal.price).toBeNull();
    expect(signal.raw_payload.note).toBe('a\uFFFDb');
    expect(res.body.warnings.join(' ')).toContain('price');
  });

  it('stores the timeframe as unknown when the alert has none', async () => {
    const res = await post({ symbol: 'NVDA', side: 'buy' });
    expect(res.status).toBe(200);
    expect(res.body.normalized.timeframe).toBe('unknown');
  });

  it('serves a stored signal with its normalized fields and status', async () => {
    const created = await post({ symbol: 'TSLA', direction: 'short', timeframe: '4H', price: '250.5' });
    const res = await request(t.url).get(`/signals/${created.body.signal_id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      signal_id: created.body.signal_id,
      status: 'pending',
      decision_only: false,
      normalized: created.body.normalized,
      price: expect.stringMatching(/^250\.5/),
    });
    const missing = await request(t.url).get('/signals/00000000-0000-4000-8000-000000000000').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.reason_code).toBe('signal_not_found');
    const bad = await request(t.url).get('/signals/not-a-uuid').set(t.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.reason_code).toBe('invalid_signal_id');
  });

  it('answers the reachability check and the health probes', async () => {
    const test = await request(t.url).get('/webhook/test');
    expect(test.body).toMatchObject({ status: 'ok', auth_required: false, timestamp: t.clock.now().toISOString() });
    expect((await request(t.url).get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await request(t.url).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('publishes the OpenAPI document with the webhook payload examples', async () => {
    const res = await request(t.url).get('/docs-json');
    expect(res.status).toBe(200);
    const post = res.body.paths['/webhook'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'text/plain']));
    expect(JSON.stringify(post.requestBody)).toContain('TradersPost');
  });
});

describe('bias payloads arriving on POST /webhook', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('routes a legacy BIAS_SNAPSHOT to the bias aggregator, not to signals, and logs the event', async () => {
    const res = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'text/plain')
      .send(
        JSON.stringify({
          event_type: 'BIAS_SNAPSHOT',
          symbol: 'IWM',
          timeframes: {
            '5m': 'bullish',
            '1h': { bias: 'bullish', strength: 60 },
            '1d': { bias: 'bearish', strength: 30 },
          },
          regime: 'range',
          macro_class: 'NEUTRAL',
          mode_hint: 'MEAN_REVERSION',
        }),
      );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ACCEPTED', symbol: 'IWM' });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM signals WHERE symbol = 'IWM'`);
    expect(count).toBe(0);
    const [state] = await t.dataSource.query(`SELECT symbol FROM bias_state_current WHERE symbol = 'IWM'`);
    expect(state).toEqual({ symbol: 'IWM' });
    const [event] = await t.dataSource.query(
      'SELECT status, reason_code, symbol FROM webhook_events WHERE event_id = $1',
      [res.body.webhook_event_id],
    );
    expect(event).toEqual({ status: 'accepted', reason_code: 'bias_update', symbol: 'IWM' });
    const summary = await request(t.url).get('/api/bias/summary').set(t.auth);
    expect(summary.body.items.map((i: { symbol: string }) => i.symbol)).toContain('IWM');
  });
});
