import { Module } from '@nestjs/common';
import { FeatureFlagsRepository } from './feature-flags.repository';
import { FeatureFlagsSeeder } from './feature-flags.seeder';

@Module({
  providers: [FeatureFlagsRepository, FeatureFlagsSeeder],
  exports: [FeatureFlagsRepository],
})
export class FeatureFlagsModule {}
