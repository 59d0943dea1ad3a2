/** Statistics, console table and the "Decision pipeline" section of docs/benchmarks.md for bench/pipeline.bench.ts. */
import { fixed, machineTable, type MachineInfo } from './infra';
import type { LoggedProblem } from './pipeline-app';
import type { FloorResult } from './pipeline-floor';

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) {
    return { n: 0, mean: NaN, p50: NaN, p95: NaN, max: NaN };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    n: sorted.length,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1],
  };
}

/** Per-signal stage times (ms). `decideOther` is decide minus engines minus persist: reads, flags, after-commit. */
export type Stage = 'enrich' | 'engines' | 'persist' | 'decideOther' | 'decide' | 'total';

export const STAGE_LABELS: Record<Stage, string> = {
  enrich: 'enrichment (`EnrichmentService.enrich`)',
  engines: 'engines (policy, Engine A + Engine B, `timings.engines`)',
  persist: 'persist (decision transaction, `timings.persist`)',
  decideOther: 'rest of decide (reads, flags, after-commit)',
  decide: 'decision (`DecisionService.decide`)',
  total: 'total (enrich + decide)',
};

export interface Outcome {
  status: string;
  reason: string | null;
  count: number;
}

export interface ThroughputResult {
  signals: number;
  concurrency: number;
  wallMs: number;
  signalsPerSec: number;
  decided: number;
  /** Signals not approved/rejected when the run gave up waiting (should be 0). */
  stuck: { status: string; count: number }[];
  outcomes: Outcome[];
  /** Enqueue to approved/rejected, per signal. */
  latencyMs: Summary;
  /** The same stages timed inside the workers while 5 + 5 jobs ran at once (wall time, including waits). */
  stagesUnderLoad: Record<Stage, Summary>;
  enrichRejectedUnderLoad: Summary;
  jobs: Record<string, Record<string, number>>;
  /** The bench process (the app) from the enqueue until all were decided. */
  process: {
    eventLoopUtilization: number;
    eventLoopDelayP50Ms: number;
    eventLoopDelayP99Ms: number;
    cpuPercentOfOneCore: number;
  };
}

export interface PipelineBenchResult {
  runId: string;
  command: string;
  machine: MachineInfo;
  settings: { signals: number; stageSignals: number; warmupSignals: number; concurrency: number };
  env: Record<string, string>;
  settingsApplied: { flagsBefore: Record<string, boolean>; maxPositionsPerSymbolBefore: number | null };
  stages: Record<Stage, Summary>;
  stageOutcomes: Outcome[];
  /** Enrichment time of the stage-pass signals rejected at enrichment (not in `stages`). */
  stageEnrichRejected: Summary;
  floors: FloorResult[];
  throughput: ThroughputResult;
  ratioToFloor: number;
  ratioToTwoHopFloor: number;
  recommendations: { engine: string; shadow: boolean; code: string; count: number }[];
  agentMs: { agent: string; runs: number; meanMs: number; p95Ms: number }[];
  orders: number;
  problems: LoggedProblem[];
  wallS: number;
}

const STAGE_ROWS: Stage[] = ['enrich', 'engines', 'persist', 'decideOther', 'decide', 'total'];

