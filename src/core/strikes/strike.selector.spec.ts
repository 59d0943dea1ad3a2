import { readFileSync } from 'fs';
import { join } from 'path';

import type { Greeks, OptionChain, OptionQuote, OptionType } from '../market/market.types';
import { strikeConfig } from './strike.config';
import { DEFAULT_STRIKE_DEPS } from './strike.deps';
import { selectStrike } from './strike.selector';
import type {
  StrikeSelection,
  StrikeSelectionConfig,
  StrikeSelectionInput,
  StrikeSelectionResult,
  StrikeSelectorDeps,
} from './strike.types';

// ---- collaborators simple enough to check by eye: UTC dates, no holidays --------------------------------------

const DAY_MS = 86_400_000;
const utcDay = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

const fakeDeps: StrikeSelectorDeps = {
  formatOccSymbol: ({ underlying, expiration, type, strike }) =>
    `${underlying}${expiration.replace(/-/g, '').slice(2)}${type === 'call' ? 'C' : 'P'}${String(Math.round(strike * 1000)).padStart(8, '0')}`,
  expirationForHold: (now, maxHoldDays) => {
    const day = utcDay(now) + maxHoldDays * DAY_MS;
    const toFriday = (5 - new Date(day).getUTCDay() + 7) % 7;
    return new Date(day + toFriday * DAY_MS).toISOString().slice(0, 10);
  },
  daysToExpiration: (now, expiration) => Math.round((Date.parse(`${expiration}T00:00:00Z`) - utcDay(now)) / DAY_MS),
  computeDelta: DEFAULT_STRIKE_DEPS.computeDelta,
};

// ---- fixtures -------------------------------------------------------------------------------------------------

/** Friday 2026-02-13, 10:00 in New York: the spec's expiration (today + 5 -> next Friday) is 2026-02-20, DTE 7. */
const NOW = new Date('2026-02-13T15:00:00Z');
const SPOT = 595.42;

type JsonChain = Omit<OptionChain, 'asOf' | 'contracts'> & {
  asOf: string;
  contracts: Array<Omit<OptionQuote, 'underlying' | 'asOf' | 'source'>>;
};

function loadChain(name: string): OptionChain {
  const raw = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/strikes', name), 'utf8')) as JsonChain;
  const asOf = new Date(raw.asOf);
  const contracts = raw.contracts.map((quote) => ({ ...quote, underlying: raw.underlying, asOf, source: raw.source }));
  return { underlying: raw.underlying, spot: raw.spot, asOf, source: raw.source, contracts };
}

const SPY = loadChain('spy-2026-02-13.json');

interface ContractSpec {
  type?: OptionType;
  strike: number;
  expiration?: string;
  bid?: number | null;
  ask?: number | null;
  delta?: number | null;
  iv?: number | null;
  openInterest?: number | null;
  volume?: number | null;
}

/** A liquid contract unless told otherwise: 1% wide, OI 5,000, volume 1,000, expiring on the spec's Friday. */
function contract(spec: ContractSpec, underlying = 'SPY'): OptionQuote {
  const type = spec.type ?? 'call';
  const expiration = spec.expiration ?? '2026-02-20';
  const bid = spec.bid === undefined ? 2.0 : spec.bid;
  const ask = spec.ask === undefined ? 2.02 : spec.ask;
  const delta = spec.delta === undefined ? (type === 'call' ? 0.5 : -0.5) : spec.delta;
  const greeks: Greeks | null = delta === null ? null : { delta, gamma: 0.05, theta: -0.2, vega: 0.3, rho: 0.05 };
  return {
    optionSymbol: fakeDeps.formatOccSymbol({ underlying, expiration, type, strike: spec.strike }),
    underlying,
    type,
    strike: spec.strike,
    expiration,
    bid,
    ask,
    last: null,
    mid: bid !== null && ask !== null ? (bid + ask) / 2 : null,
    iv: spec.iv === undefined ? 0.18 : spec.iv,
    greeks,
    openInterest: spec.openInterest === undefined ? 5000 : spec.openInterest,
    volume: spec.volume === undefined ? 1000 : spec.volume,
    asOf: NOW,
    source: 'test',
  };
}

function chainOf(contracts: OptionQuote[], spot = SPOT, underlying = 'SPY'): OptionChain {
  return { underlying, spot, asOf: NOW, source: 'test', contracts };
}

