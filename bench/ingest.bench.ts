/**
 * Webhook ingestion benchmark: the real app against a bare baseline, same alerts, same machine, one run.
 *
 *   npm run bench:ingest
 *
 * Creates two throwaway databases (migrated with the app's migrations) and two BullMQ prefixes, runs the app
 * (`node dist/main.js`) and bench/bare-server.ts as child processes one after the other, loads POST /webhook of each
 * with never-duplicate alerts, samples the server's RSS, prints a table, writes docs/benchmarks.md and
 * bench/results/ingest-<run>.json, and removes the databases and Redis keys (also on failure or Ctrl-C).
 *
 * Knobs (env): BENCH_DURATION (s, default 15), BENCH_WARMUP (3), BENCH_PACED_DURATION (10), BENCH_RATE (500),
 * BENCH_CONNECTIONS (50), BENCH_ONLY=app|bare (no docs written), BENCH_CPU_PROF=<dir> (app runs with --cpu-prof),
 * BENCH_REPORT_FROM=bench/results/<file>.json (re-render docs/benchmarks.md from a saved run, no load),
 * BENCH_BARE_TX=1 (diagnostic: the baseline stores with BEGIN/INSERT/INSERT/COMMIT; no docs written).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { AlertGenerator } from './alerts';
import {
  buildIfStale,
  countRows,
  createMigratedDatabase,
  deleteRedisPrefix,
  freePort,
  installExitHandlers,
  log,
  machineInfo,
  onCleanup,
  REDIS_URL,
  ROOT,
  RssSampler,
  runCleanups,
  sleep,
  startChild,
  waitingJobs,
  waitReady,
} from './infra';
import { PhaseSpec, runPhase } from './load';
import { BenchResult, consoleTable, evaluateGoals, markdown, ServerName, ServerResult } from './report';

const COMMAND = 'npm run bench:ingest';

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const settings = {
  warmupS: envNumber('BENCH_WARMUP', 3),
  durationS: envNumber('BENCH_DURATION', 15),
  pacedDurationS: envNumber('BENCH_PACED_DURATION', 10),
  connections: envNumber('BENCH_CONNECTIONS', 50),
  rate: envNumber('BENCH_RATE', 500),
};
const DB_POOL_MAX = '20';

interface Target {
  name: ServerName;
  label: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}

function targets(runId: string, urls: Record<ServerName, string>, port: Record<ServerName, number>): Target[] {
  const cpuProf = process.env.BENCH_CPU_PROF;
  const profArgs = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`] : [];
  return [
    {
      name: 'app',
      label: 'app',
      command: 'node dist/main.js',
      args: [...profArgs, 'dist/main.js'],
      env: {
        NODE_ENV: 'development',
        PORT: String(port.app),
        DATABASE_URL: urls.app,
        REDIS_URL,
        QUEUE_PREFIX: `bench-app-${runId}`,
        LOG_LEVEL: 'warn',
        RUN_MIGRATIONS: 'true',
        DB_POOL_MAX,
      },
    },
    {
      name: 'bare',
      label: 'bare',
      command: 'node -r ts-node/register/transpile-only bench/bare-server.ts',
      args: ['-r', 'ts-node/register/transpile-only', 'bench/bare-server.ts'],
      env: {
        PORT: String(port.bare),
        DATABASE_URL: urls.bare,
        REDIS_URL,
        QUEUE_PREFIX: `bench-bare-${runId}`,
        DB_POOL_MAX,
        TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
        ...(process.env.BENCH_BARE_TX === '1' ? { BARE_TX: '1' } : {}),
      },
    },
  ];
}

async function benchServer(target: Target, alerts: AlertGenerator): Promise<ServerResult> {
  log(`${target.label}: starting (${target.command})`);
  const child = startChild(target.label, target.args, target.env);
  const base = `http://127.0.0.1:${target.env.PORT}`;
  const readyMs = await waitReady(child, `${base}/health/ready`, 60_000);
  const rss = new RssSampler(child.pid).start();
  await sleep(500);
  const idleRssMiB = rss.currentMiB;
  log(`${target.label}: ready in ${readyMs} ms, RSS ${idleRssMiB.toFixed(0)} MiB`);
  const server = { pid: child.pid, rss };
  const overall = { peak: 0 };
  const phase = async (spec: PhaseSpec): Promise<Awaited<ReturnType<typeof runPhase>>> => {
    log(`${target.label}: ${spec.name} (${spec.durationS} s)`);
    const result = await runPhase(base, spec, alerts, server);
    overall.peak = Math.max(overall.peak, result.serverPeakRssMiB);
    log(
      `${target.label}: ${spec.name}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, ` +
        `p99 ${result.latencyMs.p99.toFixed(1)} ms, bad ${result.non2xx + result.notAccepted + result.errors}, ` +
        `CPU ${result.serverCpuPercent.toFixed(0)}%, RSS ${result.serverPeakRssMiB.toFixed(0)} MiB`,
    );
    if (child.exited()) {
      throw new Error(`${target.label} died during ${spec.name}:\n${child.tail()}`);
    }
    await sleep(1000);
    return result;
  };
  try {
    const c = settings.connections;
    const warmup = await phase({ name: 'warm-up', kind: 'autocannon', durationS: settings.warmupS, connections: c });
    const throughput = await phase({
      name: 'throughput',
      kind: 'autocannon',
      durationS: settings.durationS,
      connections: c,
    });
    const rate = await phase({
      name: `rate ${settings.rate}`,
      kind: 'autocannon',
      durationS: settings.durationS,
      connections: c,
      rate: settings.rate,
    });
    const paced = await phase({
      name: `paced ${settings.rate}`,
      kind: 'paced',
      durationS: settings.pacedDurationS,
      connections: c,
      rate: settings.rate,
    });
    rss.stop();
    const rows = await countRows(target.env.DATABASE_URL);
    const jobs = await waitingJobs(target.env.QUEUE_PREFIX);
    return {
      name: target.name,
      label: target.label,
      command: target.command,
      readyMs,
      idleRssMiB,
      peakRssMiB: overall.peak,
      rssSamples: rss.samples,
      warmup,
      throughput,
      rate,
      paced,
      rows,
      waitingJobs: jobs,
    };
  } finally {
    rss.stop();
    await child.stop();
  }
}

async function writeDocs(result: BenchResult): Promise<string> {
  const docPath = path.join(ROOT, 'docs', 'benchmarks.md');
  const prettierOptions = (await prettier.resolveConfig(docPath)) ?? {};
  // Other benchmarks own the sections after this one ("## Market core", written by bench/market.bench.ts, and
  // "## Decision pipeline", by bench/pipeline.bench.ts): keep everything from the first `## ` heading not ours.
  let existing = '';
  try {
    existing = readFileSync(docPath, 'utf8');
  } catch {
    existing = '';
  }
  const othersAt = existing.search(/\n## (?!Webhook ingestion\n)/);
  const rest = othersAt >= 0 ? existing.slice(othersAt) : '';
  writeFileSync(
    docPath,
    await prettier.format(`${markdown(result)}${rest}`, { ...prettierOptions, filepath: docPath }),
  );
  return docPath;
}

async function main(): Promise<void> {
  const saved = process.env.BENCH_REPORT_FROM;
  if (saved) {
    // Re-render docs/benchmarks.md from a saved run (after editing the report text), without running anything.
    const result = JSON.parse(readFileSync(path.resolve(saved), 'utf8')) as BenchResult;
    const docPath = await writeDocs(result);
    process.stdout.write(`${consoleTable(result)}\n\nwrote ${path.relative(ROOT, docPath)} from ${saved}\n`);
    return;
  }
  installExitHandlers();
  const started = Date.now();
  const runId = `${started.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const only = process.env.BENCH_ONLY as ServerName | undefined;
  log(`run ${runId}: ${JSON.stringify(settings)}`);
  const machine = await machineInfo();

  const names = (['app', 'bare'] as const).filter((name) => only === undefined || only === name);
  if (names.includes('app')) {
    buildIfStale();
  }
  const urls = {} as Record<ServerName, string>;
  const port = {} as Record<ServerName, number>;
  for (const name of names) {
    const database = `bench_${name}_${runId}`;
    urls[name] = await createMigratedDatabase(database);
    port[name] = await freePort();
    log(`${name}: database ${database} created and migrated`);
  }
  for (const name of names) {
    const prefix = `bench-${name}-${runId}`;
    onCleanup(`redis prefix ${prefix}`, async () => {
      const deleted = await deleteRedisPrefix(prefix);
      log(`removed ${deleted} Redis keys under ${prefix}`);
    });
  }

  const alerts = new AlertGenerator();
  const servers = {} as Record<ServerName, ServerResult>;
  for (const target of targets(runId, urls, port).filter((t) => names.includes(t.name))) {
    servers[target.name] = await benchServer(target, alerts);
  }
  await runCleanups();

  if (!servers.app || !servers.bare || process.env.BENCH_BARE_TX === '1') {
    for (const server of Object.values(servers)) {
      process.stdout.write(`${JSON.stringify(server, null, 2)}\n`);
    }
    return;
  }
  const ratio = servers.app.throughput.reqPerSec / servers.bare.throughput.reqPerSec;
  const { goals } = evaluateGoals(servers.app, ratio, settings);
  const result: BenchResult = {
    runId,
    command: COMMAND,
    machine,
    settings,
    servers,
    throughputRatio: ratio,
    goals,
    totalAlerts: alerts.count,
    wallS: (Date.now() - started) / 1000,
  };

  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = path.join(resultsDir, `ingest-${runId}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  const docPath = await writeDocs(result);

  process.stdout.write(`\n${consoleTable(result)}\n\n`);
  process.stdout.write(`wrote ${path.relative(ROOT, docPath)} and ${path.relative(ROOT, jsonPath)} `);
  process.stdout.write(`(${result.wallS.toFixed(0)} s)\n`);
}

main().then(
  () => process.exit(0),
  async (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    await runCleanups();
    process.exit(1);
  },
);
