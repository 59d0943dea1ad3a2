/**
 * Plumbing for bench/ingest.bench.ts: throwaway databases and queue prefixes, child processes, readiness, RSS/CPU
 * sampling, the build check and the machine description. Nothing here knows about the benchmark itself.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/typeorm-options';

export const ROOT = path.resolve(__dirname, '..');
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ── Cleanup ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Cleanup = () => Promise<void>;
const cleanups: { label: string; run: Cleanup }[] = [];
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | null = null;

/** Registers an undo step; steps run last-in first-out, each at most once, also on failure and on signals. */
export function onCleanup(label: string, run: Cleanup): void {
  cleanups.push({ label, run });
}

export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop();
      if (!step) {
        break;
      }
      try {
        await step.run();
      } catch (error) {
        log(`cleanup '${step.label}' failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/** Kills children on any exit, and cleans up on Ctrl-C / SIGTERM before exiting. */
export function installExitHandlers(): void {
  process.on('exit', () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      const hardStop = setTimeout(() => process.exit(130), 15_000);
      hardStop.unref();
      void runCleanups().finally(() => process.exit(130));
    });
  }
}

// ── PostgreSQL and Redis ────────────────────────────────────────────────────────────────────────────────────────

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database (dropped at cleanup) and migrates it with the app's own migrations. */
export async function createMigratedDatabase(name: string): Promise<string> {
  await admin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  onCleanup(`drop database ${name}`, () => dropDatabase(name));
  const url = databaseUrl(name);
  const dataSource = new DataSource(buildDataSourceOptions({ url, poolMax: 2, applicationName: 'bench-migrate' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return url;
}

async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

export async function postgresVersion(): Promise<string> {
  const result = await admin((client) => client.query<{ server_version: string }>('SHOW server_version'));
  return result.rows[0]?.server_version ?? 'unknown';
}

/** Row counts of what an ingestion run wrote. */
export async function countRows(url: string): Promise<{ signals: number; webhookEvents: number; accepted: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ signals: string; events: string; accepted: string }>(
      `SELECT (SELECT count(*) FROM signals) AS signals, (SELECT count(*) FROM webhook_events) AS events,
              (SELECT count(*) FROM webhook_events WHERE status = 'accepted') AS accepted`,
    );
    const row = result.rows[0];
    return { signals: Number(row.signals), webhookEvents: Number(row.events), accepted: Number(row.accepted) };
  } finally {
    await client.end();
  }
}

export async function withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Removes every key under a BullMQ prefix. */
export async function deleteRedisPrefix(prefix: string): Promise<number> {
  return withRedis(async (redis) => {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) {
        deleted += await redis.unlink(...keys);
      }
    } while (cursor !== '0');
    return deleted;
  });
}

export async function waitingJobs(prefix: string): Promise<number> {
  return withRedis((redis) => redis.llen(`${prefix}:signals:wait`));
}

export async function redisVersion(): Promise<string> {
  return withRedis(async (redis) => /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown');
}

// ── Child processes ─────────────────────────────────────────────────────────────────────────────────────────────

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildHandle {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last lines the child wrote (stdout and stderr), for error reports. */
  tail(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

export function startChild(name: string, args: string[], env: Record<string, string>): ChildHandle {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) {
    throw new Error(`${name} did not start`);
  }
  children.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const stop = async (): Promise<void> => {
    if (!exited()) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(12_000).then(() => false)]);
      if (!killed) {
        log(`${name} did not stop in 12 s: SIGKILL`);
        child.kill('SIGKILL');
        await exit;
      }
    }
    children.delete(child);
  };
  onCleanup(`stop ${name}`, stop);
  return { name, pid: child.pid, process: child, tail: () => lines.join('\n'), exited, stop };
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Polls GET url until 200; fails at once if the child dies. */
export async function waitReady(child: ChildHandle, url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exited()) {
      throw new Error(`${child.name} exited before it was ready:\n${child.tail()}`);
    }
    if ((await httpStatus(url)) === 200) {
      return Date.now() - started;
    }
    await sleep(200);
  }
  throw new Error(`${child.name} not ready after ${timeoutMs} ms:\n${child.tail()}`);
}

// ── Resource sampling ───────────────────────────────────────────────────────────────────────────────────────────

const CLOCK_TICKS = 100; // USER_HZ on Linux

function readRssKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** utime + stime of a process, in seconds. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  /** Busy time of all cores, in seconds (from /proc/stat). */
  systemBusyS: number;
  /** utime + stime per process name (comm), summed over its processes, in seconds. */
  byName: Record<string, Map<number, number>>;
}

const WATCHED = ['postgres', 'redis-server'];

/** System-wide busy time and the CPU time of the PostgreSQL and Redis processes. */
export function cpuSnapshot(): CpuSnapshot {
  const byName: CpuSnapshot['byName'] = Object.fromEntries(WATCHED.map((name) => [name, new Map<number, number>()]));
  let systemBusyS = 0;
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
    systemBusyS = (fields.reduce((sum, value) => sum + value, 0) - fields[3] - fields[4]) / CLOCK_TICKS;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) {
        continue;
      }
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const map = byName[comm];
        if (map) {
          const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          map.set(Number(entry), (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS);
        }
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return { systemBusyS, byName };
}

/** CPU seconds used between two snapshots by processes of that name (processes born in between count from 0). */
export function cpuUsedBy(before: CpuSnapshot, after: CpuSnapshot, name: string): number {
  let used = 0;
  for (const [pid, seconds] of after.byName[name] ?? new Map<number, number>()) {
    used += seconds - (before.byName[name]?.get(pid) ?? 0);
  }
  return used;
}

/** Samples a process's VmRSS every 100 ms; `peak` is the largest sample since the last `reset`. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private peakKb = 0;
  private lastKb = 0;
  samples = 0;

  constructor(private readonly pid: number) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    return this;
  }

  reset(): void {
    this.peakKb = this.lastKb;
  }

  get peakMiB(): number {
    return this.peakKb / 1024;
  }

  get currentMiB(): number {
    return this.lastKb / 1024;
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private sample(): void {
    const kb = readRssKb(this.pid);
    if (kb !== null) {
      this.samples++;
      this.lastKb = kb;
      this.peakKb = Math.max(this.peakKb, kb);
    }
  }
}

// ── Build ───────────────────────────────────────────────────────────────────────────────────────────────────────

function newestMtime(dir: string, pattern: RegExp): number {
  let newest = 0;
  if (!existsSync(dir)) {
    return newest;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestMtime(full, pattern));
    } else if (pattern.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** `npm run build` when dist/main.js is missing or older than any source or migration. Returns whether it built. */
export function buildIfStale(): boolean {
  const main = path.join(ROOT, 'dist', 'main.js');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src'), /\.ts$/),
    newestMtime(path.join(ROOT, 'migrations'), /\.ts$/),
  );
  if (existsSync(main) && statSync(main).mtimeMs >= sources) {
    return false;
  }
  log(existsSync(main) ? 'dist/ is older than src/: npm run build' : 'dist/ missing: npm run build');
  // tsconfig.build.json is incremental and its build info lands in the repository root (outside dist/), so after
  // `nest build` empties dist/ (deleteOutDir) tsc would emit only the changed files. Drop the cache: full build.
  rmSync(path.join(ROOT, 'tsconfig.build.tsbuildinfo'), { force: true });
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${String(result.status)})`);
  }
  if (!existsSync(main)) {
    throw new Error('npm run build succeeded but dist/main.js is missing');
  }
  return true;
}

