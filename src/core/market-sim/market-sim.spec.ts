import type { Candle, OptionChain, OptionQuote } from '../market/market.types';
import {
  ANCHOR_DATE,
  optionTick,
  sessionPath,
  simCandleSeries,
  simOptionChain,
  simOptionQuote,
  simStockQuote,
  symbolProfile,
} from './index';

const CONFIG = { seed: 42, riskFreeRate: 0.04 };
/** Tuesday 2026-02-17, 10:30 New York. */
const NOW = new Date('2026-02-17T15:30:00.000Z');

function ok<T>(result: { ok: true; value: T } | { ok: false; reasonCode: string; detail: string }): T {
  if (!result.ok) {
    throw new Error(`${result.reasonCode}: ${result.detail}`);
  }
  return result.value;
}

function chainOf(symbol: string, now = NOW, config = CONFIG): OptionChain {
  return ok(simOptionChain(symbol, now, config));
}

function byExpirationAndType(chain: OptionChain): Map<string, OptionQuote[]> {
  const groups = new Map<string, OptionQuote[]>();
  for (const c of chain.contracts) {
    const key = `${c.expiration}|${c.type}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => a.strike - b.strike);
  }
  return groups;
}

function isMultipleOf(value: number, step: number): boolean {
  return Math.abs(value / step - Math.round(value / step)) < 1e-6;
}

describe('market simulator', () => {
  describe('determinism', () => {
    it('gives identical quotes, candles and chains for the same seed and instant, whatever ran before', () => {
      const first = {
        quote: simStockQuote('SPY', NOW, CONFIG),
        candles: simCandleSeries('QQQ', '5m', 50, NOW, CONFIG),
        chain: simOptionChain('IWM', NOW, CONFIG),
      };
      // Unrelated work in between, other instants and seeds.
      simStockQuote('SPY', new Date('2026-03-02T18:00:00Z'), { ...CONFIG, seed: 7 });
      simCandleSeries('QQQ', '1d', 200, new Date('2026-06-01T18:00:00Z'), CONFIG);
      const second = {
        quote: simStockQuote('SPY', NOW, CONFIG),
        candles: simCandleSeries('QQQ', '5m', 50, NOW, CONFIG),
        chain: simOptionChain('IWM', NOW, CONFIG),
      };
      expect(second).toEqual(first);
    });

    it('gives different paths for different seeds', () => {
      const a = ok(simStockQuote('SPY', NOW, CONFIG));
      const b = ok(simStockQuote('SPY', NOW, { ...CONFIG, seed: 43 }));
      expect(a.last).not.toBe(b.last);
    });

    it('moves with the clock inside the session and stays flat outside it', () => {
      const a = ok(simStockQuote('SPY', NOW, CONFIG));
      const b = ok(simStockQuote('SPY', new Date(NOW.getTime() + 30 * 60_000), CONFIG));
      expect(b.last).not.toBe(a.last);
      expect(a.asOf).toEqual(NOW);
      // Saturday: Friday's close, dated at Friday's close.
      const saturday = ok(simStockQuote('SPY', new Date('2026-02-21T17:00:00Z'), CONFIG));
      const fridayClose = ok(simStockQuote('SPY', new Date('2026-02-20T21:00:00Z'), CONFIG));
      expect(saturday.last).toBe(fridayClose.last);
      expect(saturday.asOf.toISOString()).toBe('2026-02-20T21:00:00.000Z');
    });
  });

  describe('prices', () => {
    it('anchors on early-2026 levels', () => {
      const anchorClose = new Date(`${ANCHOR_DATE}T21:30:00Z`);
      expect(ok(simStockQuote('SPY', anchorClose, CONFIG)).last).toBeCloseTo(600, 2);
      expect(ok(simStockQuote('QQQ', anchorClose, CONFIG)).last).toBeCloseTo(520, 2);
      expect(ok(simStockQuote('IWM', anchorClose, CONFIG)).last).toBeCloseTo(225, 2);
      expect(ok(simStockQuote('SPX', anchorClose, CONFIG)).last).toBeCloseTo(6000, 1);
      for (const symbol of ['SPY', 'QQQ', 'IWM', 'SPX']) {
        const base = symbolProfile(symbol).basePrice;
        const last = ok(simStockQuote(symbol, NOW, CONFIG)).last;
        expect(Math.abs(Math.log(last / base))).toBeLessThan(0.2);
      }
    });

    it('hashes an unknown ticker into a plausible stock', () => {
      const quote = ok(simStockQuote('ZZZZ', NOW, CONFIG));
      expect(quote.last).toBeGreaterThan(10);
      expect(quote.last).toBeLessThan(1000);
    });

    it('quotes ETFs one cent wide and indices without a bid/ask', () => {
      const spy = ok(simStockQuote('SPY', NOW, CONFIG));
      expect(spy.ask! - spy.bid!).toBeCloseTo(0.01, 6);
      const spx = ok(simStockQuote('SPX', NOW, CONFIG));
      expect(spx.bid).toBeNull();
      expect(spx.mid).toBe(spx.last);
    });

    it('keeps SPX at ten times SPY', () => {
      const spy = ok(simStockQuote('SPY', NOW, CONFIG)).last;
      const spx = ok(simStockQuote('SPX', NOW, CONFIG)).last;
      expect(spx / spy).toBeCloseTo(10, 3);
    });

    it('refuses what cannot be a ticker', () => {
      const result = simStockQuote('not a symbol!', NOW, CONFIG);
      expect(result).toMatchObject({ ok: false, reasonCode: 'symbol_not_supported' });
    });
  });

  describe('candles', () => {
    function aggregate(minutes: Candle[]): Omit<Candle, 'time'> {
      return {
        open: minutes[0].open,
        high: Math.max(...minutes.map((m) => m.high)),
        low: Math.min(...minutes.map((m) => m.low)),
        close: minutes[minutes.length - 1].close,
        volume: minutes.reduce((sum, m) => sum + m.volume, 0),
      };
    }

    it('builds a 5m bar from its five 1m bars', () => {
      const fives = ok(simCandleSeries('SPY', '5m', 12, NOW, CONFIG));
      const ones = ok(simCandleSeries('SPY', '1m', 60, NOW, CONFIG));
      expect(fives).toHaveLength(12);
      for (const five of fives) {
        const minutes = ones.filter(
          (m) => m.time.getTime() >= five.time.getTime() && m.time.getTime() < five.time.getTime() + 5 * 60_000,
        );
        expect(minutes).toHaveLength(5);
        expect({ ...five, time: undefined }).toEqual({ ...aggregate(minutes), time: undefined });
      }
    });

    it('builds the daily bar from the whole session', () => {
      const session = sessionPath('SPY', '2026-02-13', CONFIG.seed)!;
      const [daily] = ok(simCandleSeries('SPY', '1d', 1, new Date('2026-02-14T12:00:00Z'), CONFIG));
      expect(daily.time.toISOString()).toBe('2026-02-13T14:30:00.000Z');
      expect(daily.open).toBe(session.open[0]);
      expect(daily.close).toBe(session.close[session.minutes - 1]);
      expect(daily.high).toBe(Math.max(...session.high));
      expect(daily.low).toBe(Math.min(...session.low));
    });

    it('serves completed bars only, oldest first, inside sessions, with OHLC in order', () => {
      const bars = ok(simCandleSeries('QQQ', '15m', 60, NOW, CONFIG));
      expect(bars).toHaveLength(60);
      const last = bars[bars.length - 1];
      expect(last.time.getTime() + 15 * 60_000).toBeLessThanOrEqual(NOW.getTime());
      for (let i = 1; i < bars.length; i++) {
        expect(bars[i].time.getTime()).toBeGreaterThan(bars[i - 1].time.getTime());
      }
      for (const bar of bars) {
        expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
        expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
        expect(bar.volume).toBeGreaterThan(0);
        const ny = new Intl.DateTimeFormat('en-US', {
          timeZone: 'America/New_York',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          weekday: 'short',
        }).format(bar.time);
        expect(ny).not.toMatch(/Sat|Sun/);
        const [, hh, mm] = /(\d{2}):(\d{2})/.exec(ny)!;
        const minutes = Number(hh) * 60 + Number(mm);
        expect(minutes).toBeGreaterThanOrEqual(9 * 60 + 30);
        expect(minutes).toBeLessThan(16 * 60);
      }
    });
  });

  describe('option chains', () => {
    it('prices calls down and puts up in strike, with spreads of at least one tick', () => {
      // Collect violations and assert once: thousands of contracts.
      const violations: string[] = [];
      for (const symbol of ['SPY', 'SPX', 'AAPL']) {
        const profile = symbolProfile(symbol);
        for (const group of byExpirationAndType(chainOf(symbol)).values()) {
          for (let i = 1; i < group.length; i++) {
            const [previous, current] = [group[i - 1], group[i]];
            const wrongWay = current.type === 'call' ? current.mid! > previous.mid! : current.mid! < previous.mid!;
            if (wrongWay) {
              violations.push(`${current.optionSymbol} mid ${current.mid} vs ${previous.optionSymbol} ${previous.mid}`);
            }
          }
          for (const c of group) {
            const tick = optionTick(profile.optionTick, c.bid!);
            if (c.bid! < 0 || c.ask! - c.bid! < tick - 1e-9 || !isMultipleOf(c.bid!, tick)) {
              violations.push(`${c.optionSymbol} bid ${c.bid} ask ${c.ask} tick ${tick}`);
            }
          }
        }
      }
      expect(violations).toEqual([]);
    });

    it('keeps put-call parity at the mid within the spreads', () => {
      const chain = chainOf('SPY');
      const profile = symbolProfile('SPY');
      const groups = byExpirationAndType(chain);
      const violations: string[] = [];
      for (const [key, calls] of groups) {
        if (!key.endsWith('|call')) {
          continue;
        }
        const puts = groups.get(key.replace('|call', '|put'))!;
        for (const call of calls) {
          const put = puts.find((p) => p.strike === call.strike)!;
          // Options close 16:15 New York = 21:15 UTC in February and March (EST), 20:15 UTC after the DST switch.
          const closeMs = Date.parse(`${call.expiration}T${call.expiration >= '2026-03-09' ? '20' : '21'}:15:00Z`);
          const t = Math.max((closeMs - NOW.getTime()) / (365 * 86_400_000), 0);
          const forward =
            chain.spot * Math.exp(-profile.dividendYield * t) - call.strike * Math.exp(-CONFIG.riskFreeRate * t);
          const tolerance = (call.ask! - call.bid! + put.ask! - put.bid!) / 2 + 0.02;
          if (Math.abs(call.mid! - put.mid! - forward) > tolerance) {
            violations.push(`${call.optionSymbol}: C-P ${call.mid! - put.mid!} vs ${forward}`);
          }
        }
      }
      expect(violations).toEqual([]);
    });

    it('lists strikes on the right increments and SPY/QQQ/IWM on pennies', () => {
      const spy = chainOf('SPY');
      const nearSpy = spy.contracts.filter((c) => Math.abs(c.strike / spy.spot - 1) < 0.05);
      expect(nearSpy.every((c) => Number.isInteger(c.strike))).toBe(true);
      expect(new Set(nearSpy.map((c) => c.strike)).size).toBeGreaterThan(20);
      expect(spy.contracts.filter((c) => !isMultipleOf(c.bid!, 0.01) || !isMultipleOf(c.ask!, 0.01))).toEqual([]);
      const spx = chainOf('SPX');
      expect(spx.contracts.every((c) => isMultipleOf(c.strike, 5))).toBe(true);
      expect(spx.contracts.every((c) => c.optionSymbol.startsWith('SPXW'))).toBe(true);
      expect(spx.contracts.filter((c) => c.ask! >= 3).every((c) => isMultipleOf(c.ask!, 0.1))).toBe(true);
      expect(spx.contracts.filter((c) => c.ask! < 3).every((c) => isMultipleOf(c.ask!, 0.05))).toBe(true);
    });

    it('skews puts above calls and widens spreads away from the money', () => {
      const chain = chainOf('SPY');
      const expiration = chain.contracts.map((c) => c.expiration).sort()[0];
      const puts = chain.contracts.filter((c) => c.expiration === expiration && c.type === 'put');
      const low = puts[0];
      const high = puts[puts.length - 1];
      expect(low.iv!).toBeGreaterThan(high.iv!);
      const atm = puts.reduce((a, b) => (Math.abs(a.strike - chain.spot) < Math.abs(b.strike - chain.spot) ? a : b));
      const farOtm = puts[0];
      expect((atm.ask! - atm.bid!) / atm.mid!).toBeLessThan((farOtm.ask! - farOtm.bid!) / farOtm.mid!);
    });

    it('fades open interest and volume away from the money', () => {
      const chain = ok(simOptionChain('QQQ', NOW, CONFIG, { expirations: ['2026-02-20'], strikeBand: 0.08 }));
      const near = chain.contracts.filter((c) => Math.abs(c.strike / chain.spot - 1) < 0.01);
      const far = chain.contracts.filter((c) => Math.abs(c.strike / chain.spot - 1) > 0.04);
      expect(near.length).toBeGreaterThan(5);
      expect(far.length).toBeGreaterThan(5);
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(near.map((c) => c.openInterest!))).toBeGreaterThan(2 * mean(far.map((c) => c.openInterest!)));
      expect(mean(near.map((c) => c.volume!))).toBeGreaterThan(2 * mean(far.map((c) => c.volume!)));
    });

    it('answers a single contract exactly as the chain lists it', () => {
      const chain = chainOf('SPY');
      const contract = chain.contracts[Math.floor(chain.contracts.length / 2)];
      expect(ok(simOptionQuote(contract.optionSymbol, NOW, CONFIG))).toEqual(contract);
      const spx = chainOf('SPX').contracts[10];
      expect(ok(simOptionQuote(spx.optionSymbol, NOW, CONFIG))).toEqual(spx);
    });

    it('filters by query and refuses expired or unlisted contracts', () => {
      const expiration = '2026-02-20';
      const calls = ok(
        simOptionChain('SPY', NOW, CONFIG, { expirations: [expiration], type: 'call', strikeBand: 0.02 }),
      );
      expect(calls.contracts.length).toBeGreaterThan(0);
      expect(calls.contracts.every((c) => c.expiration === expiration && c.type === 'call')).toBe(true);
      expect(calls.contracts.every((c) => Math.abs(c.strike / calls.spot - 1) <= 0.02 + 1e-9)).toBe(true);
      expect(simOptionQuote('SPY260213C00600000', NOW, CONFIG)).toMatchObject({ ok: false });
      expect(simOptionQuote('AAPL260218C00200000', NOW, CONFIG)).toMatchObject({
        ok: false,
        reasonCode: 'symbol_not_supported',
      });
    });
  });
});
