/**
 * Signal-to-fill latency benchmark: alerts posted to POST /webhook at a steady rate (default 20/s for 30 s), each
 * followed to its paper fill, per stage, for the app as built (BullMQ queues) and for the spec's polling design run in
 * the same harness with its intervals scaled down 100× (orchestrator 30 s → 300 ms, paper executor 10 s → 100 ms).
 *
 *   npm run bench:fill
 *
 * Each design boots the app in this process on a throwaway database (migrated with the app's migrations) and its own
 * BullMQ prefix, both removed at the end (also on failure or Ctrl-C). Prints a table, writes the "Signal to fill
 * latency" section of docs/benchmarks.md and bench/results/fill-latency-<run>.json.
 *
 * Knobs (env): BENCH_FILL_RATE (20), BENCH_FILL_DURATION (30 s), BENCH_FILL_WARMUP (3 s), BENCH_FILL_DRAIN_TIMEOUT
 * (60 s), BENCH_FILL_ROUNDS (2: queues, polling, queues, polling), BENCH_FILL_ORCH_MS (300), BENCH_FILL_EXEC_MS (100), BENCH_FILL_ONLY=queues|polling (one design, docs left
 * alone), BENCH_REPORT_FROM=bench/results/<file>.json (re-render the section, no run).
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeBenchmarkSection } from './docs-section';
import { Design, RunResult, RunSettings, runDesign } from './fill-latency-run';
import { consoleReport, FillBenchResult, goalMet, markdownSection, summarizeDesign } from './fill-latency-report';
import { installExitHandlers, log, machineInfo, ROOT, runCleanups } from './infra';

const COMMAND = 'npm run bench:fill';
const HEADING = '## Signal to fill latency';

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const settings: RunSettings = {
  rate: envNumber('BENCH_FILL_RATE', 20),
  durationS: envNumber('BENCH_FILL_DURATION', 30),
  warmupS: envNumber('BENCH_FILL_WARMUP', 3),
  drainTimeoutS: envNumber('BENCH_FILL_DRAIN_TIMEOUT', 60),
  rounds: Math.round(envNumber('BENCH_FILL_ROUNDS', 2)),
  orchestratorMs: envNumber('BENCH_FILL_ORCH_MS', 300),
  executorMs: envNumber('BENCH_FILL_EXEC_MS', 100),
  // The spec's defaults: ORCHESTRATOR_BATCH_SIZE, ORCHESTRATOR_CONCURRENCY, PAPER_EXECUTOR_BATCH_SIZE.
  orchestratorBatch: 20,
  orchestratorConcurrency: 5,
  executorBatch: 10,
};

function designs(): Design[] {
  const only = process.env.BENCH_FILL_ONLY;
  if (only === 'queues' || only === 'polling') {
    return [only];
  }
  if (only !== undefined) {
    throw new Error(`BENCH_FILL_ONLY must be queues or polling, not '${only}'`);
  }
  return ['queues', 'polling'];
}

async function main(): Promise<void> {
  const saved = process.env.BENCH_REPORT_FROM;
  if (saved) {
    const result = JSON.parse(readFileSync(path.resolve(saved), 'utf8')) as FillBenchResult;
    const docPath = await writeBenchmarkSection(HEADING, markdownSection(result));
    process.stdout.write(`${consoleReport(result)}\n\nwrote ${path.relative(ROOT, docPath)} from ${saved}\n`);
    return;
  }
  installExitHandlers();
  const started = Date.now();
  const runId = `${started.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const which = designs();
  log(`run ${runId}: ${JSON.stringify(settings)}, designs ${which.join(', ')}`);
  const machine = await machineInfo();

  const runs: RunResult[] = [];
  // The designs alternate (queues, polling, queues, …) so both see the machine's other work alike.
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const design of which) {
      // Each run drops its database and keys itself before the next one starts.
      runs.push(await runDesign(design, round, runId, settings));
    }
  }
  await runCleanups();
  const result: FillBenchResult = {
    runId,
    command: COMMAND,
    machine,
    settings,
    runs,
    summaries: which.map((design) => summarizeDesign(runs.filter((run) => run.design === design))),
    wallS: (Date.now() - started) / 1000,
  };

  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = path.join(resultsDir, `fill-latency-${runId}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  const incomplete = runs.some((run) => run.openSignals > 0 || run.stuckOrders > 0);
  const complete = which.length === 2 && !incomplete;
  if (complete) {
    await writeBenchmarkSection(HEADING, markdownSection(result));
  }
  process.stdout.write(`\n${consoleReport(result)}\n\n`);
  process.stdout.write(
    `${complete ? 'wrote docs/benchmarks.md and ' : incomplete ? 'work left open: docs/benchmarks.md not written; ' : 'one design only: docs/benchmarks.md not written; '}` +
      `${path.relative(ROOT, jsonPath)} (${result.wallS.toFixed(0)} s)\n`,
  );
  if (incomplete) {
    process.exitCode = 1;
  } else if (!goalMet(result) && which.includes('queues')) {
    log('goal not met: p99 signal → fill');
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  async (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    await runCleanups();
    process.exit(1);
  },
);
