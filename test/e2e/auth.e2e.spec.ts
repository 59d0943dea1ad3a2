import { AuthService } from '../../src/auth/auth.service';
import request from 'supertest';
import { QUEUE_DISPLAY_NAME } from '../../src/queues/queue.contract';
import { startTestApp, TEST_ADMIN } from '../helpers/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;

/** The routes anyone may call: TradingView and data pushes authenticate by secret, probes and the docs by nothing. */
const PUBLIC = [/^\/webhook(\/|$)/, /^\/api\/webhooks\//, /^\/health\//, /^\/market\//, /^\/auth\/login$/];
/** Routes that check a secret of their own before falling back to a token (cron). */
const OWN_CHECK = [/^\/api\/cron\//];

interface Operation {
  method: string;
  path: string;
  security?: unknown[];
  responses: Record<string, unknown>;
}

function operations(doc: { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, ...op })),
  );
}

/** A concrete URL for a templated path: ids become a UUID, symbols SPY, names a flag. */
function concrete(path: string): string {
  return path
    .replace(/\{(id|signalId|positionId)\}/g, '00000000-0000-4000-8000-000000000000')
    .replace(/\{symbol\}/g, 'SPY')
    .replace(/\{name\}/g, 'enable_variant_b')
    .replace(/\{[^}]+\}/g, 'x');
}

function send(t: Started, op: Operation, headers: Record<string, string> = {}) {
  const agent = request(t.url);
  const url = concrete(op.path);
  const req =
    op.method === 'get'
      ? agent.get(url)
      : op.method === 'post'
        ? agent.post(url)
        : op.method === 'patch'
          ? agent.patch(url)
          : op.method === 'put'
            ? agent.put(url)
            : agent.delete(url);
  return req.set(headers).set('Content-Type', 'application/json').send('{}');
}

