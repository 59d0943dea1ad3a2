import { Module } from '@nestjs/common';
import { RealtimeForwarder } from './realtime.forwarder';
import { RealtimeGateway } from './realtime.gateway';
import { RiskSnapshotRepository } from './risk-snapshot.repository';
import { RiskSnapshotService } from './risk-snapshot.service';

/**
 * Socket.IO for the dashboard (docs/realtime.md): the authenticated gateway, the forwarder of domain events, and the
 * risk snapshot. Present in every role: a worker's broadcasts reach the API's clients through the Redis adapter
 * (RedisIoAdapter, installed in create-app.ts).
 */
@Module({
  providers: [RealtimeGateway, RealtimeForwarder, RiskSnapshotRepository, RiskSnapshotService],
  exports: [RealtimeGateway],
})
export class RealtimeModule {}
