import type { Candle } from '../market/market.types';
import {
  atr,
  bollinger,
  computeIndicators,
  ema,
  emaSeries,
  keltner,
  linearRegressionLast,
  openingRange,
  rsi,
  ttmSqueeze,
  vwap,
} from './index';

const T0 = Date.parse('2026-02-13T14:30:00Z');

function bar(i: number, high: number, low: number, close: number, volume = 1000, minutes = 5): Candle {
  return { time: new Date(T0 + i * minutes * 60_000), open: close, high, low, close, volume };
}

const closesOnly = (closes: number[]): Candle[] => closes.map((c, i) => bar(i, c, c, c));

describe('ema', () => {
  it('seeds with the first close and reports once period closes are in (alpha = 2 / (n + 1))', () => {
    // alpha 0.5: 1, 1.5, 2.25, 3.125, 4.0625
    expect(emaSeries(closesOnly([1, 2, 3, 4, 5]), 3)).toEqual([null, null, 2.25, 3.125, 4.0625]);
    expect(ema(closesOnly([1, 2, 3, 4, 5]), 3)).toBe(4.0625);
    expect(ema(closesOnly([1, 2]), 3)).toBeNull();
  });

  it('rejects a period that is not a positive integer', () => {
    expect(() => ema([], 0)).toThrow(RangeError);
    expect(() => atr([], 2.5)).toThrow(RangeError);
  });
});

describe('rsi', () => {
  // Wilder's 14-period worked example (StockCharts' table); the published 70.53 comes from rounded intermediates,
  // the exact values are 70.46, 66.25, ...
  const closes = [
    44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28, 46.0, 46.03,
    46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13,
  ];
  const expected = [
    70.46, 66.25, 66.48, 69.35, 66.29, 57.92, 62.88, 63.21, 56.01, 62.34, 54.67, 50.39, 40.02, 41.49, 41.9, 45.5, 37.32,
    33.09, 37.79,
  ];

  it('matches the worked example at every bar', () => {
    const candles = closesOnly(closes);
    expect(rsi(candles.slice(0, 14))).toBeNull();
    const values = expected.map((_, k) => rsi(candles.slice(0, 15 + k)) as number);
    values.forEach((value, k) => expect(value).toBeCloseTo(expected[k], 2));
  });

  it('is 100 without losses', () => {
    expect(rsi(closesOnly(Array.from({ length: 20 }, (_, i) => 10 + i)))).toBe(100);
  });
});

describe('atr', () => {
  // True ranges 2, 3, 1.5 (seed SMA 2.1667), then 2.5 (gap up) and 3.5 (gap down), Wilder-smoothed over 3.
  const candles = [
    bar(0, 10, 8, 9),
    bar(1, 12, 9.5, 11),
    bar(2, 11.5, 10, 10.5),
    bar(3, 13, 10.5, 12.5),
    bar(4, 12, 9, 9.5),
  ];

  it('averages the true range with Wilder smoothing', () => {
    expect(atr(candles.slice(0, 2), 3)).toBeNull();
    expect(atr(candles.slice(0, 3), 3)).toBeCloseTo(6.5 / 3, 12);
    expect(atr(candles.slice(0, 4), 3)).toBeCloseTo(((6.5 / 3) * 2 + 2.5) / 3, 12);
    expect(atr(candles, 3)).toBeCloseTo(((((6.5 / 3) * 2 + 2.5) / 3) * 2 + 3.5) / 3, 12);
  });
});

describe('bands', () => {
  it('bollinger is the SMA +- k population standard deviations', () => {
    const bands = bollinger(closesOnly([9, 1, 2, 3, 4, 5]), 5, 2)!;
    expect(bands.middle).toBe(3);
    expect(bands.upper).toBeCloseTo(3 + 2 * Math.SQRT2, 12);
    expect(bands.lower).toBeCloseTo(3 - 2 * Math.SQRT2, 12);
    expect(bollinger(closesOnly([1, 2]), 5)).toBeNull();
  });

  it('keltner is the EMA +- k ATR', () => {
    const candles = Array.from({ length: 30 }, (_, i) => bar(i, 100 + (i % 4), 98 - (i % 3), 99 + (i % 5)));
    const channel = keltner(candles, 20, 1.5)!;
    const mid = ema(candles, 20)!;
    const range = atr(candles, 20)!;
    expect(channel).toEqual({ middle: mid, upper: mid + 1.5 * range, lower: mid - 1.5 * range });
  });
});

