import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp, CreateAppOptions } from '../../src/bootstrap/create-app';
import { AppConfig, loadConfig } from '../../src/config';
import { AuthService } from '../../src/auth/auth.service';
import type { Role } from '../../src/auth/roles';
import { ManualClock } from '../../src/core/clock';
import { createTestDatabase } from '../setup/test-database';
import { uniqueName } from '../setup/test-database';

export const REDIS_URL = process.env.REDISTEST_URL ?? 'redis://127.0.0.1:6379';
/** The admin every test app is booted with (ADMIN_USERNAME / ADMIN_PASSWORD). */
export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password' };
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789';
/** A Tuesday, 10:30 New York time: markets open. */
export const PINNED_NOW = '2026-02-17T15:30:00.000Z';

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  clock: ManualClock;
  config: AppConfig;
  dataSource: DataSource;
  close: () => Promise<void>;
  /** A JWT from POST /auth/login for a user of that role (the admin, or a user created once per role). */
  token: (role?: Role) => Promise<string>;
  /** `{ Authorization: 'Bearer <admin jwt>' }`, logged in at boot. */
  auth: Record<string, string>;
  /** `{ Authorization: 'Bearer <jwt>' }` for that role. */
  authHeaders: (role?: Role) => Promise<Record<string, string>>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: ManualClock;
  /** Reuse a database (e.g. a second instance of the same deployment). */
  databaseUrl?: string;
  queuePrefix?: string;
  /** Skip the admin login at boot (for apps booted without an admin); `auth` is then empty. */
  anonymous?: boolean;
  /** Extra Nest modules (e.g. one registering an additional Engine B agent). */
  extraModules?: CreateAppOptions['extraModules'];
}

export function testConfig(databaseUrl: string, queuePrefix: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'error',
    JWT_SECRET: TEST_JWT_SECRET,
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    // Tests move the clock by days: tokens live the longest allowed (30 days); expiry is tested on its own.
    JWT_TTL_SECONDS: '2592000',
    // The cheapest allowed hash: a test app hashes and verifies a few passwords at boot (cost 14 is tested alone).
    PASSWORD_HASH_COST: '10',
    // Parallel test files load this 2-core machine: a new connection can take over a second; the fast 503 of a
    // dead database is tested with its own (production) timeout.
    DB_CONNECT_TIMEOUT_MS: '10000',
    // Limits are tested on their own; elsewhere they would make busy tests flaky.
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    API_RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
}

/** The whole app on a random port against the real PostgreSQL (own database) and Redis (own key prefix). */
export async function startTestApp(
  options: TestAppOptions = {},
): Promise<TestApp & { dropDatabase: () => Promise<void> }> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const queuePrefix = options.queuePrefix ?? uniqueName('bulltest');
  const config = testConfig(database.url, queuePrefix, options.env);
  const clock = options.clock ?? new ManualClock(PINNED_NOW);
  const app = await createApp(config, { clock, extraModules: options.extraModules });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<Role, Promise<string>>();
  const token = (role: Role = 'admin'): Promise<string> => {
    let pending = tokens.get(role);
    if (!pending) {
      pending = loginAs(app, url, role);
      tokens.set(role, pending);
    }
    return pending;
  };
  const auth: Record<string, string> = options.anonymous ? {} : { Authorization: `Bearer ${await token('admin')}` };
  return {
    app,
    url,
    auth,
    token,
    authHeaders: async (role?: Role) => ({ Authorization: `Bearer ${await token(role)}` }),
    clock,
    config,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
    },
    dropDatabase: async () => {
      await clearRedisPrefix(queuePrefix);
      await database.drop();
    },
  };
}

/** Logs in over HTTP as the test admin, or as a `<role>-user` created for the test. */
async function loginAs(app: NestExpressApplication, url: string, role: Role): Promise<string> {
  let credentials = TEST_ADMIN;
  if (role !== 'admin') {
    credentials = { username: `${role}-user`, password: `${role}-password-for-tests` };
    await app.get(AuthService).createUser({ ...credentials, role }, 'test');
  }
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) {
    throw new Error(`login as ${credentials.username} failed: ${res.status} ${await res.text()}`);
  }
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    } while (cursor !== '0');
  } catch {
    // Redis down: nothing to clean.
  } finally {
    redis.disconnect();
  }
}
