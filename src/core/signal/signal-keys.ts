import { createHash } from 'crypto';

import type { NormalizedSignal } from './signal.types';

/**
 * Duplicate-detection key: the same instruction for the same instrument and timeframe, test and live kept apart.
 * The 60 s window is applied by whoever stores the key; the timestamp is deliberately not part of it.
 */
export function dedupKey(signal: NormalizedSignal): string {
  return sha256(
    `${signal.symbol}:${signal.action}:${signal.direction ?? '-'}:${signal.timeframe}:${String(signal.isTest)}`,
  );
}

/** The stored `signal_hash`: 64 hex characters, no `sha256:` prefix, so it fits VARCHAR(64). */
export function signalHash(signal: NormalizedSignal): string {
  return sha256(
    `${signal.symbol}:${signal.action}:${signal.direction ?? '-'}:${signal.timeframe}:${signal.timestamp.toISOString()}`,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
