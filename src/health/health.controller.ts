import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiError } from '../common/http/api-error';
import { RedisHealthIndicator } from './redis.health';
import { Public } from '../auth/auth.decorators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer (503 otherwise)' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1000 }),
        () => this.redis.check('redis'),
      ]);
    } catch (error) {
      const response = error instanceof ServiceUnavailableException ? error.getResponse() : null;
      const checks =
        (response as { details?: Record<string, { status: string; message?: string }> } | null)?.details ?? {};
      const down = Object.entries(checks).filter(([, check]) => check.status !== 'up');
      throw new ApiError(
        503,
        'not_ready',
        'Not ready',
        down.map(([field, check]) => ({ field, message: check.message ?? 'down' })),
      );
    }
  }
}
