/**
 * Decision pipeline benchmark: signals per second through enrichment and decision on simulated market data, as a
 * ratio of the BullMQ + PostgreSQL floor measured in the same run, and the time per signal split by stage.
 *
 *   npm run bench:pipeline
 *
 * Creates a throwaway database (migrated with the app's migrations) and a BullMQ prefix, boots the app in-process
 * (createApp, both workers), then: a warm-up through the pipeline; a sequential stage pass calling
 * EnrichmentService.enrich and DecisionService.decide directly; the 1-hop and 2-hop floors; BENCH_SIGNALS signals
 * through the queues; the 1-hop floor again. Prints a table, writes the "Decision pipeline" section of
 * docs/benchmarks.md and bench/results/pipeline-<run>.json, and removes the database and Redis keys (also on failure
 * or Ctrl-C).
 *
 * Knobs (env): BENCH_SIGNALS (default 2000), BENCH_STAGE_SIGNALS (300), BENCH_WARMUP_SIGNALS (100),
 * BENCH_TIMEOUT_S (600, per phase), BENCH_REPORT_FROM=bench/results/<file>.json (re-render the section, no run).
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { DecisionService } from '../src/decision/decision.service';
import { EnrichmentService } from '../src/enrichment/enrichment.service';
import { loadConfig } from '../src/config';
import { JobName, QueueName, QueueService } from '../src/queues';
import { writeBenchmarkSection } from './docs-section';
import {
  createMigratedDatabase,
  deleteRedisPrefix,
  installExitHandlers,
  log,
  machineInfo,
  onCleanup,
  REDIS_URL,
  ROOT,
  runCleanups,
  sleep,
} from './infra';
import {
  applyBenchSettings,
  appClock,
  benchEnv,
  bootApp,
  CountingLogger,
  insertSignals,
  SignalFactory,
} from './pipeline-app';
import { createFloorTable, FloorResult, runFloor } from './pipeline-floor';
import {
  consoleReport,
  markdownSection,
  Outcome,
  PipelineBenchResult,
  Stage,
  summarize,
  Summary,
  ThroughputResult,
} from './pipeline-report';

const COMMAND = 'npm run bench:pipeline';
const HEADING = '## Decision pipeline';

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

const settings = {
  signals: envNumber('BENCH_SIGNALS', 2000),
  stageSignals: envNumber('BENCH_STAGE_SIGNALS', 300),
  warmupSignals: envNumber('BENCH_WARMUP_SIGNALS', 100),
  /** The app's concurrency per signal queue (ORCHESTRATOR_CONCURRENCY), read from its config at boot. */
  concurrency: 0,
};
const TIMEOUT_MS = envNumber('BENCH_TIMEOUT_S', 600) * 1000;

type Timings = Record<string, number>;
type StageSamples = Record<Stage, number[]>;

function emptySamples(): StageSamples {
  return { enrich: [], engines: [], persist: [], decideOther: [], decide: [], total: [] };
}

function summarizeStages(samples: StageSamples): Record<Stage, Summary> {
  return Object.fromEntries(Object.entries(samples).map(([stage, values]) => [stage, summarize(values)])) as Record<
    Stage,
    Summary
  >;
}

function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Wraps the two services' entry points on their singleton instances (the processors call them through these
 * instances), so every call made by the workers is timed. Returns the samples and when each signal was decided.
 */
function instrument(app: NestExpressApplication): {
  samples: StageSamples;
  /** Enrichment time of the signals rejected there (they never reach the decision). */
  enrichRejected: number[];
  finishedAt: Map<string, bigint>;
  restore: () => void;
} {
  const enrichment = app.get(EnrichmentService);
  const decision = app.get(DecisionService);
  const enrich = enrichment.enrich;
  const decide = decision.decide;
  const samples = emptySamples();
  const finishedAt = new Map<string, bigint>();
  const enrichMs = new Map<string, number>();
  const enrichRejected: number[] = [];
  enrichment.enrich = async (signalId: string) => {
    const start = process.hrtime.bigint();
    const outcome = await enrich.call(enrichment, signalId);
    const ms = msSince(start);
    enrichMs.set(signalId, ms);
    if (outcome.kind === 'rejected') {
      finishedAt.set(signalId, process.hrtime.bigint());
      enrichRejected.push(ms);
    }
    return outcome;
  };
  decision.decide = async (signalId: string, timings: Timings = {}) => {
    const start = process.hrtime.bigint();
    const outcome = await decide.call(decision, signalId, timings);
    const ms = msSince(start);
    if (outcome.kind === 'decided') {
      finishedAt.set(signalId, process.hrtime.bigint());
      recordDecide(samples, ms, timings, enrichMs.get(signalId));
    }
    return outcome;
  };
  return {
    samples,
    enrichRejected,
    finishedAt,
    restore: () => {
      enrichment.enrich = enrich;
      decision.decide = decide;
    },
  };
}

