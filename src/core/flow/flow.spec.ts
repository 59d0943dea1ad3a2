import { flowSentiment, occOptionType, summarizeFlow, type FlowEntry } from './index';

const NOW = new Date('2026-02-13T15:30:00Z');
const minutesAgo = (m: number): Date => new Date(NOW.getTime() - m * 60_000);

function print(
  optionSymbol: string,
  side: FlowEntry['side'],
  size: number,
  price: number,
  extra: Partial<FlowEntry> = {},
): FlowEntry {
  return { optionSymbol, side, size, price, timestamp: minutesAgo(1), ...extra };
}

describe('occOptionType', () => {
  it('reads the C/P letter after the six date digits', () => {
    expect(occOptionType('SPY260220C00596000')).toBe('call');
    expect(occOptionType('BRK.B 260320P00412500')).toBe('put');
    expect(occOptionType('O:SPY260220P00590000')).toBe('put');
    expect(occOptionType('spy260220c00596000')).toBe('call');
    expect(occOptionType('SPY 596C')).toBeNull();
  });
});

describe('flowSentiment', () => {
  it('calls bought and puts sold are bullish; calls sold and puts bought bearish; unknown side by type', () => {
    expect(flowSentiment('call', 'buy')).toBe('bullish');
    expect(flowSentiment('put', 'sell')).toBe('bullish');
    expect(flowSentiment('call', 'sell')).toBe('bearish');
    expect(flowSentiment('put', 'buy')).toBe('bearish');
    expect(flowSentiment('call', 'unknown')).toBe('bullish');
    expect(flowSentiment('put', 'unknown')).toBe('bearish');
  });
});

describe('summarizeFlow', () => {
  const entries: FlowEntry[] = [
    print('SPY260220C00596000', 'buy', 10, 3.45), // call, bullish, 3,450
    print('SPY260220P00590000', 'sell', 20, 2.0), // put, bullish, 4,000
    print('SPY260220C00600000', 'sell', 5, 1.2), // call, bearish, 600
    print('SPY260220P00585000', 'buy', 8, 1.5), // put, bearish, 1,200
    print('SPY260220C00605000', 'unknown', 1, 0.5, { premium: 75 }), // call, bullish, feed premium 75
    print('SPY260220P00580000', 'unknown', 4, 0.8), // put, bearish, 320
  ];

  it('totals premium by type and by sentiment', () => {
    const summary = summarizeFlow(entries, { now: NOW });
    expect(summary.callPremium).toBeCloseTo(3450 + 600 + 75, 9);
    expect(summary.putPremium).toBeCloseTo(4000 + 1200 + 320, 9);
    expect(summary.bullishPremium).toBeCloseTo(3450 + 4000 + 75, 9);
    expect(summary.bearishPremium).toBeCloseTo(600 + 1200 + 320, 9);
    expect(summary.netFlow).toBeCloseTo(7525 - 2120, 9);
    expect(summary.callCount).toBe(3);
    expect(summary.putCount).toBe(3);
    expect(summary.putCallPremiumRatio).toBeCloseTo(5520 / 4125, 12);
    expect(summary.entries).toBe(6);
    expect(summary.rejected).toBe(0);
    expect(summary.asOf).toBe(NOW);
  });

  it('keeps the five largest prints, largest first', () => {
    const summary = summarizeFlow(entries, { now: NOW });
    expect(summary.largestTrades.map((t) => Math.round(t.premium))).toEqual([4000, 3450, 1200, 600, 320]);
    expect(summary.largestTrades[0]).toMatchObject({ type: 'put', side: 'sell', sentiment: 'bullish' });
  });

  it('takes the type given over the symbol and rejects unreadable or future prints', () => {
    const summary = summarizeFlow(
      [
        print('WEIRD', 'buy', 1, 1, { type: 'put' }),
        print('WEIRD', 'buy', 1, 1),
        print('SPY260220C00596000', 'buy', 0, 1),
        print('SPY260220C00596000', 'buy', 1, 1, { timestamp: new Date(NOW.getTime() + 1000) }),
      ],
      { now: NOW },
    );
    expect(summary.entries).toBe(1);
    expect(summary.putPremium).toBe(100);
    expect(summary.rejected).toBe(3);
    expect(summary.putCallPremiumRatio).toBeNull();
  });

  it('counts only prints inside the window ending at now', () => {
    const summary = summarizeFlow(
      [
        print('SPY260220C00596000', 'buy', 1, 1, { timestamp: minutesAgo(29) }),
        print('SPY260220C00596000', 'buy', 1, 1, { timestamp: minutesAgo(30) }),
        print('SPY260220C00596000', 'buy', 1, 1, { timestamp: minutesAgo(45) }),
      ],
      { now: NOW, windowMinutes: 30 },
    );
    expect(summary.entries).toBe(1);
    expect(summary.windowStart).toEqual(minutesAgo(30));
  });

  it('is all zeros for no prints', () => {
    const summary = summarizeFlow([], { now: NOW });
    expect(summary).toMatchObject({ callPremium: 0, putPremium: 0, netFlow: 0, entries: 0, largestTrades: [] });
  });
});
