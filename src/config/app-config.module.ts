import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { APP_CONFIG } from './app-config.token';
import { loadConfigFromEnvironment } from './load-config';
import { describeUnsafeSettings } from './unsafe-settings';

/**
 * Provides the validated AppConfig globally as APP_CONFIG. Tests pass their own config (from `loadConfig({...})`);
 * otherwise it is read from the environment (and .env) when the module is instantiated, and unsafe settings are
 * logged as warnings.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [
        config
          ? { provide: APP_CONFIG, useValue: config }
          : {
              provide: APP_CONFIG,
              useFactory: (): AppConfig => {
                const loaded = loadConfigFromEnvironment();
                const logger = new Logger('Config');
                for (const warning of describeUnsafeSettings(loaded)) {
                  logger.warn(warning);
                }
                return loaded;
              },
            },
      ],
      exports: [APP_CONFIG],
    };
  }
}
