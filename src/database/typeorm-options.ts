import * as path from 'path';
import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

export interface DataSourceSettings {
  url: string;
  poolMax: number;
  /** Run pending migrations when the DataSource initializes. */
  migrationsRun?: boolean;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** Connection timeout; default 1000 ms so a dead database fails fast (503), not hangs. */
  connectTimeoutMs?: number;
}

/** How long to wait for a connection before failing: a dead database must fail fast (503), not hang. */
const DEFAULT_CONNECT_TIMEOUT_MS = 1000;

/**
 * Where the migrations are: the TypeScript sources when running from TypeScript (ts-node, Jest), the compiled
 * files (tsconfig.migrations.json -> dist/migrations) when running from dist/database/typeorm-options.js.
 */
export function migrationGlobs(): string[] {
  if (__filename.endsWith('.ts')) {
    return [path.join(__dirname, '..', '..', 'migrations', '*.ts')];
  }
  return [path.join(__dirname, '..', 'migrations', '*.js')];
}

export function buildDataSourceOptions(opts: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: opts.url,
    applicationName: opts.applicationName,
    entities: ENTITIES,
    migrations: migrationGlobs(),
    migrationsTableName: 'migrations',
    migrationsRun: opts.migrationsRun ?? false,
    // The schema belongs to the migrations; never let TypeORM change it.
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: opts.poolMax, connectionTimeoutMillis: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS },
  };
}

/**
 * Creates the database named in `url` when it does not exist, connecting to the `postgres` maintenance
 * database of the same server. Returns whether it created it.
 */
export async function ensureDatabaseExists(
  url: string,
  connectTimeoutMs: number = DEFAULT_CONNECT_TIMEOUT_MS,
): Promise<boolean> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (database === '') {
    throw new Error('The database URL names no database');
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: connectTimeoutMs });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if ((existing.rowCount ?? 0) > 0) {
      return false;
    }
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      return true;
    } catch (error) {
      // Another process created it between the check and the CREATE.
      if (isPgError(error) && error.code === DUPLICATE_DATABASE) {
        return false;
      }
      throw error;
    }
  } finally {
    await client.end();
  }
}

const DUPLICATE_DATABASE = '42P04';

function isPgError(error: unknown): error is { code: string } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
