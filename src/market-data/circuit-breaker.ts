export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one probe through (half-open). */
  cooldownMs: number;
}

export interface BreakerSnapshot {
  state: BreakerState;
  failures: number;
  lastError: string | null;
  lastSuccessAt: Date | null;
  openedAt: Date | null;
}

/**
 * A per-provider circuit breaker. Closed: calls go through; `failureThreshold` consecutive failures open it. Open:
 * calls are refused until `cooldownMs` passed, then one probe goes through (half-open): success closes it, failure
 * opens it again for another cooldown. Times are passed in (from the injected clock), never read here.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private lastError: string | null = null;
  private lastSuccessAt: Date | null = null;
  private openedAtMs: number | null = null;
  private probeInFlight = false;

  constructor(private readonly options: BreakerOptions) {}

  /** Whether a call may go now; in half-open, only one probe at a time. */
  tryAcquire(nowMs: number): boolean {
    if (this.state === 'closed') {
      return true;
    }
    if (this.state === 'open') {
      if (this.openedAtMs !== null && nowMs - this.openedAtMs < this.options.cooldownMs) {
        return false;
      }
      this.state = 'half_open';
    }
    if (this.probeInFlight) {
      return false;
    }
    this.probeInFlight = true;
    return true;
  }

  /** The provider answered with data. */
  recordSuccess(now: Date): void {
    this.close();
    this.lastSuccessAt = now;
  }

  /** The provider answered, without data it could have (unsupported symbol, stale quote): it is up. */
  recordAnswer(): void {
    this.close();
  }

  /** An outage: error, timeout, or market_data_unavailable. */
  recordFailure(nowMs: number, error: string): void {
    this.probeInFlight = false;
    this.failures += 1;
    this.lastError = error;
    if (this.state === 'half_open' || this.failures >= this.options.failureThreshold) {
      this.state = 'open';
      this.openedAtMs = nowMs;
    }
  }

  snapshot(nowMs: number): BreakerSnapshot {
    const cooled =
      this.state === 'open' && this.openedAtMs !== null && nowMs - this.openedAtMs >= this.options.cooldownMs;
    return {
      state: cooled ? 'half_open' : this.state,
      failures: this.failures,
      lastError: this.lastError,
      lastSuccessAt: this.lastSuccessAt,
      openedAt: this.openedAtMs === null || this.state === 'closed' ? null : new Date(this.openedAtMs),
    };
  }

  private close(): void {
    this.state = 'closed';
    this.failures = 0;
    this.probeInFlight = false;
    this.openedAtMs = null;
  }
}
