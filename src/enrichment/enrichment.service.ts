import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import { AppConfig, APP_CONFIG } from '../config';
import type { AgentFlow, AgentGex } from '../core/agents/agent-context';
import { MarketCalendar, nyDate } from '../core/calendar';
import { wallMsUntil, type Clock } from '../core/clock';
import { scoreConfluence, type ConfluenceResult } from '../core/confluence';
import { DEFAULT_ENTRY_DECISION_CONFIG } from '../core/engine-a';
import { computeIndicators } from '../core/indicators';
import type { Candle, CandleTimeframe } from '../core/market/market.types';
import { signalMetadata } from '../core/signal';
import type { JsonObject } from '../database/entities/json.types';
import { FeatureFlagsService } from '../feature-flags/feature-flags.service';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { PositioningService } from '../positioning/positioning.service';
import { JobName, QueueService } from '../queues';
import { resolveRiskLimits } from '../risk/risk-limits';
import { RiskStateRepository } from '../risk/risk-state.repository';
import { EnrichmentRiskResult, EnrichmentSnapshot, storeCandles, storeSession } from './enrichment-snapshot';
import { EnrichmentRepository, SignalForPipeline } from './enrichment.repository';

/** Enough bars for EMA21, Bollinger/Keltner(20) and the previous bar's squeeze. */
const CANDLE_LIMIT = 100;
const CANDLE_TIMEFRAMES: readonly CandleTimeframe[] = ['1m', '5m', '15m', '30m', '1h', '4h', '1d'];

export type EnrichmentOutcome =
  | { kind: 'skipped'; reason: 'not_found' | 'already_decided' | 'not_yet_due' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'queued'; until: Date }
  | { kind: 'enriched'; decisionOnly: boolean };

/** The signal's timeframe as a candle timeframe; 5m when it has none or an unusual one. */
export function candleTimeframeOf(timeframe: string): CandleTimeframe {
  const lower = timeframe.toLowerCase();
  const mapped = lower === 'd' || lower === '1d' ? '1d' : lower === '60m' ? '1h' : lower;
  return (CANDLE_TIMEFRAMES as readonly string[]).includes(mapped) ? (mapped as CandleTimeframe) : '5m';
}

/**
 * Spec section 4 step 3 (`buildSignalEnrichment`): market session, risk limits and open positions, market data,
 * indicators, GEX, flow and confluence for one signal, with the enrichment rejection codes of section 8. Writes
 * `signal_enrichments`, then hands the signal to the decision queue, holds it for the open, or rejects it.
 */
@Injectable()
export class EnrichmentService {
  private readonly logger = new Logger(EnrichmentService.name);

