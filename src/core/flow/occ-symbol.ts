import type { OptionType } from '../market/market.types';

/** OCC option symbol: root (1-6), yymmdd, C/P, strike x 1000 in 8 digits. Spaces may pad the root. */
export const OCC_SYMBOL = /^([A-Z][A-Z0-9.]{0,5})\s*(\d{6})([CP])(\d{8})$/;

/**
 * The C/P letter after the six date digits of an OCC symbol (Polygon's `O:` prefix allowed), or null. Flow only needs
 * the type; src/core/occ parses and validates the whole symbol.
 */
export function occOptionType(symbol: string): OptionType | null {
  const text = symbol.trim().toUpperCase();
  const match = OCC_SYMBOL.exec(text.startsWith('O:') ? text.slice(2) : text);
  if (!match) {
    return null;
  }
  return match[3] === 'C' ? 'call' : 'put';
}
