import type { ConfluenceResult } from '../confluence';
import { limits, NOW, snapshot } from './risk.fixtures';
import { confluenceGate } from './confluence.gate';

const scored = (score: number): ConfluenceResult => ({
  score,
  components: { flow: 0, gamma: 0, alignment: 0 },
  flowStrength: 0,
  gammaStrength: 0,
  threshold: 50,
  tradeGatePasses: score >= 50,
  reasons: [],
});

describe('confluenceGate', () => {
  const on = limits({ confluenceGateEnabled: true });

  it('when_disabled_then_passes_even_below_threshold', () => {
    expect(confluenceGate(snapshot({ confluence: scored(10) }), limits(), NOW).pass).toBe(true);
  });

  it('when_score_equals_threshold_then_passes_and_one_below_then_blocks', () => {
    expect(confluenceGate(snapshot({ confluence: scored(50) }), on, NOW).pass).toBe(true);
    expect(confluenceGate(snapshot({ confluence: scored(49) }), on, NOW)).toEqual({
      pass: false,
      code: 'confluence_below_threshold',
      detail: 'confluence 49 vs threshold 50',
      action: 'block',
    });
  });

  it('uses the configured threshold, not the one on the result', () => {
    expect(confluenceGate(snapshot({ confluence: scored(60) }), { ...on, confluenceMinThreshold: 70 }, NOW).pass).toBe(
      false,
    );
  });

  it('when_enabled_and_no_result_then_blocks_confluence_unavailable', () => {
    expect(confluenceGate(snapshot(), on, NOW).code).toBe('confluence_unavailable');
  });
});