function input(overrides: Partial<StrikeSelectionInput> = {}): StrikeSelectionInput {
  return { symbol: 'SPY', direction: 'long', confidence: 60, spot: SPOT, chain: SPY, ...overrides };
}

function select(
  overrides: Partial<StrikeSelectionInput> = {},
  config: Partial<StrikeSelectionConfig> = {},
  deps: StrikeSelectorDeps = fakeDeps,
): StrikeSelectionResult {
  return selectStrike(input(overrides), strikeConfig(config), NOW, deps);
}

function selected(result: StrikeSelectionResult): StrikeSelection {
  if (!result.ok) {
    throw new Error(`expected a selection, got ${result.reasonCode}: ${result.reasons.join(', ')}`);
  }
  return result.selection;
}

const reasonValue = (selection: StrikeSelection, code: string): string | undefined =>
  selection.reasons.find((reason) => reason.startsWith(`${code}:`))?.slice(code.length + 1);

// ---- delta mode on the SPY fixture ----------------------------------------------------------------------------

describe('selectStrike, delta mode on the SPY fixture chain', () => {
  it('when confidence is high, then picks a 0.60-0.70 delta call on the spec expiration', () => {
    const selection = selected(select({ confidence: 72 }));
    expect(selection).toMatchObject({
      mode: 'delta',
      type: 'call',
      strike: 590,
      expiration: '2026-02-20',
      optionSymbol: 'SPY260220C00590000',
      dte: 7,
      deltaTarget: { tier: 'high', min: 0.6, max: 0.7 },
    });
    expect(selection.quote?.optionSymbol).toBe('SPY260220C00590000');
    expect(selection.delta).toBeCloseTo(0.6595, 4);
    expect(selection.reasons).toEqual(
      expect.arrayContaining([
        'confidence_tier:high',
        'delta_target:0.6-0.7',
        'expiration_preferred:2026-02-20',
        'dte_band:5-21',
        'expiration_selected:2026-02-20',
        'delta_in_band:0.66',
      ]),
    );
    expect(reasonValue(selection, 'spread_ok')).toBe('0.753');
    expect(selection.score).toBeGreaterThan(90);
  });

  it('when confidence is medium, then picks the 0.50 delta call, the strike the spec ATM rule would give', () => {
    const selection = selected(select({ confidence: 60 }));
    expect(selection).toMatchObject({ strike: 596, expiration: '2026-02-20', type: 'call', delta: 0.5011 });
    expect(selection.reasons).toContain('confidence_tier:medium');
  });

  it('when confidence is low, then picks a 0.40-0.50 delta on the shorter expiration', () => {
    const selection = selected(select({ confidence: 40 }));
    expect(selection).toMatchObject({ strike: 597, expiration: '2026-02-18', dte: 5, delta: 0.4597 });
    expect(selection.reasons).toEqual(expect.arrayContaining(['confidence_tier:low', 'delta_target:0.4-0.5']));
  });

  it.each([
    [49, 'low', 0.4, 0.5],
    [50, 'medium', 0.45, 0.55],
    [69, 'medium', 0.45, 0.55],
    [69.99, 'medium', 0.45, 0.55],
    [70, 'high', 0.6, 0.7],
    [100, 'high', 0.6, 0.7],
    [0, 'low', 0.4, 0.5],
  ])('when confidence is %p, then the target is the %s row (%p-%p)', (confidence, tier, min, max) => {
    const selection = selected(select({ confidence }));
    expect(selection.deltaTarget).toEqual({ tier, min, max });
    expect(Math.abs(selection.delta ?? 0)).toBeGreaterThanOrEqual(min - 0.15);
  });

  it('when the signal has no confidence, then the default (50, medium) applies', () => {
    expect(selected(select({ confidence: null })).deltaTarget?.tier).toBe('medium');
  });

  it('when the direction is short, then picks a put by |delta|', () => {
    const selection = selected(select({ direction: 'short', confidence: 72 }));
    expect(selection).toMatchObject({ type: 'put', strike: 601, expiration: '2026-02-20', delta: -0.6427 });
    expect(selection.optionSymbol).toBe('SPY260220P00601000');
    expect(selection.reasons).toContain('delta_in_band:0.643');
  });

  it('counts every rejected contract under its first failing filter', () => {
    const selection = selected(select({ confidence: 60 }));
    // 2026-02-13, 02-17 and 03-20 are outside the 5-21 day band: 3 x 20 call strikes.
    expect(reasonValue(selection, 'filtered_out_of_band')).toBe('60');
    // The 2026-02-19 series is ~14% wide: all 20 calls, plus cheap wings elsewhere.
    expect(Number(reasonValue(selection, 'filtered_wide_spread'))).toBeGreaterThanOrEqual(20);
    expect(reasonValue(selection, 'filtered_no_quote')).toBe('1');
    expect(Number(reasonValue(selection, 'filtered_low_oi'))).toBeGreaterThan(0);
    const calls = SPY.contracts.filter((quote) => quote.type === 'call').length;
    const rejected = selection.reasons
      .filter((reason) => reason.startsWith('filtered_'))
      .reduce((sum, reason) => sum + Number(reason.split(':')[1]), 0);
    expect(rejected + selection.candidates).toBe(calls);
  });

  it('never picks an expiration at or below min_dte_exit', () => {
    const selection = selected(select({ confidence: 40 }, { minDteExit: 5 }));
    expect(selection.dte).toBeGreaterThan(5);
    expect(selection.expiration).not.toBe('2026-02-18');
    expect(selection.reasons).toContain('dte_band:6-21');
  });

  it('when the spec expiration is not past min_dte_exit, then rolls it to a later week', () => {
    const selection = selected(select({ confidence: 60 }, { minDteExit: 7 }));
    expect(selection.expiration).toBe('2026-02-27');
    expect(selection.dte).toBe(14);
    expect(selection.reasons).toEqual(
      expect.arrayContaining(['expiration_preferred:2026-02-27', 'expiration_rolled_past_min_dte:2026-02-20']),
    );
  });

  it('when the chain lists no expiration in the band, then refuses with no_expiration_in_band', () => {
    const chain = chainOf(SPY.contracts.filter((quote) => ['2026-02-13', '2026-03-20'].includes(quote.expiration)));
    const result = select({ chain });
    expect(result).toEqual({
      ok: false,
      reasonCode: 'no_expiration_in_band',
      reasons: ['dte_band:5-21', 'min_dte_exit:1', 'expiration_preferred:2026-02-20', 'filtered_out_of_band:40'],
    });
  });

  it('honours a configured DTE band', () => {
    const selection = selected(select({ confidence: 60 }, { dteBand: { min: 10, max: 40 } }));
    expect(['2026-02-27', '2026-03-20']).toContain(selection.expiration);
  });

  it('is deterministic: the same answer twice and whatever the order of the chain', () => {
    const first = selected(select({ confidence: 72 }));
    const again = selected(select({ confidence: 72 }));
    const reversed = selected(select({ confidence: 72, chain: { ...SPY, contracts: [...SPY.contracts].reverse() } }));
    const interleaved = [
      ...SPY.contracts.filter((_, i) => i % 2 === 1),
      ...SPY.contracts.filter((_, i) => i % 2 === 0),
    ];
    const shuffled = selected(select({ confidence: 72, chain: { ...SPY, contracts: interleaved } }));
    expect(again).toEqual(first);
    expect(reversed).toEqual(first);
    expect(shuffled).toEqual(first);
  });

  it('when nothing on the chain is liquid, then falls back to the ATM rule on a listed contract', () => {
    const selection = selected(select({ confidence: 60 }, { maxSpreadPct: 0.1 }));
    expect(selection).toMatchObject({
      mode: 'atm',
      strike: 596,
      expiration: '2026-02-20',
      optionSymbol: 'SPY260220C00596000',
      candidates: 0,
    });
    expect(selection.quote?.optionSymbol).toBe('SPY260220C00596000');
    expect(selection.reasons[0]).toBe('fallback_atm_no_liquid_contract');
    expect(selection.reasons).toContain('atm_rule:ceil:listed');
    expect(Number(reasonValue(selection, 'filtered_wide_spread'))).toBeGreaterThan(50);
  });
});

