import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config';
import { runMigrationsLocked } from './run-migrations';
import { buildDataSourceOptions } from './typeorm-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions({
          url: config.database.url,
          poolMax: config.database.poolMax,
          connectTimeoutMs: config.database.connectTimeoutMs,
        }),
        // Fail the boot quickly and clearly instead of nine silent retries.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
      // createApp has reached the server and created the database (prepareDatabase) before building the modules.
      dataSourceFactory: async (options) => {
        if (!options) {
          throw new Error('No data source options');
        }
        return new DataSource(options).initialize();
      },
    }),
  ],
  providers: [
    {
      provide: 'DATABASE_MIGRATIONS',
      inject: [DataSource, APP_CONFIG],
      useFactory: async (dataSource: DataSource, config: AppConfig) => {
        if (config.database.runMigrations) {
          await runMigrationsLocked(dataSource);
        }
        return true;
      },
    },
  ],
  exports: ['DATABASE_MIGRATIONS'],
})
export class DatabaseModule {}
