import { DEFAULT_ENTRY_DECISION_CONFIG } from './entry-decision.config';
import type { EntryDecisionConfig } from './entry-decision.config';
import { evaluateEntryDecision } from './entry-decision';
import type { EntryDecisionInput } from './engine-a.types';
import {
  chopTooHighRule,
  closeGraceRule,
  confidenceHardFloorRule,
  confidenceSoftFloorRule,
  marketClosedRule,
  missingPriceRule,
  notAnEntryRule,
  openingMinutesRule,
  signalStaleRule,
} from './entry-rules';
import type { EntryRule } from './entry-rules';
import { evaluateMarketSession } from './core-deps';

/** Friday 2026-02-13 10:30 ET (EST, UTC-5): the spec trace on a trading day. */
const TRACE_NOW = new Date('2026-02-13T15:30:00Z');
const config: EntryDecisionConfig = { ...DEFAULT_ENTRY_DECISION_CONFIG };

const traceInput = (over: Partial<EntryDecisionInput> = {}): EntryDecisionInput => ({
  symbol: 'SPY',
  direction: 'long',
  action: 'entry',
  signalTime: new Date('2026-02-13T15:29:30Z'),
  price: 595.42,
  confidence: 75,
  chopScore: 35,
  dealerPosition: 'long_gamma',
  ...over,
});

const runRule = (rule: EntryRule, input: EntryDecisionInput, now = TRACE_NOW, cfg = config) =>
  rule.evaluate({
    input,
    config: cfg,
    now,
    session: evaluateMarketSession(now, {
      allowPremarket: cfg.allowPremarket,
      allowAfterhours: cfg.allowAfterhours,
      graceMinutes: cfg.closeGraceMinutes,
    }),
  });

describe('entry rules', () => {
  it.each<[EntryRule, Partial<EntryDecisionInput>, Date, string]>([
    [notAnEntryRule, { action: 'exit' }, TRACE_NOW, 'action_not_entry'],
    [notAnEntryRule, { action: 'cancel' }, TRACE_NOW, 'action_not_entry'],
    [marketClosedRule, {}, new Date('2026-02-14T15:30:00Z'), 'market_closed_for_entry'],
    [marketClosedRule, {}, new Date('2026-02-13T13:00:00Z'), 'market_closed_for_entry'],
    [signalStaleRule, { signalTime: new Date('2026-02-13T14:59:59Z') }, TRACE_NOW, 'signal_stale'],
    [signalStaleRule, { signalTime: new Date('2026-02-13T15:32:00Z') }, TRACE_NOW, 'signal_time_in_future'],
    [signalStaleRule, { signalTime: new Date('nope') }, TRACE_NOW, 'signal_time_invalid'],
    [missingPriceRule, { price: null }, TRACE_NOW, 'price_unavailable'],
    [missingPriceRule, { price: 0 }, TRACE_NOW, 'price_unavailable'],
    [missingPriceRule, { price: Number.NaN }, TRACE_NOW, 'price_unavailable'],
    [confidenceHardFloorRule, { confidence: 19 }, TRACE_NOW, 'confidence_below_hard_floor'],
    [confidenceHardFloorRule, { confidence: null }, TRACE_NOW, 'confidence_missing'],
    [closeGraceRule, {}, new Date('2026-02-13T20:55:00Z'), 'approaching_close'],
    [openingMinutesRule, {}, new Date('2026-02-13T14:32:00Z'), 'opening_range_wait'],
    [confidenceSoftFloorRule, { confidence: 39 }, TRACE_NOW, 'confidence_below_soft_floor'],
    [chopTooHighRule, { chopScore: 80 }, TRACE_NOW, 'chop_too_high'],
  ])('when %p fails then it gives its code (%#)', (rule, over, now, code) => {
    const result = runRule(rule, traceInput(over), now);
    expect(result).toMatchObject({ pass: false, code });
    expect(result.detail.length).toBeGreaterThan(0);
  });

  it.each<[EntryRule, Partial<EntryDecisionInput>, Date]>([
    [notAnEntryRule, { action: 'entry' }, TRACE_NOW],
    [notAnEntryRule, { action: 'add' }, TRACE_NOW],
    [marketClosedRule, {}, TRACE_NOW],
    [signalStaleRule, { signalTime: new Date('2026-02-13T15:00:00Z') }, TRACE_NOW], // exactly 30 min: not stale
    [signalStaleRule, { signalTime: new Date('2026-02-13T15:30:59Z') }, TRACE_NOW], // within the skew allowance
    [missingPriceRule, {}, TRACE_NOW],
    [confidenceHardFloorRule, { confidence: 20 }, TRACE_NOW],
    [closeGraceRule, {}, new Date('2026-02-13T20:49:00Z')],
    [openingMinutesRule, {}, new Date('2026-02-13T14:35:00Z')],
    [openingMinutesRule, {}, new Date('2026-02-14T15:30:00Z')],
    [confidenceSoftFloorRule, { confidence: 40 }, TRACE_NOW],
    [confidenceSoftFloorRule, { confidence: null }, TRACE_NOW],
    [chopTooHighRule, { chopScore: 79 }, TRACE_NOW],
    [chopTooHighRule, { chopScore: null }, TRACE_NOW],
  ])('when %p holds then it passes with ok (%#)', (rule, over, now) => {
    expect(runRule(rule, traceInput(over), now)).toMatchObject({ pass: true, code: 'ok' });
  });

  it('opens the market for entries in pre-market only when allowed', () => {
    const premarket = new Date('2026-02-13T13:00:00Z');
    expect(runRule(marketClosedRule, traceInput(), premarket, { ...config, allowPremarket: true }).pass).toBe(true);
  });
});

