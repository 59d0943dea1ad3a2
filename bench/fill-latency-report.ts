/** Percentiles, console table and the "Signal to fill latency" section of docs/benchmarks.md. */
import { fixed, machineTable, type MachineInfo } from './infra';
import type { Design, RunResult, RunSettings, Track } from './fill-latency-run';

export const P99_GOAL_MS = 100;

export interface Percentiles {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles. */
export function percentiles(values: number[]): Percentiles {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return { n: 0, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  }
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    n: sorted.length,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
  };
}

export type StageName =
  'reply' | 'waitEnrich' | 'enrich' | 'waitDecide' | 'decide' | 'waitExecute' | 'execute' | 'total';

export const STAGE_LABELS: Record<StageName, string> = {
  reply: 'webhook reply (POST written → 200 ACCEPTED read)',
  waitEnrich: 'receipt → enrichment starts (wait)',
  enrich: 'enrichment (`EnrichmentService.enrich`)',
  waitDecide: 'enriched → decision starts (wait)',
  decide: 'decision, order committed (`DecisionService.decide`)',
  waitExecute: 'decided → execution starts (wait)',
  execute: 'execution, fill committed (`ExecutionService.execute`)',
  total: '**signal → fill** (POST written → `orders.filled`)',
};

export const STAGES: StageName[] = [
  'reply',
  'waitEnrich',
  'enrich',
  'waitDecide',
  'decide',
  'waitExecute',
  'execute',
  'total',
];
const WORK: StageName[] = ['enrich', 'decide', 'execute'];
const WAITS: StageName[] = ['waitEnrich', 'waitDecide', 'waitExecute'];

type Complete = Track & {
  enrichStartMs: number;
  enrichedMs: number;
  decideStartMs: number;
  decidedMs: number;
  executeStartMs: number;
  executeEndMs: number;
  filledMs: number;
};

/** Per filled signal (every stage over the same signals), ms. */
export function stageSamples(tracks: Track[]): Record<StageName, number[]> {
  const filled = tracks.filter(
    (t): t is Complete =>
      t.enrichStartMs !== null &&
      t.enrichedMs !== null &&
      t.decideStartMs !== null &&
      t.decidedMs !== null &&
      t.executeStartMs !== null &&
      t.executeEndMs !== null &&
      t.filledMs !== null,
  );
  return {
    reply: filled.map((t) => t.replyMs),
    waitEnrich: filled.map((t) => t.enrichStartMs),
    enrich: filled.map((t) => t.enrichedMs - t.enrichStartMs),
    waitDecide: filled.map((t) => t.decideStartMs - t.enrichedMs),
    decide: filled.map((t) => t.decidedMs - t.decideStartMs),
    waitExecute: filled.map((t) => t.executeStartMs - t.decidedMs),
    execute: filled.map((t) => t.executeEndMs - t.executeStartMs),
    total: filled.map((t) => t.filledMs),
  };
}

export interface DesignSummary {
  design: Design;
  stages: Record<StageName, Percentiles>;
  /** Signals rejected at enrichment or decision: receipt to that verdict. */
  rejectedMs: Percentiles;
  /** The same signals, from the timestamps the app stored (platform clock, CLOCK_SPEED=1). */
  db: Record<'receivedToEnriched' | 'enrichedToOrder' | 'orderToFill' | 'receivedToFill', Percentiles>;
}