// ---- delta mode on hand-made chains ---------------------------------------------------------------------------

describe('selectStrike, delta mode filters and scoring', () => {
  it('rejects wide spreads and low open interest, counting each', () => {
    const chain = chainOf([
      contract({ strike: 596, bid: 2.0, ask: 2.5 }), // 22% wide
      contract({ strike: 597, bid: 1.9, ask: 2.12 }), // 10.96% wide
      contract({ strike: 598, openInterest: 99 }),
      contract({ strike: 599, volume: 9 }),
      contract({ strike: 600, delta: 0.48 }),
    ]);
    const selection = selected(select({ chain }));
    expect(selection.strike).toBe(600);
    expect(selection.candidates).toBe(1);
    expect(selection.reasons).toEqual(
      expect.arrayContaining(['filtered_wide_spread:2', 'filtered_low_oi:1', 'filtered_low_volume:1', 'candidates:1']),
    );
  });

  it('accepts a spread of exactly maxSpreadPct and OI/volume at the minimums', () => {
    const chain = chainOf([contract({ strike: 596, bid: 1.9, ask: 2.1, openInterest: 100, volume: 10 })]); // 10%
    expect(selected(select({ chain })).mode).toBe('delta');
  });

  it('rejects contracts missing a side of the quote, a zero bid or a crossed market', () => {
    const chain = chainOf([
      contract({ strike: 594, bid: null }),
      contract({ strike: 595, ask: null }),
      contract({ strike: 596, bid: 0, ask: 0.05 }),
      contract({ strike: 597, bid: 2.1, ask: 2.0 }),
    ]);
    const selection = selected(select({ chain }));
    expect(selection.mode).toBe('atm');
    expect(selection.reasons).toEqual(
      expect.arrayContaining(['fallback_atm_no_liquid_contract', 'filtered_no_quote:4']),
    );
  });

  it('computes a missing delta from IV, and rejects a contract with neither', () => {
    const chain = chainOf([
      contract({ strike: 596, delta: null, iv: 0.16 }),
      contract({ strike: 597, delta: null, iv: null }),
    ]);
    const selection = selected(select({ chain }));
    expect(selection.strike).toBe(596);
    expect(selection.delta).toBeGreaterThan(0.45);
    expect(selection.delta).toBeLessThan(0.55);
    expect(selection.reasons).toEqual(expect.arrayContaining(['delta_from_iv', 'filtered_no_delta:1']));
  });

  it('rejects deltas further than the tolerance from the band', () => {
    const chain = chainOf([contract({ strike: 610, delta: 0.2 }), contract({ strike: 580, delta: 0.85 })]);
    const selection = selected(select({ chain, confidence: 60 }));
    expect(selection.mode).toBe('atm');
    expect(selection.reasons).toContain('filtered_delta_far:2');
  });

  it('prefers a delta inside the band over a more liquid one just outside it', () => {
    const chain = chainOf([
      contract({ strike: 598, delta: 0.42, openInterest: 50_000, volume: 20_000, bid: 2.0, ask: 2.01 }),
      contract({ strike: 596, delta: 0.52, openInterest: 500, volume: 50, bid: 2.0, ask: 2.06 }),
    ]);
    const selection = selected(select({ chain, confidence: 60 }));
    expect(selection.strike).toBe(596);
    expect(selection.reasons).toContain('delta_in_band:0.52');
  });

  it('prefers the spec expiration over another expiration in the band, all else equal', () => {
    const chain = chainOf([
      contract({ strike: 596, expiration: '2026-02-27' }),
      contract({ strike: 596, expiration: '2026-02-18' }),
      contract({ strike: 596, expiration: '2026-02-20' }),
    ]);
    expect(selected(select({ chain })).expiration).toBe('2026-02-20');
  });

  it('breaks exact ties by the OCC symbol, whatever the order', () => {
    const a = contract({ strike: 596, delta: 0.5 });
    const b = { ...contract({ strike: 596, delta: 0.5 }), optionSymbol: 'SPY260220C00596000X' };
    expect(selected(select({ chain: chainOf([b, a]) })).optionSymbol).toBe(a.optionSymbol);
    expect(selected(select({ chain: chainOf([a, b]) })).optionSymbol).toBe(a.optionSymbol);
  });

  it('lets contracts whose feed reports no OI or volume through, with no liquidity credit', () => {
    const chain = chainOf([
      contract({ strike: 596, openInterest: null, volume: null }),
      contract({ strike: 597, delta: 0.5 }),
    ]);
    const selection = selected(select({ chain }));
    expect(selection.strike).toBe(597);
    expect(selection.candidates).toBe(2);
    expect(selection.reasons).toContain('liquidity_unreported:1');
  });

  it('ignores contracts of the other type and falls back when the chain has none of the wanted type', () => {
    const chain = chainOf([contract({ type: 'call', strike: 596 })]);
    const selection = selected(select({ chain, direction: 'short' }));
    expect(selection).toMatchObject({ mode: 'atm', type: 'put', strike: 595, quote: null });
    expect(selection.reasons[0]).toBe('fallback_atm_empty_chain');
  });

  it('falls back on a listed strike when the chain spacing is not the configured one', () => {
    const chain = chainOf(
      [97.5, 100, 102.5, 105].map((strike) => contract({ strike, bid: null }, 'XYZ')),
      101.2,
      'XYZ',
    );
    const call = selected(select({ symbol: 'XYZ', spot: 101.2, chain }));
    const put = selected(select({ symbol: 'XYZ', spot: 101.2, chain, direction: 'short' }));
    expect(call.strike).toBe(102.5);
    expect(call.quote?.strike).toBe(102.5);
    // No puts listed: the configured spacing (1) applies.
    expect(put).toMatchObject({ strike: 101, quote: null });
    expect(put.reasons[0]).toBe('fallback_atm_empty_chain');
  });
});

