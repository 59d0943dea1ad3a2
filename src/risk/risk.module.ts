import { Module } from '@nestjs/common';
import { RiskStateRepository } from './risk-state.repository';

@Module({
  providers: [RiskStateRepository],
  exports: [RiskStateRepository],
})
export class RiskModule {}
