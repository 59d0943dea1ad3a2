/**
 * One configuration of bench/fill-latency.bench.ts: the app booted in-process on its own database and BullMQ prefix,
 * listening on a random port, fed entry alerts through POST /webhook at a steady rate, every signal followed through
 * the app's domain events (webhook reply, enriched, decided, filled) with process.hrtime.
 *
 * Two designs run in the same harness: `queues` (the app as built: BullMQ workers hand each signal on) and
 * `polling` (the spec's design: the app's signal and execution queues paused, and two loops in this process that
 * every ORCH_MS / EXEC_MS pick up pending signals and pending orders and call the same services).
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap/create-app';
import type { DomainEventPayloads } from '../src/common/events/domain-events';
import { loadConfig } from '../src/config';
import { DecisionService } from '../src/decision/decision.service';
import { EnrichmentService } from '../src/enrichment/enrichment.service';
import { ExecutionService, FillUnavailableError } from '../src/execution/execution.service';
import { QueueName, QueueService } from '../src/queues';
import { Client } from 'pg';
import { createMigratedDatabase, deleteRedisPrefix, log, onCleanup, PG_ADMIN_URL, REDIS_URL, sleep } from './infra';
import { CLOCK_START, CountingLogger, type LoggedProblem } from './pipeline-app';

export type Design = 'queues' | 'polling';

export interface RunSettings {
  /** Signals per second posted to POST /webhook. */
  rate: number;
  durationS: number;
  warmupS: number;
  /** How long to wait after the last post for every signal to be decided and every order filled or failed. */
  drainTimeoutS: number;
  /** Runs of each design; the designs alternate. */
  rounds: number;
  /** The polling design's intervals (the spec's 30 s and 10 s, scaled down) and batch sizes. */
  orchestratorMs: number;
  executorMs: number;
  orchestratorBatch: number;
  orchestratorConcurrency: number;
  executorBatch: number;
}

export const HMAC_SECRET = 'bench-fill-latency-secret-0123456789abcdef';

/** What the bench sets; every other variable keeps its default. */
export function fillEnv(databaseUrl: string, queuePrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    RUN_MIGRATIONS: 'false',
    MARKET_DATA_PROVIDER: 'simulated',
    SIM_SEED: '42',
    CLOCK_START,
    CLOCK_SPEED: '1',
    HMAC_SECRET,
    ENABLE_VARIANT_B: 'true',
    AB_SPLIT_PERCENTAGE: '50',
    ENABLE_SHADOW_EXECUTION: 'false',
    MAX_OPEN_POSITIONS: '10000',
    MAX_POSITIONS_PER_SYMBOL: '10000',
    MAX_TOTAL_EXPOSURE: '99999999',
    MAX_EXPOSURE_PERCENT: '100',
    PAPER_ACCOUNT_EQUITY: '99999999',
    RISK_COOLDOWN_MINUTES: '0',
  };
}

/**
 * The database rows that win over the environment: feature flags (seeded with the spec's defaults) and the
 * `risk_limits` row, whose stricter value wins over the environment's. Set them to what the environment says.
 */
async function applySettings(dataSource: DataSource): Promise<Record<string, boolean>> {
  const flags = { enable_variant_b: true, enable_shadow_execution: false };
  const before: { name: string; enabled: boolean }[] = await dataSource.query(
    'SELECT name, enabled FROM feature_flags WHERE name = ANY($1)',
    [Object.keys(flags)],
  );
  for (const [name, enabled] of Object.entries(flags)) {
    await dataSource.query('UPDATE feature_flags SET enabled = $2 WHERE name = $1', [name, enabled]);
  }
  await dataSource.query(
    `UPDATE risk_limits SET max_positions_per_symbol = 10000, max_total_exposure = 99999999,
            max_exposure_percent = 100`,
  );
  return Object.fromEntries(before.map((row) => [row.name, row.enabled]));
}

// ── Alerts ──────────────────────────────────────────────────────────────────────────────────────────────────────

const TIMEFRAMES = ['5', '15', '60', '1'] as const;

/** `XAAA`, `XAAB`, …: a fresh ticker for every two alerts (long, then short), so no open position or pending order
 * on the same symbol and side exists yet (the duplicate-trade gate) and no alert repeats inside the dedup window. The
 * simulator prices an unknown ticker from a profile seeded by its name, so both designs see the same market. */