// ── Machine ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface MachineInfo {
  node: string;
  cpuModel: string;
  cores: number;
  totalMemGiB: number;
  kernel: string;
  /** 1-minute load average when the run started: other work on the machine skews the numbers. */
  loadAverage: number;
  postgres: string;
  redis: string;
  date: string;
}

/** A number to `digits` decimals for a report; 'n/a' when not finite. */
export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** The "### Machine" table every benchmark section of docs/benchmarks.md starts with. */
export function machineTable(machine: MachineInfo): string {
  return `| | |
| --- | --- |
| Date | ${machine.date} |
| CPU | ${machine.cpuModel} |
| Cores | ${machine.cores} |
| RAM | ${machine.totalMemGiB.toFixed(1)} GiB |
| OS | ${machine.kernel} |
| Node.js | ${machine.node} |
| PostgreSQL | ${machine.postgres} (local) |
| Redis | ${machine.redis} (local) |
| Load average at start | ${machine.loadAverage.toFixed(2)} |`;
}

export async function machineInfo(): Promise<MachineInfo> {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    node: process.version,
    cpuModel,
    cores: os.availableParallelism(),
    totalMemGiB: os.totalmem() / 1024 ** 3,
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg()[0],
    postgres: await postgresVersion(),
    redis: await redisVersion(),
    date: new Date().toISOString(),
  };
}