function recordDecide(samples: StageSamples, decideMs: number, timings: Timings, enrichMs: number | undefined): void {
  if (enrichMs === undefined || timings.engines === undefined || timings.persist === undefined) {
    return; // not an entry through both stages (e.g. a retry whose enrichment ran before the probe)
  }
  samples.enrich.push(enrichMs);
  samples.decide.push(decideMs);
  samples.engines.push(timings.engines);
  samples.persist.push(timings.persist);
  samples.decideOther.push(decideMs - timings.engines - timings.persist);
  samples.total.push(enrichMs + decideMs);
}

async function statusCounts(dataSource: DataSource, ids: string[]): Promise<Outcome[]> {
  const rows: { status: string; reason: string | null; count: number }[] = await dataSource.query(
    `SELECT status, rejection_reason AS reason, count(*)::int AS count FROM signals WHERE signal_id = ANY($1)
      GROUP BY 1, 2 ORDER BY 3 DESC`,
    [ids],
  );
  return rows;
}

/** Waits until every signal is approved or rejected, or the timeout; returns how many are still open. */
async function waitDecided(dataSource: DataSource, ids: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let open = ids.length;
  while (Date.now() < deadline) {
    const rows: { open: number }[] = await dataSource.query(
      `SELECT count(*)::int AS open FROM signals WHERE signal_id = ANY($1) AND status NOT IN ('approved', 'rejected')`,
      [ids],
    );
    open = rows[0].open;
    if (open === 0) {
      return 0;
    }
    await sleep(100);
  }
  return open;
}

async function jobCounts(queues: QueueService): Promise<Record<string, Record<string, number>>> {
  const result: Record<string, Record<string, number>> = {};
  for (const name of [QueueName.Signals, QueueName.Decisions, QueueName.Executions]) {
    result[name] = await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }
  return result;
}

async function warmUp(app: NestExpressApplication, dataSource: DataSource, factory: SignalFactory): Promise<void> {
  const ids = await insertSignals(dataSource, factory, settings.warmupSignals, appClock(app).now());
  await app.get(QueueService).enqueueMany(
    JobName.EnrichSignal,
    ids.map((signalId) => ({ signalId })),
  );
  const open = await waitDecided(dataSource, ids, TIMEOUT_MS);
  if (open > 0) {
    throw new Error(`warm-up: ${open} of ${ids.length} signals still open after ${TIMEOUT_MS} ms`);
  }
}

/** Enrich then decide, one signal at a time, called directly; the decisions queue is paused meanwhile. */
async function stagePass(
  app: NestExpressApplication,
  dataSource: DataSource,
  factory: SignalFactory,
): Promise<{ stages: Record<Stage, Summary>; enrichRejected: Summary; outcomes: Outcome[] }> {
  const queues = app.get(QueueService);
  const decisions = queues.queue(QueueName.Decisions);
  await decisions.pause();
  const enrichment = app.get(EnrichmentService);
  const decision = app.get(DecisionService);
  const samples = emptySamples();
  const enrichRejected: number[] = [];
  const ids = await insertSignals(dataSource, factory, settings.stageSignals, appClock(app).now());
  try {
    for (const id of ids) {
      const start = process.hrtime.bigint();
      const enriched = await enrichment.enrich(id);
      const enrichMs = msSince(start);
      if (enriched.kind !== 'enriched') {
        enrichRejected.push(enrichMs);
        continue;
      }
      const timings: Timings = {};
      const decideStart = process.hrtime.bigint();
      await decision.decide(id, timings);
      recordDecide(samples, msSince(decideStart), timings, enrichMs);
    }
  } finally {
    // The decide jobs enrichment enqueued would only find their signals decided: drop them, then resume.
    await decisions.drain(true);
    await decisions.resume();
  }
  return {
    stages: summarizeStages(samples),
    enrichRejected: summarize(enrichRejected),
    outcomes: await statusCounts(dataSource, ids),
  };
}

