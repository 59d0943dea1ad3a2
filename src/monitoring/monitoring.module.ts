import { Module } from '@nestjs/common';
import { KillSwitchModule } from '../kill-switch/kill-switch.module';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

/** GET /monitoring/e2e. QueueService, RedisStatusService and MarketDataService come from global modules. */
@Module({
  imports: [KillSwitchModule],
  controllers: [MonitoringController],
  providers: [MonitoringRepository, MonitoringService],
  exports: [MonitoringService],
})
export class MonitoringModule {}
