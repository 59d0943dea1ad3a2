/**
 * Load phases for the ingestion benchmark: autocannon (closed loop, or autocannon's own rate limit) and an evenly
 * paced open-loop generator. Every response is checked: HTTP 200 with `"status":"ACCEPTED"`.
 */
import { connect, Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { AlertGenerator } from './alerts';
import { cpuSeconds, cpuSnapshot, cpuUsedBy, RssSampler } from './infra';

export interface PhaseSpec {
  name: string;
  kind: 'autocannon' | 'paced';
  durationS: number;
  connections: number;
  /** Requests per second for all connections together; none = as fast as possible. */
  rate?: number;
}

export interface PhaseResult {
  name: string;
  kind: PhaseSpec['kind'];
  connections: number;
  targetRate: number | null;
  durationS: number;
  requests: number;
  /** Completed requests per second (autocannon: mean of its per-second samples). */
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  ok: number;
  non2xx: number;
  /** 2xx answers whose body was not status ACCEPTED (DUPLICATE would mean the generator repeated an alert). */
  notAccepted: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  unexpected: string[];
  /** CPU used by the server process during the phase, in % of one core. */
  serverCpuPercent: number;
  /** CPU used by this (load generator) process during the phase, in % of one core. */
  loaderCpuPercent: number;
  /** All PostgreSQL processes, in % of one core. */
  postgresCpuPercent: number;
  redisCpuPercent: number;
  /** All cores busy, in % of the whole machine (100% = every core busy). */
  systemBusyPercent: number;
  /** CPU milliseconds per completed request: server, PostgreSQL, Redis, load generator, whole machine. */
  cpuMsPerRequest: { server: number; postgres: number; redis: number; loader: number; machine: number };
  serverPeakRssMiB: number;
}

interface Checker {
  ok: number;
  non2xx: number;
  notAccepted: number;
  statusCodes: Record<string, number>;
  unexpected: string[];
}

function newChecker(): Checker {
  return { ok: 0, non2xx: 0, notAccepted: 0, statusCodes: {}, unexpected: [] };
}

function check(checker: Checker, status: number, body: string): void {
  checker.statusCodes[status] = (checker.statusCodes[status] ?? 0) + 1;
  const accepted = body.includes('"status":"ACCEPTED"');
  if (status >= 200 && status < 300 && accepted) {
    checker.ok++;
    return;
  }
  if (status < 200 || status >= 300) {
    checker.non2xx++;
  } else {
    checker.notAccepted++;
  }
  if (checker.unexpected.length < 5) {
    checker.unexpected.push(`${status} ${body.slice(0, 300)}`);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Measured {
  requests: number;
  reqPerSec: number;
  durationS: number;
  latencyMs: PhaseResult['latencyMs'];
  errors: number;
  timeouts: number;
}

async function runAutocannon(
  url: string,
  spec: PhaseSpec,
  alerts: AlertGenerator,
  checker: Checker,
): Promise<Measured> {
  const result = await autocannon({
    url,
    connections: spec.connections,
    duration: spec.durationS,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/webhook',
        setupRequest: (req) => {
          const alert = alerts.next();
          return { ...req, body: alert.body, headers: { ...req.headers, 'content-type': alert.contentType } };
        },
        onResponse: (status, body) => check(checker, status, body),
      },
    ],
  });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    durationS: result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** One keep-alive connection of the paced generator: one request at a time, replies framed by Content-Length. */
class RawConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: ((status: number, body: string) => void) | null = null;
  private readonly socket: Socket;
  dead = false;

  constructor(port: number) {
    this.socket = connect({ port, host: '127.0.0.1', noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // A broken connection answers its request with status 0 (counted as non-2xx) and is not used again.
    const fail = (reason: string): void => {
      this.dead = true;
      const done = this.pending;
      this.pending = null;
      done?.(0, reason);
    };
    this.socket.on('error', (error: Error) => fail(`connection error: ${error.message}`));
    this.socket.on('close', () => fail('connection closed'));
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  send(request: Buffer, done: (status: number, body: string) => void): void {
    this.pending = done;
    this.socket.write(request);
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) {
      return;
    }
    const head = this.buffer.subarray(0, headerEnd).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < headerEnd + 4 + length) {
      return;
    }
    const status = Number(head.slice(9, 12));
    const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(headerEnd + 4 + length);
    const done = this.pending;
    this.pending = null;
    done?.(status, body);
  }
}

/**
 * Open loop at an exact rate: request i is due at start + i/rate, whatever happened before. Up to `connections`
 * keep-alive connections, one request in flight on each; a due request waits for a free one. Latency is measured from
 * the due time, so that wait counts too (no coordinated omission). Raw sockets and prebuilt requests keep the
 * generator's own CPU use close to autocannon's: on a small machine it competes with the server.
 */
async function runPaced(url: string, spec: PhaseSpec, alerts: AlertGenerator, checker: Checker): Promise<Measured> {
  const rate = spec.rate ?? 500;
  const port = Number(new URL(url).port);
  const total = Math.round(rate * spec.durationS);
  const latencies: number[] = [];
  let errors = 0; // requests never answered
  const connections = Array.from({ length: spec.connections }, () => new RawConnection(port));
  const free = [...connections];
  const waiting: number[] = [];
  let sent = 0;
  const start = performance.now();

  const build = (): Buffer => {
    const alert = alerts.next();
    return Buffer.from(
      `POST /webhook HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n` +
        `Content-Type: ${alert.contentType}\r\nContent-Length: ${Buffer.byteLength(alert.body)}\r\n\r\n${alert.body}`,
    );
  };

  await new Promise<void>((resolve) => {
    const dispatch = (): void => {
      while (waiting.length > 0 && free.length > 0) {
        const dueAt = waiting.shift() ?? 0;
        const connection = free.pop();
        connection?.send(build(), (status, body) => {
          latencies.push(performance.now() - dueAt);
          check(checker, status, body);
          if (!connection.dead) {
            free.push(connection);
          }
          if (latencies.length === total) {
            resolve();
          } else {
            dispatch();
          }
        });
      }
    };
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (sent < due) {
        waiting.push(start + (sent / rate) * 1000);
        sent++;
      }
      dispatch();
      if (sent < total) {
        setTimeout(tick, 1);
      }
    };
    tick();
    // Should every connection break, the rest would wait forever: give up well after the phase should have ended.
    setTimeout(resolve, (spec.durationS + 30) * 1000).unref();
  });
  errors += total - latencies.length;
  for (const connection of connections) {
    connection.close();
  }
  const elapsedS = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length);
  return {
    requests: latencies.length,
    reqPerSec: latencies.length / elapsedS,
    durationS: elapsedS,
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? 0,
      mean,
    },
    errors,
    timeouts: 0,
  };
}