describe('ttmSqueeze', () => {
  it('is on when price is flat inside a wide range, with zero momentum', () => {
    const candles = Array.from({ length: 40 }, (_, i) => bar(i, 101, 99, 100));
    expect(ttmSqueeze(candles)).toEqual({ squeezeOn: true, momentum: 0, momentumRising: false });
  });

  it('is off in a steady trend, with the LazyBear momentum of a unit-step series', () => {
    // close = i, high = i + 0.5, low = i - 0.5: close - avg(avg(hh, ll), sma) = 9.5 on every bar, so linreg = 9.5.
    const candles = Array.from({ length: 40 }, (_, i) => bar(i, i + 0.5, i - 0.5, i));
    const squeeze = ttmSqueeze(candles)!;
    expect(squeeze.squeezeOn).toBe(false);
    expect(squeeze.momentum).toBeCloseTo(9.5, 9);
    expect(squeeze.momentumRising).toBe(false);
  });

  it('needs 2n - 1 candles', () => {
    const candles = Array.from({ length: 38 }, (_, i) => bar(i, i + 0.5, i - 0.5, i));
    expect(ttmSqueeze(candles)).toBeNull();
    expect(ttmSqueeze([...candles, bar(38, 38.5, 37.5, 38)])!.momentumRising).toBeNull();
  });

  it('evaluates the regression line at the last point', () => {
    expect(linearRegressionLast([1, 3, 2, 6])).toBeCloseTo(5.1, 12); // slope 1.3, mean 3 at x = 1.5
    expect(linearRegressionLast([7])).toBe(7);
  });
});

describe('vwap', () => {
  it('weights typical price by volume from the session start', () => {
    const candles = [bar(0, 50, 40, 45, 999), bar(1, 12, 9, 9, 100), bar(2, 14, 11, 11, 300), bar(3, 15, 12, 12, 0)];
    // typical 10 x 100 + 12 x 300 = 4600 over 400
    expect(vwap(candles, candles[1].time)).toBeCloseTo(11.5, 12);
    expect(vwap(candles)).toBeCloseTo((45 * 999 + 4600) / 1399, 12);
    expect(vwap([bar(0, 1, 1, 1, 0)])).toBeNull();
  });
});

describe('openingRange', () => {
  const open = new Date(T0);
  const candles = [
    bar(-1, 200, 1, 50),
    bar(0, 101, 99, 100),
    bar(1, 103, 100, 102),
    bar(2, 102, 98.5, 99),
    bar(3, 110, 90, 95),
  ];

  it('takes the high and low of the first N minutes', () => {
    expect(openingRange(candles, { sessionOpen: open, minutes: 15 })).toEqual({ high: 103, low: 98.5, complete: true });
    expect(openingRange(candles.slice(0, 3), { sessionOpen: open, minutes: 15 })).toEqual({
      high: 103,
      low: 99,
      complete: false,
    });
    expect(openingRange(candles.slice(0, 1), { sessionOpen: open, minutes: 30 })).toBeNull();
  });
});

describe('computeIndicators', () => {
  it('gives nulls where the candles are too few', () => {
    const snapshot = computeIndicators(closesOnly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(snapshot.ema8).not.toBeNull();
    expect(snapshot).toMatchObject({
      candles: 10,
      lastClose: 10,
      ema21: null,
      atr14: null,
      rsi14: null,
      bollinger: null,
      keltner: null,
      squeeze: null,
      openingRange: null,
    });
    expect(computeIndicators([])).toMatchObject({ candles: 0, lastClose: null, ema8: null, vwap: null });
  });

  it('fills every field with enough candles and a session open', () => {
    const candles = Array.from({ length: 60 }, (_, i) =>
      bar(i, 100 + Math.sin(i) + 1, 100 + Math.sin(i) - 1, 100 + Math.sin(i)),
    );
    const snapshot = computeIndicators(candles, { sessionOpen: candles[20].time, openingRangeMinutes: 30 });
    for (const value of Object.values(snapshot)) {
      expect(value).not.toBeNull();
    }
    expect(snapshot.vwap).toBeCloseTo(vwap(candles.slice(20))!, 12);
    expect(snapshot.openingRange).toEqual(openingRange(candles, { sessionOpen: candles[20].time, minutes: 30 }));
  });
});
