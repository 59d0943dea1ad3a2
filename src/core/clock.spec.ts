import { ManualClock, SimulatedClock, wallMsUntil } from './clock';

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

  it('converts a wait on the platform clock to wall time at CLOCK_SPEED', () => {
    const now = new Date('2026-02-14T15:30:00Z');
    const tuesdayOpen = new Date('2026-02-17T14:30:00Z');
    const platformMs = tuesdayOpen.getTime() - now.getTime();
    expect(wallMsUntil(tuesdayOpen, now, 1, 1000)).toBe(platformMs + 1000);
    expect(wallMsUntil(tuesdayOpen, now, 60, 1000)).toBe(Math.ceil(platformMs / 60) + 1000);
    expect(wallMsUntil(new Date('2026-02-14T15:30:00.001Z'), now, 1000)).toBe(1);
    // Already past: only the margin.
    expect(wallMsUntil(now, tuesdayOpen, 60, 1000)).toBe(1000);
    expect(wallMsUntil(now, tuesdayOpen, 60)).toBe(0);
  });
});
