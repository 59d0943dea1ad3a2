import type { BiasDirection, DealerPosition } from '../core-deps';
import type { EntryDirection, RuleResult } from '../engine-a.types';
import type { PortfolioGuardConfig } from '../portfolio-guard.config';

export type GuardDecision = 'ALLOW' | 'REDUCE' | 'BLOCK';

export interface GuardPosition {
  symbol: string;
  direction: EntryDirection;
  /** Current notional of the position (premium x contracts x 100 for options), in account currency, >= 0. */
  notional: number;
}

export interface PortfolioGuardInput {
  openPositions: readonly GuardPosition[];
  /** Account equity (PAPER_ACCOUNT_EQUITY plus realized P&L). */
  equity: number;
  signal: { symbol: string; direction: EntryDirection };
  marketState: { dealerPosition: DealerPosition; biasDirection?: BiasDirection; chopScore?: number | null };
}

export interface GuardRuleResult extends RuleResult {
  action: GuardDecision;
  /** 1 for ALLOW, in (0, 1) for REDUCE, 0 for BLOCK. */
  sizeMultiplier: number;
}

export interface GuardRule {
  name: string;
  evaluate(input: PortfolioGuardInput, config: PortfolioGuardConfig): GuardRuleResult;
}

export const ALLOW = (detail: string): GuardRuleResult => ({
  pass: true,
  code: 'ok',
  detail,
  action: 'ALLOW',
  sizeMultiplier: 1,
});

export const REDUCE = (code: string, detail: string, sizeMultiplier: number): GuardRuleResult => ({
  pass: false,
  code,
  detail,
  action: 'REDUCE',
  sizeMultiplier,
});

export const BLOCK = (code: string, detail: string): GuardRuleResult => ({
  pass: false,
  code,
  detail,
  action: 'BLOCK',
  sizeMultiplier: 0,
});

export const sameSymbol = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

export const pct = (value: number): string => `${value.toFixed(1)}%`;
