export * from './app-config';
export * from './app-config.module';
export * from './app-config.token';
export * from './config-validation.error';
export * from './env.schema';
export * from './load-config';
export * from './unsafe-settings';