// ---- ATM mode and no chain ------------------------------------------------------------------------------------

describe('selectStrike, the spec ATM rule', () => {
  it('when there is no chain, then calls take ceil(spot) on the spec expiration, with no quote', () => {
    const selection = selected(select({ chain: null }));
    expect(selection).toEqual({
      symbol: 'SPY',
      strike: 596,
      expiration: '2026-02-20',
      type: 'call',
      optionSymbol: 'SPY260220C00596000',
      quote: null,
      delta: null,
      dte: 7,
      mode: 'atm',
      deltaTarget: null,
      candidates: 0,
      reasons: [
        'fallback_atm_no_chain',
        'expiration_preferred:2026-02-20',
        'atm_rule:ceil:1',
        'expiration_selected:2026-02-20',
      ],
    });
  });

  it('when there is no chain, then puts take floor(spot)', () => {
    const selection = selected(select({ chain: null, direction: 'short' }));
    expect(selection).toMatchObject({ strike: 595, type: 'put', optionSymbol: 'SPY260220P00595000' });
    expect(selection.reasons).toContain('atm_rule:floor:1');
  });

  it('keeps a spot that sits exactly on a strike', () => {
    expect(selected(select({ chain: null, spot: 596 })).strike).toBe(596);
    expect(selected(select({ chain: null, spot: 596, direction: 'short' })).strike).toBe(596);
  });

  it('uses 5-point strikes for SPX', () => {
    const call = selected(select({ symbol: 'SPX', spot: 6012.3, chain: null }));
    const put = selected(select({ symbol: 'spx', spot: 6012.3, chain: null, direction: 'short' }));
    expect(call).toMatchObject({ strike: 6015, optionSymbol: 'SPX260220C06015000' });
    expect(put).toMatchObject({ strike: 6010, symbol: 'SPX' });
    expect(call.reasons).toContain('atm_rule:ceil:5');
  });

  it('in ATM mode ignores the chain', () => {
    const selection = selected(select({ confidence: 90 }, { mode: 'atm' }));
    expect(selection).toMatchObject({ mode: 'atm', strike: 596, quote: null, delta: null });
    expect(selection.reasons[0]).toBe('mode_atm');
  });

  it('in ATM mode still never picks an expiration at or below min_dte_exit', () => {
    const friday = new Date('2026-02-20T15:00:00Z');
    const result = selectStrike(input({ chain: null }), strikeConfig({ maxHoldDays: 0 }), friday, fakeDeps);
    const selection = selected(result);
    expect(selection.expiration).toBe('2026-02-27');
    expect(selection.reasons).toContain('expiration_rolled_past_min_dte:2026-02-20');
  });
});

