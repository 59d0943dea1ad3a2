const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** Whether an error means PostgreSQL cannot be reached (answered 503, retried by TradingView) rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` is false.
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) {
    return true;
  }
  return typeof message === 'string' && /timeout|terminated|ECONNREFUSED|connect|did not answer/i.test(message);
}
