import { Module } from '@nestjs/common';
import { BiasModule } from '../bias/bias.module';
import { ExecutionProcessor } from './execution.processor';
import { ExecutionRepository } from './execution.repository';
import { ExecutionService } from './execution.service';
import { OrdersController } from './orders.controller';

@Module({
  imports: [BiasModule],
  controllers: [OrdersController],
  providers: [ExecutionRepository, ExecutionService, ExecutionProcessor],
  exports: [ExecutionService],
})
export class ExecutionModule {}
