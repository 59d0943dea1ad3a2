import { isRecord } from './payload-fields';

/** The shared secret an alert carries in its body (`secret`, else `passphrase`), for the auth layer; null if none. */
export function extractBodySecret(payload: unknown): string | null {
  if (!isRecord(payload)) {
    return null;
  }
  for (const name of ['secret', 'passphrase']) {
    const key = Object.keys(payload).find((k) => k.trim().toLowerCase() === name);
    const value = key === undefined ? undefined : payload[key];
    if (typeof value === 'string' && value.length > 0) {
      return value;
    }
    if (typeof value === 'number') {
      return String(value);
    }
  }
  return null;
}
