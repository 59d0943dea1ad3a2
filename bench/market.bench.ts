/**
 * npm run bench:market: GEX on a 2,000-contract chain and strike selection per call, each against a naive baseline
 * measured in the same run (ratios, not absolute times, are what carry across machines). Writes the "Market core"
 * section of docs/benchmarks.md.
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeGex } from '../src/core/gex';
import type { OptionChain, OptionQuote } from '../src/core/market/market.types';
import { simOptionChain } from '../src/core/market-sim';
import { bsmGreeks, timeToExpiryYears } from '../src/core/pricing';
import { selectStrike, strikeConfig } from '../src/core/strikes';
import { replaceSection } from './docs-section';

const NOW = new Date('2026-02-17T15:30:00Z');
const CONTRACTS = 2000;
const GRID = 121;

/** The simulated SPY chain, trimmed or repeated across strikes to exactly 2,000 contracts. */
function chainOf2000(): OptionChain {
  const result = simOptionChain('SPY', NOW, { seed: 42, riskFreeRate: 0.04 }, { strikeBand: 0.3 });
  if (!result.ok) {
    throw new Error(result.detail);
  }
  const base = result.value.contracts.filter((c) => c.iv !== null);
  const contracts: OptionQuote[] = [];
  for (let i = 0; contracts.length < CONTRACTS; i += 1) {
    contracts.push(base[i % base.length]);
  }
  return { ...result.value, contracts };
}

/** The textbook way: full BSM greeks from the shared pricer for every contract at every grid point. */
function naiveGex(chain: OptionChain): number {
  const years = chain.contracts.map((c) =>
    Math.max(timeToExpiryYears(NOW, new Date(`${c.expiration}T21:00:00Z`)), 1 / (365 * 24)),
  );
  let crossings = 0;
  let previous = 0;
  for (let g = 0; g < GRID; g += 1) {
    const spot = chain.spot * (0.85 + (0.3 * g) / (GRID - 1));
    let net = 0;
    for (let i = 0; i < chain.contracts.length; i += 1) {
      const c = chain.contracts[i];
      const greeks = bsmGreeks({
        spot,
        strike: c.strike,
        timeYears: years[i],
        rate: 0.04,
        dividendYield: 0,
        vol: c.iv ?? 0.2,
        type: c.type,
      });
      const gex = greeks.gamma * (c.openInterest ?? 0) * 100 * spot * spot * 0.01;
      net += c.type === 'call' ? gex : -gex;
    }
    if (g > 0 && Math.sign(net) !== Math.sign(previous)) {
      crossings += 1;
    }
    previous = net;
  }
  return crossings;
}

/** The floor for strike selection: one pass picking the call nearest 0.65 delta, no filters or scoring. */
function nearestDelta(chain: OptionChain): string | null {
  let best: OptionQuote | null = null;
  for (const c of chain.contracts) {
    if (
      c.type === 'call' &&
      c.greeks &&
      (!best || Math.abs(c.greeks.delta - 0.65) < Math.abs((best.greeks?.delta ?? 9) - 0.65))
    ) {
      best = c;
    }
  }
  return best?.optionSymbol ?? null;
}

function time(
  label: string,
  runs: number,
  fn: () => unknown,
): { label: string; runs: number; medianMs: number; p95Ms: number } {
  for (let i = 0; i < Math.min(5, runs); i += 1) {
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { label, runs, medianMs: samples[Math.floor(runs / 2)], p95Ms: samples[Math.floor(runs * 0.95)] };
}

function main(): void {
  const chain = chainOf2000();
  const config = strikeConfig({ maxHoldDays: 5, minDteExit: 1 });
  const rows = [
    time('GEX, 2,000 contracts, 121-point zero-gamma grid (computeGex)', 50, () => computeGex(chain, { now: NOW })),
    time('baseline: naive GEX grid with the shared BSM pricer', 5, () => naiveGex(chain)),
    time('strike selection, 2,000 contracts (selectStrike, delta mode)', 500, () =>
      selectStrike({ symbol: 'SPY', direction: 'long', confidence: 72, spot: chain.spot, chain }, config, NOW),
    ),
    time('baseline: one pass for the nearest 0.65-delta call', 500, () => nearestDelta(chain)),
  ];
  const gexRatio = rows[1].medianMs / rows[0].medianMs;
  const strikeRatio = rows[2].medianMs / rows[3].medianMs;
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
  const table = [
    '| Measurement | runs | median ms | p95 ms |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.label} | ${r.runs} | ${r.medianMs.toFixed(3)} | ${r.p95Ms.toFixed(3)} |`),
  ].join('\n');
  const section = [
    '## Market core',
    '',
    '```sh',
    'npm run bench:market',
    '```',
    '',
    `Run ${new Date().toISOString()} on ${machine}. One process, the pure core only (no I/O); the chain is the simulated`,
    'SPY chain repeated to exactly 2,000 contracts (all with IV, open interest and greeks).',
    '',
    table,
    '',
    `- GEX: ${gexRatio.toFixed(1)}x faster than re-pricing every contract with the shared pricer at every grid point`,
    '  (per-contract constants computed once, one `exp` per contract per grid point).',
    `- Strike selection costs ${strikeRatio.toFixed(1)}x a bare nearest-delta scan: the liquidity filters, delta tiers,`,
    '  scoring and reasons on top of the one pass both make over the chain.',
    '',
  ].join('\n');
  const doc = join(__dirname, '..', 'docs', 'benchmarks.md');
  // Only this section: the sections after it belong to other benchmarks (e.g. "## Decision pipeline").
  writeFileSync(doc, replaceSection(readFileSync(doc, 'utf8'), '## Market core', section));
  // The file is prettier-formatted by the ingest benchmark; keep it so.
  process.stdout.write(
    `${table}\n\nGEX speed-up vs naive: ${gexRatio.toFixed(1)}x; strike selection / floor: ${strikeRatio.toFixed(1)}x\n`,
  );
}

main();
