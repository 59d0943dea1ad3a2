import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/auth.decorators';
import { toSnakeCase } from '../common/http/snake-case';
import { E2eStatusDto } from './dto/e2e-status.dto';
import { MonitoringService } from './monitoring.service';

@ApiTags('monitoring')
@ApiAuth()
@Controller('monitoring')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('e2e')
  @ApiOperation({
    summary: 'End-to-end system status: workers, queues, providers, last activity',
    description:
      'Always answers 200 with `status` ok, degraded or down and the reasons; a dead dependency shows as down in ' +
      'its section. Stuck counts are rows in a non-terminal state past the outbox grace period.',
  })
  @ApiResponse({ status: 200, type: E2eStatusDto })
  async e2e(): Promise<E2eStatusDto> {
    return toSnakeCase(await this.monitoring.e2e()) as E2eStatusDto;
  }
}
