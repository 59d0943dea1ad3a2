const UNIT_MINUTES: Readonly<Record<string, number>> = { s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080, mo: 43200 };

/** Length of a canonical timeframe ('15m', '4h', '1d', '1mo') in minutes; null when not canonical. */
export function timeframeMinutes(timeframe: string): number | null {
  const match = /^(\d+)(s|m|h|d|w|mo)$/.exec(timeframe);
  if (!match) {
    return null;
  }
  return Number(match[1]) * UNIT_MINUTES[match[2]];
}

/**
 * The weight of a timeframe: its own entry in `weights`, else the entry of the longest listed timeframe not longer
 * than it, else the smallest listed weight.
 */
export function timeframeWeight(timeframe: string, weights: Readonly<Record<string, number>>): number {
  const own = weights[timeframe];
  if (own !== undefined) {
    return own;
  }
  const minutes = timeframeMinutes(timeframe) ?? 0;
  let best: { minutes: number; weight: number } | null = null;
  let smallest = Number.POSITIVE_INFINITY;
  for (const [tf, weight] of Object.entries(weights)) {
    smallest = Math.min(smallest, weight);
    const m = timeframeMinutes(tf);
    if (m !== null && m <= minutes && (best === null || m > best.minutes)) {
      best = { minutes: m, weight };
    }
  }
  return best?.weight ?? (Number.isFinite(smallest) ? smallest : 1);
}

/** Sorts readings shortest timeframe first. */
export function byTimeframeLength(a: { timeframe: string }, b: { timeframe: string }): number {
  return (timeframeMinutes(a.timeframe) ?? 0) - (timeframeMinutes(b.timeframe) ?? 0);
}
