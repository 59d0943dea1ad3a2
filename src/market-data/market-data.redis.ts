import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, APP_CONFIG } from '../config';
import { redisOptionsFromUrl } from '../queues/redis-options';

/** The market data module's own Redis connection (webhook store and provider cache). */
@Injectable()
export class MarketDataRedis implements OnApplicationShutdown {
  private readonly logger = new Logger(MarketDataRedis.name);
  readonly client: Redis;
  private lastError: string | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redis.url),
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.client.on('error', (error: Error) => {
      if (this.lastError !== error.message) {
        this.logger.warn(`Redis unavailable for market data: ${error.message}`);
      }
      this.lastError = error.message;
    });
    this.client.on('ready', () => {
      this.lastError = null;
    });
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
