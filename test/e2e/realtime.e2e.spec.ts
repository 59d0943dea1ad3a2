import { AuthService } from '../../src/auth/auth.service';
import { DomainEvents } from '../../src/common/events/domain-events';
import { ManualClock } from '../../src/core/clock';
import type { RealtimeEventName } from '../../src/realtime/realtime-events';
import { RealtimeGateway } from '../../src/realtime/realtime.gateway';
import { eventually } from '../helpers/eventually';
import {
  connectRealtime,
  payloadsOf,
  RealtimeSocket,
  Received,
  recordEvents,
  subscribe,
  unsubscribe,
} from '../helpers/realtime-client';
import { startTestApp } from '../helpers/test-app';
import { deadPort } from '../helpers/tcp-proxy';
import {
  PIPELINE_SECRET,
  postTraceBias,
  postTraceSignal,
  signedPost,
  TRACE_ENTRY,
  TRACE_EXIT,
  traceChain,
} from '../integration/decision/pipeline-helpers';

type Started = Awaited<ReturnType<typeof startTestApp>>;

const ENTRY = TRACE_ENTRY;
const EXIT = TRACE_EXIT;
const chain = traceChain;

/** Whether `expected` appears in `names` in order (other events may come between). */
function inOrder(names: RealtimeEventName[], expected: RealtimeEventName[]): boolean {
  let next = 0;
  for (const name of names) {
    if (next < expected.length && name === expected[next]) {
      next += 1;
    }
  }
  return next === expected.length;
}

