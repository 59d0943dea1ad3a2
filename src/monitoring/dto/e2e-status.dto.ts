import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProcessInfoDto {
  @ApiProperty({ enum: ['all', 'api', 'worker'], example: 'all' }) role: string;
  @ApiProperty({ type: [String], example: ['signals', 'decisions', 'executions'], description: 'Queues consumed here' })
  consumes: string[];
}

export class DependencyStatusDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status: string;
  @ApiPropertyOptional({ example: 1.2, nullable: true }) latency_ms: number | null;
  @ApiPropertyOptional({ example: null, nullable: true }) error: string | null;
}

export class QueueStatusDto {
  @ApiProperty({ example: 'signals' }) name: string;
  @ApiProperty({ example: true, description: 'This process runs a worker for the queue' }) consumed_here: boolean;
  @ApiProperty({ example: 1, description: 'Workers connected for the queue, from every process' }) workers: number;
  @ApiProperty({ example: 0 }) waiting: number;
  @ApiProperty({ example: 0 }) active: number;
  @ApiProperty({ example: 0 }) delayed: number;
  @ApiProperty({ example: 0 }) failed: number;
  @ApiProperty({ example: 12 }) completed: number;
}

export class ProviderHealthDto {
  @ApiProperty({ example: 'simulated' }) provider: string;
  @ApiProperty({ enum: ['closed', 'open', 'half_open'], example: 'closed', description: 'Circuit breaker state' })
  state: string;
  @ApiProperty({ example: 0 }) failures: number;
  @ApiPropertyOptional({ nullable: true }) last_error: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-02-17T15:29:58.000Z' }) last_success_at: string | null;
}

export class MarketDataStatusDto {
  @ApiProperty({ type: [String], example: ['alpaca', 'webhook'] }) chain: string[];
  @ApiProperty({ type: [ProviderHealthDto] }) providers: ProviderHealthDto[];
}

export class LastActivityDto {
  @ApiPropertyOptional({ nullable: true, example: '2026-02-17T15:29:00.000Z' }) signal_received_at: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Last signal approved or rejected' }) decision_at: string | null;
  @ApiPropertyOptional({ nullable: true }) fill_at: string | null;
  @ApiPropertyOptional({ nullable: true }) position_mark_at: string | null;
  @ApiPropertyOptional({ nullable: true }) webhook_event_at: string | null;
}

export class StuckCountsDto {
  @ApiProperty({ example: 30, description: 'OUTBOX_GRACE_SECONDS: older rows count as stuck' }) grace_seconds: number;
  @ApiProperty({ example: 0 }) pending_signals: number;
  @ApiProperty({ example: 0, description: 'Signals held for the open whose time has come' }) due_queued_signals: number;
  @ApiProperty({ example: 0, description: 'Orders still pending_execution' }) pending_orders: number;
  @ApiProperty({ example: 0 }) closing_positions: number;
}

export class KillSwitchSummaryDto {
  @ApiProperty({ example: false }) engaged: boolean;
  @ApiPropertyOptional({ nullable: true }) updated_by: string | null;
  @ApiPropertyOptional({ nullable: true }) updated_at: string | null;
}

export class E2eStatusDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'], example: 'ok' }) status: string;
  @ApiProperty({
    type: [String],
    example: [],
    description:
      'Why not ok: database_down, redis_down, no_workers:<queue>, stuck_signals, stuck_orders, ' +
      'stuck_closing_positions, market_data_provider_<open|half_open>:<provider>, kill_switch_engaged',
  })
  reasons: string[];
  @ApiProperty({ example: '2026-02-17T15:30:00.000Z' }) checked_at: string;
  @ApiProperty({ type: ProcessInfoDto }) process: ProcessInfoDto;
  @ApiProperty({ type: DependencyStatusDto }) database: DependencyStatusDto;
  @ApiProperty({ type: DependencyStatusDto }) redis: DependencyStatusDto;
  @ApiProperty({ type: [QueueStatusDto], description: 'Empty while Redis is down' }) queues: QueueStatusDto[];
  @ApiProperty({ type: MarketDataStatusDto }) market_data: MarketDataStatusDto;
  @ApiPropertyOptional({ type: LastActivityDto, nullable: true, description: 'null while the database is down' })
  last_activity: LastActivityDto | null;
  @ApiPropertyOptional({ type: StuckCountsDto, nullable: true }) stuck: StuckCountsDto | null;
  @ApiPropertyOptional({ type: KillSwitchSummaryDto, nullable: true }) kill_switch: KillSwitchSummaryDto | null;
}