/** Every run of one design pooled: the percentiles are over all their filled signals together. */
export function summarizeDesign(runs: RunResult[]): DesignSummary {
  const tracks = runs.flatMap((run) => run.tracks);
  const db = (key: keyof RunResult['dbTimes']): Percentiles => percentiles(runs.flatMap((run) => run.dbTimes[key]));
  const samples = stageSamples(tracks);
  const rejected = tracks
    .filter((t) => t.filledMs === null)
    .map((t) =>
      t.enrichOutcome?.startsWith('rejected') ? t.enrichedMs : t.decision?.startsWith('rejected') ? t.decidedMs : null,
    )
    .filter((v): v is number => v !== null);
  return {
    design: runs[0].design,
    stages: Object.fromEntries(STAGES.map((s) => [s, percentiles(samples[s])])) as Record<StageName, Percentiles>,
    rejectedMs: percentiles(rejected),
    db: {
      receivedToEnriched: db('receivedToEnriched'),
      enrichedToOrder: db('enrichedToOrder'),
      orderToFill: db('orderToFill'),
      receivedToFill: db('receivedToFill'),
    },
  };
}

export interface FillBenchResult {
  runId: string;
  command: string;
  machine: MachineInfo;
  settings: RunSettings;
  runs: RunResult[];
  summaries: DesignSummary[];
  wallS: number;
}

function mdTable(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');
}

function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}

const DESIGN_LABEL: Record<Design, string> = { queues: 'queues (the app)', polling: 'polling (spec, scaled)' };
const STAGE_HEADERS = ['Stage (ms, per filled signal)', 'design', 'p50', 'p95', 'p99', 'max', 'mean'];

