import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import { MarketCalendar } from '../core/calendar';
import { wallMsUntil, type Clock } from '../core/clock';
import { computeFill, partialClose, settlementPrice } from '../core/execution';
import { evaluateExit, type ExitConfig } from '../core/exits';
import { ExitConfigService } from '../exit-config/exit-config.service';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { fillConfigOf, fillQuoteOf } from '../execution/fill-inputs';
import { expiryCloseOf } from '../positions/expiry-close';
import { JobHandler, JobName, QueueService } from '../queues';

interface ShadowRecommendation {
  experiment_id: string;
  signal_id: string;
  engine: 'A' | 'B';
  symbol: string;
  direction: 'long' | 'short' | null;
  strike: string;
  expiration: string;
  quantity: number;
  option_symbol: string;
  option_type: 'call' | 'put';
  meta_confidence: number | null;
  contributing_agents: string[] | null;
  meta_gamma: Record<string, unknown> | null;
}

const SHADOW_OPEN_POSITIONS = `SELECT shadow_position_id, symbol, strike, option_symbol,
         to_char(expiration, 'YYYY-MM-DD') AS expiration, type, quantity, entry_price, realized_pnl, high_water_price,
         entry_timestamp
    FROM shadow_positions WHERE status = 'open' AND ($1::text IS NULL OR upper(symbol) = upper($1))`;

interface ShadowPositionRow {
  shadow_position_id: string;
  symbol: string;
  strike: string;
  option_symbol: string;
  expiration: string;
  type: 'call' | 'put';
  quantity: number;
  entry_price: string;
  realized_pnl: string | null;
  high_water_price: string | null;
  entry_timestamp: Date;
}

/**
 * Shadow trading (spec section 6): an approved recommendation the policy made shadow fills through the same fill
 * model into `shadow_trades` + `shadow_positions`, is marked and exited by the same rules, and never touches the
 * real orders. One shadow trade per (experiment, engine).
 */