function stageRows(stages: Record<Stage, Summary>): string[][] {
  const total = stages.total.mean;
  return STAGE_ROWS.map((stage) => [
    STAGE_LABELS[stage],
    fixed(stages[stage].p50, 2),
    fixed(stages[stage].p95, 2),
    fixed(stages[stage].mean, 2),
    stage === 'decide' || stage === 'total' ? '' : `${fixed((stages[stage].mean / total) * 100, 0)}%`,
  ]);
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

function throughputRows(result: PipelineBenchResult): string[][] {
  const floors = result.floors.map((floor) => [
    floor.label,
    String(floor.jobs),
    `${floor.concurrency}${floor.hops === 2 ? ` + ${floor.concurrency}` : ''}`,
    fixed(floor.wallMs / 1000, 2),
    fixed(floor.jobsPerSec, 0),
    '',
  ]);
  const t = result.throughput;
  return [
    [
      'pipeline: enrichment + decision (the app, in-process)',
      String(t.signals),
      `${t.concurrency} + ${t.concurrency}`,
      fixed(t.wallMs / 1000, 2),
      fixed(t.signalsPerSec, 1),
      `${fixed(result.ratioToFloor * 100, 1)}% of the 1-hop floor, ${fixed(result.ratioToTwoHopFloor * 100, 1)}% of the 2-hop floor`,
    ],
    ...floors,
  ];
}

const THROUGHPUT_HEADERS = ['Run', 'signals / jobs', 'concurrency', 'wall s', 'per s', 'ratio'];
const STAGE_HEADERS = ['Stage (per signal, ms)', 'p50', 'p95', 'mean', 'share of mean total'];

function outcomeText(outcomes: Outcome[]): string {
  return outcomes.map((o) => `${o.status}${o.reason ? ` (${o.reason})` : ''}: ${o.count}`).join('; ');
}

export function consoleReport(result: PipelineBenchResult): string {
  const t = result.throughput;
  return [
    textTable([THROUGHPUT_HEADERS, ...throughputRows(result)]),
    '',
    `stage pass (sequential, ${result.stages.total.n} signals reached the decision; ${result.stageEnrichRejected.n} ` +
      `rejected at enrichment, enrich mean ${fixed(result.stageEnrichRejected.mean, 2)} ms):`,
    textTable([STAGE_HEADERS, ...stageRows(result.stages)]),
    '',
    `under load (${t.stagesUnderLoad.total.n} signals reached the decision; ${t.enrichRejectedUnderLoad.n} rejected ` +
      `at enrichment, enrich mean ${fixed(t.enrichRejectedUnderLoad.mean, 2)} ms):`,
    textTable([STAGE_HEADERS, ...stageRows(t.stagesUnderLoad)]),
    '',
    `throughput outcomes: ${outcomeText(t.outcomes)}`,
    `stuck: ${t.stuck.length === 0 ? 'none' : JSON.stringify(t.stuck)}`,
    `process: ${JSON.stringify(t.process)}`,
    `jobs: ${JSON.stringify(t.jobs)}`,
    `logged problems: ${result.problems.length === 0 ? 'none' : ''}`,
    ...result.problems.map((p) => `  ${p.count} x ${p.level} ${p.context}: ${p.example}`),
  ].join('\n');
}

/** The stage that takes the largest share of the mean total in the sequential pass. */
function dominant(stages: Record<Stage, Summary>): { stage: Stage; share: number } {
  const parts: Stage[] = ['enrich', 'engines', 'persist', 'decideOther'];
  const stage = parts.reduce((best, s) => (stages[s].mean > stages[best].mean ? s : best), parts[0]);
  return { stage, share: stages[stage].mean / stages.total.mean };
}

export function markdownSection(result: PipelineBenchResult): string {
  const { machine, throughput: t, settings: s } = result;
  const top = dominant(result.stages);
  const loadTop = dominant(t.stagesUnderLoad);
  const agents = result.agentMs.slice(0, 8);
  const problems = result.problems;
  return `## Decision pipeline

\`\`\`sh
${result.command}
\`\`\`

Signals per second through enrichment and decision on simulated market data, against the queue + database floor
measured in the same run, and the time per signal split by stage. One process boots the whole app in-process
(\`createApp\`, the \`signals\` and \`decisions\` workers at the app's concurrency, \`ORCHESTRATOR_CONCURRENCY\`=${s.concurrency}) on a freshly created and
migrated database and its own BullMQ prefix (both removed at the end). Raw results:
\`bench/results/pipeline-<run>.json\` (not committed).

### Machine

${machineTable(machine)}

### Setup

- \`MARKET_DATA_PROVIDER=simulated\` (\`SIM_SEED=42\`), clock \`CLOCK_START=${result.env.CLOCK_START}\` (a Tuesday,
  10:30 New York) at \`CLOCK_SPEED=1\`, so quotes (5 s) and chains (60 s) expire from the market-data cache as in
  production. \`ENABLE_VARIANT_B\`, \`ENABLE_SHADOW_EXECUTION\` (\`AB_SPLIT_PERCENTAGE=50\`: each signal runs Engine A
  and Engine B, one of them as shadow), \`MAX_OPEN_POSITIONS=10000\`, \`MAX_POSITIONS_PER_SYMBOL=10000\`,
  \`RISK_COOLDOWN_MINUTES=0\`. The seeded \`feature_flags\` rows win over the environment and the \`risk_limits\` row's
  stricter value wins over \`MAX_POSITIONS_PER_SYMBOL\`, so the bench sets those rows to match (before: ${Object.entries(
    result.settingsApplied.flagsBefore,
  )
    .map(([name, enabled]) => `\`${name}\`=${String(enabled)}`)
    .join(', ')}, \`max_positions_per_symbol\`=${String(result.settingsApplied.maxPositionsPerSymbolBefore)}).
- Signals: entry alerts written straight to \`signals\` as \`pending\` (the webhook's rows, without the HTTP path, which
  the "Webhook ingestion" section measures), over the ${16} symbols the simulator knows by name, long and short,
  timeframes 1m/5m/15m/1h, confidence 55-94. ${s.warmupSignals} go through the pipeline first as a warm-up.
- **Throughput**: ${s.signals} signals enqueued at once (\`QueueService.enqueueMany('signal.enrich', …)\`); the clock
  runs from the enqueue until the last one is \`approved\` or \`rejected\`.
- **Floor**: the same number of jobs through BullMQ on the same Redis with the app's job options and
  concurrency, each handler doing one \`UPDATE bench_floor SET n = n + 1 WHERE id = $1\` through the app's own pool
  on the same database (bench/pipeline-floor.ts). The 2-hop floor chains two queues like enrichment → decision (two
  jobs and two updates per signal). The 1-hop floor runs before and after the pipeline; the ratio uses their mean.
- **Stages**: ${s.stageSignals} more signals, inserted but not enqueued, each taken in turn by calling
  \`EnrichmentService.enrich(id)\` and then \`DecisionService.decide(id, timings)\` directly (the \`decisions\` queue is
  paused meanwhile, so the job enrichment enqueues is not consumed): no concurrency, no queue wait. The same stages
  are also timed inside the workers during the throughput run (wall time with ${s.concurrency} + ${s.concurrency} jobs
  in flight, so lock and pool waits included).

### Results

${mdTable(THROUGHPUT_HEADERS, throughputRows(result))}

Pipeline throughput: **${fixed(t.signalsPerSec, 1)} signals/s**, **${fixed(result.ratioToFloor * 100, 1)}%** of the
1-hop queue + database floor (${fixed(result.ratioToTwoHopFloor * 100, 1)}% of the 2-hop floor). Enqueue to decided
per signal: p50 ${fixed(t.latencyMs.p50 / 1000, 2)} s, p95 ${fixed(t.latencyMs.p95 / 1000, 2)} s (a backlog of
${s.signals} drained by ${s.concurrency} + ${s.concurrency} workers, so mostly queue wait).

Time per signal by stage, sequential pass: the ${result.stages.total.n} of ${s.stageSignals} signals that passed
enrichment and reached the decision (the other ${result.stageEnrichRejected.n} were rejected at enrichment, in
${fixed(result.stageEnrichRejected.p50, 2)} ms p50 / ${fixed(result.stageEnrichRejected.mean, 2)} ms mean):

${mdTable(STAGE_HEADERS, stageRows(result.stages))}

The same stages inside the workers during the throughput run (${t.stagesUnderLoad.total.n} signals that reached the
decision; ${t.enrichRejectedUnderLoad.n} rejected at enrichment in ${fixed(t.enrichRejectedUnderLoad.p50, 2)} ms p50 /
${fixed(t.enrichRejectedUnderLoad.mean, 2)} ms mean):

${mdTable(STAGE_HEADERS, stageRows(t.stagesUnderLoad))}

Outcomes of the throughput run: ${outcomeText(t.outcomes)}. ${result.orders} paper orders written in the whole run
(both passes and the warm-up). Engine recommendations (throughput run): ${result.recommendations
    .map((r) => `${r.engine}${r.shadow ? ' shadow' : ''} \`${r.code}\` ${r.count}`)
    .join(', ')}.

