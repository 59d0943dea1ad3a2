/**
 * The app booted in-process for bench/pipeline.bench.ts: its configuration, the database settings that make the
 * environment's flags and limits apply, pending signals written straight to `signals`, and a Nest logger that counts
 * the warnings and errors the pipeline logs (the benchmark reports them).
 */
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap/create-app';
import { CLOCK } from '../src/common/clock';
import type { AppConfig } from '../src/config';
import type { Clock } from '../src/core/clock';

export const CLOCK_START = '2026-02-17T15:30:00Z';

/** The symbols the simulated provider knows by name (src/core/market-sim/symbols.ts). */
export const SYMBOLS = [
  'SPY',
  'QQQ',
  'IWM',
  'DIA',
  'SPX',
  'XSP',
  'NDX',
  'RUT',
  'AAPL',
  'MSFT',
  'NVDA',
  'TSLA',
  'AMZN',
  'META',
  'GOOGL',
  'AMD',
] as const;
const TIMEFRAMES = ['5m', '15m', '1h', '1m'] as const;

/** What the bench sets; every other variable keeps its default. */
export function benchEnv(databaseUrl: string, redisUrl: string, queuePrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    RUN_MIGRATIONS: 'false',
    MARKET_DATA_PROVIDER: 'simulated',
    SIM_SEED: '42',
    CLOCK_START,
    CLOCK_SPEED: '1',
    ENABLE_VARIANT_B: 'true',
    AB_SPLIT_PERCENTAGE: '50',
    ENABLE_SHADOW_EXECUTION: 'true',
    MAX_OPEN_POSITIONS: '10000',
    MAX_POSITIONS_PER_SYMBOL: '10000',
    RISK_COOLDOWN_MINUTES: '0',
    // The stage pass leaves pending signals unqueued on purpose: the outbox sweep must not hand them to the workers.
    OUTBOX_GRACE_SECONDS: '86400',
  };
}

/**
 * The seeded `feature_flags` rows win over the environment and the `risk_limits` row's stricter value wins over
 * MAX_POSITIONS_PER_SYMBOL, so a fresh database ignores ENABLE_VARIANT_B, ENABLE_SHADOW_EXECUTION and the
 * per-symbol limit. Set the rows to what the environment says. Returns the rows before the change.
 */
export async function applyBenchSettings(
  dataSource: DataSource,
  flags: Record<string, boolean>,
): Promise<{ flagsBefore: Record<string, boolean>; maxPositionsPerSymbolBefore: number | null }> {
  const before: { name: string; enabled: boolean }[] = await dataSource.query(
    'SELECT name, enabled FROM feature_flags WHERE name = ANY($1)',
    [Object.keys(flags)],
  );
  for (const [name, enabled] of Object.entries(flags)) {
    await dataSource.query('UPDATE feature_flags SET enabled = $2 WHERE name = $1', [name, enabled]);
  }
  const limits: { max_positions_per_symbol: number }[] = await dataSource.query(
    'SELECT max_positions_per_symbol FROM risk_limits WHERE enabled LIMIT 1',
  );
  await dataSource.query('UPDATE risk_limits SET max_positions_per_symbol = 10000');
  return {
    flagsBefore: Object.fromEntries(before.map((row) => [row.name, row.enabled])),
    maxPositionsPerSymbolBefore: limits[0]?.max_positions_per_symbol ?? null,
  };
}

export async function bootApp(config: AppConfig, logger: CountingLogger): Promise<NestExpressApplication> {
  const app = await createApp(config);
  app.useLogger(logger);
  await app.init();
  return app;
}

export function appClock(app: NestExpressApplication): Clock {
  return app.get<Clock>(CLOCK);
}

/** A deterministic stream of entry signals: symbols x directions x timeframes, confidence 55-94. */
export class SignalFactory {
  private n = 0;

  next(): { id: string; symbol: string; direction: 'long' | 'short'; timeframe: string; payload: string } {
    const i = this.n++;
    const symbol = SYMBOLS[i % SYMBOLS.length];
    const direction = Math.floor(i / SYMBOLS.length) % 2 === 0 ? 'long' : 'short';
    const timeframe = TIMEFRAMES[Math.floor(i / (SYMBOLS.length * 2)) % TIMEFRAMES.length];
    const confidence = 55 + ((i * 37) % 40);
    const payload = JSON.stringify({
      ticker: symbol,
      action: direction === 'long' ? 'buy' : 'sell',
      timeframe: timeframe.replace('m', '').replace('1h', '60'),
      confidence,
    });
    return { id: randomUUID(), symbol, direction, timeframe, payload };
  }
}

/** Inserts `count` pending entry signals stamped with the app clock's now, as the webhook would; returns their ids. */
export async function insertSignals(
  dataSource: DataSource,
  factory: SignalFactory,
  count: number,
  now: Date,
): Promise<string[]> {
  const rows = Array.from({ length: count }, () => factory.next());
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await dataSource.query(
      `INSERT INTO signals (signal_id, symbol, action, direction, timeframe, timestamp, status, raw_payload,
                            dedup_key, received_at, created_at, updated_at)
       SELECT id, sym, 'entry', dir, tf, $6, 'pending', payload::jsonb, replace(id::text, '-', ''), $6, $6, $6
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, sym, dir, tf, payload)`,
      [
        chunk.map((r) => r.id),
        chunk.map((r) => r.symbol),
        chunk.map((r) => r.direction),
        chunk.map((r) => r.timeframe),
        chunk.map((r) => r.payload),
        now,
      ],
    );
  }
  return rows.map((r) => r.id);
}

export interface LoggedProblem {
  level: 'warn' | 'error' | 'fatal';
  context: string;
  /** The message with ids and numbers masked, so repeats group together. */
  pattern: string;
  example: string;
  count: number;
}

/** Counts warnings and errors by (level, context, pattern); prints the first of each kind, drops the rest. */
export class CountingLogger implements LoggerService {
  private readonly problems = new Map<string, LoggedProblem>();

  log(): void {}
  debug(): void {}
  verbose(): void {}

  warn(message: unknown, ...rest: unknown[]): void {
    this.record('warn', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.record('fatal', message, rest);
  }

  all(): LoggedProblem[] {
    return [...this.problems.values()].sort((a, b) => b.count - a.count);
  }

  private record(level: LoggedProblem['level'], message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : '';
    const text = message instanceof Error ? message.message : String(message);
    const pattern = text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
      .replace(/\d+(\.\d+)?/g, '<n>');
    const key = `${level}|${context}|${pattern}`;
    const seen = this.problems.get(key);
    if (seen) {
      seen.count += 1;
      return;
    }
    this.problems.set(key, { level, context, pattern, example: text.slice(0, 500), count: 1 });
    process.stderr.write(`[app ${level}] ${context}: ${text.slice(0, 500)}\n`);
  }
}
