import { Module } from '@nestjs/common';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { PositionsModule } from '../positions/positions.module';
import { KillSwitchController } from './kill-switch.controller';
import { KillSwitchService } from './kill-switch.service';

@Module({
  imports: [PositionsModule, FeatureFlagsModule],
  controllers: [KillSwitchController],
  providers: [KillSwitchService],
  exports: [KillSwitchService],
})
export class KillSwitchModule {}