export function alertBody(prefix: string, index: number): { symbol: string; body: string } {
  const n = Math.floor(index / 2);
  const letters = [Math.floor(n / 676) % 26, Math.floor(n / 26) % 26, n % 26]
    .map((c) => String.fromCharCode(65 + c))
    .join('');
  const symbol = `${prefix}${letters}`;
  const body = JSON.stringify({
    ticker: symbol,
    action: index % 2 === 0 ? 'buy' : 'sell',
    timeframe: TIMEFRAMES[n % TIMEFRAMES.length],
    confidence: 60 + ((index * 37) % 35),
  });
  return { symbol, body };
}

// ── Probe ───────────────────────────────────────────────────────────────────────────────────────────────────────

export interface SentAlert {
  index: number;
  symbol: string;
  /** When the request was due (open loop: every 1000 / rate ms) and when it was actually written. */
  dueAt: bigint;
  sentAt: bigint;
  repliedAt?: bigint;
  httpStatus?: number;
  replyStatus?: string;
  signalId?: string;
  error?: string;
}

interface Call {
  start: bigint;
  end: bigint;
}

/**
 * Listens to the app's domain events (emitted in this process right after each commit) and wraps the three services'
 * entry points on their singleton instances (the workers and the polling loops both call them there), stamping each.
 */
class Probe {
  readonly enriched = new Map<string, { at: bigint; outcome: string }>();
  readonly decided = new Map<string, { at: bigint; status: string; reason: string | null; orderIds: string[] }>();
  readonly filled = new Map<string, bigint>();
  readonly enrichCalls = new Map<string, Call>();
  readonly decideCalls = new Map<string, Call>();
  /** The execute() call that filled each order. */
  readonly executeCalls = new Map<string, Call>();
  executeRetries = 0;

  attach(app: NestExpressApplication): void {
    const emitter = app.get(EventEmitter2);
    emitter.on('signals.enriched', (e: DomainEventPayloads['signals.enriched']) => {
      this.enriched.set(e.signalId, { at: process.hrtime.bigint(), outcome: e.outcome });
    });
    emitter.on('signals.decided', (e: DomainEventPayloads['signals.decided']) => {
      this.decided.set(e.signalId, {
        at: process.hrtime.bigint(),
        status: e.status,
        reason: e.reason,
        orderIds: e.orderIds,
      });
    });
    emitter.on('orders.filled', (e: DomainEventPayloads['orders.filled']) => {
      if (e.intent === 'open') {
        this.filled.set(e.orderId, process.hrtime.bigint());
      }
    });

    const enrichment = app.get(EnrichmentService);
    const enrich = enrichment.enrich.bind(enrichment);
    enrichment.enrich = async (signalId: string) => {
      const start = process.hrtime.bigint();
      const outcome = await enrich(signalId);
      if (outcome.kind !== 'skipped') {
        this.enrichCalls.set(signalId, { start, end: process.hrtime.bigint() });
      }
      return outcome;
    };
    const decision = app.get(DecisionService);
    const decide = decision.decide.bind(decision);
    decision.decide = async (signalId: string, timings?: Record<string, number>) => {
      const start = process.hrtime.bigint();
      const outcome = await decide(signalId, timings);
      if (outcome.kind !== 'skipped') {
        this.decideCalls.set(signalId, { start, end: process.hrtime.bigint() });
      }
      return outcome;
    };
    const execution = app.get(ExecutionService);
    const execute = execution.execute.bind(execution);
    execution.execute = async (orderId: string) => {
      const start = process.hrtime.bigint();
      try {
        const outcome = await execute(orderId);
        if (outcome.kind === 'filled') {
          this.executeCalls.set(orderId, { start, end: process.hrtime.bigint() });
        }
        return outcome;
      } catch (error) {
        this.executeRetries += 1;
        throw error;
      }
    };
  }
}

// ── The spec's polling design ───────────────────────────────────────────────────────────────────────────────────

export interface PollerStats {
  orchestratorTicks: number;
  executorTicks: number;
  /** Ticks that found work, and how long they ran (ms). */
  orchestratorBusyTicks: number;
  orchestratorTickMs: number[];
  executorBusyTicks: number;
  executorTickMs: number[];
  /** Ticks whose work outlasted the interval, so the next one started late. */
  orchestratorOverruns: number;
  executorOverruns: number;
  errors: Record<string, number>;
  fillRetries: number;
}

