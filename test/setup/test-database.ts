import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The local PostgreSQL server the tests use (trust auth); PGTEST_URL points elsewhere. */
export const SERVER_URL = process.env.PGTEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_ENV = 'OPTIONS_TEST_TEMPLATE_DB';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

/** A fresh database for one test file, cloned from the migrated template made in global setup. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) {
    throw new Error('No template database: run through jest (global setup makes it)');
  }
  const name = uniqueName('optest');
  await withServer((client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`),
  );
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}
