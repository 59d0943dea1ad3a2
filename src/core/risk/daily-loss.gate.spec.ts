import { limits, NOW, snapshot } from './risk.fixtures';
import { dailyLossGate } from './daily-loss.gate';

describe('dailyLossGate', () => {
  it('when_loss_just_under_the_cap_then_passes', () => {
    const verdict = dailyLossGate(snapshot({ realizedPnlToday: -600, unrealizedPnl: -399.99 }), limits(), NOW);
    expect(verdict.pass).toBe(true);
  });

  it('when_realized_plus_unrealized_reaches_the_cap_then_blocks', () => {
    const verdict = dailyLossGate(snapshot({ realizedPnlToday: -600, unrealizedPnl: -400 }), limits(), NOW);
    expect(verdict).toMatchObject({ pass: false, code: 'daily_loss_limit', action: 'block' });
  });

  it('when_unrealized_gains_offset_realized_losses_then_passes', () => {
    expect(dailyLossGate(snapshot({ realizedPnlToday: -1_500, unrealizedPnl: 800 }), limits(), NOW).pass).toBe(true);
  });
});
