import { Inject, Injectable, Logger } from '@nestjs/common';
import { summaryItemView } from '../bias/bias.views';
import { BiasStateAggregator } from '../bias/bias-state.aggregator';
import type { BiasSummaryItemDto } from '../bias/dto/bias.dto';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { MarketCalendar } from '../core/calendar';
import type { Clock } from '../core/clock';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';
import { PositioningService } from '../positioning/positioning.service';
import {
  IntelFlowDto,
  IntelGammaDto,
  IntelPriceDto,
  IntelSnapshotDto,
  IntelSymbolDto,
  IntelUnavailableDto,
  MAX_INTEL_SYMBOLS,
} from './dto/intel.dto';
import { IntelRepository, LastSignalRow } from './intel.repository';

/** Signals this recent make a symbol "active" for the default snapshot. */
const RECENT_SIGNAL_MS = 24 * 60 * 60 * 1000;

type Part = { ok: true; value: unknown } | { ok: false; reasonCode: string; detail: string };

/**
 * The market intelligence snapshot: per symbol, the price and session, the bias state, the GEX and flow summary
 * (PositioningService, the same numbers as /gamma and /positioning) and what the platform holds on it. A part that
 * cannot be read is null and listed in `unavailable`: one slow or missing source never fails the snapshot.
 */
@Injectable()
export class IntelService {
  private readonly logger = new Logger(IntelService.name);

  constructor(
    private readonly repository: IntelRepository,
    private readonly positioning: PositioningService,
    private readonly bias: BiasStateAggregator,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async snapshot(requested: readonly string[] | undefined): Promise<IntelSnapshotDto> {
    const now = this.clock.now();
    const symbols = requested ?? (await this.defaultSymbols(now));
    const [positions, lastSignals] = await Promise.all([
      this.repository.openPositions(symbols),
      this.repository.lastSignals(symbols),
    ]);
    const signalOf = new Map(lastSignals.map((row) => [row.symbol, row]));
    const items = await Promise.all(
      symbols.map((symbol) =>
        this.symbolSnapshot(
          symbol,
          now,
          positions.filter((p) => p.symbol === symbol),
          signalOf.get(symbol),
        ),
      ),
    );
    const session = this.calendar.marketSessionAt(now);
    return {
      as_of: now.toISOString(),
      market: {
        session,
        is_open: session === 'regular',
        next_open: this.calendar.nextOpen(now).toISOString(),
        next_close: this.calendar.nextClose(now).toISOString(),
      },
      items,
    };
  }

  /** GAMMA_METRICS_SYMBOLS, then symbols with open positions, then symbols with recent signals. */
  private async defaultSymbols(now: Date): Promise<string[]> {
    const active = await this.repository.activeSymbols(new Date(now.getTime() - RECENT_SIGNAL_MS), MAX_INTEL_SYMBOLS);
    return [...new Set([...this.config.marketData.gammaMetricsSymbols, ...active])].slice(0, MAX_INTEL_SYMBOLS);
  }

  private async symbolSnapshot(
    symbol: string,
    now: Date,
    positions: { engine: 'A' | 'B'; n: number }[],
    lastSignal: LastSignalRow | undefined,
  ): Promise<IntelSymbolDto> {
    const [price, bias, gamma, flow] = await Promise.all([
      this.part(symbol, 'price', () => this.price(symbol)),
      this.part(symbol, 'bias', () => this.biasOf(symbol)),
      this.part(symbol, 'gamma', () => this.gamma(symbol)),
      this.part(symbol, 'flow', () => this.flow(symbol)),
    ]);
    const unavailable: IntelUnavailableDto[] = [];
    const valueOf = <T>(part: string, result: Part): T | null => {
      if (result.ok) {
        return result.value as T | null;
      }
      unavailable.push({ part, reason_code: result.reasonCode, detail: result.detail });
      return null;
    };
    const count = (engine: 'A' | 'B') => positions.filter((p) => p.engine === engine).reduce((n, p) => n + p.n, 0);
    return {
      symbol,
      options_session_open: this.calendar.isOptionsSessionOpen(symbol, now),
      price: valueOf<IntelPriceDto>('price', price),
      bias: valueOf<BiasSummaryItemDto>('bias', bias),
      gamma: valueOf<IntelGammaDto>('gamma', gamma),
      flow: valueOf<IntelFlowDto>('flow', flow),
      positions: { open: count('A') + count('B'), engine_a: count('A'), engine_b: count('B') },
      last_signal: lastSignal
        ? {
            signal_id: lastSignal.signal_id,
            direction: lastSignal.direction,
            timeframe: lastSignal.timeframe,
            status: lastSignal.status,
            received_at: lastSignal.received_at.toISOString(),
          }
        : null,
      unavailable,
    };
  }

  /** One part; an unexpected error (Redis down, ...) is logged and reported, not thrown. */
  private async part(symbol: string, name: string, read: () => Promise<Part>): Promise<Part> {
    try {
      return await read();
    } catch (error) {
      this.logger.warn(`${symbol} ${name}: ${(error as Error)?.message ?? String(error)}`);
      return { ok: false, reasonCode: 'internal_error', detail: `${name} could not be read` };
    }
  }

  private async price(symbol: string): Promise<Part> {
    const quote = await this.marketData.stockQuote(symbol);
    if (!quote.ok) {
      return { ok: false, reasonCode: quote.reasonCode, detail: quote.detail };
    }
    const q = quote.value;
    const value: IntelPriceDto = {
      last: q.last,
      bid: q.bid,
      ask: q.ask,
      mid: q.mid,
      as_of: q.asOf.toISOString(),
      source: q.source,
    };
    return { ok: true, value };
  }

  /** No bias event yet is not a failure: bias is null and not listed as unavailable. */
  private async biasOf(symbol: string): Promise<Part> {
    const entry = await this.bias.getStateWithGating(symbol);
    return { ok: true, value: entry === null ? null : summaryItemView(entry.state, entry.gating) };
  }

  private async gamma(symbol: string): Promise<Part> {
    const result = await this.positioning.gex(symbol);
    if (!result.ok) {
      return { ok: false, reasonCode: result.reasonCode, detail: result.detail };
    }
    const gex = result.value;
    const value: IntelGammaDto = {
      spot: gex.spot,
      net_gex: gex.netGex,
      zero_gamma_level: gex.zeroGammaLevel,
      call_wall: gex.callWall,
      put_wall: gex.putWall,
      max_pain: gex.maxPain,
      dealer_position: gex.dealerPosition,
      as_of: new Date(gex.asOf).toISOString(),
      cached: result.cached,
    };
    return { ok: true, value };
  }

  private async flow(symbol: string): Promise<Part> {
    const flow = await this.positioning.flow(symbol);
    const value: IntelFlowDto = {
      net_flow: flow.netFlow,
      call_premium: flow.callPremium,
      put_premium: flow.putPremium,
      put_call_premium_ratio: flow.putCallPremiumRatio,
      entries: flow.entries,
    };
    return { ok: true, value };
  }
}
