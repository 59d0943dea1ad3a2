import { Controller, Headers, HttpCode, Inject, Logger, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { withTimeout } from '../common/async/with-timeout';
import { AuthService } from '../auth/auth.service';
import { RateLimiterService } from '../auth/rate-limiter.service';
import { bearerToken } from '../auth/bearer-token';
import { secretsEqual } from '../common/crypto/secrets-equal';
import { roleAtLeast } from '../auth/roles';
import { CLOCK } from '../common/clock';
import { ApiError } from '../common/http/api-error';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { QueueService, RedisStatusService } from '../queues';
import { ProcessQueueResultDto, QueueDepthDto, TriggeredByDto } from './dto/process-queue.dto';
import { OutboxService } from './outbox.service';

/**
 * The spec's "manual pipeline trigger": runs the outbox sweep now (every stuck signal, order and uncaptured outcome
 * is offered to its queue again) and answers what it re-offered and the queue depths. Callable by a scheduler with
 * CRON_SECRET (Vercel cron sends `Authorization: Bearer <CRON_SECRET>`; `X-Cron-Secret` works too) or by an
 * operator's token. With CRON_SECRET unset only operators can call it.
 */
@ApiTags('operations')
@Controller('api/cron')
export class CronController {
  private readonly logger = new Logger(CronController.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiterService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('process-queue')
  @Public()
  @HttpCode(200)
  @ApiBearerAuth('jwt')
  @ApiHeader({ name: 'X-Cron-Secret', required: false, description: 'CRON_SECRET (alternative to the bearer)' })
  @ApiOperation({
    summary: 'Manual pipeline trigger: run the outbox sweep now',
    description:
      'Offers every row stuck past the outbox grace period to its queue again (pending signals, pending_execution ' +
      'orders, uncaptured trade outcomes); rows whose job still exists are not enqueued twice. Authorised by ' +
      'CRON_SECRET (`Authorization: Bearer <secret>` or `X-Cron-Secret`) or an operator token; with CRON_SECRET ' +
      'unset only operators can call it.',
  })
  @ApiResponse({ status: 200, type: ProcessQueueResultDto })
  @ApiResponse({ status: 401, description: 'unauthorized: neither a valid CRON_SECRET nor a valid token' })
  @ApiResponse({ status: 403, description: 'forbidden: a token below the operator role' })
  @ApiResponse({ status: 429, description: 'rate_limited: a token past API_RATE_LIMIT_PER_MINUTE (not the secret)' })
  @ApiResponse({ status: 503, description: 'queue_unavailable: Redis is down (the sweep runs once it is back)' })
  async processQueue(
    @Headers('authorization') authorization: string | undefined,
    @Headers('x-cron-secret') cronHeader: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProcessQueueResultDto> {
    const triggeredBy = await this.authorise(authorization, cronHeader, response);
    if (!this.redisStatus.isReady()) {
      throw new ApiError(503, 'queue_unavailable', 'Redis is unavailable; the sweep runs once it is back');
    }
    let reOffered;
    try {
      reOffered = await this.outbox.sweep({ full: true });
    } catch (error) {
      this.logger.warn(`manual sweep failed: ${(error as Error).message}`);
      throw new ApiError(503, 'sweep_failed', 'The sweep could not run; try again shortly');
    }
    this.logger.log(
      `manual sweep by ${triggeredBy.kind}:${triggeredBy.name} re-offered ${reOffered.signals} signal(s), ` +
        `${reOffered.orders} order(s), ${reOffered.outcomes} outcome(s)`,
    );
    return {
      triggered_by: triggeredBy,
      re_offered: reOffered,
      queues: await this.depths(),
      at: this.clock.now().toISOString(),
    };
  }

  private async authorise(
    authorization: string | undefined,
    cronHeader: string | undefined,
    response: Response,
  ): Promise<TriggeredByDto> {
    const token = bearerToken(authorization);
    const secret = this.config.auth.cronSecret;
    if (secret) {
      for (const candidate of [cronHeader, token]) {
        if (typeof candidate === 'string' && candidate !== '' && secretsEqual(candidate, secret)) {
          return { kind: 'cron_secret', name: 'cron' };
        }
      }
    }
    const principal = token ? await this.auth.authenticate(token) : null;
    if (!principal) {
      throw new ApiError(401, 'unauthorized', 'Send CRON_SECRET (Authorization: Bearer or X-Cron-Secret) or a token');
    }
    if (!roleAtLeast(principal.role, 'operator')) {
      throw new ApiError(403, 'forbidden', `This action needs the operator role (you are ${principal.role})`);
    }
    // A token counts against the API limit as on every other route; the scheduler's secret does not.
    await this.limiter.enforceApiLimit(principal, response);
    return { kind: principal.kind, name: principal.name };
  }

  /** Queue depths after the sweep; empty when Redis stops answering meanwhile (the sweep itself went through). */
  private async depths(): Promise<QueueDepthDto[]> {
    const all = Promise.all(
      this.queues.allQueues().map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        return {
          queue: queue.name,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
        };
      }),
    );
    return withTimeout(all, 2000, 'queue depths timed out').catch(() => []);
  }
}