export async function runPhase(
  url: string,
  spec: PhaseSpec,
  alerts: AlertGenerator,
  server: { pid: number; rss: RssSampler },
): Promise<PhaseResult> {
  const checker = newChecker();
  server.rss.reset();
  const cpuBefore = cpuSeconds(server.pid) ?? 0;
  const snapshotBefore = cpuSnapshot();
  const loaderBefore = process.cpuUsage();
  const wallStart = performance.now();
  const measured =
    spec.kind === 'autocannon'
      ? await runAutocannon(url, spec, alerts, checker)
      : await runPaced(url, spec, alerts, checker);
  const wallS = (performance.now() - wallStart) / 1000;
  const cpuAfter = cpuSeconds(server.pid) ?? cpuBefore;
  const loader = process.cpuUsage(loaderBefore);
  const snapshotAfter = cpuSnapshot();
  const serverS = cpuAfter - cpuBefore;
  const loaderS = (loader.user + loader.system) / 1e6;
  const postgresS = cpuUsedBy(snapshotBefore, snapshotAfter, 'postgres');
  const redisS = cpuUsedBy(snapshotBefore, snapshotAfter, 'redis-server');
  const machineS = snapshotAfter.systemBusyS - snapshotBefore.systemBusyS;
  const perRequest = (seconds: number): number => (seconds * 1000) / Math.max(1, measured.requests);
  return {
    name: spec.name,
    kind: spec.kind,
    connections: spec.connections,
    targetRate: spec.rate ?? null,
    ...measured,
    ok: checker.ok,
    non2xx: checker.non2xx,
    notAccepted: checker.notAccepted,
    statusCodes: checker.statusCodes,
    unexpected: checker.unexpected,
    serverCpuPercent: (serverS / wallS) * 100,
    loaderCpuPercent: (loaderS / wallS) * 100,
    postgresCpuPercent: (postgresS / wallS) * 100,
    redisCpuPercent: (redisS / wallS) * 100,
    systemBusyPercent: (machineS / wallS / availableParallelism()) * 100,
    cpuMsPerRequest: {
      server: perRequest(serverS),
      postgres: perRequest(postgresS),
      redis: perRequest(redisS),
      loader: perRequest(loaderS),
      machine: perRequest(machineS),
    },
    serverPeakRssMiB: server.rss.peakMiB,
  };
}
