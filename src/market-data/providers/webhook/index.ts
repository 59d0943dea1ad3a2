export { WebhookProvider } from './webhook.provider';
export type { WebhookProviderSettings } from './webhook.provider';
