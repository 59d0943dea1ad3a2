import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, APP_CONFIG } from '../config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue.contract';
import { QueueService } from './queue.service';
import { bullConnectionFromUrl } from './redis-options';
import { RedisStatusService } from './redis-status.service';
import { WorkerRegistryService } from './worker-registry.service';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: bullConnectionFromUrl(config.redis.url),
        prefix: config.redis.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [RedisStatusService, QueueService, WorkerRegistryService],
  exports: [BullModule, RedisStatusService, QueueService, WorkerRegistryService],
})
export class QueuesModule {}
