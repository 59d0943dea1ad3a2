export { passesConfluenceGate } from '../confluence';
import { parseOccSymbol } from '../occ';
import type { SignalAction, SignalDirection } from '../signal/signal.types';
import { RISK_CODES } from './risk-codes';
import type { GateVerdict, RiskLimits, RiskPendingOrder, RiskPosition, RiskSnapshot } from './risk.types';

export const ok = (detail: string): GateVerdict => ({ pass: true, code: RISK_CODES.ok, detail });

export const block = (code: string, detail: string): GateVerdict => ({ pass: false, code, detail, action: 'block' });

/** Entries and adds open risk; exits and cancels do not. */
export const opensRisk = (action: SignalAction): boolean => action === 'entry' || action === 'add';

export const sameSymbol = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** Positions still holding capacity and exposure: open or closing. */
export const activePositions = (positions: readonly RiskPosition[]): RiskPosition[] =>
  positions.filter((position) => position.status !== 'closed');

/** A pending order's side from its OCC symbol (call = long, put = short); null when the symbol does not parse. */
export function pendingOrderDirection(order: RiskPendingOrder): SignalDirection | null {
  const parsed = parseOccSymbol(order.optionSymbol);
  if (!parsed.ok) {
    return null;
  }
  return parsed.value.type === 'call' ? 'long' : 'short';
}

/** Market value of the non-closed positions, dollars. */
export function openExposure(snapshot: RiskSnapshot, limits: RiskLimits): number {
  return activePositions(snapshot.positions).reduce(
    (sum, position) => sum + Math.abs(position.quantity) * position.currentPrice * limits.contractMultiplier,
    0,
  );
}

/** The proposed order's cost at the quantity that would be placed (capped at MAX_POSITION_SIZE), dollars. */
export function proposedExposure(snapshot: RiskSnapshot, limits: RiskLimits): number {
  const proposed = snapshot.proposed;
  if (!proposed) {
    return 0;
  }
  return Math.min(proposed.quantity, limits.maxPositionSize) * proposed.premium * limits.contractMultiplier;
}

export const usd = (amount: number): string => `${amount < 0 ? '-' : ''}$${Math.abs(amount).toFixed(2)}`;

export const minutes = (ms: number): string => {
  const value = ms / 60_000;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
};