describe('realtime gateway', () => {
  let t: Started;
  let clock: ManualClock;
  const sockets: RealtimeSocket[] = [];

  async function connect(options: Parameters<typeof connectRealtime>[1]): Promise<RealtimeSocket> {
    const socket = await connectRealtime(t.url, options);
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    clock = new ManualClock(ENTRY);
    t = await startTestApp({
      clock,
      env: {
        HMAC_SECRET: PIPELINE_SECRET,
        MARKET_DATA_PROVIDER: 'webhook',
        STRIKE_SELECTION_MODE: 'atm',
        ENABLE_CONFLUENCE_SIZING: 'false',
        FILL_MODEL: 'cross',
      },
    });
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) {
      socket.close();
    }
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  describe('handshake', () => {
    it('refuses a connection without a token', async () => {
      await expect(connectRealtime(t.url)).rejects.toMatchObject({
        message: 'unauthorized',
        data: { reason_code: 'unauthorized' },
      });
    });

    it('refuses a connection with a bad token', async () => {
      await expect(connectRealtime(t.url, { token: 'not-a-jwt' })).rejects.toMatchObject({ message: 'unauthorized' });
      await expect(
        connectRealtime(t.url, { headers: { Authorization: 'Bearer opk_nope_0000000000000000' } }),
      ).rejects.toMatchObject({ message: 'unauthorized', data: { reason_code: 'unauthorized' } });
    });

    it('accepts a JWT in auth.token, for a viewer too', async () => {
      expect((await connect({ token: await t.token() })).connected).toBe(true);
      expect((await connect({ token: await t.token('viewer') })).connected).toBe(true);
    });

    it('accepts a JWT in an Authorization: Bearer header', async () => {
      expect((await connect({ headers: await t.authHeaders('operator') })).connected).toBe(true);
    });

    it('accepts an API key, and refuses it once revoked', async () => {
      const auth = t.app.get(AuthService);
      const { row, key } = await auth.createApiKey({ name: 'dashboard', role: 'viewer' }, 'test');
      expect((await connect({ token: key })).connected).toBe(true);
      expect((await connect({ headers: { Authorization: `Bearer ${key}` } })).connected).toBe(true);
      await auth.revokeApiKey(row.id);
      await expect(connectRealtime(t.url, { token: key })).rejects.toMatchObject({ message: 'unauthorized' });
    });

    it('ends at once the connections of a revoked key or a disabled user, and keeps the others', async () => {
      const auth = t.app.get(AuthService);
      const { row, key } = await auth.createApiKey({ name: 'watcher', role: 'viewer' }, 'test');
      const revoked = [await connect({ token: key }), await connect({ headers: { 'X-API-Key': key } })];
      const user = await auth.createUser({ username: 'leaver', password: 'leaver-password-1', role: 'viewer' }, 'test');
      const login = await fetch(`${t.url}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'leaver', password: 'leaver-password-1' }),
      });
      const disabled = await connect({ token: ((await login.json()) as { access_token: string }).access_token });
      const kept = await connect({ token: await t.token('viewer') });
      const ended = (socket: RealtimeSocket) =>
        new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(String(reason))));

      const keyClosed = Promise.all(revoked.map(ended));
      const revokeRes = await fetch(`${t.url}/auth/api-keys/${row.id}`, { method: 'DELETE', headers: t.auth });
      expect(revokeRes.status).toBe(200);
      // No revalidation pass: the revocation itself ends them.
      expect(await keyClosed).toEqual(['io server disconnect', 'io server disconnect']);

      const userClosed = ended(disabled);
      const disableRes = await fetch(`${t.url}/auth/users/${user!.id}`, {
        method: 'PATCH',
        headers: { ...t.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ disabled: true }),
      });
      expect(disableRes.status).toBe(200);
      expect(await userClosed).toBe('io server disconnect');
      expect(kept.connected).toBe(true);
    });

    it('ends, at the next revalidation, connections whose token expired or whose key was revoked elsewhere', async () => {
      const auth = t.app.get(AuthService);
      const gateway = t.app.get(RealtimeGateway);
      const { row, key } = await auth.createApiKey({ name: 'sql-revoked', role: 'viewer' }, 'test');
      const revoked = await connect({ token: key });
      const kept = await connect({ token: await t.token('viewer') });
      const closed = new Promise<string>((resolve) => revoked.once('disconnect', resolve));
      // Revoked straight in the database (no event): the periodic check catches it.
      await t.dataSource.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [row.id]);
      expect(revoked.connected).toBe(true);
      expect(await gateway.revalidate()).toBe(1);
      expect(await closed).toBe('io server disconnect');
      expect(kept.connected).toBe(true);

      // One second past the token lifetime (the injected clock) the JWT connection is ended too.
      const ttlMs = t.config.auth.jwtTtlSeconds * 1000;
      const expired = new Promise<string>((resolve) => kept.once('disconnect', resolve));
      clock.advance(ttlMs + 1000);
      try {
        expect(await gateway.revalidate()).toBeGreaterThanOrEqual(1);
        expect(await expired).toBe('io server disconnect');
      } finally {
        clock.advance(-ttlMs - 1000);
      }
    });
  });

  describe('subscriptions', () => {
    it('acks the current topics and refuses unknown ones without dropping the connection', async () => {
      const socket = await connect({ token: await t.token() });
      expect(await subscribe(socket, ['signals', 'bogus', 'orders'])).toEqual({
        topics: ['signals', 'orders'],
        errors: [{ topic: 'bogus', reason_code: 'unknown_topic' }],
      });
      expect(await subscribe(socket, 'risk')).toEqual({ topics: ['signals', 'orders', 'risk'], errors: [] });
      expect(await subscribe(socket, [42 as unknown as string])).toEqual({
        topics: ['signals', 'orders', 'risk'],
        errors: [{ topic: '42', reason_code: 'unknown_topic' }],
      });
      expect(await unsubscribe(socket, ['orders', 'nope'])).toEqual({
        topics: ['signals', 'risk'],
        errors: [{ topic: 'nope', reason_code: 'unknown_topic' }],
      });
      expect(socket.connected).toBe(true);
    });

    it('delivers only the events of subscribed topics', async () => {
      const events = t.app.get(DomainEvents);
      const at = clock.now().toISOString();
      const signalsOnly = await connect({ token: await t.token('viewer') });
      const ordersOnly = await connect({ token: await t.token() });
      const nothing = await connect({ token: await t.token() });
      const a = recordEvents(signalsOnly);
      const b = recordEvents(ordersOnly);
      const c = recordEvents(nothing);
      await subscribe(signalsOnly, 'signals');
      await subscribe(ordersOnly, ['orders']);

      events.emit('orders.failed', { orderId: 'o-1', reason: 'no_quote', at });
      events.emit('signals.enriched', { signalId: 's-1', symbol: 'SPY', outcome: 'ready', at });
      // Events of one connection arrive in order: once the last one is in, any earlier one would be too.
      await eventually(async () => a.length >= 1 && b.length >= 1);
      expect(a).toEqual([
        { name: 'signals.enriched', payload: { signal_id: 's-1', symbol: 'SPY', outcome: 'ready', at } },
      ]);
      expect(b).toEqual([{ name: 'orders.failed', payload: { order_id: 'o-1', reason: 'no_quote', at } }]);

      // Switching topics: the signals client leaves signals and joins orders.
      await unsubscribe(signalsOnly, 'signals');
      await subscribe(signalsOnly, 'orders');
      events.emit('signals.enriched', { signalId: 's-2', symbol: 'SPY', outcome: 'ready', at });
      events.emit('orders.failed', { orderId: 'o-2', reason: 'no_quote', at });
      await eventually(async () => a.length >= 2 && b.length >= 2);
      expect(a.map((e) => e.name)).toEqual(['signals.enriched', 'orders.failed']);
      expect(b.map((e) => e.name)).toEqual(['orders.failed', 'orders.failed']);
      // Internal events (market.*, jobs.*) never reach clients; the unsubscribed client got nothing at all.
      events.emit('market.updated', { symbol: 'SPY', kind: 'price' });
      await subscribe(nothing, 'system');
      events.emit('system.kill_switch', { engaged: false, by: 'test', reason: null, flattened: [], at });
      await eventually(async () => c.length >= 1);
      expect(c).toEqual([
        { name: 'system.kill_switch', payload: { engaged: false, by: 'test', reason: null, flattened: [], at } },
      ]);
    });
  });

  it("streams one signal's whole life: accepted, decided, filled, opened, marked, closing, filled, closed, snapshots", async () => {
    const socket = await connect({ token: await t.token('viewer') });
    const received: Received[] = recordEvents(socket);
    const watcher = await connect({ token: await t.token() });
    const systemOnly: Received[] = recordEvents(watcher);
    await subscribe(watcher, 'system');
    expect(await subscribe(socket, ['signals', 'orders', 'positions', 'risk'])).toEqual({
      topics: ['signals', 'orders', 'positions', 'risk'],
      errors: [],
    });

    const post = (path: string, body: object) => signedPost(t.url, path, body);
    expect((await post('/api/webhooks/price', { symbol: 'SPY', price: 595.42, timestamp: ENTRY })).status).toBe(200);
    expect((await post('/api/webhooks/chain', chain(ENTRY, { bid: 3.5, ask: 3.52 }))).status).toBe(200);
    await postTraceBias(t.url, '2026-02-13T15:25:00.000Z');
    const res = await postTraceSignal(t.url, ENTRY);
    expect(res.status).toBe(200);
    const signalId: string = res.body.signal_id;

    const opened = await eventually(async () => payloadsOf(received, 'positions.opened')[0], 15_000);
    await eventually(async () => payloadsOf(received, 'risk.snapshot').some((s) => s.open_positions === 1));

    clock.set(EXIT);
    expect((await post('/api/webhooks/price', { symbol: 'SPY', price: 597.9, timestamp: EXIT })).status).toBe(200);
    expect((await post('/api/webhooks/chain', chain(EXIT, { bid: 5.28, ask: 5.32 }))).status).toBe(200);
    const closed = await eventually(async () => payloadsOf(received, 'positions.closed')[0], 15_000);
    const finalSnapshot = await eventually(async () =>
      payloadsOf(received, 'risk.snapshot').find((s) => s.open_positions === 0),
    );

    const names = received.map((e) => e.name);
    expect(
      inOrder(names, [
        'signals.accepted',
        'signals.decided',
        'orders.filled',
        'positions.opened',
        'positions.marked',
        'positions.closing',
        'orders.filled',
        'positions.closed',
      ]),
    ).toBe(true);
    expect(inOrder(names, ['positions.opened', 'risk.snapshot', 'positions.closed', 'risk.snapshot'])).toBe(true);

    expect(payloadsOf(received, 'signals.accepted')).toEqual([
      {
        signal_id: signalId,
        symbol: 'SPY',
        direction: 'long',
        timeframe: '5m',
        request_id: res.body.request_id,
        at: ENTRY,
      },
    ]);
    const [decided] = payloadsOf(received, 'signals.decided');
    expect(decided).toMatchObject({ signal_id: signalId, symbol: 'SPY', status: 'approved', reason: null });
    expect(decided.order_ids).toHaveLength(1);
    const fills = payloadsOf(received, 'orders.filled');
    expect(fills).toEqual([
      {
        order_id: decided.order_ids[0],
        trade_id: expect.any(String),
        intent: 'open',
        position_id: opened.position_id,
        price: '3.5200',
        quantity: 9,
        at: ENTRY,
      },
      {
        order_id: expect.any(String),
        trade_id: expect.any(String),
        intent: 'close',
        position_id: opened.position_id,
        price: '5.2800',
        quantity: 9,
        at: EXIT,
      },
    ]);
    expect(opened).toEqual({
      position_id: expect.any(String),
      symbol: 'SPY',
      option_symbol: 'SPY260220C00596000',
      quantity: 9,
      at: ENTRY,
    });
    expect(payloadsOf(received, 'positions.marked')).toContainEqual({
      position_id: opened.position_id,
      current_price: '5.3000',
      unrealized_pnl: expect.any(String),
      at: EXIT,
    });
    expect(payloadsOf(received, 'positions.closing')).toEqual([
      { position_id: opened.position_id, reason: 'profit_target', quantity: 9, order_id: fills[1].order_id, at: EXIT },
    ]);
    expect(closed).toEqual({
      position_id: opened.position_id,
      realized_pnl: '1584.00',
      reason: 'profit_target',
      at: EXIT,
    });

    expect(payloadsOf(received, 'risk.snapshot').find((s) => s.open_positions === 1)).toMatchObject({
      exposure: '3168.00',
      kill_switch: false,
    });
    expect(finalSnapshot).toEqual({
      open_positions: 0,
      exposure: '0.00',
      unrealized_pnl: '0.00',
      realized_pnl_today: '1584.00',
      kill_switch: false,
      at: EXIT,
    });
    // The system topic carried none of it.
    expect(systemOnly).toEqual([]);
  });
});

describe('realtime gateway when Redis is down', () => {
  it('still serves the clients of this process, and never raises an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const t = await startTestApp({ env: { ROLE: 'api', REDIS_URL: `redis://127.0.0.1:${await deadPort()}` } });
    let socket: RealtimeSocket | null = null;
    try {
      socket = await connectRealtime(t.url, { token: await t.token() });
      const received = recordEvents(socket);
      expect(await subscribe(socket, 'orders')).toEqual({ topics: ['orders'], errors: [] });
      const at = t.clock.now().toISOString();
      t.app.get(DomainEvents).emit('orders.failed', { orderId: 'o-1', reason: 'no_quote', at });
      await eventually(async () => received.length === 1);
      expect(received).toEqual([{ name: 'orders.failed', payload: { order_id: 'o-1', reason: 'no_quote', at } }]);
      // Give the failed publish time to give up.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    } finally {
      socket?.close();
      await t.close();
      await t.dropDatabase();
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