/**
 * The spec's OrchestratorWorker (every ORCHESTRATOR_INTERVAL_MS: up to ORCHESTRATOR_BATCH_SIZE pending signals,
 * oldest first, ORCHESTRATOR_CONCURRENCY at a time, enrichment then decision) and PaperExecutorWorker (every
 * PAPER_EXECUTOR_INTERVAL: up to PAPER_EXECUTOR_BATCH_SIZE pending orders, one after the other). A tick never
 * overlaps the previous one: one that overruns its interval delays the next.
 */
class SpecPoller {
  readonly stats: PollerStats = {
    orchestratorTicks: 0,
    executorTicks: 0,
    orchestratorBusyTicks: 0,
    orchestratorTickMs: [],
    executorBusyTicks: 0,
    executorTickMs: [],
    orchestratorOverruns: 0,
    executorOverruns: 0,
    errors: {},
    fillRetries: 0,
  };
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly attempts = new Map<string, number>();
  private readonly enrichment: EnrichmentService;
  private readonly decision: DecisionService;
  private readonly execution: ExecutionService;
  private readonly dataSource: DataSource;

  constructor(
    app: NestExpressApplication,
    private readonly settings: RunSettings,
  ) {
    this.enrichment = app.get(EnrichmentService);
    this.decision = app.get(DecisionService);
    this.execution = app.get(ExecutionService);
    this.dataSource = app.get(DataSource);
  }

  start(): void {
    this.running = true;
    this.loops = [
      this.loop(this.settings.orchestratorMs, () => this.orchestratorTick(), 'orchestrator'),
      this.loop(this.settings.executorMs, () => this.executorTick(), 'executor'),
    ];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(
    intervalMs: number,
    tick: () => Promise<boolean>,
    name: 'orchestrator' | 'executor',
  ): Promise<void> {
    let next = performance.now();
    while (this.running) {
      const started = performance.now();
      const busy = await tick().catch((error: Error) => {
        this.error(`${name}: ${error.message}`);
        return true;
      });
      const ms = performance.now() - started;
      if (name === 'orchestrator') {
        this.stats.orchestratorTicks += 1;
        if (busy) {
          this.stats.orchestratorBusyTicks += 1;
          this.stats.orchestratorTickMs.push(ms);
        }
      } else {
        this.stats.executorTicks += 1;
        if (busy) {
          this.stats.executorBusyTicks += 1;
          this.stats.executorTickMs.push(ms);
        }
      }
      next += intervalMs;
      const now = performance.now();
      if (now > next) {
        if (name === 'orchestrator') {
          this.stats.orchestratorOverruns += 1;
        } else {
          this.stats.executorOverruns += 1;
        }
        next = now;
      } else {
        await sleep(next - now);
      }
    }
  }

  private error(message: string): void {
    const key = message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '<id>').slice(0, 160);
    this.stats.errors[key] = (this.stats.errors[key] ?? 0) + 1;
  }

