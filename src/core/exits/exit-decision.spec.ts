import { evaluateExitTiers, explainExitRules, firstFiringRule } from './exit-decision';
import { EXIT_RULES } from './exit-rules';
import { EXIT_TIER_RULES } from './exit-tiers';
import { CONFIG, ENTRY_MS, EXPIRY_CLOSE_MS, HOUR_MS, markFor, position, TRACE_NOW_MS } from './exits.fixtures';

describe('exit decision engine', () => {
  it('returns null when no tier fires (the section 17 step 9 mark)', () => {
    expect(evaluateExitTiers(position(), CONFIG, TRACE_NOW_MS)).toBeNull();
  });

  it('lets Tier 1 win over a Tier 2 rule that also fires', () => {
    const verdict = evaluateExitTiers(position({ currentPrice: 0.03 }), CONFIG, EXPIRY_CLOSE_MS - HOUR_MS);
    expect(verdict).toMatchObject({ rule: 'option_worthless', tier: 1, action: 'FULL_EXIT' });
  });

  it('lets Tier 2 protection win over Tier 3 profit taking', () => {
    const verdict = evaluateExitTiers(position({ currentPrice: markFor(35) }), CONFIG, EXPIRY_CLOSE_MS - 30 * HOUR_MS);
    expect(verdict).toMatchObject({ code: 'expiry_gain_partial', tier: 2 });
  });

  it('prefers the stagnant partial over the give-back tighten within Tier 4', () => {
    const p = position({ highWaterPrice: markFor(30), currentPrice: markFor(5) });
    expect(evaluateExitTiers(p, CONFIG, ENTRY_MS + 80 * HOUR_MS)).toMatchObject({ code: 'stagnant_partial', tier: 4 });
    expect(evaluateExitTiers(p, CONFIG, ENTRY_MS + 10 * HOUR_MS)).toMatchObject({ code: 'profit_giveback', tier: 4 });
  });

  it('runs only the price-free rules without a mark', () => {
    const p = position({ currentPrice: null });
    expect(evaluateExitTiers(p, CONFIG, TRACE_NOW_MS)).toBeNull();
    expect(evaluateExitTiers(p, CONFIG, EXPIRY_CLOSE_MS)).toMatchObject({ code: 'expired' });
    expect(firstFiringRule(EXIT_RULES, p, CONFIG, ENTRY_MS + 121 * HOUR_MS, false)).toMatchObject({
      code: 'max_hold_time',
    });
  });

  it('explains every rule, firing or not', () => {
    const verdicts = explainExitRules(EXIT_TIER_RULES, position({ currentPrice: markFor(32) }), CONFIG, TRACE_NOW_MS);
    expect(verdicts).toHaveLength(EXIT_TIER_RULES.length);
    expect(verdicts.filter((v) => !v.pass).map((v) => v.code)).toEqual(['first_target_partial']);
  });

  it('marks price rules as passing with "no mark" in explanations without a mark', () => {
    const verdicts = explainExitRules(EXIT_RULES, position({ currentPrice: null }), CONFIG, TRACE_NOW_MS);
    expect(verdicts.find((v) => v.rule === 'stop_loss')).toMatchObject({ pass: true, detail: 'no mark' });
  });
});