// ---- invalid input --------------------------------------------------------------------------------------------

describe('selectStrike, invalid input', () => {
  it.each<[string, Partial<StrikeSelectionInput>, string]>([
    ['an empty symbol', { symbol: ' ' }, 'invalid_input:symbol'],
    ['a zero spot', { spot: 0 }, 'invalid_input:spot'],
    ['a NaN spot', { spot: Number.NaN }, 'invalid_input:spot'],
    ['a confidence above 100', { confidence: 101 }, 'invalid_input:confidence'],
    ['a negative confidence', { confidence: -1 }, 'invalid_input:confidence'],
    ['an unknown direction', { direction: 'flat' as 'long' }, 'invalid_input:direction'],
    ['a chain for another underlying', { symbol: 'QQQ' }, 'chain_underlying_mismatch:SPY'],
  ])('refuses %s', (_name, overrides, reason) => {
    expect(select(overrides)).toEqual({ ok: false, reasonCode: 'invalid_input', reasons: [reason] });
  });

  it('refuses an unusable config or an invalid now', () => {
    expect(select({}, { maxSpreadPct: 0 })).toMatchObject({ ok: false, reasons: ['invalid_config:maxSpreadPct'] });
    expect(select({}, { dteBand: { min: 9, max: 3 } })).toMatchObject({ reasons: ['invalid_config:dteBand'] });
    const result = selectStrike(input(), strikeConfig(), new Date(Number.NaN), fakeDeps);
    expect(result).toMatchObject({ ok: false, reasons: ['invalid_input:now'] });
  });

  it('refuses a symbol OCC cannot encode', () => {
    const result = selectStrike(input({ symbol: 'BRK.B', chain: null }), strikeConfig(), NOW, DEFAULT_STRIKE_DEPS);
    expect(result).toEqual({ ok: false, reasonCode: 'invalid_input', reasons: ['occ_symbol_unencodable:BRK.B:596'] });
  });
});

