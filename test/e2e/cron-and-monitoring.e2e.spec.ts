import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { QueueName, QueueService } from '../../src/queues';
import { eventually } from '../helpers/eventually';
import { startTestApp } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const CRON_SECRET = 'cron-secret-0123456789abcdef';
/** Everything but the signals and maintenance queues: a re-offered signal stays waiting, no scheduled sweep runs. */
const NO_SIGNAL_WORKERS = 'decisions,executions,positions,feedback,alerts';

async function insertStuckSignal(t: Started, ageMs: number): Promise<string> {
  const id = randomUUID();
  const createdAt = new Date(t.clock.now().getTime() - ageMs);
  await t.dataSource.query(
    `INSERT INTO signals (signal_id, symbol, action, direction, timeframe, timestamp, status, dedup_key, received_at,
       created_at)
     VALUES ($1, 'SPY', 'entry', 'long', '5m', $2, 'pending', $3, $2, $2)`,
    [id, createdAt, id.replace(/-/g, '')],
  );
  return id;
}

interface QueueRow {
  name: string;
  workers: number;
  waiting: number;
  consumed_here: boolean;
}

describe('POST /api/cron/process-queue with CRON_SECRET set', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({ env: { CRON_SECRET, WORKER_QUEUES: NO_SIGNAL_WORKERS } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('runs the sweep with the right secret (Vercel-style bearer) and reports what it re-offered', async () => {
    const stuck = await insertStuckSignal(t, 60_000);
    await insertStuckSignal(t, 5_000); // within the grace period: left to the webhook's own enqueue
    const res = await request(t.url).post('/api/cron/process-queue').set('Authorization', `Bearer ${CRON_SECRET}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      triggered_by: { kind: 'cron_secret', name: 'cron' },
      re_offered: { signals: 1, orders: 0, outcomes: 0 },
      at: t.clock.now().toISOString(),
    });
    const signals = (res.body.queues as { queue: string; waiting: number }[]).find((q) => q.queue === 'signals');
    expect(signals).toMatchObject({ waiting: 1 });
    const job = await t.app.get(QueueService).queue(QueueName.Signals).getJob(`signal-${stuck}`);
    expect(job?.data).toEqual({ signalId: stuck });

    // Its job exists now: a second run offers nothing twice.
    const again = await request(t.url).post('/api/cron/process-queue').set('X-Cron-Secret', CRON_SECRET);
    expect(again.status).toBe(200);
    expect(again.body.re_offered).toEqual({ signals: 0, orders: 0, outcomes: 0 });
  });

  it('refuses a wrong secret and no credentials (401)', async () => {
    for (const headers of [
      { Authorization: `Bearer ${CRON_SECRET}x` },
      { 'X-Cron-Secret': 'wrong' },
      { Authorization: `Basic ${Buffer.from(`cron:${CRON_SECRET}`).toString('base64')}` },
      {},
    ]) {
      const res = await request(t.url).post('/api/cron/process-queue').set(headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status: 401, reason_code: 'unauthorized' });
    }
  });

  it('accepts an operator token and refuses a viewer token (403)', async () => {
    const operator = await request(t.url)
      .post('/api/cron/process-queue')
      .set(await t.authHeaders('operator'));
    expect(operator.status).toBe(200);
    expect(operator.body.triggered_by).toEqual({ kind: 'user', name: 'operator-user' });
    const viewer = await request(t.url)
      .post('/api/cron/process-queue')
      .set(await t.authHeaders('viewer'));
    expect(viewer.status).toBe(403);
    expect(viewer.body.reason_code).toBe('forbidden');
  });
});

describe('POST /api/cron/process-queue with CRON_SECRET unset', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKER_QUEUES: NO_SIGNAL_WORKERS } });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('closes the secret path: only an operator token works', async () => {
    for (const headers of [
      { Authorization: 'Bearer ' },
      { Authorization: 'Bearer undefined' },
      { 'X-Cron-Secret': '' },
    ]) {
      expect((await request(t.url).post('/api/cron/process-queue').set(headers)).status).toBe(401);
    }
    const admin = await request(t.url).post('/api/cron/process-queue').set(t.auth);
    expect(admin.status).toBe(200);
    expect(admin.body.triggered_by).toEqual({ kind: 'user', name: 'admin' });
  });
});

describe('GET /monitoring/e2e', () => {
  let t: Started;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    // The maintenance queue has no worker here: a job added to it stays waiting.
    t = await startTestApp({ env: { WORKER_QUEUES: 'signals,decisions,executions,positions,feedback,alerts' } });
    viewer = await t.authHeaders('viewer');
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  const status = async () => {
    const res = await request(t.url).get('/monitoring/e2e').set(viewer);
    expect(res.status).toBe(200);
    return res.body as {
      status: string;
      reasons: string[];
      queues: QueueRow[];
      last_activity: Record<string, string | null>;
      stuck: Record<string, number>;
      kill_switch: { engaged: boolean };
      process: { role: string; consumes: string[] };
      database: { status: string };
      redis: { status: string };
      market_data: { chain: string[]; providers: { provider: string; state: string }[] };
    };
  };
  const queue = (body: { queues: QueueRow[] }, name: string) => body.queues.find((q) => q.name === name) as QueueRow;

  it('needs a token', async () => {
    expect((await request(t.url).get('/monitoring/e2e')).status).toBe(401);
  });

  it('reports the process, dependencies, workers, providers and kill switch', async () => {
    const body = await eventually(async () => {
      const current = await status();
      return queue(current, 'signals').workers > 0 ? current : undefined;
    });
    expect(body.process).toEqual({
      role: 'all',
      consumes: ['signals', 'decisions', 'executions', 'positions', 'feedback', 'alerts'],
    });
    expect(body.database.status).toBe('up');
    expect(body.redis.status).toBe('up');
    expect(queue(body, 'signals')).toMatchObject({ consumed_here: true });
    expect(queue(body, 'maintenance')).toMatchObject({ consumed_here: false, workers: 0 });
    expect(body.status).toBe('degraded');
    expect(body.reasons).toContain('no_workers:maintenance');
    expect(body.market_data.chain.length).toBeGreaterThan(0);
    expect(body.market_data.providers[0]).toMatchObject({ state: 'closed' });
    expect(body.kill_switch).toMatchObject({ engaged: false });
    expect(body.stuck).toMatchObject({ grace_seconds: 30, pending_signals: 0, pending_orders: 0 });
  });

  it('shows queue counts change when a job is added', async () => {
    const before = queue(await status(), 'maintenance').waiting;
    await t.app
      .get(QueueService)
      .queue(QueueName.Maintenance)
      .add('outbox.sweep', { reason: 'manual' }, { jobId: `monitoring-test-${randomUUID()}` });
    expect(queue(await status(), 'maintenance').waiting).toBe(before + 1);
  });

  it('shows the last activity after a signal, and stuck rows past the grace period', async () => {
    expect((await status()).last_activity).toMatchObject({ signal_received_at: null, webhook_event_at: null });
    const posted = await request(t.url)
      .post('/webhook')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ symbol: 'SPY', direction: 'long', timeframe: '5m', confidence: 80 }));
    expect(posted.status).toBe(200);
    const body = await eventually(async () => {
      const current = await status();
      return current.last_activity.decision_at ? current : undefined;
    });
    const now = t.clock.now().toISOString();
    expect(body.last_activity).toMatchObject({ signal_received_at: now, webhook_event_at: now, decision_at: now });

    await insertStuckSignal(t, 60_000);
    const stuck = await status();
    expect(stuck.stuck.pending_signals).toBe(1);
    expect(stuck.reasons).toContain('stuck_signals');
  });
});
