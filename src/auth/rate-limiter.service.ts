import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { CLOCK } from '../common/clock';
import { ApiError } from '../common/http/api-error';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { RedisStatusService } from '../queues/redis-status.service';
import type { Principal } from './roles';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends (Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Fixed one-minute windows counted in Redis, so every instance shares the count. Windows follow the injected clock.
 * A limit of 0 means no limit. When Redis is unreachable the request is allowed (logged): rate limiting must not take
 * the API down with it.
 */
@Injectable()
export class RateLimiterService {
  private readonly logger = new Logger(RateLimiterService.name);
  private readonly prefix: string;
  private readonly apiLimitPerMinute: number;

  constructor(
    private readonly redis: RedisStatusService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redis.queuePrefix}:ratelimit`;
    this.apiLimitPerMinute = config.auth.apiRateLimitPerMinute;
  }

  /** Counts one authenticated API request (API_RATE_LIMIT_PER_MINUTE per user or key); 429 + Retry-After past it. */
  async enforceApiLimit(principal: Principal, response: Response): Promise<void> {
    const rate = await this.hit('api', `${principal.kind}:${principal.id}`, this.apiLimitPerMinute);
    if (!rate.allowed) {
      response.setHeader('Retry-After', String(rate.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', 'Too many requests; retry after the Retry-After seconds');
    }
  }

  async hit(scope: string, subject: string, limitPerMinute: number): Promise<RateDecision> {
    const nowMs = this.clock.now().getTime();
    const window = Math.floor(nowMs / 60_000);
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - nowMs) / 1000));
    if (limitPerMinute <= 0) {
      return { allowed: true, retryAfterSeconds };
    }
    const key = `${this.prefix}:${scope}:${subject}:${window}`;
    try {
      const [[, count]] = (await this.redis.client.multi().incr(key).expire(key, 120).exec()) as [
        [Error | null, number],
      ];
      return { allowed: count <= limitPerMinute, retryAfterSeconds };
    } catch (error) {
      this.logger.warn(`Rate limit not applied (${scope}): ${(error as Error).message}`);
      return { allowed: true, retryAfterSeconds };
    }
  }
}
