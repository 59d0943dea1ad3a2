import Decimal from 'decimal.js';

/** Number or decimal string: PostgreSQL NUMERIC columns arrive as strings. */
export type DecimalInput = string | number;

/** Parses a number or decimal string; throws on NaN, ±Infinity or text that is not a number. */
export function toDecimal(value: DecimalInput, name: string): Decimal {
  let parsed: Decimal;
  try {
    parsed = new Decimal(typeof value === 'string' ? value.trim() : value);
  } catch {
    throw new RangeError(`${name} is not a number: ${String(value)}`);
  }
  if (!parsed.isFinite()) {
    throw new RangeError(`${name} must be finite, got ${String(value)}`);
  }
  return parsed;
}
