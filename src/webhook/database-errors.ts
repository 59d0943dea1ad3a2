const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);

/** Whether an error means PostgreSQL cannot be reached (answered 503, retried by TradingView) rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  const code = (error as Error & { code?: string }).code;
  if (code && CONNECTION_CODES.has(code)) {
    return true;
  }
  return /timeout|terminated|connect|Connection|did not answer/i.test(error.message);
}
