import { evaluateExit } from './evaluate-exit';
import type { ExitConfig } from './exit.config';
import type { ExitAction, ExitBias, ExitPosition, ExitTier } from './exit.types';
import { bias, CONFIG, market, position } from './exits.fixtures';
import scenarios from './fixtures/exit-scenarios.json';

interface Scenario {
  name: string;
  now: string;
  position?: Partial<ExitPosition> & { entryTime?: string };
  market?: { bias?: Partial<ExitBias> | null };
  config?: Partial<ExitConfig>;
  expect: { action: ExitAction; quantity: number; code: string; tier: ExitTier; pnlPercent?: number | null };
}

/** Scenario file (STYLE.md rule 8): each row is the section 17 position with overrides, and the expected decision. */
describe('evaluateExit scenarios (fixtures/exit-scenarios.json)', () => {
  it.each((scenarios as Scenario[]).map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const { entryTime, ...overrides } = scenario.position ?? {};
    const p = position({ ...overrides, ...(entryTime ? { entryTimeMs: Date.parse(entryTime) } : {}) });
    const m =
      scenario.market?.bias === undefined
        ? market()
        : market({ bias: scenario.market.bias === null ? null : bias(scenario.market.bias) });
    const decision = evaluateExit(p, m, { ...CONFIG, ...scenario.config }, Date.parse(scenario.now));

    const { pnlPercent, ...rest } = scenario.expect;
    expect(decision).toMatchObject(rest);
    if (pnlPercent === null) {
      expect(decision.pnlPercent).toBeNull();
    } else if (pnlPercent !== undefined) {
      expect(decision.pnlPercent).toBeCloseTo(pnlPercent, 2);
    }
    if (decision.action !== 'HOLD') {
      expect(decision.reasons.length).toBeGreaterThanOrEqual(1);
    }
  });
});
