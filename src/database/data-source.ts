import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigFromEnvironment } from '../config/load-config';
import { buildDataSourceOptions } from './typeorm-options';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:run`, `migration:generate`, `migration:revert`).
 * Settings come from the validated configuration (DATABASE_URL, DB_POOL_MAX); nothing here reads the environment.
 */
const config = loadConfigFromEnvironment();

export default new DataSource(
  buildDataSourceOptions({
    url: config.database.url,
    // The CLI runs one migration at a time.
    poolMax: 2,
    connectTimeoutMs: config.database.connectTimeoutMs,
    applicationName: 'options-platform-cli',
  }),
);
