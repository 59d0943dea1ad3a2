export { parseAlertBody } from './alert-body.parser';
export { normalizeAlert } from './alert.normalizer';
export { extractBodySecret } from './body-secret';
export { REDACTED, redactSecrets, redactSecretsInText } from './redact-secrets';
export { dedupKey, signalHash } from './signal-keys';
export { normalizeTimeframe } from './timeframe';
export * from './signal.types';
export { signalMetadata, type SignalMetadata } from './signal-metadata';
