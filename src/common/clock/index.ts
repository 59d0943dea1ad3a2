export * from './clock.module';
export * from './clock.token';
export * from './system-clock';
