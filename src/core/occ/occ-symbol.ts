import type { OptionType } from '../market/market.types';

/**
 * OCC option symbols (the OSI format of the Options Clearing Corporation), e.g. `SPY260220C00596000`:
 * root (1-6 of A-Z 0-9, starting with a letter), expiration YYMMDD, `C` or `P`, strike x 1000 as 8 digits.
 * The padded form pads the root with spaces to 6 characters (`SPY   260220C00596000`); Polygon prefixes `O:`.
 * See docs/option-math.md.
 */
export interface OccContract {
  /** The OCC root, uppercase: usually the underlying symbol (`SPY`), sometimes a class root (`SPXW`, `BRKB`). */
  underlying: string;
  /** YYYY-MM-DD. */
  expiration: string;
  type: OptionType;
  /** In dollars, a multiple of 0.001. */
  strike: number;
}

export type OccParseResult = { ok: true; value: OccContract } | { ok: false; error: string };

/** Thrown by {@link formatOccSymbol} for a contract OCC cannot encode. */
export class InvalidOccContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOccContractError';
  }
}

export const OCC_ROOT_MAX_LENGTH = 6;
/** Strikes are encoded in thousandths of a dollar on 8 digits: the largest is 99999.999. */
export const OCC_MAX_STRIKE_MILLIS = 99_999_999;

const ROOT = /^[A-Z][A-Z0-9]{0,5}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The fixed-width tail after the root: YYMMDD, type letter, 8 strike digits. */
const TAIL_LENGTH = 15;

/** `SPY260220C00596000` from its parts; throws {@link InvalidOccContractError} for a contract OCC cannot encode. */
export function formatOccSymbol(contract: OccContract): string {
  const root = contract.underlying.trim().toUpperCase();
  const rootError = checkRoot(root);
  if (rootError) {
    throw new InvalidOccContractError(rootError);
  }
  const date = ISO_DATE.exec(contract.expiration);
  if (!date) {
    throw new InvalidOccContractError(`expiration '${contract.expiration}' is not YYYY-MM-DD`);
  }
  const [, yyyy, mm, dd] = date;
  if (!yyyy.startsWith('20')) {
    throw new InvalidOccContractError(`expiration year ${yyyy} is outside 2000-2099 (OCC writes two digits)`);
  }
  const dateError = checkCalendarDate(Number(yyyy), Number(mm), Number(dd), contract.expiration);
  if (dateError) {
    throw new InvalidOccContractError(dateError);
  }
  const millis = strikeToMillis(contract.strike);
  if (typeof millis === 'string') {
    throw new InvalidOccContractError(millis);
  }
  const letter = typeLetter(contract.type);
  return `${root}${yyyy.slice(2)}${mm}${dd}${letter}${String(millis).padStart(8, '0')}`;
}

/**
 * Reads a compact (`SPY260220C00596000`) or space-padded (`SPY   260220C00596000`) OCC symbol, with or without
 * Polygon's `O:` prefix, case-insensitively. The error names the part that is wrong.
 */
export function parseOccSymbol(symbol: string): OccParseResult {
  const text = symbol.trim().toUpperCase();
  const body = text.startsWith('O:') ? text.slice(2) : text;
  if (body.length === 0) {
    return fail(`empty OCC symbol '${symbol}'`);
  }
  // The date is the last run of six digits followed by a letter: the root before it, the type letter, the strike after.
  const tail = findDateAndLetter(body);
  if (!tail) {
    const why = body.length < TAIL_LENGTH + 1 ? 'is too short' : 'has no YYMMDD date followed by a type letter';
    return fail(`OCC symbol '${symbol}' ${why} (expected ROOT + YYMMDD + C/P + 8 strike digits)`);
  }
  const { yymmdd, letter } = tail;
  const rawRoot = body.slice(0, tail.index);
  const strikeDigits = body.slice(tail.index + 7);
  const root = rawRoot.replace(/ +$/, '');

  const rootError = checkRoot(root);
  if (rootError) {
    return fail(`${rootError} in '${symbol}'`);
  }
  if (rawRoot !== root && rawRoot.length !== OCC_ROOT_MAX_LENGTH) {
    return fail(`padded root '${rawRoot}' in '${symbol}' must be exactly ${OCC_ROOT_MAX_LENGTH} characters wide`);
  }
  const type = letter === 'C' ? 'call' : letter === 'P' ? 'put' : null;
  if (type === null) {
    return fail(`bad type letter '${letter}' in '${symbol}' (expected C or P)`);
  }
  if (!/^\d{8}$/.test(strikeDigits)) {
    return fail(`bad strike digits '${strikeDigits}' in '${symbol}' (expected 8 digits, the strike x 1000)`);
  }
  const millis = Number(strikeDigits);
  if (millis === 0) {
    return fail(`bad strike digits '${strikeDigits}' in '${symbol}' (the strike must be positive)`);
  }
  const year = 2000 + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const dateError = checkCalendarDate(year, month, day, yymmdd);
  if (dateError) {
    return fail(`bad date: ${dateError} in '${symbol}'`);
  }
  const expiration = `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return { ok: true, value: { underlying: root, expiration, type, strike: millis / 1000 } };
}

function fail(error: string): OccParseResult {
  return { ok: false, error };
}

/** The last place where six digits are followed by a letter A-Z. */
function findDateAndLetter(text: string): { index: number; yymmdd: string; letter: string } | null {
  for (let i = text.length - 7; i >= 0; i--) {
    const yymmdd = text.slice(i, i + 6);
    const letter = text[i + 6];
    if (/^\d{6}$/.test(yymmdd) && /^[A-Z]$/.test(letter)) {
      return { index: i, yymmdd, letter };
    }
  }
  return null;
}

function checkRoot(root: string): string | null {
  if (root.length === 0) {
    return 'missing root';
  }
  if (root.length > OCC_ROOT_MAX_LENGTH) {
    return `root '${root}' is too long (${root.length} characters, at most ${OCC_ROOT_MAX_LENGTH})`;
  }
  if (!ROOT.test(root)) {
    return `root '${root}' must be A-Z then A-Z or 0-9`;
  }
  return null;
}

function checkCalendarDate(year: number, month: number, day: number, shown: string): string | null {
  if (month < 1 || month > 12) {
    return `'${shown}' has month ${month}`;
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return `'${shown}' has day ${day} (${year}-${String(month).padStart(2, '0')} has ${daysInMonth} days)`;
  }
  return null;
}

/** The strike in thousandths, or why it cannot be encoded. */
function strikeToMillis(strike: number): number | string {
  if (!Number.isFinite(strike) || strike <= 0) {
    return `strike ${strike} must be a positive number`;
  }
  const scaled = strike * 1000;
  const millis = Math.round(scaled);
  // 1e-6 thousandths is far above the rounding error of strike * 1000 (< 2e-8 below 1e8) and far below 1.
  if (Math.abs(scaled - millis) > 1e-6) {
    return `strike ${strike} is not a multiple of 0.001`;
  }
  if (millis > OCC_MAX_STRIKE_MILLIS) {
    return `strike ${strike} does not fit 8 digits (at most 99999.999)`;
  }
  return millis;
}

function typeLetter(type: OptionType): 'C' | 'P' {
  switch (type) {
    case 'call':
      return 'C';
    case 'put':
      return 'P';
  }
}
