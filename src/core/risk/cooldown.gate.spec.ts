import { limits, minutesBefore, NOW, snapshot } from './risk.fixtures';
import { cooldownGate } from './cooldown.gate';

describe('cooldownGate', () => {
  it('when_no_trade_on_the_symbol_then_passes', () => {
    const verdict = cooldownGate(snapshot({ lastTradeAtBySymbol: { QQQ: NOW } }), limits(), NOW);
    expect(verdict).toMatchObject({ pass: true, detail: 'no trade on SPY today' });
  });

  it('when_traded_4_min_59_s_ago_then_blocks_cooldown_active', () => {
    const at = new Date(NOW.getTime() - 299_000);
    expect(cooldownGate(snapshot({ lastTradeAtBySymbol: { spy: at } }), limits(), NOW)).toMatchObject({
      pass: false,
      code: 'cooldown_active',
    });
  });

  it('when_traded_exactly_5_min_ago_then_passes', () => {
    const at = minutesBefore(NOW, 5);
    expect(cooldownGate(snapshot({ lastTradeAtBySymbol: { SPY: at } }), limits(), NOW).pass).toBe(true);
  });

  it('when_cooldown_is_zero_then_passes', () => {
    const verdict = cooldownGate(snapshot({ lastTradeAtBySymbol: { SPY: NOW } }), limits({ cooldownMinutes: 0 }), NOW);
    expect(verdict.pass).toBe(true);
  });

  it('when_last_trade_is_in_the_future_then_blocks', () => {
    const future = new Date(NOW.getTime() + 60_000);
    expect(cooldownGate(snapshot({ lastTradeAtBySymbol: { SPY: future } }), limits(), NOW).pass).toBe(false);
  });
});