describe('auth (JWT, API keys, roles) over HTTP', () => {
  let t: Started;
  let ops: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    const doc = await request(t.url).get('/docs-json');
    ops = operations(doc.body);
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  describe('POST /auth/login', () => {
    it('issues a JWT for the admin created from ADMIN_USERNAME / ADMIN_PASSWORD', async () => {
      const res = await request(t.url).post('/auth/login').send(TEST_ADMIN);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: t.config.auth.jwtTtlSeconds, role: 'admin' });
      const me = await request(t.url).get('/auth/me').set('Authorization', `Bearer ${res.body.access_token}`);
      expect(me.body).toMatchObject({ kind: 'user', name: 'admin', role: 'admin' });
    });

    it('answers 401 invalid_credentials for a wrong password and for an unknown user alike', async () => {
      const wrong = await request(t.url).post('/auth/login').send({ username: 'admin', password: 'nope' });
      const unknown = await request(t.url).post('/auth/login').send({ username: 'ghost', password: 'nope' });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body.reason_code).toBe('invalid_credentials');
      expect(unknown.body).toEqual({ ...wrong.body, request_id: unknown.body.request_id });
    });

    it('answers 400 with field errors for a malformed body', async () => {
      const res = await request(t.url).post('/auth/login').send({ username: 42 });
      expect(res.status).toBe(400);
      expect(res.body.reason_code).toBe('validation_failed');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'username']);
    });

    it('stores the password as a salted scrypt hash at PASSWORD_HASH_COST, never in clear', async () => {
      const [row] = await t.dataSource.query<{ password_hash: string }[]>(
        "SELECT password_hash FROM users WHERE username = 'admin'",
      );
      const n = 2 ** t.config.auth.passwordHashCost;
      expect(row.password_hash).toMatch(new RegExp(`^scrypt\\$${n}\\$8\\$5\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`));
      expect(row.password_hash).not.toContain(TEST_ADMIN.password);
    });
  });

  describe('every route', () => {
    it('declares the security schemes in Swagger on every route that needs a token', () => {
      const guarded = ops.filter(
        (op) => !PUBLIC.some((p) => p.test(op.path)) && !OWN_CHECK.some((p) => p.test(op.path)),
      );
      expect(guarded.length).toBeGreaterThan(15);
      for (const op of guarded) {
        expect({ route: `${op.method} ${op.path}`, security: op.security }).toEqual({
          route: `${op.method} ${op.path}`,
          security: expect.arrayContaining([{ jwt: [] }, { 'api-key': [] }]),
        });
      }
    });

    it('answers 401 without a token on every route except webhooks, health, market, docs and login', async () => {
      for (const op of ops) {
        const res = await send(t, op);
        const route = `${op.method.toUpperCase()} ${op.path}`;
        if (PUBLIC.some((p) => p.test(op.path))) {
          // Their own secret checks may answer 401, never the token guard's `unauthorized`.
          expect({ route, reason: res.body.reason_code }).not.toEqual({ route, reason: 'unauthorized' });
        } else {
          expect({ route, status: res.status, reason: res.body.reason_code }).toEqual({
            route,
            status: 401,
            reason: 'unauthorized',
          });
        }
      }
      expect((await request(t.url).get('/docs-json')).status).toBe(200);
    });

    it('answers 401 for a forged, a malformed and an expired token', async () => {
      const admin = await t.token('admin');
      const [header, payload] = admin.split('.');
      const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      for (const token of [forged, 'garbage', 'opk_00000000_' + 'a'.repeat(43)]) {
        const res = await request(t.url).get('/orders/active').set('Authorization', `Bearer ${token}`);
        expect(res.status).toBe(401);
      }
      // Tokens follow the injected clock: one second past JWT_TTL_SECONDS the admin's token has expired.
      const ttlMs = t.config.auth.jwtTtlSeconds * 1000;
      t.clock.advance(ttlMs - 1000);
      try {
        expect((await request(t.url).get('/orders/active').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
        t.clock.advance(2000);
        expect((await request(t.url).get('/orders/active').set('Authorization', `Bearer ${admin}`)).status).toBe(401);
      } finally {
        t.clock.advance(-ttlMs - 1000);
      }
    });

    it('lets a viewer read but answers 403 forbidden on every operator and admin route', async () => {
      const viewer = await t.authHeaders('viewer');
      const restricted = ops.filter((op) => JSON.stringify(op.responses['403'] ?? '').includes('Role below'));
      const routes = restricted.map((op) => `${op.method.toUpperCase()} ${op.path}`);
      expect(routes).toEqual(
        expect.arrayContaining(['POST /positions/{id}/close', 'POST /auth/users', 'POST /auth/api-keys']),
      );
      for (const op of restricted) {
        const res = await send(t, op, viewer);
        const route = `${op.method.toUpperCase()} ${op.path}`;
        expect({ route, status: res.status, reason: res.body.reason_code }).toEqual({
          route,
          status: 403,
          reason: 'forbidden',
        });
      }
      expect((await request(t.url).get('/orders/active').set(viewer)).status).toBe(200);
    });

    it('lets an operator close a position but not manage users', async () => {
      const operator = await t.authHeaders('operator');
      const close = await request(t.url)
        .post('/positions/00000000-0000-4000-8000-000000000000/close')
        .set(operator)
        .send({});
      expect(close.status).toBe(404);
      const users = await request(t.url).get('/auth/users').set(operator);
      expect(users.status).toBe(403);
    });
  });

  describe('users', () => {
    it('creates users (admin only), refuses a taken name, and stops a disabled user at once', async () => {
      const created = await request(t.url)
        .post('/auth/users')
        .set(t.auth)
        .send({ username: 'carol', password: 'carol-password-123', role: 'viewer' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username: 'carol', role: 'viewer', disabled: false, created_by: 'admin' });
      expect(created.body).not.toHaveProperty('password_hash');

      const taken = await request(t.url)
        .post('/auth/users')
        .set(t.auth)
        .send({ username: 'CAROL', password: 'another-password-1', role: 'admin' });
      expect(taken.status).toBe(409);
      expect(taken.body.reason_code).toBe('username_taken');

      const short = await request(t.url)
        .post('/auth/users')
        .set(t.auth)
        .send({ username: 'dave', password: 'short', role: 'superuser' });
      expect(short.status).toBe(400);
      expect(short.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'role']);

      const login = await request(t.url)
        .post('/auth/login')
        .send({ username: 'carol', password: 'carol-password-123' });
      const carol = { Authorization: `Bearer ${login.body.access_token}` };
      expect((await request(t.url).get('/orders/active').set(carol)).status).toBe(200);

      const promoted = await request(t.url)
        .patch(`/auth/users/${created.body.id}`)
        .set(t.auth)
        .send({ role: 'operator' });
      expect(promoted.body.role).toBe('operator');
      // The role is read per request, not from the token: carol's old token now carries operator rights.
      const me = await request(t.url).get('/auth/me').set(carol);
      expect(me.body.role).toBe('operator');

      await request(t.url).patch(`/auth/users/${created.body.id}`).set(t.auth).send({ disabled: true });
      expect((await request(t.url).get('/orders/active').set(carol)).status).toBe(401);
      const again = await request(t.url)
        .post('/auth/login')
        .send({ username: 'carol', password: 'carol-password-123' });
      expect(again.status).toBe(401);
    });

    it('does not let an admin demote or disable itself', async () => {
      const me = await request(t.url).get('/auth/me').set(t.auth);
      const res = await request(t.url).patch(`/auth/users/${me.body.id}`).set(t.auth).send({ role: 'viewer' });
      expect(res.status).toBe(409);
      expect(res.body.reason_code).toBe('cannot_demote_self');
    });
  });

  describe('API keys', () => {
    it('returns the key once, stores only its hash, accepts it as Bearer or X-API-Key, and stops it when revoked', async () => {
      const created = await request(t.url).post('/auth/api-keys').set(t.auth).send({ name: 'grafana', role: 'viewer' });
      expect(created.status).toBe(201);
      const key = created.body.key as string;
      expect(key).toMatch(/^opk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
      expect(key.startsWith(`opk_${created.body.key_prefix}_`)).toBe(true);

      const [row] = await t.dataSource.query<{ key_hash: string }[]>('SELECT key_hash FROM api_keys WHERE id = $1', [
        created.body.id,
      ]);
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(key);

      const listed = await request(t.url).get('/auth/api-keys').set(t.auth);
      expect(listed.body.items[0]).toMatchObject({ id: created.body.id, name: 'grafana', revoked_at: null });
      expect(JSON.stringify(listed.body)).not.toContain(key);

      expect((await request(t.url).get('/orders/trades').set('Authorization', `Bearer ${key}`)).status).toBe(200);
      expect((await request(t.url).get('/orders/trades').set('X-API-Key', key)).status).toBe(200);
      const me = await request(t.url).get('/auth/me').set('X-API-Key', key);
      expect(me.body).toMatchObject({ kind: 'api_key', name: 'api-key:grafana', role: 'viewer' });
      // A viewer key cannot act.
      const close = await request(t.url)
        .post('/positions/00000000-0000-4000-8000-000000000000/close')
        .set('X-API-Key', key)
        .send({});
      expect(close.status).toBe(403);
      // One changed character of the secret part is a different key.
      const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
      expect((await request(t.url).get('/orders/trades').set('X-API-Key', tampered)).status).toBe(401);

      const revoked = await request(t.url).delete(`/auth/api-keys/${created.body.id}`).set(t.auth);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revoked_at).toBe(t.clock.now().toISOString());
      expect((await request(t.url).get('/orders/trades').set('X-API-Key', key)).status).toBe(401);
      expect((await request(t.url).delete('/auth/api-keys/not-a-uuid').set(t.auth)).status).toBe(400);
      expect(
        (await request(t.url).delete('/auth/api-keys/00000000-0000-4000-8000-000000000000').set(t.auth)).status,
      ).toBe(404);
    });
  });

  describe('headers', () => {
    it('sends helmet security headers on the API', async () => {
      const res = await request(t.url).get('/health/live');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('Bull Board at /admin/queues', () => {
    const basic = (user: string, password: string) =>
      `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

    it('asks for credentials, refuses a viewer, and opens for an admin by password or token', async () => {
      const anonymous = await request(t.url).get('/admin/queues');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toContain('Basic');

      await t.token('viewer');
      const viewer = await request(t.url)
        .get('/admin/queues')
        .set('Authorization', basic('viewer-user', 'viewer-password-for-tests'));
      expect(viewer.status).toBe(403);
      const wrong = await request(t.url).get('/admin/queues').set('Authorization', basic('admin', 'wrong'));
      expect(wrong.status).toBe(401);

      const admin = await request(t.url)
        .get('/admin/queues')
        .set('Authorization', basic(TEST_ADMIN.username, TEST_ADMIN.password));
      expect(admin.status).toBe(200);
      expect(admin.text).toContain('Options platform queues');
      const api = await request(t.url).get('/admin/queues/api/queues').set(t.auth);
      expect(api.status).toBe(200);
      const names = (api.body.queues as { displayName?: string }[]).map((q) => q.displayName).sort();
      expect(names).toEqual(Object.values(QUEUE_DISPLAY_NAME).sort());
    });

    it('refuses, at the next page, an admin demoted or disabled after the password was verified', async () => {
      const board = { username: 'board-admin', password: 'board-admin-password' };
      const user = await t.app.get(AuthService).createUser({ ...board, role: 'admin' }, 'test');
      const open = () =>
        request(t.url).get('/admin/queues/api/queues').set('Authorization', basic(board.username, board.password));
      expect((await open()).status).toBe(200);
      const patch = (body: object) =>
        request(t.url).patch(`/auth/users/${user!.id}`).set(t.auth).send(body).expect(200);

      await patch({ role: 'operator' });
      expect((await open()).status).toBe(403);
      await patch({ role: 'admin' });
      expect((await open()).status).toBe(200);
      await patch({ disabled: true });
      expect((await open()).status).toBe(401);
    });
  });
});

describe('rate limits and CORS', () => {
  let t: Started;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LOGIN_RATE_LIMIT_PER_MINUTE: '3',
        API_RATE_LIMIT_PER_MINUTE: '5',
        CORS_ORIGINS: 'https://dashboard.example.com',
        CRON_SECRET: 'cron-secret-for-the-limit-test',
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await t.dropDatabase();
  });

  it('limits login attempts per minute (429 with Retry-After), counting from the injected clock', async () => {
    // startTestApp logged the admin in once already.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await request(t.url).post('/auth/login').send({ username: 'admin', password: 'wrong' })).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
    const limited = await request(t.url).post('/auth/login').send(TEST_ADMIN);
    expect(limited.status).toBe(429);
    expect(limited.body.reason_code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(60_000);
    expect((await request(t.url).post('/auth/login').send(TEST_ADMIN)).status).toBe(200);
  });

  it('limits the dashboard API per principal, and never the webhooks', async () => {
    t.clock.advance(60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await request(t.url).get('/orders/active').set(t.auth)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    for (let i = 0; i < 8; i++) {
      expect((await request(t.url).get('/webhook/test')).status).toBe(200);
    }
  });

  it('counts a token calling the manual pipeline trigger like any API call, never the cron secret', async () => {
    t.clock.advance(60_000);
    const trigger = (headers: Record<string, string>) =>
      request(t.url)
        .post('/api/cron/process-queue')
        .set(headers)
        .then((res) => res.status);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(await trigger(t.auth));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    for (let i = 0; i < 6; i++) {
      expect(await trigger({ 'X-Cron-Secret': 'cron-secret-for-the-limit-test' })).toBe(200);
    }
  });

  it('answers CORS preflights for the configured origin only', async () => {
    const allowed = await request(t.url)
      .options('/orders/active')
      .set('Origin', 'https://dashboard.example.com')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://dashboard.example.com');
    const other = await request(t.url)
      .options('/orders/active')
      .set('Origin', 'https://evil.example.com')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
