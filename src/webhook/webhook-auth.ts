import { createHmac } from 'node:crypto';
import { secretsEqual } from '../common/crypto/secrets-equal';

export type WebhookAuthFailure = 'missing_credentials' | 'invalid_secret' | 'invalid_token' | 'invalid_signature';

export interface WebhookCredentials {
  bodySecret: string | null;
  pathToken: string | null;
  signatureHeader: string | null;
  rawBody: Buffer;
}

export type WebhookAuthResult =
  | { ok: true; method: 'none' | 'body_secret' | 'path_token' | 'signature' }
  | { ok: false; reasonCode: WebhookAuthFailure; message: string };

/**
 * With a secret configured, a request must prove it: a body `secret`, a path token, or an HMAC-SHA256 signature
 * of the raw body (`X-Webhook-Signature: sha256=<hex>`). Every proof presented must be valid and at least one must
 * be presented (the spec's "no header, no check" bypass does not exist here).
 */
export function verifyWebhookAuth(secret: string | null, credentials: WebhookCredentials): WebhookAuthResult {
  if (!secret) {
    return { ok: true, method: 'none' };
  }
  const { bodySecret, pathToken, signatureHeader, rawBody } = credentials;
  let method: 'body_secret' | 'path_token' | 'signature' | null = null;
  if (signatureHeader !== null) {
    const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signatureHeader.trim());
    const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
    if (!match || !secretsEqual(match[1].toLowerCase(), expected)) {
      return { ok: false, reasonCode: 'invalid_signature', message: 'X-Webhook-Signature does not match the body' };
    }
    method = 'signature';
  }
  if (pathToken !== null) {
    if (!secretsEqual(pathToken, secret)) {
      return { ok: false, reasonCode: 'invalid_token', message: 'The webhook URL token is not valid' };
    }
    method ??= 'path_token';
  }
  if (bodySecret !== null) {
    if (!secretsEqual(bodySecret, secret)) {
      return { ok: false, reasonCode: 'invalid_secret', message: 'The secret in the alert body is not valid' };
    }
    method ??= 'body_secret';
  }
  if (method) {
    return { ok: true, method };
  }
  return {
    ok: false,
    reasonCode: 'missing_credentials',
    message: 'A webhook secret is configured: send it as "secret" in the body, in the URL, or sign the body',
  };
}
