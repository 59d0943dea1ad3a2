import { limits, NOW, snapshot } from './risk.fixtures';
import { killSwitchGate } from './kill-switch.gate';

describe('killSwitchGate', () => {
  it('when_kill_switch_off_then_passes', () => {
    expect(killSwitchGate(snapshot(), limits(), NOW)).toMatchObject({ pass: true, code: 'ok' });
  });

  it('when_kill_switch_on_then_blocks_with_kill_switch_active', () => {
    expect(killSwitchGate(snapshot({ killSwitch: true }), limits(), NOW)).toEqual({
      pass: false,
      code: 'kill_switch_active',
      detail: 'kill switch is on: no new entries',
      action: 'block',
    });
  });
});