Engine B agents that voted, mean / p95 ms per run (from \`agent_decisions.metadata.ms\`, all passes):
${agents.map((a) => `${a.agent} ${fixed(a.meanMs, 2)} / ${fixed(a.p95Ms, 2)}`).join(', ')}.

### What dominates

Sequentially, **${STAGE_LABELS[top.stage]}** takes the largest share of a signal's time (${fixed(top.share * 100, 0)}%
of ${fixed(result.stages.total.mean, 1)} ms mean). Under load the largest share is ${STAGE_LABELS[loadTop.stage]}
(${fixed(loadTop.share * 100, 0)}% of ${fixed(t.stagesUnderLoad.total.mean, 1)} ms mean). A decision that may write
an order takes a global advisory lock (\`pg_advisory_xact_lock\`, \`DecisionRepository.inDecisionTransaction\`), so
those persists run one at a time across all decision workers; the others only lock their signal row. During the
throughput run the app's event loop was busy ${fixed(t.process.eventLoopUtilization * 100, 0)}% of the time (process
CPU ${fixed(t.process.cpuPercentOfOneCore, 0)}% of one core, event-loop delay p50
${fixed(t.process.eventLoopDelayP50Ms, 1)} ms / p99 ${fixed(t.process.eventLoopDelayP99Ms, 1)} ms): the one process
is CPU-bound, so every round trip of a job also waits for the enrichment and engine work of the other
${2 * s.concurrency - 1} jobs, and persist takes
${fixed(t.stagesUnderLoad.persist.p50 / Math.max(result.stages.persist.p50, 0.001), 0)}x as long (p50) as in the
sequential pass. More throughput comes from more worker processes (\`ROLE=worker\`), not more concurrency in one.

Warnings and errors the app logged during the run: ${
    problems.length === 0
      ? 'none.'
      : `\n\n${mdTable(
          ['count', 'level', 'context', 'example'],
          problems.map((p) => [String(p.count), p.level, p.context, p.example.slice(0, 200)]),
        )}`
  }

### How to read this

- The ratio to the floor is the number to compare across machines: everything (the app, PostgreSQL, Redis) shares
  the same ${machine.cores} cores, so absolute signals/s move with the machine and with whatever else runs on it.
- The stage pass measures the work of one signal with nothing else in flight; the under-load table shows what the
  same calls cost while ${2 * s.concurrency} jobs run at once (CPU, pool, lock and event-loop waits included).
- Set \`BENCH_SIGNALS\` (default 2000), \`BENCH_STAGE_SIGNALS\` (300) or \`BENCH_WARMUP_SIGNALS\` (100) to change the
  sizes; \`BENCH_REPORT_FROM=bench/results/<file>.json\` re-renders this section from a saved run.
`;
}
