import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { selectStrike, strikeConfig, StrikeSelectionResult } from '../core/strikes';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';

export interface StrikeRequest {
  symbol: string;
  direction: 'long' | 'short';
  confidence: number | null;
}

/**
 * The one strike selector (src/core/strikes) fed with the configured settings, the enabled exit rule's min_dte_exit
 * and the chain from the market data chain. Without a chain it falls back to the spec's ATM rule.
 */
@Injectable()
export class StrikeSelectionService {
  constructor(
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `spot`: the underlying's price the caller already holds (the enrichment's); fetched when absent. */
  async select(
    request: StrikeRequest,
    spot?: number,
  ): Promise<StrikeSelectionResult | { ok: false; reasonCode: string; reasons: string[] }> {
    let price = spot;
    if (price === undefined) {
      const quote = await this.marketData.stockQuote(request.symbol);
      if (!quote.ok) {
        return { ok: false, reasonCode: quote.reasonCode, reasons: [quote.detail] };
      }
      price = quote.value.mid;
    }
    const chain =
      this.config.strikes.mode === 'delta'
        ? await this.marketData.optionChain(request.symbol, { strikeBand: 0.15 })
        : null;
    const rows: { min_dte_exit: number }[] = await this.dataSource.query(
      `SELECT min_dte_exit FROM exit_rules WHERE enabled ORDER BY rule_name = 'default' DESC LIMIT 1`,
    );
    const settings = this.config.strikes;
    return selectStrike(
      {
        symbol: request.symbol,
        direction: request.direction,
        confidence: request.confidence,
        spot: price,
        chain: chain?.ok ? chain.value : null,
      },
      strikeConfig({
        mode: settings.mode,
        maxHoldDays: this.config.exits.maxHoldDays,
        minDteExit: rows[0]?.min_dte_exit ?? this.config.exits.timeStopDte,
        maxSpreadPct: settings.maxSpreadPct,
        minOpenInterest: settings.minOpenInterest,
        minVolume: settings.minVolume,
        riskFreeRate: this.config.marketData.riskFreeRate,
      }),
      this.clock.now(),
    );
  }
}