// ---- the real collaborators -----------------------------------------------------------------------------------

describe('selectStrike with the default collaborators (src/core/occ, expiration)', () => {
  it('gives the same answers as the simple calendar on the SPY fixture', () => {
    for (const confidence of [40, 60, 72]) {
      for (const direction of ['long', 'short'] as const) {
        const real = select({ confidence, direction }, {}, DEFAULT_STRIKE_DEPS);
        expect(real).toEqual(select({ confidence, direction }));
      }
    }
  });

  it('reproduces the spec trace with no chain: SPY 595.42 long -> 596 call 2026-02-20', () => {
    const selection = selected(select({ chain: null }, {}, DEFAULT_STRIKE_DEPS));
    expect(selection).toMatchObject({ strike: 596, expiration: '2026-02-20', optionSymbol: 'SPY260220C00596000' });
  });

  it('moves a holiday Friday expiration to Thursday (Good Friday 2026-04-03)', () => {
    const monday = new Date('2026-03-30T14:00:00Z');
    const result = selectStrike(input({ chain: null }), strikeConfig({ maxHoldDays: 3 }), monday, DEFAULT_STRIKE_DEPS);
    expect(selected(result)).toMatchObject({ expiration: '2026-04-02', dte: 3 });
  });
});

// ---- speed ----------------------------------------------------------------------------------------------------

describe('selectStrike speed', () => {
  // Plain node measures about 0.15 ms a selection (npx ts-node); Jest's sandbox makes every global lookup (Math, Map)
  // several times slower, so the bound here only catches a regression to quadratic work or a sort of the chain.
  it('selects on a 2,000-contract chain in well under a few milliseconds', () => {
    const expirations = ['2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'];
    const contracts: OptionQuote[] = [];
    for (const expiration of expirations) {
      for (let i = 0; i < 200; i++) {
        const strike = 545 + i * 0.5;
        const callDelta = 1 / (1 + Math.exp((strike - SPOT) / 4));
        contracts.push(contract({ strike, expiration, delta: callDelta, openInterest: 50 + i * 40 }));
        contracts.push(contract({ type: 'put', strike, expiration, delta: callDelta - 1, bid: 1.5, ask: 1.6 }));
      }
    }
    const chain = chainOf(contracts);
    const config = strikeConfig();
    expect(chain.contracts).toHaveLength(2000);
    for (let i = 0; i < 50; i++) {
      selectStrike(input({ chain }), config, NOW, DEFAULT_STRIKE_DEPS);
    }
    const runs = 200;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) {
      selectStrike(input({ chain, confidence: i % 100 }), config, NOW, DEFAULT_STRIKE_DEPS);
    }
    const perRunMs = Number(process.hrtime.bigint() - start) / 1e6 / runs;
    expect(perRunMs).toBeLessThan(15);
  });
});
