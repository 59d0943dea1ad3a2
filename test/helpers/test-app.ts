import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp, CreateAppOptions } from '../../src/bootstrap/create-app';
import { AppConfig, loadConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import { createTestDatabase } from '../setup/test-database';
import { uniqueName } from '../setup/test-database';

export const REDIS_URL = process.env.REDISTEST_URL ?? 'redis://127.0.0.1:6379';
/** A Tuesday, 10:30 New York time: markets open. */
export const PINNED_NOW = '2026-02-17T15:30:00.000Z';

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  clock: ManualClock;
  config: AppConfig;
  dataSource: DataSource;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: ManualClock;
  /** Reuse a database (e.g. a second instance of the same deployment). */
  databaseUrl?: string;
  queuePrefix?: string;
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
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
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
