import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { featureFlagsFromConfig } from './feature-flag-defaults';
import { FeatureFlagsRepository } from './feature-flags.repository';

/** The environment seeds feature_flags at first boot; afterwards the database row wins (DESIGN.md). */
@Injectable()
export class FeatureFlagsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(FeatureFlagsSeeder.name);

  constructor(
    private readonly repository: FeatureFlagsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.repository.seedFromEnvironment(featureFlagsFromConfig(this.config), this.clock.now());
    if (seeded > 0) {
      this.logger.log(`Seeded ${seeded} feature flag(s) from the environment`);
    }
  }
}
