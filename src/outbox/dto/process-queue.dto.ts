import { ApiProperty } from '@nestjs/swagger';

export class ReOfferedDto {
  @ApiProperty({ example: 2, description: 'Pending (or due queued) signals put back on the signal queues' })
  signals: number;
  @ApiProperty({ example: 1, description: 'pending_execution orders put back on the execution queue' }) orders: number;
  @ApiProperty({ example: 0, description: 'Closed positions whose outcome was not captured (feedback queue)' })
  outcomes: number;
}

export class QueueDepthDto {
  @ApiProperty({ example: 'signals' }) queue: string;
  @ApiProperty({ example: 0 }) waiting: number;
  @ApiProperty({ example: 0 }) active: number;
  @ApiProperty({ example: 0 }) delayed: number;
  @ApiProperty({ example: 0 }) failed: number;
}

export class TriggeredByDto {
  @ApiProperty({ enum: ['cron_secret', 'user', 'api_key'], example: 'cron_secret' }) kind: string;
  @ApiProperty({ example: 'cron' }) name: string;
}

export class ProcessQueueResultDto {
  @ApiProperty({ type: TriggeredByDto }) triggered_by: TriggeredByDto;
  @ApiProperty({ type: ReOfferedDto }) re_offered: ReOfferedDto;
  @ApiProperty({ type: [QueueDepthDto], description: 'Queue depths after the sweep' }) queues: QueueDepthDto[];
  @ApiProperty({ example: '2026-02-17T15:30:00.000Z' }) at: string;
}
