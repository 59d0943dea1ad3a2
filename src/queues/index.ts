export * from './job-handler.decorator';
export * from './queue.contract';
export * from './queue.service';
export * from './queues.module';
export * from './redis-status.service';
