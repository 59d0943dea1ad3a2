import request from 'supertest';
import { QUEUE_DISPLAY_NAME } from '../../src/queues';
import { createApp } from '../../src/bootstrap/create-app';
import { ManualClock } from '../../src/core/clock';
import { createTestDatabase, uniqueName } from '../setup/test-database';
import { PINNED_NOW, startTestApp, testConfig } from '../helpers/test-app';
import { deadPort, TcpProxy } from '../helpers/tcp-proxy';

describe('first boot and later boots', () => {
  it('seeds feature flags from the environment once, after which the database row wins', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestApp({ databaseUrl: database.url, env: { ENABLE_VARIANT_B: 'true' } });
      const flag = async (name: string) =>
        (await first.dataSource.query('SELECT enabled, updated_by FROM feature_flags WHERE name = $1', [name]))[0];
      expect(await flag('enable_variant_b')).toEqual({ enabled: true, updated_by: 'environment' });
      expect(await flag('enable_shadow_execution')).toEqual({ enabled: false, updated_by: 'environment' });
      await first.dataSource.query(
        `UPDATE feature_flags SET enabled = false, updated_by = 'operator' WHERE name = 'enable_variant_b'`,
      );
      await first.close();

      const second = await startTestApp({ databaseUrl: database.url, env: { ENABLE_VARIANT_B: 'true' } });
      const [row] = await second.dataSource.query(
        `SELECT enabled, updated_by FROM feature_flags WHERE name = 'enable_variant_b'`,
      );
      expect(row).toEqual({ enabled: false, updated_by: 'operator' });
      await second.close();
      await second.dropDatabase();
    } finally {
      await database.drop();
    }
  });
});

describe('Bull Board', () => {
  it('is always mounted, for admins only', async () => {
    const t = await startTestApp();
    try {
      expect((await request(t.url).get('/admin/queues')).status).toBe(401);
      expect((await request(t.url).get('/admin/queues').set(t.auth)).status).toBe(200);
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });

  it('also accepts the BULL_BOARD_USERNAME / BULL_BOARD_PASSWORD login and shows every queue by name', async () => {
    const t = await startTestApp({ env: { BULL_BOARD_USERNAME: 'ops', BULL_BOARD_PASSWORD: 'board-pass' } });
    try {
      const anonymous = await request(t.url).get('/admin/queues');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toContain('Basic');
      expect((await request(t.url).get('/admin/queues').auth('ops', 'wrong')).status).toBe(401);
      expect((await request(t.url).get('/admin/queues').auth('ops', 'board-pass')).status).toBe(200);
      const queues = await request(t.url).get('/admin/queues/api/queues').auth('ops', 'board-pass');
      expect(queues.status).toBe(200);
      const names = (queues.body.queues as { name: string; displayName?: string }[]).map(
        (q) => q.displayName ?? q.name,
      );
      expect(names).toEqual(expect.arrayContaining(Object.values(QUEUE_DISPLAY_NAME)));
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });
});

function startTestAppWithoutAdmin(env: Record<string, string>) {
  return startTestApp({ env: { ...env, ADMIN_USERNAME: '', ADMIN_PASSWORD: '' }, anonymous: true });
}

describe('the first user', () => {
  it('outside production, with no user and no ADMIN_* settings, creates an admin with a random password', async () => {
    const t = await startTestAppWithoutAdmin({ NODE_ENV: 'development' });
    try {
      const rows = await t.dataSource.query<{ username: string; role: string }[]>('SELECT username, role FROM users');
      expect(rows).toEqual([{ username: 'admin', role: 'admin' }]);
      const guess = await request(t.url).post('/auth/login').send({ username: 'admin', password: 'admin' });
      expect(guess.status).toBe(401);
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });

  it('in production creates nobody without ADMIN_USERNAME / ADMIN_PASSWORD', async () => {
    const t = await startTestAppWithoutAdmin({ NODE_ENV: 'production' });
    try {
      expect(await t.dataSource.query('SELECT username FROM users')).toEqual([]);
    } finally {
      await t.close();
      await t.dropDatabase();
    }
  });
});

describe('a boot that cannot reach PostgreSQL', () => {
  it('fails with a clear error after its retries, before any module opens a connection', async () => {
    const redis = new TcpProxy('127.0.0.1', 6379);
    const redisPort = await redis.start();
    const port = await deadPort();
    const config = testConfig(`postgres://postgres@127.0.0.1:${port}/nowhere`, uniqueName('bulltest'), {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    });
    try {
      await expect(createApp(config, { clock: new ManualClock(PINNED_NOW) })).rejects.toThrow(
        `PostgreSQL at 127.0.0.1:${port}/nowhere is unreachable after 3 attempts`,
      );
      // No queue, Redis client or worker was built, so nothing is left open to keep the process (or Jest) alive.
      expect(redis.accepted).toBe(0);
    } finally {
      await redis.cut();
    }
  });
});
