import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CLOCK } from '../common/clock';
import { enumParam } from '../common/http/query-params';
import { toSnakeCase } from '../common/http/snake-case';
import { AppConfig, APP_CONFIG } from '../config';
import { nyDate } from '../core/calendar';
import type { Clock } from '../core/clock';
import { analyzePerformance, compareEngines, type PerformanceReport } from '../core/feedback';
import { FeedbackRepository } from './feedback.repository';
import { TunedParameters } from './tuned-parameters.service';
import { ApiAuth } from '../auth/auth.decorators';

const SOURCES = ['live', 'shadow'] as const;
const ENGINES = ['A', 'B'] as const;

@ApiTags('analytics')
@ApiAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly repository: FeedbackRepository,
    private readonly tuned: TunedParameters,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('performance')
  @ApiOperation({
    summary: 'Performance of closed trades',
    description:
      'Win rate, average win and loss, expectancy, profit factor, max drawdown, Sharpe of daily P&L (New York days), ' +
      'win rate by regime, average R by mode hint, P&L by macro class, duration statistics; and the tuned parameters.',
  })
  @ApiQuery({ name: 'source', required: false, enum: SOURCES, description: 'Default live' })
  @ApiQuery({ name: 'engine', required: false, enum: ENGINES })
  @ApiOkResponse({ description: 'PerformanceReport (docs/performance-feedback.md)' })
  async performance(@Query('source') sourceParam?: string, @Query('engine') engineParam?: string): Promise<unknown> {
    const source = enumParam(sourceParam, 'source', SOURCES) ?? 'live';
    const engine = enumParam(engineParam, 'engine', ENGINES) ?? null;
    const outcomes = (await this.repository.outcomes()).filter(
      (o) => o.source === source && (engine === null || o.engine === engine),
    );
    const report: PerformanceReport = analyzePerformance(outcomes, {
      dayOf: (ms) => nyDate(new Date(ms)),
      startingEquity: this.config.account.paperEquity,
    });
    return toSnakeCase({
      source,
      engine,
      report,
      tuned: await this.tuned.current(),
      asOf: this.clock.now().toISOString(),
    });
  }

  @Get('engines')
  @ApiOperation({
    summary: 'Engine A vs Engine B, real and shadow, side by side',
    description:
      'Trades, win rate, expectancy, P&L and slippage per engine and source, and a paired comparison over the signals ' +
      'both engines traded (mean P&L difference, B better count, sign test p-value).',
  })
  @ApiOkResponse({ description: 'EngineComparison (docs/performance-feedback.md)' })
  async engines(): Promise<unknown> {
    return toSnakeCase({ ...compareEngines(await this.repository.outcomes()), asOf: this.clock.now().toISOString() });
  }

  @Get('agents')
  @ApiOperation({
    summary: 'Per-agent performance (agent_performance)',
    description:
      'Signals voted, approvals, trades attributed to agents that voted for the traded direction, win rate, ' +
      'average win and loss, expectancy, average confidence.',
  })
  @ApiOkResponse({ description: '{ items: agent_performance rows }' })
  async agents(): Promise<{ items: Record<string, unknown>[]; total: number; limit: number; offset: number }> {
    const items = await this.repository.agentPerformanceRows();
    return { items, total: items.length, limit: items.length, offset: 0 };
  }
}
