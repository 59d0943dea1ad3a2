import type { OccContract } from './occ-symbol';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `SPY 2026-02-20 596 Call`: the long, unambiguous label. */
export function occLabel(contract: OccContract): string {
  const type = contract.type === 'call' ? 'Call' : 'Put';
  return `${contract.underlying} ${contract.expiration} ${formatStrike(contract.strike)} ${type}`;
}

/** `$596C Feb 20 '26`: the short label of trading screens (no underlying). */
export function occShortLabel(contract: OccContract): string {
  const [yyyy, mm, dd] = contract.expiration.split('-');
  const month = MONTHS[Number(mm) - 1] ?? mm;
  const letter = contract.type === 'call' ? 'C' : 'P';
  return `$${formatStrike(contract.strike)}${letter} ${month} ${Number(dd)} '${yyyy.slice(2)}`;
}

/** 596 -> '596', 4.5 -> '4.5', 596.125 -> '596.125': at most three decimals, no trailing zeros. */
function formatStrike(strike: number): string {
  return String(Math.round(strike * 1000) / 1000);
}
