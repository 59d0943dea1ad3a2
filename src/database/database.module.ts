import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config';
import { runMigrationsLocked } from './run-migrations';
import { buildDataSourceOptions, ensureDatabaseExists } from './typeorm-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions({ url: config.database.url, poolMax: config.database.poolMax }),
        // Fail the boot quickly and clearly instead of nine silent retries.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
      dataSourceFactory: async (options) => {
        const logger = new Logger('Database');
        if (!options) {
          throw new Error('No data source options');
        }
        const config = options as ReturnType<typeof buildDataSourceOptions> & { url: string };
        if (await ensureDatabaseExists(config.url).catch(() => false)) {
          logger.log('Created the database');
        }
        const dataSource = await new DataSource(options).initialize();
        return dataSource;
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