async function throughputRun(
  app: NestExpressApplication,
  dataSource: DataSource,
  factory: SignalFactory,
): Promise<{ result: ThroughputResult; ids: string[] }> {
  const queues = app.get(QueueService);
  const ids = await insertSignals(dataSource, factory, settings.signals, appClock(app).now());
  const probe = instrument(app);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    delay.enable();
    const elu = performance.eventLoopUtilization();
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await queues.enqueueMany(
      JobName.EnrichSignal,
      ids.map((signalId) => ({ signalId })),
    );
    const open = await waitDecided(dataSource, ids, TIMEOUT_MS);
    const busy = performance.eventLoopUtilization(elu).utilization;
    const cpuUsed = process.cpuUsage(cpu);
    delay.disable();
    const finishes = ids.map((id) => probe.finishedAt.get(id)).filter((t): t is bigint => t !== undefined);
    const last = finishes.reduce((max, t) => (t > max ? t : max), started);
    const wallMs = Number(last - started) / 1e6;
    const stuck: { status: string; count: number }[] =
      open === 0
        ? []
        : await dataSource.query(
            `SELECT status, count(*)::int AS count FROM signals
              WHERE signal_id = ANY($1) AND status NOT IN ('approved', 'rejected') GROUP BY 1`,
            [ids],
          );
    return {
      ids,
      result: {
        signals: ids.length,
        concurrency: settings.concurrency,
        wallMs,
        signalsPerSec: (finishes.length * 1000) / wallMs,
        decided: finishes.length,
        stuck,
        outcomes: await statusCounts(dataSource, ids),
        latencyMs: summarize(finishes.map((t) => Number(t - started) / 1e6)),
        stagesUnderLoad: summarizeStages(probe.samples),
        enrichRejectedUnderLoad: summarize(probe.enrichRejected),
        jobs: await jobCounts(queues),
        process: {
          eventLoopUtilization: busy,
          eventLoopDelayP50Ms: delay.percentile(50) / 1e6,
          eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
          cpuPercentOfOneCore:
            ((cpuUsed.user + cpuUsed.system) / 1000 / (Number(process.hrtime.bigint() - started) / 1e6)) * 100,
        },
      },
    };
  } finally {
    probe.restore();
  }
}

async function floor(
  dataSource: DataSource,
  prefix: string,
  label: string,
  hops: 1 | 2,
  jobs: number,
): Promise<FloorResult> {
  const result = await runFloor({
    label,
    dataSource,
    redisUrl: REDIS_URL,
    prefix,
    jobs,
    hops,
    concurrency: settings.concurrency,
    timeoutMs: TIMEOUT_MS,
  });
  log(`${label}: ${result.jobsPerSec.toFixed(0)} jobs/s (${(result.wallMs / 1000).toFixed(2)} s)`);
  return result;
}

async function details(
  dataSource: DataSource,
  ids: string[],
): Promise<Pick<PipelineBenchResult, 'recommendations' | 'agentMs' | 'orders'>> {
  const recommendations: PipelineBenchResult['recommendations'] = await dataSource.query(
    `SELECT engine, is_shadow AS shadow, coalesce(rationale->>'code', '?') AS code, count(*)::int AS count
       FROM decision_recommendations WHERE signal_id = ANY($1) GROUP BY 1, 2, 3 ORDER BY 4 DESC`,
    [ids],
  );
  const agentRows: { agent: string; ms: number[] }[] = await dataSource.query(
    `SELECT agent_name AS agent, array_agg((metadata->>'ms')::float8) AS ms FROM agent_decisions
      WHERE metadata ? 'ms' GROUP BY 1`,
  );
  const agentMs = agentRows
    .map((row) => {
      const s = summarize(row.ms);
      return { agent: row.agent, runs: s.n, meanMs: s.mean, p95Ms: s.p95 };
    })
    .sort((a, b) => b.meanMs - a.meanMs);
  const orders: { n: number }[] = await dataSource.query('SELECT count(*)::int AS n FROM orders');
  return { recommendations, agentMs, orders: orders[0].n };
}

