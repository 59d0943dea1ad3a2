import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Integrator API keys: `opk_<prefix>_<secret>`. The prefix (8 hex chars, stored in clear and unique) finds the row;
 * the whole key is compared by its SHA-256. Keys are 32 random bytes, so a fast hash is enough.
 */
export const API_KEY_PREFIX = 'opk_';
const PATTERN = /^opk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(4).toString('hex');
  const key = `${API_KEY_PREFIX}${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The prefix of a well-formed key, or null. */
export function apiKeyPrefix(token: string): string | null {
  const match = PATTERN.exec(token);
  return match ? match[1] : null;
}

export function apiKeyMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
