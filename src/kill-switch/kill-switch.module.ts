import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module';
import { KillSwitchService } from './kill-switch.service';

@Module({
  imports: [PositionsModule],
  providers: [KillSwitchService],
  exports: [KillSwitchService],
})
export class KillSwitchModule {}
