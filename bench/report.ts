/** Console table and docs/benchmarks.md for the ingestion benchmark. */
import { fixed, machineTable, type MachineInfo } from './infra';
import type { PhaseResult } from './load';

export type ServerName = 'app' | 'bare';

export interface ServerResult {
  name: ServerName;
  label: string;
  command: string;
  readyMs: number;
  idleRssMiB: number;
  /** Largest VmRSS sample from the start of the warm-up to the end of the last phase. */
  peakRssMiB: number;
  rssSamples: number;
  warmup: PhaseResult;
  throughput: PhaseResult;
  rate: PhaseResult;
  paced: PhaseResult;
  rows: { signals: number; webhookEvents: number; accepted: number };
  waitingJobs: number;
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export interface BenchResult {
  runId: string;
  command: string;
  machine: MachineInfo;
  settings: { warmupS: number; durationS: number; pacedDurationS: number; connections: number; rate: number };
  servers: Record<ServerName, ServerResult>;
  throughputRatio: number;
  goals: Goal[];
  totalAlerts: number;
  wallS: number;
}

export const P99_GOAL_MS = 50;
export const THROUGHPUT_GOAL = 0.6;
export const RSS_GOAL_MB = 300;

const MIB_TO_MB = 1.048576;

function problems(phase: PhaseResult): number {
  return phase.non2xx + phase.notAccepted + phase.errors;
}

export function evaluateGoals(
  app: ServerResult,
  ratio: number,
  settings: BenchResult['settings'],
): { goals: Goal[]; ratio: number } {
  const rate = app.rate;
  const sustained = rate.reqPerSec >= settings.rate * 0.95;
  const rssMB = app.peakRssMiB * MIB_TO_MB;
  return {
    ratio,
    goals: [
      {
        goal: `p99 under ${P99_GOAL_MS} ms at ${settings.rate} req/s (autocannon overallRate)`,
        measured:
          `p99 ${fixed(rate.latencyMs.p99)} ms at ${fixed(rate.reqPerSec, 0)} req/s` +
          (problems(rate) > 0 ? `, ${problems(rate)} bad responses` : '') +
          ` (evenly paced: p99 ${fixed(app.paced.latencyMs.p99)} ms)`,
        met: rate.latencyMs.p99 < P99_GOAL_MS && sustained && problems(rate) === 0,
      },
      {
        goal: `throughput at least ${THROUGHPUT_GOAL * 100}% of the bare baseline`,
        measured: `${fixed(ratio * 100, 0)}% (${fixed(app.throughput.reqPerSec, 0)} vs ${fixed(
          app.throughput.reqPerSec / ratio,
          0,
        )} req/s)`,
        met: ratio >= THROUGHPUT_GOAL && problems(app.throughput) === 0,
      },
      {
        goal: `app RSS under ${RSS_GOAL_MB} MB`,
        measured: `peak ${fixed(rssMB, 0)} MB (${fixed(app.peakRssMiB, 0)} MiB), idle ${fixed(app.idleRssMiB * MIB_TO_MB, 0)} MB`,
        met: rssMB < RSS_GOAL_MB,
      },
    ],
  };
}

function phaseRows(server: ServerResult): string[][] {
  return [server.throughput, server.rate, server.paced].map((phase) => [
    server.label,
    phase.name,
    fixed(phase.reqPerSec, 0),
    fixed(phase.latencyMs.p50),
    fixed(phase.latencyMs.p99),
    fixed(phase.latencyMs.max),
    String(phase.requests),
    String(phase.non2xx),
    String(phase.notAccepted),
    String(phase.errors),
    fixed(phase.serverCpuPercent, 0),
    fixed(phase.serverPeakRssMiB, 0),
  ]);
}

const HEADERS = [
  'Server',
  'Phase',
  'req/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  'requests',
  'non-2xx',
  'not ACCEPTED',
  'errors',
  'server CPU %',
  'peak RSS MiB',
];

const CPU_HEADERS = [
  'Server',
  'Phase',
  'server',
  'PostgreSQL',
  'Redis',
  'load gen.',
  'whole machine',
  'machine busy %',
];

function cpuRows(server: ServerResult): string[][] {
  return [server.throughput, server.rate].map((phase) => [
    server.label,
    phase.name,
    fixed(phase.cpuMsPerRequest.server, 2),
    fixed(phase.cpuMsPerRequest.postgres, 2),
    fixed(phase.cpuMsPerRequest.redis, 2),
    fixed(phase.cpuMsPerRequest.loader, 2),
    fixed(phase.cpuMsPerRequest.machine, 2),
    fixed(phase.systemBusyPercent, 0),
  ]);
}

function textTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]): string => row.map((cell, i) => cell.padStart(widths[i])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

export function consoleTable(result: BenchResult): string {
  const out = textTable([HEADERS, ...phaseRows(result.servers.app), ...phaseRows(result.servers.bare)]);
  out.push('', 'CPU ms per request:');
  out.push(...textTable([CPU_HEADERS, ...cpuRows(result.servers.app), ...cpuRows(result.servers.bare)]));
  out.push('');
  out.push(`throughput app/bare: ${fixed(result.throughputRatio * 100, 0)}%`);
  out.push(
    `app peak RSS: ${fixed(result.servers.app.peakRssMiB, 0)} MiB (bare ${fixed(result.servers.bare.peakRssMiB, 0)} MiB)`,
  );
  for (const goal of result.goals) {
    out.push(`${goal.met ? 'MET    ' : 'NOT MET'}  ${goal.goal}: ${goal.measured}`);
  }
  return out.join('\n');
}

function mdTable(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');
}

export function markdown(result: BenchResult): string {
  const { machine, settings, servers } = result;
  const { app, bare } = servers;
  const s = settings;
  return `# Benchmarks

<!-- Written by \`${result.command}\` (bench/ingest.bench.ts); rerun it rather than editing the numbers by hand. -->

## Webhook ingestion

\`\`\`sh
${result.command}
\`\`\`

One run starts the real app (\`node dist/main.js\`, built first when \`dist/\` is older than \`src/\`) and a bare
baseline (\`bench/bare-server.ts\`), each as its own child process with its own freshly created and migrated
PostgreSQL database and its own BullMQ prefix (all removed at the end), and loads \`POST /webhook\` of each with the
same alerts. Raw results: \`bench/results/ingest-<run>.json\` (not committed).

### Machine

${machineTable(machine)}

Everything shares the same ${machine.cores} cores: the server under test, PostgreSQL, Redis and the load generator.

### Load

- Alerts: never duplicates. Symbols SPY, QQQ, IWM, SPX, AAPL, MSFT, NVDA, TSLA, long and short, and a timeframe that
  grows with a counter (\`"17"\` → \`17m\`), so no (symbol, direction, timeframe) repeats; with price, timestamp (epoch
  seconds) and confidence. 70% JSON as \`application/json\`, 20% JSON as \`text/plain\` (what TradingView sends), 10%
  \`key=value\` text (\`symbol=SPY, action=buy, tf=17, price=595.42\`). ${result.totalAlerts} alerts in this run.
- Each server: ${s.warmupS} s warm-up (not counted), then three phases:
  - **throughput**: autocannon, ${s.connections} connections, ${s.durationS} s, as fast as possible;
  - **rate ${s.rate}**: autocannon \`overallRate: ${s.rate}\`, ${s.connections} connections, ${s.durationS} s;
  - **paced ${s.rate}**: ${s.rate} req/s evenly spaced (one request every ${fixed(1000 / s.rate)} ms, open loop, up to
    ${s.connections} sockets), ${s.pacedDurationS} s; latency counted from when each request was due.
- Every response is checked: HTTP 200 with \`"status":"ACCEPTED"\`. A \`DUPLICATE\` would mean the generator
  repeated an alert.

### Results

${mdTable(HEADERS, [...phaseRows(app), ...phaseRows(bare)])}

- Throughput app / bare: **${fixed(result.throughputRatio * 100, 0)}%**.
- App RSS: idle ${fixed(app.idleRssMiB, 0)} MiB after boot, peak **${fixed(app.peakRssMiB, 0)} MiB** under load
  (${app.rssSamples} samples of \`/proc/<pid>/status\` VmRSS, every 100 ms). Bare: idle ${fixed(bare.idleRssMiB, 0)}
  MiB, peak ${fixed(bare.peakRssMiB, 0)} MiB.
- Stored: app ${app.rows.signals} signals / ${app.rows.webhookEvents} webhook events (${app.waitingJobs} jobs waiting
  in \`signals\`); bare ${bare.rows.signals} / ${bare.rows.webhookEvents} (${bare.waitingJobs} jobs). Ready after: app
  ${app.readyMs} ms, bare ${bare.readyMs} ms.

CPU milliseconds per request (all cores together; the machine column also counts everything else running):

${mdTable(CPU_HEADERS, [...cpuRows(app), ...cpuRows(bare)])}

### Goals

${mdTable(
  ['Goal', 'Measured', 'Status'],
  result.goals.map((goal) => [goal.goal, goal.measured, goal.met ? '**met**' : '**not met**']),
)}

### How to read this

- **req/s** in the throughput phase is the ceiling on this machine with ${s.connections} concurrent senders; both
  servers compete with PostgreSQL, Redis and autocannon for the same ${machine.cores} cores, so the ratio app / bare
  says more than the absolute numbers. **server CPU %** is the server process alone (100% = one core): a Node
  server near 100% is bound by its own event loop.
- **p50 / p99** are autocannon's latencies (send to last byte of the reply). In the throughput phase they are mostly
  queueing: ${s.connections} connections each waiting for the previous answer.
- **rate ${s.rate}** uses autocannon's rate limit, which is bursty: every connection sends its ${fixed(
    s.rate / s.connections,
    0,
  )} requests of the second back to back as soon as the second starts, then waits for the next second. So the
  server sees ${s.connections} concurrent requests at the top of every second and p99 includes that burst's queue.
  **paced ${s.rate}** spreads the same rate evenly and is closer to webhooks arriving independently; it is
  reported beside, the goal is judged on the autocannon number.
- A run is noisy on a shared 2-core machine: expect ±10-15% on req/s between runs, and more on p99, which a single
  stall of a few hundred ms (a major GC, a PostgreSQL checkpoint, another process) moves. Compare runs on the same
  machine only, and rerun before drawing a conclusion from one p99.
- Peak RSS includes the V8 heap the load made the server grow into, not just live data; it is the number to size a
  container with.

### What the bare baseline leaves out

The baseline does the same I/O per alert — one statement (one round trip, a named prepared statement) inserting the
\`signals\` row and the \`webhook_events\` row with the app's column sets, then the same BullMQ
\`add('signal.enrich', …)\` with the app's job options — and nothing else. The app in addition runs: NestJS/Express
routing and middleware, the IP allowlist and webhook authentication checks, the tolerant body parser (JSON, lenient
JSON, key=value, pipe, PineConnector, plain text), normalization (aliases, symbol, action/direction, timeframe,
timestamp, price and score checks), secret redaction of the stored payloads, the dedup claim (an upsert on
\`signal_dedup_keys\` in the same statement: a third row and index to write per alert, no extra round trip), the
database and enqueue timeouts, and its richer JSON reply. It also runs its own background work (the outbox sweep every
10 s, the maintenance queue's worker). The baseline has no error handling beyond a 500 and no logging; it is a floor
for this I/O on this machine, not a design to copy. (It runs under ts-node, so its RSS includes the TypeScript
compiler and is not comparable to the app's.)

\`BENCH_ONLY=bare BENCH_BARE_TX=1 npm run bench:ingest\` runs the baseline with a classic transaction instead
(BEGIN, INSERT, INSERT, COMMIT: four round trips), to see what round trips cost on a machine; it prints JSON and
leaves this page alone. To see where the app's time goes, \`BENCH_ONLY=app BENCH_CPU_PROF=/tmp/prof npm run
bench:ingest\` writes a \`.cpuprofile\` of the app. Set \`BENCH_DURATION\`, \`BENCH_WARMUP\`, \`BENCH_PACED_DURATION\`,
\`BENCH_RATE\` or \`BENCH_CONNECTIONS\` to change the load.
`;
}
