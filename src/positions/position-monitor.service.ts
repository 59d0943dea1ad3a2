import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { BiasStateAggregator } from '../bias/bias-state.aggregator';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import { AppConfig, APP_CONFIG } from '../config';
import { MarketCalendar } from '../core/calendar';
import type { Clock } from '../core/clock';
import { unrealizedPnl } from '../core/execution';
import { evaluateExit, isNearTarget, type ExitBias, type ExitConfig } from '../core/exits';
import { FeatureFlagsService } from '../feature-flags/feature-flags.service';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { JobHandler, JobName, QueueName, QueueService, RedisStatusService } from '../queues';
import { ExitConfigService } from '../exit-config/exit-config.service';
import { ShadowService } from '../shadow/shadow.service';
import { PositionCloser } from './position-closer.service';
import { LivePositionRow, PositionsRepository } from './positions.repository';
import { expiryCloseOf } from './expiry-close';

const MARK_SCHEDULER = 'mark-positions';
/** AUTO_CLOSE_NEAR_TARGET: a position within this many points of its profit target counts as near it. */
const NEAR_TARGET_BAND_PCT = 10;

export interface MarkResult {
  marked: number;
  exits: { positionId: string; code: string; quantity: number; outcome: string }[];
}

/**
 * Spec section 10: marks open positions from their option quotes (on every price or chain update of the underlying,
 * and on the POSITION_REFRESHER_INTERVAL schedule), then evaluates each one's exits (exit intelligence, exit rules,
 * trailing stop, the tiered exit decision engine) and asks the PositionCloser to close what must go.
 */
