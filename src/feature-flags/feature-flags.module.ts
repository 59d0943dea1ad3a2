import { Module } from '@nestjs/common';
import { FeatureFlagsController } from './feature-flags.controller';
import { FeatureFlagsRepository } from './feature-flags.repository';
import { FeatureFlagsSeeder } from './feature-flags.seeder';
import { FeatureFlagsService } from './feature-flags.service';

@Module({
  controllers: [FeatureFlagsController],
  providers: [FeatureFlagsRepository, FeatureFlagsSeeder, FeatureFlagsService],
  exports: [FeatureFlagsRepository, FeatureFlagsService],
})
export class FeatureFlagsModule {}
