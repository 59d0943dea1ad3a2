import { evaluateMarketSession } from '../calendar';
import { limits, minutesBefore, NOW, signal, snapshot, WEEKEND } from './risk.fixtures';
import { marketHoursGate } from './market-hours.gate';

describe('marketHoursGate', () => {
  it('when_regular_session_then_passes', () => {
    expect(marketHoursGate(snapshot(), limits(), NOW)).toMatchObject({ pass: true, code: 'ok' });
  });

  it('when_closed_and_signal_fresh_then_blocks_market_closed', () => {
    const base = snapshot({}, WEEKEND);
    expect(marketHoursGate(base, limits(), WEEKEND)).toMatchObject({ pass: false, code: 'market_closed' });
  });

  it('when_closed_and_signal_exactly_30_min_old_then_market_closed_not_stale', () => {
    const base = snapshot({}, WEEKEND);
    const at30 = { ...base, signal: signal(base, { timestamp: minutesBefore(WEEKEND, 30) }) };
    expect(marketHoursGate(at30, limits(), WEEKEND).code).toBe('market_closed');
  });

  it('when_closed_and_signal_older_than_max_age_then_blocks_signal_stale', () => {
    const base = snapshot({}, WEEKEND);
    const old = { ...base, signal: signal(base, { timestamp: minutesBefore(WEEKEND, 31) }) };
    expect(marketHoursGate(old, limits(), WEEKEND)).toMatchObject({ pass: false, code: 'signal_stale' });
  });

  it('when_premarket_not_allowed_then_blocks_and_when_allowed_then_passes', () => {
    const premarket = new Date('2026-02-13T13:00:00Z'); // 08:00 ET
    const closed = snapshot({ marketSession: evaluateMarketSession(premarket) }, premarket);
    const allowed = snapshot({ marketSession: evaluateMarketSession(premarket, { allowPremarket: true }) }, premarket);
    expect(marketHoursGate(closed, limits(), premarket).code).toBe('market_closed');
    expect(marketHoursGate(allowed, limits(), premarket).pass).toBe(true);
  });
});
