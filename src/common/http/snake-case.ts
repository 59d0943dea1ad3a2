/**
 * JSON over HTTP uses snake_case field names (DESIGN.md): the pure core's camelCase reports are converted at the
 * edge, keys only, deeply. Keys of records keyed by data (regime names, agent names) are left alone when they are
 * not camelCase (TRENDING, gamma-flow).
 */
export function toSnakeCase(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(toSnakeCase);
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => [snakeKey(key), toSnakeCase(v)]),
  );
}

function snakeKey(key: string): string {
  return /^[a-z][a-zA-Z0-9]*$/.test(key) ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : key;
}