async function main(): Promise<void> {
  const saved = process.env.BENCH_REPORT_FROM;
  if (saved) {
    const result = JSON.parse(readFileSync(path.resolve(saved), 'utf8')) as PipelineBenchResult;
    const docPath = await writeBenchmarkSection(HEADING, markdownSection(result));
    process.stdout.write(`${consoleReport(result)}\n\nwrote ${path.relative(ROOT, docPath)} from ${saved}\n`);
    return;
  }
  installExitHandlers();
  const started = Date.now();
  const runId = `${started.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  log(`run ${runId}: ${JSON.stringify(settings)}`);
  const machine = await machineInfo();

  const database = `bench_pipeline_${runId}`;
  const url = await createMigratedDatabase(database);
  log(`database ${database} created and migrated`);
  const prefix = `bench-pipeline-${runId}`;
  onCleanup(`redis prefix ${prefix}`, async () => {
    const deleted = (await deleteRedisPrefix(prefix)) + (await deleteRedisPrefix(`${prefix}-floor`));
    log(`removed ${deleted} Redis keys under ${prefix}`);
  });

  const env = benchEnv(url, REDIS_URL, prefix);
  const logger = new CountingLogger();
  const config = loadConfig(env);
  settings.concurrency = config.workers.orchestratorConcurrency;
  const app = await bootApp(config, logger);
  onCleanup('close app', () => app.close());
  const dataSource = app.get(DataSource);
  const settingsApplied = await applyBenchSettings(dataSource, {
    enable_variant_b: true,
    enable_shadow_execution: true,
  });
  await createFloorTable(dataSource, settings.signals);
  log('app booted');

  const factory = new SignalFactory();
  await warmUp(app, dataSource, factory);
  log(`warm-up: ${settings.warmupSignals} signals decided`);
  const stage = await stagePass(app, dataSource, factory);
  log(`stage pass: ${settings.stageSignals} signals, mean total ${stage.stages.total.mean.toFixed(1)} ms`);

  const floorPrefix = `${prefix}-floor`;
  await floor(dataSource, floorPrefix, 'warm-up floor', 1, 200);
  const floorBefore = await floor(dataSource, floorPrefix, 'floor: 1 hop, before', 1, settings.signals);
  const floorTwo = await floor(dataSource, floorPrefix, 'floor: 2 hops', 2, settings.signals);
  log(`pipeline: ${settings.signals} signals`);
  const { result: throughput, ids } = await throughputRun(app, dataSource, factory);
  log(`pipeline: ${throughput.signalsPerSec.toFixed(1)} signals/s (${(throughput.wallMs / 1000).toFixed(2)} s)`);
  const floorAfter = await floor(dataSource, floorPrefix, 'floor: 1 hop, after', 1, settings.signals);
  const more = await details(dataSource, ids);

  const floorMean = (floorBefore.jobsPerSec + floorAfter.jobsPerSec) / 2;
  const result: PipelineBenchResult = {
    runId,
    command: COMMAND,
    machine,
    settings,
    env: { ...env, DATABASE_URL: '<bench database>' },
    settingsApplied,
    stages: stage.stages,
    stageOutcomes: stage.outcomes,
    stageEnrichRejected: stage.enrichRejected,
    floors: [floorBefore, floorTwo, floorAfter],
    throughput,
    ratioToFloor: throughput.signalsPerSec / floorMean,
    ratioToTwoHopFloor: throughput.signalsPerSec / floorTwo.jobsPerSec,
    ...more,
    problems: logger.all(),
    wallS: (Date.now() - started) / 1000,
  };
  await runCleanups();

  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = path.join(resultsDir, `pipeline-${runId}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  const incomplete = throughput.stuck.length > 0;
  if (!incomplete) {
    await writeBenchmarkSection(HEADING, markdownSection(result));
  }
  process.stdout.write(`\n${consoleReport(result)}\n\n`);
  process.stdout.write(
    `${incomplete ? 'signals left open: docs/benchmarks.md not written; ' : 'wrote docs/benchmarks.md and '}` +
      `${path.relative(ROOT, jsonPath)} (${result.wallS.toFixed(0)} s)\n`,
  );
  if (incomplete) {
    process.exitCode = 1;
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
