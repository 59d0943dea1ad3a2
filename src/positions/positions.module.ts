import { Module } from '@nestjs/common';
import { BiasModule } from '../bias/bias.module';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { ExitConfigModule } from '../exit-config/exit-config.module';
import { ShadowModule } from '../shadow/shadow.module';
import { ExpirySettlement } from './expiry-settlement.service';
import { PositionCloser } from './position-closer.service';
import { PositionMonitor } from './position-monitor.service';
import { PositionsController } from './positions.controller';
import { PositionsRepository } from './positions.repository';
import { PositionsViewRepository } from './positions-view.repository';

@Module({
  imports: [BiasModule, ExitConfigModule, FeatureFlagsModule, ShadowModule],
  controllers: [PositionsController],
  providers: [PositionsRepository, PositionsViewRepository, PositionCloser, PositionMonitor, ExpirySettlement],
  exports: [PositionCloser, PositionMonitor, ExpirySettlement],
})
export class PositionsModule {}