  private async orchestratorTick(): Promise<boolean> {
    const rows: { signal_id: string }[] = await this.dataSource.query(
      `SELECT signal_id FROM signals WHERE status = 'pending' ORDER BY created_at, signal_id LIMIT $1`,
      [this.settings.orchestratorBatch],
    );
    const queue = rows.map((row) => row.signal_id);
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const enriched = await this.enrichment.enrich(id);
          if (enriched.kind === 'enriched') {
            await this.decision.decide(id);
          }
        } catch (error) {
          this.error(`signal: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: this.settings.orchestratorConcurrency }, worker));
    return rows.length > 0;
  }

  private async executorTick(): Promise<boolean> {
    const rows: { order_id: string }[] = await this.dataSource.query(
      `SELECT order_id FROM orders WHERE status = 'pending_execution' ORDER BY created_at, order_id LIMIT $1`,
      [this.settings.executorBatch],
    );
    for (const { order_id: orderId } of rows) {
      try {
        await this.execution.execute(orderId);
      } catch (error) {
        const attempts = (this.attempts.get(orderId) ?? 0) + 1;
        this.attempts.set(orderId, attempts);
        this.stats.fillRetries += 1;
        if (error instanceof FillUnavailableError && attempts >= 5) {
          const order = await this.execution.orderOf(orderId);
          if (order) {
            await this.execution.fail(order, error.code, this.execution.now());
          }
        }
        this.error(`order: ${(error as Error).message}`);
      }
    }
    return rows.length > 0;
  }
}

// ── Posting ─────────────────────────────────────────────────────────────────────────────────────────────────────

function post(agent: Agent, port: number, body: string, alert: SentAlert): Promise<void> {
  const signature = `sha256=${createHmac('sha256', HMAC_SECRET).update(body).digest('hex')}`;
  return new Promise((resolve) => {
    alert.sentAt = process.hrtime.bigint();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/webhook',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-webhook-signature': signature,
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          alert.repliedAt = process.hrtime.bigint();
          alert.httpStatus = res.statusCode;
          try {
            const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: string; signal_id?: string };
            alert.replyStatus = reply.status;
            alert.signalId = reply.signal_id;
          } catch {
            alert.error = 'unreadable reply';
          }
          resolve();
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => {
      alert.error = error.message;
      resolve();
    });
    req.end(body);
  });
}

/** Open loop: alert i is due at start + i × 1000 / rate ms, whether or not earlier ones were answered. */
async function postPaced(port: number, prefix: string, count: number, rate: number): Promise<SentAlert[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const intervalNs = BigInt(Math.round(1e9 / rate));
  const start = process.hrtime.bigint();
  const alerts: SentAlert[] = [];
  const inFlight: Promise<void>[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const dueAt = start + BigInt(i) * intervalNs;
      const waitMs = Number(dueAt - process.hrtime.bigint()) / 1e6;
      if (waitMs > 0) {
        await sleep(waitMs);
      }
      const { symbol, body } = alertBody(prefix, i);
      const alert: SentAlert = { index: i, symbol, dueAt, sentAt: dueAt };
      alerts.push(alert);
      inFlight.push(post(agent, port, body, alert));
    }
    await Promise.all(inFlight);
  } finally {
    agent.destroy();
  }
  return alerts;
}

// ── One run ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** One accepted alert; times in ms from when its request was written, null when it never got there. */
export interface Track {
  signalId: string;
  symbol: string;
  replyMs: number;
  enrichStartMs: number | null;
  enrichedMs: number | null;
  enrichOutcome: string | null;
  decideStartMs: number | null;
  decidedMs: number | null;
  decision: string | null;
  orderIds: string[];
  /** The first of the signal's orders to fill. */
  executeStartMs: number | null;
  executeEndMs: number | null;
  filledMs: number | null;
}

export interface DbTimes {
  /** Per filled signal, ms between the platform-clock timestamps the app stored. */
  receivedToEnriched: number[];
  enrichedToOrder: number[];
  orderToFill: number[];
  receivedToFill: number[];
}

export interface RunResult {
  design: Design;
  /** 1-based; the designs alternate round by round. */
  round: number;
  /** 1-minute load average when this run started (other work on the machine). */
  loadAverage: number;
  env: Record<string, string>;
  flagsBefore: Record<string, boolean>;
  posted: number;
  postLagMs: { p99: number; max: number };
  httpErrors: Record<string, number>;
  tracks: Track[];
  outcomes: { status: string; reason: string | null; count: number }[];
  orders: { status: string; reason: string | null; count: number }[];
  /** Orders still pending_execution and signals still open when the drain gave up. */
  stuckOrders: number;
  openSignals: number;
  dbTimes: DbTimes;
  jobs: Record<string, Record<string, number>>;
  poller: PollerStats | null;
  /** The app's workers (queues design): ORCHESTRATOR_CONCURRENCY for signals and decisions, PAPER_EXECUTOR_BATCH_SIZE
   * for executions (WorkerRegistryService). */
  workerConcurrency: { signals: number; decisions: number; executions: number };
  /** execute() calls that threw (no quote yet, stale quote, ...) and were retried. */
  executeRetries: number;
  eventLoop: { utilization: number; cpuPercentOfOneCore: number; delayP99Ms: number; delayMaxMs: number };
  problems: LoggedProblem[];
  drainS: number;
}

const ms = (from: bigint, to: bigint | undefined): number | null => (to === undefined ? null : Number(to - from) / 1e6);

async function openWork(dataSource: DataSource): Promise<{ signals: number; orders: number }> {
  const rows: { signals: number; orders: number }[] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM signals WHERE status NOT IN ('approved', 'rejected')) AS signals,
            (SELECT count(*)::int FROM orders WHERE status = 'pending_execution') AS orders`,
  );
  return rows[0];
}

async function drain(dataSource: DataSource, timeoutMs: number): Promise<{ signals: number; orders: number }> {
  const deadline = Date.now() + timeoutMs;
  let open = await openWork(dataSource);
  while (Date.now() < deadline && open.signals + open.orders > 0) {
    await sleep(100);
    open = await openWork(dataSource);
  }
  return open;
}

async function dbTimes(dataSource: DataSource, signalIds: string[]): Promise<DbTimes> {
  const rows: { a: number; b: number; c: number; d: number }[] = await dataSource.query(
    `SELECT extract(epoch FROM e.processed_at - s.received_at) * 1000 AS a,
            extract(epoch FROM o.created_at - e.processed_at) * 1000 AS b,
            extract(epoch FROM t.fill_timestamp - o.created_at) * 1000 AS c,
            extract(epoch FROM t.fill_timestamp - s.received_at) * 1000 AS d
       FROM signals s
       JOIN signal_enrichments e ON e.signal_id = s.signal_id
       JOIN LATERAL (SELECT * FROM orders WHERE signal_id = s.signal_id AND intent = 'open' AND status = 'filled'
                      ORDER BY created_at LIMIT 1) o ON true
       JOIN trades t ON t.order_id = o.order_id
      WHERE s.signal_id = ANY($1)`,
    [signalIds],
  );
  return {
    receivedToEnriched: rows.map((r) => Number(r.a)),
    enrichedToOrder: rows.map((r) => Number(r.b)),
    orderToFill: rows.map((r) => Number(r.c)),
    receivedToFill: rows.map((r) => Number(r.d)),
  };
}

async function jobCounts(queues: QueueService): Promise<Record<string, Record<string, number>>> {
  const result: Record<string, Record<string, number>> = {};
  for (const name of [QueueName.Signals, QueueName.Decisions, QueueName.Executions]) {
    result[name] = await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }
  return result;
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) {
    out[value] = (out[value] ?? 0) + 1;
  }
  return out;
}

