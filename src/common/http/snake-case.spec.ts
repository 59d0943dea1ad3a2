import { toSnakeCase } from './snake-case';

describe('toSnakeCase', () => {
  it('converts camelCase keys deeply and leaves data keys and values alone', () => {
    expect(
      toSnakeCase({
        winRate: 50,
        winRateByRegime: { TRENDING: { avgWin: 1 }, 'gamma-flow': [{ pnlR: 2 }] },
        list: [{ maxDrawdown: { percent: 1 } }],
        when: new Date(0),
        name: 'camelValue',
      }),
    ).toEqual({
      win_rate: 50,
      win_rate_by_regime: { TRENDING: { avg_win: 1 }, 'gamma-flow': [{ pnl_r: 2 }] },
      list: [{ max_drawdown: { percent: 1 } }],
      when: new Date(0),
      name: 'camelValue',
    });
  });
});
