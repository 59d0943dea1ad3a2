import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MetricsService } from './metrics.service';
import { ApiAuth } from '../auth/auth.decorators';

@ApiTags('operations')
@ApiAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'HTTP requests and durations by route; jobs and job durations per queue (the pipeline stages are the ' +
      'signal.enrich, signal.decide and order.execute jobs); signals by status and reason; fills; open positions; ' +
      'realized and unrealized P&L per engine; Node.js process metrics.',
  })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'Prometheus text exposition format' })
  async scrape(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metrics.scrape();
    res.setHeader('Content-Type', contentType);
    res.send(body);
  }
}
