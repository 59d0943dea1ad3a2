import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import {
  applyBiasEvent,
  BiasConfig,
  BiasEvent,
  effectiveGating,
  EffectiveGating,
  isDuplicateEvent,
  isOutOfOrderEvent,
  parseBiasPayload,
  UnifiedBiasState,
  withStaleness,
} from '../core/bias';
import type { Clock } from '../core/clock';
import { parseSymbol } from '../core/signal/symbol';
import { BiasCache, BiasEventLogEntry } from './bias-cache';
import { BiasStateRepository } from './bias-state.repository';
import { BIAS_CONFIG } from './bias.tokens';
import { BiasPayloadError } from './errors/bias-payload.error';

/** ACCEPTED: applied. DUPLICATE: this event id was already applied. OUT_OF_ORDER: older than the state, not applied. */
export type BiasIngestStatus = 'ACCEPTED' | 'DUPLICATE' | 'OUT_OF_ORDER';

export interface BiasIngestResult {
  status: BiasIngestStatus;
  symbol: string;
  eventId: string;
  source: BiasEvent['source'];
  /** The current state (after the event when ACCEPTED), staleness as of now. */
  state: UnifiedBiasState;
  gating: EffectiveGating;
}

export interface BiasSummaryEntry {
  state: UnifiedBiasState;
  gating: EffectiveGating;
}

/**
 * The V3 bias aggregator: validates an event, applies it to the symbol's state under a per-symbol PostgreSQL lock
 * (PostgreSQL is the source of truth, and reading it under the lock is what keeps concurrent events from losing each
 * other's updates), then refreshes the Redis cache and the recent-events list. Reads go to Redis first.
 */
@Injectable()
export class BiasStateAggregator {
  private readonly logger = new Logger(BiasStateAggregator.name);

  constructor(
    private readonly repository: BiasStateRepository,
    private readonly cache: BiasCache,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BIAS_CONFIG) private readonly biasConfig: BiasConfig,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Parses (V3 or legacy BIAS_SNAPSHOT) and applies. Throws BiasPayloadError on bad input. */
  async ingest(payload: Record<string, unknown>, receivedAt: Date): Promise<BiasIngestResult> {
    const parsed = parseBiasPayload(payload, receivedAt);
    if (!parsed.ok) {
      throw new BiasPayloadError(parsed.reasonCode, parsed.errors);
    }
    return this.ingestEvent(parsed.event);
  }

  async ingestEvent(event: BiasEvent): Promise<BiasIngestResult> {
    const outcome = await this.repository.withSymbolLock(event.symbol, async (tx) => {
      const current = await tx.find(event.symbol);
      if (current !== null && isDuplicateEvent(current, event.eventId)) {
        return { status: 'DUPLICATE' as const, state: current };
      }
      if (current !== null && isOutOfOrderEvent(current, event)) {
        return { status: 'OUT_OF_ORDER' as const, state: current };
      }
      const next = applyBiasEvent(current, event, this.biasConfig);
      await tx.upsert(next, this.clock.now());
      return { status: 'ACCEPTED' as const, state: next };
    });

    if (outcome.status !== 'DUPLICATE') {
      await Promise.all([
        outcome.status === 'ACCEPTED' ? this.cache.setCurrent(outcome.state) : Promise.resolve(),
        this.cache.pushEvent(event.symbol, this.logEntry(event, outcome.status, outcome.state)),
      ]);
    }
    const now = this.clock.now();
    const state = withStaleness(outcome.state, now, this.biasConfig);
    const gating = effectiveGating(state, now, this.biasConfig);
    if (this.config.mtfBias.debugMode || outcome.status !== 'ACCEPTED') {
      this.logger.log(
        `${event.symbol} ${event.source} ${event.eventId}: ${outcome.status} ` +
          `(bias ${state.biasScore} ${state.direction}, suppressed ${String(gating.tradeSuppressed)})`,
      );
    }
    return {
      status: outcome.status,
      symbol: event.symbol,
      eventId: event.eventId,
      source: event.source,
      state,
      gating,
    };
  }

  /** The state with staleness as of now: Redis first, PostgreSQL on a miss (and the cache refilled). */
  async getState(symbol: string): Promise<UnifiedBiasState | null> {
    const key = normalizeSymbol(symbol);
    if (key === null) {
      return null;
    }
    let state = await this.cache.getCurrent(key);
    if (state === null) {
      state = await this.repository.find(key);
      if (state !== null) {
        await this.cache.setCurrent(state);
      }
    }
    return state === null ? null : withStaleness(state, this.clock.now(), this.biasConfig);
  }

  /** The state and its gating as of now. */
  async getStateWithGating(symbol: string): Promise<BiasSummaryEntry | null> {
    const state = await this.getState(symbol);
    return state === null ? null : { state, gating: effectiveGating(state, this.clock.now(), this.biasConfig) };
  }

  /** Every symbol's state and gating, most recently updated first. */
  async summary(limit = 100, offset = 0): Promise<{ items: BiasSummaryEntry[]; total: number }> {
    const { states, total } = await this.repository.list(limit, offset);
    const now = this.clock.now();
    return {
      items: states.map((raw) => {
        const state = withStaleness(raw, now, this.biasConfig);
        return { state, gating: effectiveGating(state, now, this.biasConfig) };
      }),
      total,
    };
  }

  async recentEvents(symbol: string, limit = 20): Promise<BiasEventLogEntry[]> {
    const key = normalizeSymbol(symbol);
    return key === null ? [] : this.cache.recentEvents(key, limit);
  }

  private logEntry(event: BiasEvent, status: 'ACCEPTED' | 'OUT_OF_ORDER', state: UnifiedBiasState): BiasEventLogEntry {
    return {
      event_id: event.eventId,
      source: event.source,
      event_type: event.eventType,
      event_time: event.eventTime,
      received_at: event.receivedAt,
      status,
      bias_score: state.biasScore,
      direction: state.direction,
    };
  }
}

/** `spy`, `AMEX:SPY` -> `SPY`; null when not a symbol. */
export function normalizeSymbol(symbol: string): string | null {
  const parsed = parseSymbol(symbol);
  return parsed.ok ? parsed.symbol : null;
}