@Injectable()
export class ShadowService {
  private readonly logger = new Logger(ShadowService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly exitConfigs: ExitConfigService,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Outside the options session the shadow entry waits for the open, as a real order does. */
  @JobHandler(JobName.ExecuteShadow)
  async onShadowJob(
    job: Job<{ experimentId: string; engine: 'A' | 'B' }>,
    token?: string,
  ): Promise<{ opened: boolean; reason?: string }> {
    const result = await this.open(job.data.experimentId, job.data.engine);
    if (result.reason === 'market_closed' && token && result.until) {
      // BullMQ's timers run on wall time: wait until the platform clock reaches the open (plus a second).
      const waitMs = wallMsUntil(result.until, this.clock.now(), this.config.clock.speed, 1_000);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    return { opened: result.opened, ...(result.reason ? { reason: result.reason } : {}) };
  }

  async open(experimentId: string, engine: 'A' | 'B'): Promise<{ opened: boolean; reason?: string; until?: Date }> {
    const rows = await this.dataSource.query<ShadowRecommendation[]>(
      `SELECT r.experiment_id, r.signal_id, r.engine, r.symbol, r.direction, r.strike,
              to_char(r.expiration, 'YYYY-MM-DD') AS expiration, r.quantity, r.rationale ->> 'optionSymbol' AS option_symbol,
              r.rationale ->> 'optionType' AS option_type,
              round((r.rationale -> 'meta' ->> 'confidence')::numeric)::int AS meta_confidence,
              (SELECT jsonb_agg(a) FROM jsonb_array_elements_text(r.rationale -> 'meta' -> 'contributingAgents') a)
                AS contributing_agents,
              s.meta_gamma
         FROM decision_recommendations r JOIN signals s ON s.signal_id = r.signal_id
        WHERE r.experiment_id = $1 AND r.engine = $2 AND r.is_shadow
          AND r.rationale ->> 'status' = 'approved' AND r.quantity > 0`,
      [experimentId, engine],
    );
    const rec = rows[0];
    if (!rec || !rec.option_symbol) {
      return { opened: false, reason: 'no_approved_shadow_recommendation' };
    }
    const now = this.clock.now();
    if (!this.calendar.isOptionsSessionOpen(rec.symbol, now)) {
      return { opened: false, reason: 'market_closed', until: this.calendar.nextOpen(now) };
    }
    const quote = await this.marketData.optionQuote(rec.option_symbol);
    const fill = computeFill(
      {
        side: 'buy',
        quantity: rec.quantity,
        underlying: rec.symbol,
        quote: fillQuoteOf(quote),
      },
      fillConfigOf(this.config),
      now,
    );
    if (!fill.ok) {
      throw new Error(`shadow fill unavailable: ${fill.code}`);
    }
    const opened = await this.dataSource.transaction(async (tx) => {
      const trades = await tx.query<{ shadow_trade_id: string }[]>(
        `INSERT INTO shadow_trades (experiment_id, signal_id, engine, symbol, option_symbol, strike, expiration, type,
                                    quantity, entry_price, entry_timestamp, contributing_agents, meta_confidence,
                                    dealer_decision, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14::jsonb, $11)
         ON CONFLICT (experiment_id, engine) DO NOTHING RETURNING shadow_trade_id`,
        [
          rec.experiment_id,
          rec.signal_id,
          rec.engine,
          rec.symbol,
          rec.option_symbol,
          rec.strike,
          rec.expiration,
          rec.option_type,
          rec.quantity,
          fill.price,
          now,
          JSON.stringify(rec.contributing_agents ?? []),
          rec.meta_confidence,
          rec.meta_gamma ? JSON.stringify(rec.meta_gamma) : null,
        ],
      );
      if (trades.length === 0) {
        return false;
      }
      await tx.query(
        `INSERT INTO shadow_positions (shadow_trade_id, signal_id, symbol, option_symbol, strike, expiration, type,
                                       direction, quantity, entry_price, current_price, high_water_price,
                                       unrealized_pnl, status, entry_timestamp, engine, experiment_id, last_updated,
                                       created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10, 0, 'open', $11, $12, $13, $11, $11)`,
        [
          trades[0].shadow_trade_id,
          rec.signal_id,
          rec.symbol,
          rec.option_symbol,
          rec.strike,
          rec.expiration,
          rec.option_type,
          rec.option_type === 'call' ? 'long' : 'short',
          rec.quantity,
          fill.price,
          now,
          rec.engine,
          rec.experiment_id,
        ],
      );
      return true;
    });
    return { opened };
  }

  /** Marks the open shadow positions of an underlying (or all) and closes those the exit rules close, at once. */
  async markAndExit(symbol?: string): Promise<{ marked: number; closed: number }> {
    const now = this.clock.now();
    const positions = await this.dataSource.query<ShadowPositionRow[]>(SHADOW_OPEN_POSITIONS, [symbol ?? null]);
    let marked = 0;
    let closed = 0;
    let exitConfig: ExitConfig | undefined;
    for (const p of positions) {
      const quote = await this.marketData.optionQuote(p.option_symbol);
      // As for the real book: no mark and no exit on a quote older than MAX_QUOTE_AGE_MS.
      if (
        !quote.ok ||
        quote.value.mid === null ||
        now.getTime() - quote.value.asOf.getTime() > this.config.fills.maxQuoteAgeMs
      ) {
        continue;
      }
      const mark = quote.value.mid;
      const highWater = Math.max(Number(p.high_water_price ?? p.entry_price), mark);
      await this.dataSource.query(
        `UPDATE shadow_positions SET current_price = $2, unrealized_pnl = round(($2 - entry_price) * quantity * 100, 2),
                position_pnl_percent = round(($2 - entry_price) / entry_price * 100, 4), high_water_price = $3,
                last_updated = $4
          WHERE shadow_position_id = $1 AND status = 'open'`,
        [p.shadow_position_id, mark.toFixed(4), highWater.toFixed(4), now],
      );
      marked += 1;
      const decision = evaluateExit(
        {
          positionId: p.shadow_position_id,
          symbol: p.symbol,
          optionType: p.type,
          direction: 'long',
          quantity: p.quantity,
          entryPrice: Number(p.entry_price),
          currentPrice: mark,
          highWaterPrice: highWater,
          entryTimeMs: p.entry_timestamp.getTime(),
          expiryCloseMs: expiryCloseOf(this.calendar, p.symbol, p.expiration).getTime(),
        },
        { bias: null, underlyingPrice: null },
        // The real book's rules (exit_rules row, trailing stop); shadow positions close whole: the comparison is per
        // recommendation, so the partial-exit tiers and the bias-driven intelligence stay off.
        {
          ...(exitConfig ??= await this.exitConfigs.current()),
          enableDecisionEngine: false,
          enableIntelligence: false,
        },
        now.getTime(),
      );
      if (decision.action !== 'FULL_EXIT' && decision.action !== 'PARTIAL_EXIT') {
        continue;
      }
      if (await this.close(p, decision.code, quote.value, now)) {
        closed += 1;
      }
    }
    return { marked, closed };
  }

  /**
   * Shadow positions whose option has expired (its last trading day's session closed) settle at intrinsic value
   * against the underlying's price, exit reason `expired`, like the real book's (ExpirySettlement). Without a price
   * for the underlying a position waits for the next pass. Returns how many settled.
   */
  async settleExpired(): Promise<number> {
    const now = this.clock.now();
    const open = await this.dataSource.query<ShadowPositionRow[]>(SHADOW_OPEN_POSITIONS, [null]);
    let settled = 0;
    for (const p of open.filter((row) => expiryCloseOf(this.calendar, row.symbol, row.expiration) <= now)) {
      const quote = await this.marketData.stockQuote(p.symbol);
      if (!quote.ok) {
        continue;
      }
      const settlement = settlementPrice({
        type: p.type,
        strike: p.strike,
        underlying: p.symbol,
        underlyingClose: quote.value.last,
      });
      const result = partialClose(
        { quantity: p.quantity, entryPrice: p.entry_price, realizedPnl: p.realized_pnl },
        p.quantity,
        settlement.price,
      );
      if (await this.markClosed(p, result.realizedTotal, settlement.price, 'expired', now)) {
        settled += 1;
      }
    }
    return settled;
  }

  private async close(
    p: ShadowPositionRow,
    reason: string,
    quote: { bid: number | null; ask: number | null; mid: number | null; last: number | null; asOf: Date },
    now: Date,
  ): Promise<boolean> {
    const fill = computeFill(
      { side: 'sell', quantity: p.quantity, underlying: p.symbol, quote },
      fillConfigOf(this.config),
      now,
    );
    if (!fill.ok) {
      return false;
    }
    const result = partialClose(
      { quantity: p.quantity, entryPrice: p.entry_price, realizedPnl: p.realized_pnl },
      p.quantity,
      fill.price,
      { commission: fill.commission, fees: fill.fees },
    );
    return this.markClosed(p, result.realizedTotal, fill.price, reason, now);
  }

  /** open -> closed once (conditional on open), then the outcome capture. */
  private async markClosed(
    p: ShadowPositionRow,
    realizedTotal: string,
    price: string,
    reason: string,
    now: Date,
  ): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `UPDATE shadow_positions SET status = 'closed', realized_pnl = $2, current_price = $3, unrealized_pnl = 0,
              exit_reason = $4, exit_timestamp = $5, last_updated = $5
        WHERE shadow_position_id = $1 AND status = 'open' RETURNING shadow_position_id`,
      [p.shadow_position_id, realizedTotal, price, reason, now],
    );
    if (rows.length === 0) {
      return false;
    }
    await this.queues
      .enqueue(JobName.CaptureOutcome, { positionId: p.shadow_position_id, source: 'shadow' })
      .catch((error: Error) => this.logger.warn(`shadow outcome not enqueued: ${error.message}`));
    return true;
  }
}
