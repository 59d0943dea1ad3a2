import { register } from 'ts-node';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/typeorm-options';
import { databaseUrl, TEMPLATE_ENV, uniqueName, withServer } from './test-database';

/** Runs the migrations once into a template database; each test file clones it (CREATE DATABASE ... TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  if (process.env[TEMPLATE_ENV]) {
    return;
  }
  // TypeORM requires the .ts migration files itself, outside Jest's transform.
  register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
  const name = uniqueName('optpl');
  await withServer((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl(name), poolMax: 2 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  process.env[TEMPLATE_ENV] = name;
}
