import { Module } from '@nestjs/common';
import { FeatureFlagsRepository } from './feature-flags.repository';
import { FeatureFlagsSeeder } from './feature-flags.seeder';
import { FeatureFlagsService } from './feature-flags.service';

@Module({
  providers: [FeatureFlagsRepository, FeatureFlagsSeeder, FeatureFlagsService],
  exports: [FeatureFlagsRepository, FeatureFlagsService],
})
export class FeatureFlagsModule {}
