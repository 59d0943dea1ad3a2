/** The one source of "now". Production injects a system clock; tests and replays a manual or simulated one. */
export interface Clock {
  now(): Date;
}

/** A clock that only moves when told to: tests pin it. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * A clock that starts at `start` when the process starts and runs `speed` times real time, so a demo can
 * replay a trading day at any hour. `realNow` is the wall clock in milliseconds, passed in to keep the core pure.
 */
export class SimulatedClock implements Clock {
  private readonly realStart: number;

  constructor(
    private readonly start: Date,
    private readonly speed: number,
    private readonly realNow: () => number,
  ) {
    this.realStart = realNow();
  }

  now(): Date {
    return new Date(this.start.getTime() + (this.realNow() - this.realStart) * this.speed);
  }
}

/**
 * Wall-clock milliseconds to wait until the platform clock reaches `until` (BullMQ's delays run on wall time): the
 * platform duration divided by CLOCK_SPEED, plus `marginMs`, at least `marginMs` (at least 0).
 */
export function wallMsUntil(until: Date, now: Date, speed: number, marginMs = 0): number {
  const platformMs = Math.max(0, until.getTime() - now.getTime());
  return Math.ceil(platformMs / (speed > 0 ? speed : 1)) + Math.max(0, marginMs);
}
