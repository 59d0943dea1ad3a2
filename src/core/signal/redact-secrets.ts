import { isRecord } from './payload-fields';

/**
 * Secrets are removed before anything is stored or logged. Key names match case-insensitively anywhere in the key
 * (`webhook_secret`, `apiKey`, `email_token`); `key` alone is a secret too (CrossTrade, legacy bots).
 * `license_id` is not a secret: PineConnector license IDs identify, they do not authenticate.
 */
export const REDACTED = '[REDACTED]';

const SECRET_KEY = /secret|passphrase|passphase|password|token|api_?key|apikey|hmac|signature/i;
const MAX_DEPTH = 20;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || key.trim().toLowerCase() === 'key';
}

/** A deep copy with the values of secret-named keys replaced. */
export function redactSecrets(payload: unknown): unknown {
  return redact(payload, 0);
}

function redact(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) {
    return REDACTED;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const redacted = isSecretKey(key) ? REDACTED : redact(child, depth + 1);
      // defineProperty keeps a literal "__proto__" key as data instead of changing the copy's prototype.
      Object.defineProperty(copy, key, { value: redacted, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}

// key=value, key: value, "key": "value" and 'key': 'value' where the key names a secret.
const TEXT_SECRET =
  /(["']?)([A-Za-z0-9_.-]*(?:secret|passphrase|passphase|password|token|api_?key|apikey|hmac|signature)[A-Za-z0-9_.-]*|\bkey)\1(\s*[=:]\s*)("[^"\n]*"|'[^'\n]*'|[^\s,;|&}\]]+)/gi;

/** Redacts secrets in a body that is not JSON (PineConnector, key=value, pipe or plain text). */
export function redactSecretsInText(raw: string): string {
  return raw.replace(TEXT_SECRET, (_match, quote: string, key: string, separator: string, value: string) => {
    const replacement = value.startsWith('"') ? `"${REDACTED}"` : value.startsWith("'") ? `'${REDACTED}'` : REDACTED;
    return `${quote}${key}${quote}${separator}${replacement}`;
  });
}
