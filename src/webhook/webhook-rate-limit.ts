/**
 * Optional per-source-address limit on the webhook (WEBHOOK_RATE_LIMIT_PER_MINUTE; 0 = off, the default, because
 * every TradingView alert of every user comes from the same four addresses). A fixed one-minute window per address,
 * kept in this process: with several instances behind a balancer the effective limit is per instance.
 */
export class WebhookRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Counts the request; false when the address is over its limit for the current minute. */
  allow(address: string, nowMs: number): boolean {
    if (this.perMinute <= 0) {
      return true;
    }
    const window = Math.floor(nowMs / 60_000);
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, count);
    return count <= this.perMinute;
  }
}
