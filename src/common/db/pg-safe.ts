/** PostgreSQL text and jsonb cannot hold U+0000; alerts can. Replaced by U+FFFD before anything is stored. */
export function stripNul(value: string): string {
  return value.includes('\u0000') ? value.split('\u0000').join('\uFFFD') : value;
}

function sanitize(value: unknown): unknown {
  if (typeof value === 'string') {
    return stripNul(value);
  }
  if (Array.isArray(value)) {
    return value.map(sanitize);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[stripNul(key)] = sanitize(inner);
    }
    return out;
  }
  return value;
}

/** JSON text safe for a jsonb parameter. */
export function toJsonb(value: unknown): string {
  return JSON.stringify(sanitize(value));
}