@Injectable()
export class PositionMonitor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PositionMonitor.name);

  constructor(
    private readonly repository: PositionsRepository,
    private readonly closer: PositionCloser,
    private readonly shadow: ShadowService,
    private readonly exitConfigs: ExitConfigService,
    private readonly bias: BiasStateAggregator,
    private readonly flags: FeatureFlagsService,
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    private readonly events: DomainEvents,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.redisStatus.whenReady(() => {
      void this.queues
        .queue(QueueName.Positions)
        .upsertJobScheduler(
          MARK_SCHEDULER,
          { every: this.config.workers.positionRefresherIntervalMs },
          {
            name: JobName.MarkPositions,
            data: { reason: 'schedule' },
            opts: { removeOnComplete: 100, removeOnFail: 100 },
          },
        )
        .catch((error: Error) => this.logger.warn(`mark schedule not set: ${error.message}`));
    });
  }

  /** A price or chain update marks that underlying's positions (at most one queued pass per symbol and second). */
  @OnEvent('market.updated')
  onMarketUpdate(event: { symbol: string }): void {
    const second = Math.floor(this.clock.now().getTime() / 1000);
    void this.queues
      .enqueue(
        JobName.MarkPositions,
        { symbol: event.symbol, reason: 'market_update' },
        { jobId: `mark-${event.symbol}-${second}`, removeOnComplete: true, removeOnFail: 100, attempts: 1 },
      )
      .catch(() => undefined);
  }

  @JobHandler(JobName.MarkPositions)
  async onMarkJob(job: { data: { symbol?: string } }): Promise<MarkResult> {
    return this.markAndEvaluate(job.data.symbol);
  }

  async markAndEvaluate(symbol?: string): Promise<MarkResult> {
    // Shadow positions follow the same marks and exit rules, on their own books.
    await this.shadow.markAndExit(symbol).catch((error: Error) => this.logger.warn(`shadow marks: ${error.message}`));
    const now = this.clock.now();
    const positions = await this.repository.live(symbol);
    if (positions.length === 0) {
      return { marked: 0, exits: [] };
    }
    const quotes = new Map<string, number | null>();
    await Promise.all(
      [...new Set(positions.map((p) => p.option_symbol))].map(async (optionSymbol) => {
        const quote = await this.marketData.optionQuote(optionSymbol);
        // A quote older than MAX_QUOTE_AGE_MS is no market (fills refuse it too): the position keeps its last mark.
        const fresh = quote.ok && now.getTime() - quote.value.asOf.getTime() <= this.config.fills.maxQuoteAgeMs;
        const mid = fresh ? quote.value.mid : null;
        quotes.set(optionSymbol, mid !== null && Number.isFinite(mid) ? mid : null);
      }),
    );
    const marks = positions
      .filter((p) => (quotes.get(p.option_symbol) ?? null) !== null)
      .map((p) => {
        const price = (quotes.get(p.option_symbol) as number).toFixed(4);
        return { positionId: p.position_id, price, unrealized: unrealizedPnl(p.entry_price, price, p.quantity) };
      });
    await this.repository.applyMarks(marks, now);
    for (const mark of marks) {
      this.events.emit('positions.marked', {
        positionId: mark.positionId,
        currentPrice: mark.price,
        unrealizedPnl: mark.unrealized,
        at: now.toISOString(),
      });
    }
    const exits = await this.evaluate(
      positions.filter((p) => p.status === 'open'),
      quotes,
      now,
    );
    return { marked: marks.length, exits };
  }

  private async evaluate(
    positions: readonly LivePositionRow[],
    quotes: Map<string, number | null>,
    now: Date,
  ): Promise<MarkResult['exits']> {
    if (positions.length === 0) {
      return [];
    }
    const config = await this.exitConfigs.current();
    const biasBySymbol = new Map<string, ExitBias | null>();
    for (const symbol of new Set(positions.map((p) => p.symbol))) {
      const state = await this.bias.getState(symbol).catch(() => null);
      biasBySymbol.set(
        symbol,
        state
          ? {
              direction: state.direction,
              biasScore: state.biasScore,
              confidence: state.confidence,
              regime: state.regime,
              chopScore: state.chopScore,
            }
          : null,
      );
    }
    const nowMs = now.getTime();
    const exits: MarkResult['exits'] = [];
    for (const p of positions) {
      // Price rules judge a fresh quote only; without one, time rules still apply (the decision is `no_mark`).
      const mark = quotes.get(p.option_symbol) ?? null;
      const entryPrice = Number(p.entry_price);
      const highWater = Math.max(Number(p.high_water_price ?? p.entry_price), mark ?? 0);
      const decision = evaluateExit(
        {
          positionId: p.position_id,
          symbol: p.symbol,
          optionType: p.type,
          // Bought calls and bought puts: both are long the option (the P&L rises with the premium).
          direction: 'long',
          quantity: p.quantity,
          entryPrice,
          currentPrice: mark,
          highWaterPrice: highWater,
          entryTimeMs: p.entry_timestamp.getTime(),
          expiryCloseMs: expiryCloseOf(this.calendar, p.symbol, p.expiration).getTime(),
          entryBias: (p.entry_bias as ExitBias | null) ?? null,
          takenPartials: p.exit_state?.takenPartials ?? [],
          stopTightened: p.exit_state?.stopTightened ?? false,
        },
        { bias: biasBySymbol.get(p.symbol) ?? null, underlyingPrice: null },
        config,
        nowMs,
      );
      if (decision.action === 'TIGHTEN_STOP' && !p.exit_state?.stopTightened) {
        await this.repository.recordExitState(p.position_id, { stopTightened: true });
        continue;
      }
      if (decision.action !== 'FULL_EXIT' && decision.action !== 'PARTIAL_EXIT') {
        continue;
      }
      const partial = decision.action === 'PARTIAL_EXIT' && decision.quantity < p.quantity;
      const outcome = await this.closer.requestClose(p.position_id, {
        reason: decision.code,
        quantity: partial ? decision.quantity : undefined,
        tierPartial: partial,
      });
      exits.push({
        positionId: p.position_id,
        code: decision.code,
        quantity: decision.quantity,
        outcome: outcome.kind,
      });
    }
    exits.push(...(await this.manageCapacity(positions, quotes, exits, config, now)));
    return exits;
  }

  /**
   * Capacity management (AUTO_CLOSE_NEAR_TARGET, CLOSE_AGED_POSITIONS flags): when the book is full
   * (MAX_OPEN_POSITIONS open or closing), free one slot per pass by closing a position held at least
   * MIN_HOLD_MINUTES_FOR_CAPACITY_CLOSE: first one within NEAR_TARGET_BAND_PCT of its profit target (banking most of
   * the target), else the oldest one held for half its max hold time or more.
   */
  private async manageCapacity(
    positions: readonly LivePositionRow[],
    quotes: Map<string, number | null>,
    alreadyClosing: MarkResult['exits'],
    config: ExitConfig,
    now: Date,
  ): Promise<MarkResult['exits']> {
    const flags = await this.flags.snapshot();
    const nearTarget = flags.enabled('auto_close_near_target');
    const aged = flags.enabled('close_aged_positions');
    if (!nearTarget && !aged) {
      return [];
    }
    const live = await this.repository.liveCount();
    const freed = alreadyClosing.filter((e) => e.outcome === 'closing').length;
    if (live - freed < this.config.risk.maxOpenPositions) {
      return [];
    }
    const nowMs = now.getTime();
    const minHeldMs = this.config.risk.minHoldMinutesForCapacityClose * 60_000;
    const closing = new Set(alreadyClosing.map((e) => e.positionId));
    const eligible = positions
      .filter((p) => !closing.has(p.position_id) && nowMs - p.entry_timestamp.getTime() >= minHeldMs)
      .map((p) => {
        const mark = quotes.get(p.option_symbol) ?? (p.current_price === null ? null : Number(p.current_price));
        const entry = Number(p.entry_price);
        return { p, pnlPct: mark === null ? null : ((mark - entry) / entry) * 100 };
      });
    const pick =
      (nearTarget
        ? eligible
            .filter((e) => isNearTarget(e.pnlPct, config.profitTargetPct, NEAR_TARGET_BAND_PCT))
            .sort((a, b) => (b.pnlPct ?? 0) - (a.pnlPct ?? 0))[0]
        : undefined) ??
      (aged
        ? eligible
            .filter((e) => nowMs - e.p.entry_timestamp.getTime() >= (config.maxHoldHours / 2) * 3_600_000)
            .sort((a, b) => a.p.entry_timestamp.getTime() - b.p.entry_timestamp.getTime())[0]
        : undefined);
    if (!pick) {
      return [];
    }
    const reason =
      nearTarget && pick.pnlPct !== null && isNearTarget(pick.pnlPct, config.profitTargetPct, NEAR_TARGET_BAND_PCT)
        ? 'capacity_near_target'
        : 'capacity_aged';
    const outcome = await this.closer.requestClose(pick.p.position_id, { reason });
    return [{ positionId: pick.p.position_id, code: reason, quantity: pick.p.quantity, outcome: outcome.kind }];
  }
}
