import { Global, Logger, Module } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { MarketDataCache } from './market-data.cache';
import { MarketDataKeys } from './market-data.keys';
import { MARKET_DATA } from './market-data.provider';
import { MarketDataRedis } from './market-data.redis';
import { MarketDataService } from './market-data.service';
import { MARKET_DATA_SETTINGS, MarketDataSettings, marketDataSettings } from './market-data.settings';
import { MarketDataStore } from './market-data.store';
import { MarketWebhooksController } from './market-webhooks.controller';
import { MarketWebhooksService } from './market-webhooks.service';
import { createMarketDataProviders } from './providers/provider.factory';

/**
 * Market data for the whole platform: MARKET_DATA (the provider chain, MarketDataService), MarketDataStore (what
 * the market data webhooks pushed: prices, chains, flow) and the webhook routes under /api/webhooks.
 */
@Global()
@Module({
  controllers: [MarketWebhooksController],
  providers: [
    MarketDataRedis,
    { provide: MARKET_DATA_SETTINGS, inject: [APP_CONFIG], useFactory: marketDataSettings },
    {
      provide: MarketDataKeys,
      inject: [MARKET_DATA_SETTINGS],
      useFactory: (settings: MarketDataSettings) => new MarketDataKeys(settings.keyPrefix),
    },
    {
      provide: MarketDataStore,
      inject: [MarketDataRedis, MarketDataKeys, MARKET_DATA_SETTINGS],
      useFactory: (redis: MarketDataRedis, keys: MarketDataKeys, settings: MarketDataSettings) =>
        new MarketDataStore(redis.client, keys, settings.webhook),
    },
    {
      provide: MarketWebhooksService,
      inject: [MarketDataStore, CLOCK, MARKET_DATA_SETTINGS],
      useFactory: (store: MarketDataStore, clock: Clock, settings: MarketDataSettings) =>
        new MarketWebhooksService(store, clock, settings.webhook.maxFutureSkewMs),
    },
    {
      provide: MarketDataService,
      inject: [APP_CONFIG, MARKET_DATA_SETTINGS, CLOCK, MarketDataRedis, MarketDataKeys, MarketDataStore],
      useFactory: (
        config: AppConfig,
        settings: MarketDataSettings,
        clock: Clock,
        redis: MarketDataRedis,
        keys: MarketDataKeys,
        store: MarketDataStore,
      ) => {
        const logger = new Logger('MarketData');
        const providers = createMarketDataProviders({ config, settings, clock, store }, (message) =>
          logger.error(`*** ${message} ***`),
        );
        logger.log(`market data chain: ${providers.map((p) => p.name).join(' -> ')}`);
        return new MarketDataService(
          providers,
          new MarketDataCache(redis.client, clock, settings.cacheOpTimeoutMs),
          keys,
          clock,
          { timeoutMs: settings.timeoutMs, breaker: settings.breaker, cacheTtlMs: settings.cacheTtlMs },
        );
      },
    },
    { provide: MARKET_DATA, useExisting: MarketDataService },
  ],
  exports: [MARKET_DATA, MarketDataService, MarketDataStore, MarketDataKeys, MarketDataRedis],
})
export class MarketDataModule {}
