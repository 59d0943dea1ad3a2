import { ManualClock, SimulatedClock } from './clock';

describe('clocks', () => {
  it('a manual clock moves only when told', () => {
    const clock = new ManualClock('2026-02-17T14:30:00Z');
    expect(clock.now().toISOString()).toBe('2026-02-17T14:30:00.000Z');
    clock.advance(61_000);
    expect(clock.now().toISOString()).toBe('2026-02-17T14:31:01.000Z');
    clock.set('2026-03-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('a simulated clock starts at CLOCK_START and runs CLOCK_SPEED times real time', () => {
    let real = 1_000_000;
    const clock = new SimulatedClock(new Date('2026-02-17T14:30:00Z'), 60, () => real);
    expect(clock.now().toISOString()).toBe('2026-02-17T14:30:00.000Z');
    real += 1000;
    expect(clock.now().toISOString()).toBe('2026-02-17T14:31:00.000Z');
  });
});