describe('evaluateEntryDecision', () => {
  it('when the spec trace inputs arrive on a trading day then it enters long with a call and immediate urgency', () => {
    const decision = evaluateEntryDecision(traceInput(), config, TRACE_NOW);
    expect(decision).toMatchObject({ decision: 'ENTER', tier: 3, code: 'enter' });
    expect(decision.instruction).toMatchObject({
      symbol: 'SPY',
      direction: 'long',
      optionType: 'call',
      urgency: 'immediate',
      confidence: 75,
      price: 595.42,
    });
    expect(decision.instruction?.reasons).toContain('dealer position: long_gamma');
    expect(decision.verdicts).toHaveLength(9);
    expect(decision.verdicts.every((v) => v.pass)).toBe(true);
  });

  it('when confidence is between the soft floor and the urgency threshold then urgency is normal; short gives a put', () => {
    const decision = evaluateEntryDecision(traceInput({ confidence: 50, direction: 'short' }), config, TRACE_NOW);
    expect(decision.instruction).toMatchObject({ urgency: 'normal', optionType: 'put', direction: 'short' });
  });

  it('when a Tier 1 and a Tier 2 rule both fail then Tier 1 wins with BLOCK', () => {
    // stale (Tier 1) and within the opening minutes + low confidence + chop (Tier 2)
    const now = new Date('2026-02-13T14:32:00Z');
    const decision = evaluateEntryDecision(
      traceInput({ signalTime: new Date('2026-02-13T13:00:00Z'), confidence: 30, chopScore: 95 }),
      config,
      now,
    );
    expect(decision).toMatchObject({ decision: 'BLOCK', tier: 1, code: 'signal_stale', instruction: null });
    expect(decision.verdicts.filter((v) => !v.pass).map((v) => v.code)).toEqual([
      'signal_stale',
      'opening_range_wait',
      'confidence_below_soft_floor',
      'chop_too_high',
    ]);
  });

  it('when only Tier 2 rules fail then it waits with the first failing Tier 2 code', () => {
    const decision = evaluateEntryDecision(traceInput({ confidence: 30, chopScore: 90 }), config, TRACE_NOW);
    expect(decision).toMatchObject({ decision: 'WAIT', tier: 2, code: 'confidence_below_soft_floor' });
  });

  it('when several Tier 1 rules fail then the first in order gives the code', () => {
    const decision = evaluateEntryDecision(traceInput({ action: 'exit', price: null }), config, TRACE_NOW);
    expect(decision).toMatchObject({ decision: 'BLOCK', code: 'action_not_entry' });
  });

  it('when the market is closed (Saturday) then it blocks even a fresh signal', () => {
    const now = new Date('2026-02-14T15:30:00Z');
    const decision = evaluateEntryDecision(traceInput({ signalTime: now }), config, now);
    expect(decision).toMatchObject({ decision: 'BLOCK', code: 'market_closed_for_entry' });
  });

  it('when rules are given out of tier order then Tier 1 still takes precedence', () => {
    const decision = evaluateEntryDecision(traceInput({ confidence: 10 }), config, TRACE_NOW, [
      confidenceSoftFloorRule,
      confidenceHardFloorRule,
    ]);
    expect(decision).toMatchObject({ decision: 'BLOCK', code: 'confidence_below_hard_floor' });
    expect(decision.verdicts.map((v) => v.tier)).toEqual([1, 2]);
  });
});