/** Boots a fresh app for `design`, warms it up, posts rate × duration alerts and follows each one to its fill. */
export async function runDesign(
  design: Design,
  round: number,
  runId: string,
  settings: RunSettings,
): Promise<RunResult> {
  const loadAverage = loadavg()[0];
  const database = `bench_fill_${design}${round}_${runId}`;
  const url = await createMigratedDatabase(database);
  const prefix = `bench-fill-${design}${round}-${runId}`;
  onCleanup(`redis prefix ${prefix}`, async () => {
    log(`removed ${await deleteRedisPrefix(prefix)} Redis keys under ${prefix}`);
  });
  const env = fillEnv(url, prefix);
  const logger = new CountingLogger();
  const config = loadConfig(env);
  const app = await createApp(config);
  app.useLogger(logger);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await app.close();
    }
  };
  onCleanup(`close ${design} app`, close);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const dataSource = app.get(DataSource);
  const flagsBefore = await applySettings(dataSource);
  const queues = app.get(QueueService);
  const probe = new Probe();
  probe.attach(app);

  let poller: SpecPoller | null = null;
  if (design === 'polling') {
    // The webhook still enqueues its job (as in the app); nothing consumes the pipeline's queues: the loops do.
    for (const name of [QueueName.Signals, QueueName.Decisions, QueueName.Executions]) {
      await queues.queue(name).pause();
    }
    poller = new SpecPoller(app, settings);
    poller.start();
  }
  log(`${design} ${round}: app on :${port}, database ${database}, prefix ${prefix}`);

  const warmup = await postPaced(port, 'W', Math.round(settings.warmupS * settings.rate), settings.rate);
  await drain(dataSource, settings.drainTimeoutS * 1000);
  log(`${design} ${round}: warm-up of ${warmup.length} alerts done`);

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const wallStart = performance.now();
  const alerts = await postPaced(port, 'X', Math.round(settings.durationS * settings.rate), settings.rate);
  const drainStart = Date.now();
  const open = await drain(dataSource, settings.drainTimeoutS * 1000);
  const drainS = (Date.now() - drainStart) / 1000;
  const busy = performance.eventLoopUtilization(elu).utilization;
  delay.disable();
  const cpuUsed = process.cpuUsage(cpu);
  const wallMs = performance.now() - wallStart;
  log(`${design} ${round}: ${alerts.length} alerts posted, drained in ${drainS.toFixed(1)} s`);
  if (poller) {
    await poller.stop();
  }

  const tracks: Track[] = alerts
    .filter((a): a is SentAlert & { signalId: string } => a.replyStatus === 'ACCEPTED' && a.signalId !== undefined)
    .map((a) => {
      const enriched = probe.enriched.get(a.signalId);
      const decided = probe.decided.get(a.signalId);
      const orderIds = decided?.orderIds ?? [];
      const fills = orderIds
        .map((id) => ({ id, at: probe.filled.get(id) }))
        .filter((f): f is { id: string; at: bigint } => f.at !== undefined)
        .sort((x, y) => (x.at < y.at ? -1 : 1));
      const first = fills[0];
      const execute = first ? probe.executeCalls.get(first.id) : undefined;
      return {
        signalId: a.signalId,
        symbol: a.symbol,
        replyMs: ms(a.sentAt, a.repliedAt) ?? NaN,
        enrichStartMs: ms(a.sentAt, probe.enrichCalls.get(a.signalId)?.start),
        enrichedMs: ms(a.sentAt, enriched?.at),
        enrichOutcome: enriched?.outcome ?? null,
        decideStartMs: ms(a.sentAt, probe.decideCalls.get(a.signalId)?.start),
        decidedMs: ms(a.sentAt, decided?.at),
        decision: decided ? `${decided.status}${decided.reason ? `:${decided.reason}` : ''}` : null,
        orderIds,
        executeStartMs: ms(a.sentAt, execute?.start),
        executeEndMs: ms(a.sentAt, execute?.end),
        filledMs: ms(a.sentAt, first?.at),
      };
    });
  const ids = tracks.map((t) => t.signalId);
  const outcomes: RunResult['outcomes'] = await dataSource.query(
    `SELECT status, rejection_reason AS reason, count(*)::int AS count FROM signals WHERE signal_id = ANY($1)
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    [ids],
  );
  const orders: RunResult['orders'] = await dataSource.query(
    `SELECT status, failure_reason AS reason, count(*)::int AS count FROM orders WHERE signal_id = ANY($1)
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    [ids],
  );
  const result: RunResult = {
    design,
    round,
    loadAverage,
    env: { ...env, DATABASE_URL: '<bench database>', HMAC_SECRET: '<set>' },
    flagsBefore,
    posted: alerts.length,
    postLagMs: {
      p99: [...alerts.map((a) => Number(a.sentAt - a.dueAt) / 1e6)].sort((x, y) => x - y)[
        Math.floor(alerts.length * 0.99)
      ],
      max: Math.max(...alerts.map((a) => Number(a.sentAt - a.dueAt) / 1e6)),
    },
    httpErrors: countBy(
      alerts
        .filter((a) => a.replyStatus !== 'ACCEPTED')
        .map((a) => a.error ?? `${String(a.httpStatus)} ${a.replyStatus ?? ''}`),
    ),
    tracks,
    outcomes,
    orders,
    stuckOrders: open.orders,
    openSignals: open.signals,
    dbTimes: await dbTimes(dataSource, ids),
    jobs: await jobCounts(queues),
    poller: poller?.stats ?? null,
    workerConcurrency: {
      signals: config.workers.orchestratorConcurrency,
      decisions: config.workers.orchestratorConcurrency,
      executions: config.workers.paperExecutorBatchSize,
    },
    executeRetries: probe.executeRetries,
    eventLoop: {
      utilization: busy,
      cpuPercentOfOneCore: ((cpuUsed.user + cpuUsed.system) / 1000 / wallMs) * 100,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
    },
    problems: logger.all(),
    drainS,
  };
  await close();
  // Free the database and keys before the next design runs (the cleanup steps registered above are no-ops then).
  await dropDatabase(database);
  log(`${design} ${round}: dropped ${database}, removed ${await deleteRedisPrefix(prefix)} Redis keys under ${prefix}`);
  return result;
}

async function dropDatabase(name: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
