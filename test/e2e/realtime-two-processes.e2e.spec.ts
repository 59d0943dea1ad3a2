import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuthService } from '../../src/auth/auth.service';
import { ManualClock } from '../../src/core/clock';
import { eventually } from '../helpers/eventually';
import {
  connectRealtime,
  payloadsOf,
  RealtimeSocket,
  Received,
  recordEvents,
  subscribe,
} from '../helpers/realtime-client';
import { startTestApp } from '../helpers/test-app';
import {
  PIPELINE_SECRET,
  postTraceBias,
  postTraceSignal,
  scriptSpyMarket,
  waitForStatus,
} from '../integration/decision/pipeline-helpers';
import { createTestDatabase, uniqueName } from '../setup/test-database';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** Friday 2026-02-13 10:30 New York: markets open. */
const ENTRY = '2026-02-13T15:30:00.000Z';
const ENV = {
  HMAC_SECRET: PIPELINE_SECRET,
  MARKET_DATA_PROVIDER: 'webhook',
  STRIKE_SELECTION_MODE: 'atm',
  ENABLE_CONFLUENCE_SIZING: 'false',
  FILL_MODEL: 'cross',
};

/**
 * One deployment split in two processes (ROLE=api takes webhooks and Socket.IO clients, ROLE=worker runs the queues),
 * sharing the database and the Redis prefix. Events a worker publishes reach the API's clients through the Redis
 * adapter, and nothing is delivered twice.
 */
describe('realtime across an api and a worker process', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: Started;
  let worker: Started;
  let socket: RealtimeSocket | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    const queuePrefix = uniqueName('bulltest');
    const clock = new ManualClock(ENTRY);
    api = await startTestApp({ databaseUrl: database.url, queuePrefix, clock, env: { ...ENV, ROLE: 'api' } });
    worker = await startTestApp({ databaseUrl: database.url, queuePrefix, clock, env: { ...ENV, ROLE: 'worker' } });
  });

  afterAll(async () => {
    socket?.close();
    await worker?.close();
    await api?.close();
    await api?.dropDatabase();
    await database?.drop();
  });

  it('delivers signals.decided, orders.filled and positions.opened published by the worker to a client of the api', async () => {
    const apiLocal: string[] = [];
    const workerLocal: string[] = [];
    api.app.get(EventEmitter2).onAny((name) => apiLocal.push(String(name)));
    worker.app.get(EventEmitter2).onAny((name) => workerLocal.push(String(name)));
    socket = await connectRealtime(api.url, { token: await api.token('viewer') });
    const received: Received[] = recordEvents(socket);
    await subscribe(socket, ['signals', 'orders', 'positions', 'risk']);

    await scriptSpyMarket(api.url, ENTRY);
    await postTraceBias(api.url, '2026-02-13T15:25:00.000Z');
    const res = await postTraceSignal(api.url, ENTRY);
    expect(res.status).toBe(200);
    const signalId: string = res.body.signal_id;
    expect(await waitForStatus(api.dataSource, signalId, ['approved', 'rejected'])).toMatchObject({
      status: 'approved',
    });

    const opened = await eventually(async () => payloadsOf(received, 'positions.opened')[0], 15_000);
    await eventually(async () => payloadsOf(received, 'risk.snapshot').length > 0);
    const [decided] = payloadsOf(received, 'signals.decided');
    expect(decided).toMatchObject({ signal_id: signalId, status: 'approved' });
    expect(payloadsOf(received, 'orders.filled')).toEqual([
      expect.objectContaining({ order_id: decided.order_ids[0], intent: 'open', position_id: opened.position_id }),
    ]);
    expect(payloadsOf(received, 'risk.snapshot')[0]).toMatchObject({ open_positions: 1 });
    // signals.accepted comes from the api itself, the rest from the worker: each exactly once, in pipeline order.
    // (Marks from the worker's refresh schedule and snapshots may come between: not part of this check.)
    const names = received.map((e) => e.name).filter((name) => name !== 'risk.snapshot' && name !== 'positions.marked');
    expect(names).toEqual([
      'signals.accepted',
      'signals.enriched',
      'orders.created',
      'signals.decided',
      'orders.filled',
      'positions.opened',
    ]);

    // They really crossed processes: the api's own bus saw the acceptance only, the worker's the rest.
    expect(apiLocal.filter((name) => (names as string[]).includes(name))).toEqual(['signals.accepted']);
    expect(workerLocal).toEqual(expect.arrayContaining(['signals.decided', 'orders.filled', 'positions.opened']));
    expect(workerLocal).not.toContain('signals.accepted');
  });

  it('ends the connections of a key revoked in another process at once', async () => {
    const { row, key } = await api.app.get(AuthService).createApiKey({ name: 'cross', role: 'viewer' }, 'test');
    const client = await connectRealtime(api.url, { token: key });
    try {
      const ended = new Promise<string>((resolve) => client.once('disconnect', (reason) => resolve(String(reason))));
      // The worker's gateway has no client of its own: the disconnect reaches the api through the Redis adapter.
      expect(await worker.app.get(AuthService).revokeApiKey(row.id)).toMatchObject({ id: row.id });
      expect(await ended).toBe('io server disconnect');
    } finally {
      client.close();
    }
  });
});
