/**
 * One canonical form (see docs/webhook-formats.md): `Ns`, `Nm`, `Nh`, `Nd`, `Nw`, `Nmo`.
 * Seconds and minutes roll up only when they divide evenly (60s → 1m, 240m → 4h, 90m stays 90m, 1440m → 1d).
 */
type Unit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo';

// TradingView's {{interval}}: uppercase single letters, M is MONTHS. Case matters only here.
const TRADINGVIEW_UNITS: Readonly<Record<string, Unit>> = { S: 's', H: 'h', D: 'd', W: 'w', M: 'mo' };

const WORD_UNITS: Readonly<Record<string, Unit>> = {
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  mo: 'mo',
  mth: 'mo',
  mon: 'mo',
  month: 'mo',
  months: 'mo',
};

const NAMED: Readonly<Record<string, string>> = {
  daily: '1d',
  day: '1d',
  weekly: '1w',
  week: '1w',
  monthly: '1mo',
  month: '1mo',
  hourly: '1h',
  hour: '1h',
  minute: '1m',
};

// Keeps the result inside VARCHAR(10).
const MAX_COUNT = 99999;

/** The canonical timeframe, or null when the value cannot be read as one. */
export function normalizeTimeframe(value: unknown): string | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? canonical(value, 'm') : null;
  }
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  if (text.length === 0 || text.length > 20) {
    return null;
  }
  if (/^\d+$/.test(text)) {
    return canonical(Number(text), 'm');
  }
  const tradingView = /^(\d*)([SHDWM])$/.exec(text);
  if (tradingView) {
    return canonical(tradingView[1] === '' ? 1 : Number(tradingView[1]), TRADINGVIEW_UNITS[tradingView[2]]);
  }
  const lower = text.toLowerCase();
  if (NAMED[lower]) {
    return NAMED[lower];
  }
  const counted = /^(\d+)\s*([a-z]+)$/.exec(lower);
  if (counted && WORD_UNITS[counted[2]]) {
    return canonical(Number(counted[1]), WORD_UNITS[counted[2]]);
  }
  return null;
}

function canonical(count: number, unit: Unit): string | null {
  if (!Number.isSafeInteger(count) || count < 1) {
    return null;
  }
  let n = count;
  let u = unit;
  if (u === 's' && n % 60 === 0) {
    n /= 60;
    u = 'm';
  }
  if (u === 'm' && n % 60 === 0) {
    n /= 60;
    u = 'h';
  }
  if (u === 'h' && n % 24 === 0) {
    n /= 24;
    u = 'd';
  }
  return n > MAX_COUNT ? null : `${n}${u}`;
}
