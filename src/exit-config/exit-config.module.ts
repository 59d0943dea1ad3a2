import { Module } from '@nestjs/common';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { ExitConfigService } from './exit-config.service';

@Module({
  imports: [FeatureFlagsModule],
  providers: [ExitConfigService],
  exports: [ExitConfigService],
})
export class ExitConfigModule {}
