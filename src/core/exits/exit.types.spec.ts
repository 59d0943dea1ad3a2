import { EXIT_PASS, fullExit, partialExit, tightenStop } from './exit.types';

describe('exit rule results', () => {
  it('shares one frozen passing result', () => {
    expect(EXIT_PASS).toEqual({ pass: true, code: 'ok', detail: '', action: 'HOLD', fraction: 0 });
    expect(Object.isFrozen(EXIT_PASS)).toBe(true);
  });

  it('builds failing results with their action and fraction', () => {
    expect(fullExit('stop_loss', 'd')).toEqual({
      pass: false,
      code: 'stop_loss',
      detail: 'd',
      action: 'FULL_EXIT',
      fraction: 1,
    });
    expect(partialExit('x', 'd', 0.5)).toMatchObject({ action: 'PARTIAL_EXIT', fraction: 0.5 });
    expect(tightenStop('y', 'd')).toMatchObject({ action: 'TIGHTEN_STOP', fraction: 0 });
  });
});
