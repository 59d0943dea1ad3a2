import { limits, NOW, snapshot } from './risk.fixtures';
import { dailyTradesGate } from './daily-trades.gate';

describe('dailyTradesGate', () => {
  it('when_cap_is_zero_then_unlimited', () => {
    expect(dailyTradesGate(snapshot({ tradesToday: 10_000 }), limits(), NOW).pass).toBe(true);
  });

  it('when_one_under_the_cap_then_passes_and_at_the_cap_then_blocks', () => {
    const capped = limits({ maxDailyTrades: 500 });
    expect(dailyTradesGate(snapshot({ tradesToday: 499 }), capped, NOW).pass).toBe(true);
    expect(dailyTradesGate(snapshot({ tradesToday: 500 }), capped, NOW)).toMatchObject({
      pass: false,
      code: 'daily_trade_limit',
    });
  });
});