function stageRows(summaries: DesignSummary[], plain: boolean): string[][] {
  const rows: string[][] = [];
  for (const stage of STAGES) {
    for (const s of summaries) {
      const p = s.stages[stage];
      const label = plain ? STAGE_LABELS[stage].replace(/[*`]/g, '') : STAGE_LABELS[stage];
      rows.push([label, DESIGN_LABEL[s.design], fixed(p.p50), fixed(p.p95), fixed(p.p99), fixed(p.max), fixed(p.mean)]);
    }
  }
  return rows;
}

type Count = { status: string; reason: string | null; count: number };

/** Counts by (status, reason) summed over runs, largest first. */
function merged(runs: RunResult[], key: 'outcomes' | 'orders'): Count[] {
  const sums = new Map<string, Count>();
  for (const c of runs.flatMap((run) => run[key])) {
    const id = `${c.status}|${c.reason ?? ''}`;
    const seen = sums.get(id);
    sums.set(id, { ...c, count: (seen?.count ?? 0) + c.count });
  }
  return [...sums.values()].sort((a, b) => b.count - a.count);
}

function countText(counts: Count[], markdown = true): string {
  const tick = markdown ? '`' : '';
  return counts.length === 0
    ? 'none'
    : counts.map((c) => `${c.status}${c.reason ? ` ${tick}${c.reason}${tick}` : ''} ${c.count}`).join(', ');
}

function outcomeText(run: RunResult): string {
  return countText(run.outcomes, false);
}

function orderText(run: RunResult): string {
  return countText(run.orders, false);
}

function runsOf(result: FillBenchResult, design: Design): RunResult[] {
  return result.runs.filter((r) => r.design === design);
}

function pollerTotals(runs: RunResult[]): {
  orchestratorTicks: number;
  orchestratorOverruns: number;
  orchestratorTickMs: number[];
  executorTicks: number;
  executorOverruns: number;
  executorTickMs: number[];
  fillRetries: number;
  errors: Record<string, number>;
} {
  const pollers = runs.map((run) => run.poller).filter((p): p is NonNullable<RunResult['poller']> => p !== null);
  const errors: Record<string, number> = {};
  for (const p of pollers) {
    for (const [k, v] of Object.entries(p.errors)) {
      errors[k] = (errors[k] ?? 0) + v;
    }
  }
  const sum = (f: (p: (typeof pollers)[number]) => number): number => pollers.reduce((acc, p) => acc + f(p), 0);
  return {
    orchestratorTicks: sum((p) => p.orchestratorTicks),
    orchestratorOverruns: sum((p) => p.orchestratorOverruns),
    orchestratorTickMs: pollers.flatMap((p) => p.orchestratorTickMs),
    executorTicks: sum((p) => p.executorTicks),
    executorOverruns: sum((p) => p.executorOverruns),
    executorTickMs: pollers.flatMap((p) => p.executorTickMs),
    fillRetries: sum((p) => p.fillRetries),
    errors,
  };
}

const RUN_HEADERS = [
  'run',
  'load avg. at start',
  'accepted / filled',
  'signal → fill p50 ms',
  'p99 ms',
  'event-loop delay p99 / max ms',
  'process CPU, % of a core',
  'left open',
  'warnings / errors logged',
];

function runRows(result: FillBenchResult): string[][] {
  return result.runs.map((run) => {
    const total = percentiles(stageSamples(run.tracks).total);
    return [
      `${run.design} ${run.round}`,
      fixed(run.loadAverage, 2),
      `${run.tracks.length} / ${total.n}`,
      fixed(total.p50),
      fixed(total.p99),
      `${fixed(run.eventLoop.delayP99Ms)} / ${fixed(run.eventLoop.delayMaxMs)}`,
      fixed(run.eventLoop.cpuPercentOfOneCore, 0),
      run.openSignals + run.stuckOrders === 0 ? 'none' : `${run.openSignals} signals, ${run.stuckOrders} orders`,
      problemsText(run),
    ];
  });
}

function summaryOf(result: FillBenchResult, design: Design): DesignSummary | undefined {
  return result.summaries.find((s) => s.design === design);
}

/** The stage with the largest mean, and how the mean total splits between waiting and working. */
function dominant(summary: DesignSummary): { stage: StageName; share: number; waitShare: number; workShare: number } {
  const parts = [...WAITS, ...WORK];
  const stage = parts.reduce((best, s) => (summary.stages[s].mean > summary.stages[best].mean ? s : best), parts[0]);
  const total = summary.stages.total.mean;
  const sum = (names: StageName[]): number => names.reduce((acc, s) => acc + summary.stages[s].mean, 0);
  return {
    stage,
    share: summary.stages[stage].mean / total,
    waitShare: sum(WAITS) / total,
    workShare: sum(WORK) / total,
  };
}

/** Where the time of the slowest 1% of filled signals went: each stage's share of their summed total. */
function tailBreakdown(runs: RunResult[]): { n: number; minTotal: number; text: string } {
  const samples = stageSamples(runs.flatMap((run) => run.tracks));
  const order = samples.total.map((total, i) => ({ total, i })).sort((a, b) => b.total - a.total);
  const slow = order.slice(0, Math.max(1, Math.ceil(order.length / 100)));
  const sumTotal = slow.reduce((acc, x) => acc + x.total, 0);
  const parts = [...WAITS, ...WORK]
    .map((stage) => ({ stage, share: slow.reduce((acc, x) => acc + samples[stage][x.i], 0) / sumTotal }))
    .sort((a, b) => b.share - a.share)
    .slice(0, 3);
  return {
    n: slow.length,
    minTotal: slow[slow.length - 1]?.total ?? NaN,
    text: parts.map((p) => `${STAGE_LABELS[p.stage].replace(/ \(.*$/, '')} ${fixed(p.share * 100, 0)}%`).join(', '),
  };
}

export function goalMet(result: FillBenchResult): boolean {
  const queues = summaryOf(result, 'queues');
  return queues !== undefined && queues.stages.total.n > 0 && queues.stages.total.p99 < P99_GOAL_MS;
}

export function consoleReport(result: FillBenchResult): string {
  const lines = [textTable([STAGE_HEADERS, ...stageRows(result.summaries, true)]), ''];
  for (const run of result.runs) {
    const total = percentiles(stageSamples(run.tracks).total);
    const db = percentiles(run.dbTimes.receivedToFill);
    lines.push(
      `${run.design} ${run.round} (load ${fixed(run.loadAverage, 2)}): posted ${run.posted}, filled ${total.n}, ` +
        `signal → fill p50 ${fixed(total.p50)} / p99 ${fixed(total.p99)} ms; signals: ${outcomeText(run)}`,
      `  orders: ${orderText(run)}; stuck orders ${run.stuckOrders}, open signals ${run.openSignals}; ` +
        `drain ${fixed(run.drainS)} s; http problems ${JSON.stringify(run.httpErrors)}`,
      `  process: event loop busy ${fixed(run.eventLoop.utilization * 100, 0)}%, delay p99 ` +
        `${fixed(run.eventLoop.delayP99Ms)} / max ${fixed(run.eventLoop.delayMaxMs)} ms, CPU ` +
        `${fixed(run.eventLoop.cpuPercentOfOneCore, 0)}% of one core; post lag p99 ${fixed(run.postLagMs.p99)} ms`,
      `  db clock receipt→fill p50/p99 ${fixed(db.p50)} / ${fixed(db.p99)} ms`,
      `  jobs ${JSON.stringify(run.jobs)}`,
    );
    if (run.poller) {
      lines.push(
        `  poller ${JSON.stringify({ ...run.poller, orchestratorTickMs: undefined, executorTickMs: undefined })}`,
      );
    }
    for (const p of run.problems) {
      lines.push(`  logged ${p.count} x ${p.level} ${p.context}: ${p.example.slice(0, 200)}`);
    }
  }
  const q = summaryOf(result, 'queues');
  const p = summaryOf(result, 'polling');
  if (q && p) {
    lines.push(
      '',
      `signal → fill p50 ${fixed(q.stages.total.p50)} vs ${fixed(p.stages.total.p50)} ms, p99 ${fixed(q.stages.total.p99)} vs ` +
        `${fixed(p.stages.total.p99)} ms (polling / queues: p50 ${fixed(p.stages.total.p50 / q.stages.total.p50)}x, p99 ` +
        `${fixed(p.stages.total.p99 / q.stages.total.p99)}x)`,
    );
  }
  if (q) {
    lines.push(`${goalMet(result) ? 'MET    ' : 'NOT MET'}  p99 signal → fill under ${P99_GOAL_MS} ms (queues)`);
  }
  return lines.join('\n');
}

function problemsText(run: RunResult): string {
  if (run.problems.length === 0) {
    return 'none';
  }
  return run.problems
    .map((p) => `${p.count} × ${p.level} ${p.context}: "${p.example.slice(0, 160).replace(/\|/g, '\\|')}"`)
    .join('; ');
}

export function markdownSection(result: FillBenchResult): string {
  const { machine, settings: s } = result;
  const q = summaryOf(result, 'queues');
  const p = summaryOf(result, 'polling');
  const qRuns = runsOf(result, 'queues');
  const pRuns = runsOf(result, 'polling');
  const qRun = qRuns[0];
  const pRun = pRuns[0];
  if (!q || !p || !qRun || !pRun) {
    throw new Error('both designs must have run');
  }
  const qTop = dominant(q);
  const slowest = tailBreakdown(qRuns);
  const qTail = [...WAITS, ...WORK].reduce((best, st) => (q.stages[st].p99 > q.stages[best].p99 ? st : best), 'enrich');
  const pTop = dominant(p);
  const halfIntervals = s.orchestratorMs / 2 + s.executorMs / 2;
  const tickMean = (values: number[]): string => fixed(percentiles(values).mean);
  const poller = pollerTotals(pRuns);
  return `## Signal to fill latency

\`\`\`sh
${result.command}
\`\`\`

How long an alert takes from \`POST /webhook\` to its paper fill at ${s.rate} signals/s, per stage, for the app as
built (BullMQ queues hand each signal on) and for the spec's polling design run in the same harness with its
intervals scaled down 100×. Goal: p99 signal → fill under ${P99_GOAL_MS} ms. Raw results:
\`bench/results/fill-latency-<run>.json\` (not committed).

### Machine

${machineTable(machine)}

Everything shares the same ${machine.cores} cores: the app, the alert sender (the same process), PostgreSQL and Redis.

### Setup

- Each design gets a fresh app in this process (\`createApp\`, listening on a random port), its own freshly created
  and migrated database and its own BullMQ prefix (all removed at the end). \`MARKET_DATA_PROVIDER=simulated\`
  (\`SIM_SEED=42\`), \`CLOCK_START=${qRun.env.CLOCK_START}\` (a Tuesday, 10:30 New York, options session open) at
  \`CLOCK_SPEED=1\`, \`HMAC_SECRET\` set (every alert signed with \`X-Webhook-Signature\`), \`ENABLE_VARIANT_B\` with
  \`AB_SPLIT_PERCENTAGE=50\` (half the signals go to Engine A, half to Engine B), \`ENABLE_SHADOW_EXECUTION=false\`
  (the polling emulation has no shadow executor), \`MAX_OPEN_POSITIONS\` / \`MAX_POSITIONS_PER_SYMBOL\` 10000,
  exposure caps and paper equity 99,999,999, \`RISK_COOLDOWN_MINUTES=0\`. The \`feature_flags\` and \`risk_limits\`
  rows win over the environment, so the bench sets them to match (flags before: ${Object.entries(qRun.flagsBefore)
    .map(([name, enabled]) => `\`${name}\`=${String(enabled)}`)
    .join(', ')}).
- Alerts: JSON entry alerts (\`buy\` / \`sell\`, timeframe 1/5/15/60, confidence 60-94), posted open loop, one every
  ${fixed(1000 / s.rate)} ms for ${s.durationS} s (${qRun.posted} alerts) after a ${s.warmupS} s warm-up (not
  counted; the bench waits until it has drained), ${s.rounds} run${s.rounds === 1 ? '' : 's'} of each design
  (alternating); the percentiles below pool the runs of a design. A fresh ticker every two alerts (\`XAAA\` long, \`XAAA\` short,
  \`XAAB\` …), so the duplicate-trade gate (an open position or pending order on the same symbol and side) and the
  60 s dedup window never reject; the simulator prices an unknown ticker from a profile seeded by its name, so both
  designs see the same market.
- Timing: wall time with \`process.hrtime\` in this process, from the moment each request is written, to the app's
  domain events (\`signals.enriched\`, \`signals.decided\`, \`orders.filled\`), which the services emit right after
  their commit, and to wrappers around the three service calls (\`enrich\`, \`decide\`, \`execute\`). Every stage is computed over the same filled signals. (The wait
  before the decision can come out slightly negative: enrichment enqueues the decision job before it returns and
  emits its event.) The app's own timestamps
  (\`signals.received_at\` → \`trades.fill_timestamp\`, platform clock running at real speed) are reported beside as a
  check.
- **queues**: the app as built: the webhook commits the signal and enqueues it; the \`signals\`, \`decisions\` and
  \`executions\` workers (concurrency ${qRun.workerConcurrency.signals} + ${qRun.workerConcurrency.decisions} +
  ${qRun.workerConcurrency.executions}: \`ORCHESTRATOR_CONCURRENCY\` twice, \`PAPER_EXECUTOR_BATCH_SIZE\`) hand it
  on.
- **polling** (the spec's OrchestratorWorker every 30 s and PaperExecutorWorker every 10 s, scaled to
  ${s.orchestratorMs} ms and ${s.executorMs} ms): the same app and settings with the \`signals\`, \`decisions\` and
  \`executions\` queues paused (the webhook still enqueues, nothing consumes), and two loops in the bench: every
  ${s.orchestratorMs} ms up to ${s.orchestratorBatch} \`pending\` signals, oldest first, ${s.orchestratorConcurrency} at a
  time, \`EnrichmentService.enrich\` then \`DecisionService.decide\`; every ${s.executorMs} ms up to ${s.executorBatch}
  \`pending_execution\` orders, one after the other, \`ExecutionService.execute\` (the spec's batch sizes and
  concurrency). A tick never overlaps the previous one. The app's schedules (position marks and exits, the outbox
  sweep) run in both designs.

### Results

${mdTable(STAGE_HEADERS, stageRows(result.summaries, false))}

- **Queues: p99 signal → fill ${fixed(q.stages.total.p99)} ms** (p50 ${fixed(q.stages.total.p50)} ms) over
  ${q.stages.total.n} filled signals: the goal (p99 under ${P99_GOAL_MS} ms) is **${goalMet(result) ? 'met' : 'not met'}**.
  The stage with the longest tail is ${STAGE_LABELS[qTail]} (p99 ${fixed(q.stages[qTail].p99)} ms); in the slowest 1%
  of filled signals (${slowest.n}, ${fixed(slowest.minTotal)} ms and more) the time went to ${slowest.text}.${
    machine.loadAverage > machine.cores
      ? ` The machine was busy with other work: load average ${fixed(machine.loadAverage, 2)} on ${machine.cores}
  cores when the run started, so every stage waited for CPU; rerun on a quiet machine before reading the tail as the
  app's.`
      : ''
  }
- Polling (scaled 100×): p50 ${fixed(p.stages.total.p50)} ms, p99 ${fixed(p.stages.total.p99)} ms over
  ${p.stages.total.n} filled signals: **${fixed(p.stages.total.p50 / q.stages.total.p50)}×** the queues' p50 and
  **${fixed(p.stages.total.p99 / q.stages.total.p99)}×** their p99. At the spec's real intervals (30 s and 10 s) the
  waits are 100× longer: about ${fixed((halfIntervals * 100) / 1000)} s on average and up to
  ${fixed(((s.orchestratorMs + s.executorMs) * 100) / 1000)} s (spec section 17: "up to 30s + 10s").
- Rejected signals (no fill), receipt → verdict: queues p50 ${fixed(q.rejectedMs.p50)} / p99
  ${fixed(q.rejectedMs.p99)} ms (${q.rejectedMs.n}), polling p50 ${fixed(p.rejectedMs.p50)} / p99
  ${fixed(p.rejectedMs.p99)} ms (${p.rejectedMs.n}).
- The app's own timestamps tell the same story: \`received_at\` → \`fill_timestamp\` p50 / p99 queues
  ${fixed(q.db.receivedToFill.p50)} / ${fixed(q.db.receivedToFill.p99)} ms, polling ${fixed(p.db.receivedToFill.p50)} /
  ${fixed(p.db.receivedToFill.p99)} ms (each stamp is taken when a stage starts, so they run a little short of the
  events, and \`received_at\` is taken after the request was read).

Each run (the designs alternate, so both meet the machine's other work alike; every run posts the same alerts to a
fresh database):

${mdTable(RUN_HEADERS, runRows(result))}

Where the signals went, all runs together (the same alerts in every run; the engines see the platform clock, so a
few verdicts differ between runs):

${mdTable(
  ['', 'queues', 'polling'],
  [
    [
      'alerts posted / accepted',
      `${qRuns.reduce((n, r) => n + r.posted, 0)} / ${qRuns.reduce((n, r) => n + r.tracks.length, 0)}`,
      `${pRuns.reduce((n, r) => n + r.posted, 0)} / ${pRuns.reduce((n, r) => n + r.tracks.length, 0)}`,
    ],
    ['signals', countText(merged(qRuns, 'outcomes')), countText(merged(pRuns, 'outcomes'))],
    ['orders', countText(merged(qRuns, 'orders')), countText(merged(pRuns, 'orders'))],
    ['filled signals', String(q.stages.total.n), String(p.stages.total.n)],
    [
      'execute() calls that threw and were retried',
      String(qRuns.reduce((n, r) => n + r.executeRetries, 0)),
      String(pRuns.reduce((n, r) => n + r.executeRetries, 0)),
    ],
  ],
)}

Polling loops, all runs: ${poller.orchestratorTicks} orchestrator ticks (mean ${tickMean(poller.orchestratorTickMs)} ms
of work per tick that found some, ${poller.orchestratorOverruns} overran ${s.orchestratorMs} ms), ${poller.executorTicks}
executor ticks (mean ${tickMean(poller.executorTickMs)} ms, ${poller.executorOverruns} overran ${s.executorMs} ms),
${poller.fillRetries} fill attempts retried${
    Object.keys(poller.errors).length > 0 ? `, errors: ${JSON.stringify(poller.errors)}` : ''
  }.

### What dominates

- **Queues**: ${fixed(qTop.workShare * 100, 0)}% of a filled signal's mean ${fixed(q.stages.total.mean)} ms is the
  work of the three services and ${fixed(qTop.waitShare * 100, 0)}% the waits before each (the first one includes
  the webhook's own request handling and commit); the largest single stage is ${STAGE_LABELS[qTop.stage]}
  (${fixed(qTop.share * 100, 0)}%). A hand-off is a BullMQ job: a few Redis round trips plus waiting for a free
  worker slot and for the event loop, which the app shares with the alert sender, the other jobs in flight and its
  schedules; PostgreSQL and Redis share the same ${machine.cores} cores. The work is market data, indicators, GEX and
  confluence (enrichment); engines, risk gates and the decision transaction (decision); quote, fill model and the
  trade + position transaction (execution). A decision that may write an order commits under one global advisory
  lock (\`pg_advisory_xact_lock\` in \`DecisionRepository.inDecisionTransaction\`), so those commits queue behind
  each other when signals arrive together; under CPU contention every stage stretches, which is what the p99
  shows.
- **Polling**: the wait for the next tick, ${fixed(pTop.waitShare * 100, 0)}% of the mean
  ${fixed(p.stages.total.mean)} ms. On average a signal waits half an orchestrator interval
  (${fixed(s.orchestratorMs / 2)} ms) before its enrichment starts and half an executor interval
  (${fixed(s.executorMs / 2)} ms) before its fill, ${fixed(halfIntervals)} ms in all; measured here: receipt →
  enrichment ${fixed(p.stages.waitEnrich.mean)} ms and decided → execution ${fixed(p.stages.waitExecute.mean)} ms mean${
    poller.orchestratorOverruns + poller.executorOverruns > 0
      ? ` (more than half an interval where a tick overran: ${poller.orchestratorOverruns} of
  ${poller.orchestratorTicks} orchestrator ticks took longer than ${s.orchestratorMs} ms, and signals that arrived
  meanwhile waited for the next one)`
      : ''
  }. The decision follows its enrichment in the same tick, so that wait is near zero, but a tick starts
  ${s.orchestratorConcurrency} signals at once, so enrichment and decision each take longer than when the queues
  spread the same signals out (p50 ${fixed(p.stages.enrich.p50)} vs ${fixed(q.stages.enrich.p50)} ms and
  ${fixed(p.stages.decide.p50)} vs ${fixed(q.stages.decide.p50)} ms). Without contention the p99 would be a full
  interval of each plus the batch's work.

Set \`BENCH_FILL_RATE\` (${s.rate}), \`BENCH_FILL_DURATION\` (${s.durationS} s), \`BENCH_FILL_WARMUP\` (${s.warmupS} s),
\`BENCH_FILL_ORCH_MS\` (${s.orchestratorMs}), \`BENCH_FILL_EXEC_MS\` (${s.executorMs}) or \`BENCH_FILL_ONLY=queues|polling\`
(prints, leaves this page alone) to change the run; \`BENCH_REPORT_FROM=bench/results/<file>.json\` re-renders this
section from a saved run.
`;
}
