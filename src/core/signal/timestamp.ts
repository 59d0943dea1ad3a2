/**
 * Alert timestamps: epoch seconds or milliseconds (number or numeric string; ≥ 1e11 is milliseconds, i.e. after
 * 1973 in ms and year 5138 in s), or ISO 8601 with or without zone (no zone means UTC; a space may replace `T`).
 */
export type TimestampResult = { ok: true; value: Date } | { ok: false; message: string };

const EPOCH_MS_THRESHOLD = 1e11;
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseTimestamp(value: unknown, receivedAt: Date): TimestampResult {
  const ms = toEpochMs(value);
  if (ms === null) {
    return { ok: false, message: `unreadable timestamp '${describe(value)}' (epoch seconds, epoch ms or ISO 8601)` };
  }
  if (ms < EARLIEST_MS || ms > receivedAt.getTime() + FUTURE_TOLERANCE_MS) {
    return { ok: false, message: `timestamp '${describe(value)}' is out of range (2000-01-01 to one day ahead)` };
  }
  return { ok: true, value: new Date(ms) };
}

function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number') {
    return fromEpochNumber(value);
  }
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    return fromEpochNumber(Number(text));
  }
  return fromIso(text);
}

function fromEpochNumber(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) {
    return null;
  }
  return Math.round(n >= EPOCH_MS_THRESHOLD ? n : n * 1000);
}

function fromIso(text: string): number | null {
  const match = ISO.exec(text);
  if (!match) {
    return null;
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`);
  if (Number.isNaN(ms)) {
    return null;
  }
  // Date.parse rolls 2026-02-30 over to March; a real calendar date survives the round trip.
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) {
    return null;
  }
  return ms;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
