import type { ChainQuery, OptionQuote } from '../../../core/market/market.types';

/** Keeps the contracts a {@link ChainQuery} asks for (expirations, type, strike band around spot). */
export function applyChainQuery(contracts: OptionQuote[], spot: number, query: ChainQuery | undefined): OptionQuote[] {
  if (!query) {
    return contracts;
  }
  const expirations = query.expirations && query.expirations.length > 0 ? new Set(query.expirations) : null;
  const band = strikeBounds(spot, query.strikeBand);
  return contracts.filter(
    (c) =>
      (expirations === null || expirations.has(c.expiration)) &&
      (query.type === undefined || c.type === query.type) &&
      (band === null || (c.strike >= band.min && c.strike <= band.max)),
  );
}

/** The strike window `spot * (1 -+ band)`; null without a band or a usable spot. */
export function strikeBounds(spot: number, strikeBand: number | undefined): { min: number; max: number } | null {
  if (strikeBand === undefined || !(strikeBand >= 0) || !(spot > 0)) {
    return null;
  }
  return { min: spot * (1 - strikeBand), max: spot * (1 + strikeBand) };
}

/** Contracts sorted by expiration, then strike, calls before puts. */
export function sortContracts(contracts: OptionQuote[]): OptionQuote[] {
  return [...contracts].sort(
    (a, b) =>
      a.expiration.localeCompare(b.expiration) ||
      a.strike - b.strike ||
      (a.type === b.type ? 0 : a.type === 'call' ? -1 : 1),
  );
}
