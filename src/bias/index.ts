export * from './bias.module';
export * from './bias.tokens';
export * from './bias-state.aggregator';
export * from './bias-webhook.service';
export * from './errors/bias-payload.error';
