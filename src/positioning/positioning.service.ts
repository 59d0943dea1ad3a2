import { Inject, Injectable } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { MarketCalendar } from '../core/calendar';
import { nyDate } from '../core/calendar';
import type { Clock } from '../core/clock';
import { expirationCloseInstant } from '../core/expiration';
import { FlowSummary, summarizeFlow } from '../core/flow';
import { computeGex, GexResult } from '../core/gex';
import type { MarketDataFailure } from '../core/market/market.types';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { MarketDataRedis } from '../market-data/market-data.redis';
import { MarketDataStore } from '../market-data/market-data.store';
import { MarketDataKeys } from '../market-data/market-data.keys';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';

/** Spec section 14: `gex:{symbol}:{date}`, 300 s. */
export const GEX_CACHE_TTL_SECONDS = 300;
/** Strikes within this fraction of spot feed the GEX (the rest carry almost no gamma). */
const GEX_STRIKE_BAND = 0.2;
const FLOW_LIMIT = 500;

export type Outcome<T> =
  { ok: true; value: T; cached: boolean } | { ok: false; reasonCode: MarketDataFailure; detail: string };

/** GEX and flow for an underlying, from the market data chain, cached per New York day as the spec keys them. */
@Injectable()
export class PositioningService {
  constructor(
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    private readonly store: MarketDataStore,
    private readonly redis: MarketDataRedis,
    private readonly keys: MarketDataKeys,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async gex(symbol: string): Promise<Outcome<GexResult>> {
    const now = this.clock.now();
    const key = `${this.keys.prefix}gex:${symbol}:${nyDate(now)}`;
    const cached = await this.redis.client.get(key).catch(() => null);
    if (cached) {
      const value = JSON.parse(cached, (k, v: unknown) =>
        k === 'asOf' && typeof v === 'string' ? new Date(v) : v,
      ) as GexResult;
      return { ok: true, value, cached: true };
    }
    const chain = await this.marketData.optionChain(symbol, { strikeBand: GEX_STRIKE_BAND });
    if (!chain.ok) {
      return { ok: false, reasonCode: chain.reasonCode, detail: chain.detail };
    }
    const result = computeGex(chain.value, {
      now,
      rate: this.config.marketData.riskFreeRate,
      expiryInstant: (expiration) =>
        expirationCloseInstant(symbol, expiration, { extraClosures: this.calendar.options.extraClosures }),
    });
    await this.redis.client.set(key, JSON.stringify(result), 'EX', GEX_CACHE_TTL_SECONDS).catch(() => undefined);
    return { ok: true, value: result, cached: false };
  }

  async flow(symbol: string): Promise<FlowSummary> {
    const now = this.clock.now();
    const entries = await this.store.latestFlow(symbol, now, FLOW_LIMIT).catch(() => []);
    return summarizeFlow(
      entries.map((entry) => ({
        optionSymbol: entry.optionSymbol,
        side: entry.side === 'mid' ? 'unknown' : entry.side,
        size: entry.size,
        price: entry.price,
        premium: entry.premium,
        timestamp: entry.timestamp,
        type: entry.type,
      })),
      { now },
    );
  }
}