  constructor(
    private readonly repository: EnrichmentRepository,
    private readonly riskState: RiskStateRepository,
    private readonly flags: FeatureFlagsService,
    private readonly positioning: PositioningService,
    private readonly queues: QueueService,
    private readonly events: DomainEvents,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enrich(signalId: string): Promise<EnrichmentOutcome> {
    const signal = await this.repository.findSignal(signalId);
    if (!signal) {
      return { kind: 'skipped', reason: 'not_found' };
    }
    const outcome = await this.run(signal);
    this.logger.debug({ trace_id: signal.request_id, signal_id: signalId, outcome }, 'signal enriched');
    if (outcome.kind !== 'skipped') {
      const at = this.clock.now().toISOString();
      if (outcome.kind === 'queued') {
        this.events.emit('signals.queued', { signalId, symbol: signal.symbol, until: outcome.until.toISOString(), at });
      } else {
        this.events.emit('signals.enriched', {
          signalId,
          symbol: signal.symbol,
          outcome:
            outcome.kind === 'rejected'
              ? `rejected:${outcome.reason}`
              : outcome.decisionOnly
                ? 'decision_only'
                : 'enriched',
          at,
        });
      }
    }
    return outcome;
  }

  private async run(signal: SignalForPipeline): Promise<EnrichmentOutcome> {
    const signalId = signal.signal_id;
    if (signal.status === 'approved' || signal.status === 'rejected') {
      return { kind: 'skipped', reason: 'already_decided' };
    }
    const now = this.clock.now();
    if (signal.status === 'queued') {
      if (signal.queued_until && signal.queued_until > now) {
        return { kind: 'skipped', reason: 'not_yet_due' };
      }
      await this.repository.release(signalId, now);
    }
    const released = signal.queued_at !== null;
    // Age counts from receipt: TradingView's {{time}} is the bar's open, hours old on an hourly or daily chart, while
    // the alert itself is fresh. A signal held for the open is as old as the time since that open.
    const effectiveSignalTime =
      released && signal.queued_until && signal.queued_until > signal.received_at
        ? signal.queued_until
        : signal.received_at;
    const risk = this.config.risk;
    const session = this.calendar.evaluateMarketSession(now, {
      allowPremarket: risk.allowPremarket,
      allowAfterhours: risk.allowAfterhours,
      graceMinutes: risk.marketCloseGraceMinutes,
    });
    const metadata = signalMetadata(signal.raw_payload, signal.received_at);
    const base = {
      version: 1 as const,
      symbol: signal.symbol,
      metadata,
      effectiveSignalTime: effectiveSignalTime.toISOString(),
      released,
      session: storeSession(session),
    };

    let decisionOnly = false;
    if (!session.isOpen) {
      const ageMinutes = (now.getTime() - effectiveSignalTime.getTime()) / 60_000;
      if (ageMinutes > risk.signalMaxAgeMinutes) {
        return this.rejectEarly(signal, base, 'signal_stale', now);
      }
      if (risk.decisionOnlyWhenMarketClosed) {
        decisionOnly = true;
      } else if (risk.queueSignalsWhenMarketClosed) {
        // Held past Engine A's opening wait too: released at 09:30:00 it would only be told to wait, for good.
        const release = new Date(
          session.nextOpen.getTime() + DEFAULT_ENTRY_DECISION_CONFIG.openingWaitMinutes * 60_000,
        );
        return this.holdForOpen(signal, base, release, now);
      } else {
        return this.rejectEarly(signal, base, 'market_closed', now);
      }
    }

    const flags = await this.flags.snapshot();
    const opens = signal.action === 'entry' || signal.action === 'add';
    const [counts, limitsRow] = await Promise.all([
      this.riskState.openPositionCounts(signal.symbol),
      this.riskState.limitsRow(),
    ]);
    const limits = resolveRiskLimits(this.config, limitsRow, {
      confluenceGate: flags.enabled('enable_confluence_gate'),
      requireMtfBias: flags.enabled('require_mtf_bias_for_entry'),
    });
    const degraded: string[] = [];
    const [quote, candles, gex, flow] = await Promise.all([
      this.marketData.stockQuote(signal.symbol),
      this.marketData.candles(signal.symbol, candleTimeframeOf(signal.timeframe), CANDLE_LIMIT),
      this.positioning.gex(signal.symbol),
      this.positioning.flow(signal.symbol).catch(() => null),
    ]);
    const price = quote.ok ? quote.value.mid : null;
    if (!quote.ok) {
      degraded.push(`quote:${quote.reasonCode}`);
    }
    let bars: Candle[] = [];
    if (candles.ok) {
      bars = candles.value;
    } else {
      degraded.push(`candles:${candles.reasonCode}`);
    }
    if (!gex.ok) {
      degraded.push(`gex:${gex.reasonCode}`);
    }
    const day = this.calendar.tradingDay(nyDate(now));
    const indicators = bars.length > 0 ? computeIndicators(bars, { sessionOpen: day?.open }) : null;
    const gexSummary: AgentGex | null = gex.ok
      ? { netGex: gex.value.netGex, dealerPosition: gex.value.dealerPosition, zeroGammaLevel: gex.value.zeroGammaLevel }
      : null;
    const flowSummary: AgentFlow | null =
      flow && flow.entries > 0
        ? {
            callPremium: flow.callPremium,
            putPremium: flow.putPremium,
            bullishPremium: flow.bullishPremium,
            bearishPremium: flow.bearishPremium,
            netFlow: flow.netFlow,
            entries: flow.entries,
          }
        : null;
    const confluence: ConfluenceResult | null = signal.direction
      ? scoreConfluence({
          direction: signal.direction,
          flow: flowSummary,
          gex: gex.ok ? gex.value : null,
          spot: price ?? undefined,
          config: { threshold: limits.confluenceMinThreshold },
        })
      : null;

    const snapshot: EnrichmentSnapshot = {
      ...base,
      decisionOnly,
      price,
      quote: quote.ok
        ? {
            bid: quote.value.bid ?? quote.value.mid,
            ask: quote.value.ask ?? quote.value.mid,
            mid: quote.value.mid,
            asOf: quote.value.asOf.toISOString(),
            provider: quote.value.source,
          }
        : null,
      candleTimeframe: candleTimeframeOf(signal.timeframe),
      candles: storeCandles(bars),
      indicators,
      gex: gexSummary,
      flow: flowSummary,
      confluence,
      degraded,
    };
    const confluencePass =
      !limits.confluenceGateEnabled || confluence === null || confluence.score >= limits.confluenceMinThreshold;
    const riskResult: EnrichmentRiskResult = {
      marketOpen: session.isOpen,
      openPositions: counts.total,
      openPositionsForSymbol: counts.symbol,
      maxOpenPositions: limits.maxOpenPositions,
      maxPositionsPerSymbol: limits.maxPositionsPerSymbol,
      replacementEligible:
        risk.positionReplacementEnabled &&
        signal.action === 'entry' &&
        (metadata.confidence ?? 0) >= risk.minConfidenceForReplacement,
      confluenceGate: {
        enabled: limits.confluenceGateEnabled,
        threshold: limits.confluenceMinThreshold,
        score: confluence?.score ?? null,
        pass: confluencePass,
      },
      signalPriority: { confidence: metadata.confidence, total: metadata.confidence },
    };

    let rejection: string | null = null;
    if (opens) {
      // A full book with replacement possible is for the decision to judge: it picks the position to replace.
      if (counts.total >= limits.maxOpenPositions && !riskResult.replacementEligible) {
        rejection = 'max_open_positions_exceeded';
      } else if (counts.symbol >= limits.maxPositionsPerSymbol) {
        rejection = 'max_positions_per_symbol_exceeded';
      } else if (price === null) {
        rejection = 'market_data_unavailable';
      } else if (!confluencePass) {
        rejection = 'confluence_below_threshold';
      }
    }
    await this.repository.saveEnrichment(
      signal.signal_id,
      snapshot as unknown as JsonObject,
      riskResult as unknown as JsonObject,
      rejection,
      now,
    );
    if (rejection) {
      await this.repository.reject(signal.signal_id, rejection, now);
      return { kind: 'rejected', reason: rejection };
    }
    await this.repository.markEnriched(signal.signal_id, decisionOnly, now);
    // Throws when Redis refuses: the job fails and is retried, so a signal cannot stall between the two steps.
    await this.queues.enqueue(JobName.DecideSignal, {
      signalId: signal.signal_id,
      ...(released && signal.queued_at ? { release: signal.queued_at.getTime() } : {}),
    });
    return { kind: 'enriched', decisionOnly };
  }

  private async rejectEarly(
    signal: SignalForPipeline,
    base: Partial<EnrichmentSnapshot>,
    reason: string,
    now: Date,
  ): Promise<EnrichmentOutcome> {
    await this.repository.saveEnrichment(signal.signal_id, base, { marketOpen: false }, reason, now);
    await this.repository.reject(signal.signal_id, reason, now);
    return { kind: 'rejected', reason };
  }

  private async holdForOpen(
    signal: SignalForPipeline,
    base: Partial<EnrichmentSnapshot>,
    until: Date,
    now: Date,
  ): Promise<EnrichmentOutcome> {
    await this.repository.saveEnrichment(signal.signal_id, base, { marketOpen: false }, null, now);
    if (await this.repository.queueUntil(signal.signal_id, until, 'queued_market_closed', now)) {
      const delay = wallMsUntil(until, now, this.config.clock.speed);
      await this.queues
        .enqueue(JobName.ReleaseQueuedSignals, { reason: 'open' }, { jobId: `release-${until.getTime()}`, delay })
        .catch((error: Error) =>
          this.logger.warn(`release job not scheduled (the minute schedule covers it): ${error.message}`),
        );
    }
    return { kind: 'queued', until };
  }
}
