import { Logger } from '@nestjs/common';
import { ensureDatabaseExists } from './typeorm-options';

export interface PrepareDatabaseOptions {
  url: string;
  connectTimeoutMs: number;
  attempts?: number;
  retryDelayMs?: number;
}

/**
 * Reaches the PostgreSQL server (creating the database when missing) before any module opens a Redis connection
 * or a worker: a boot that cannot reach the database then fails with nothing left open, instead of leaving the
 * queues' connections of a half-built application behind.
 */
export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<void> {
  const logger = new Logger('Database');
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      if (await ensureDatabaseExists(options.url, options.connectTimeoutMs)) {
        logger.log('Created the database');
      }
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts) {
        throw new Error(
          `PostgreSQL at ${describeServer(options.url)} is unreachable after ${attempts} attempts: ${message}`,
          {
            cause: error,
          },
        );
      }
      logger.warn(`PostgreSQL at ${describeServer(options.url)} not reachable (${message}); retrying (${attempt})`);
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
  }
}

/** host:port/database, never the credentials. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}
