import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config';
import { featureFlagsFromConfig } from './feature-flag-defaults';
import { FeatureFlagsRepository } from './feature-flags.repository';

/** The kill switch row: when enabled, no new entry is taken anywhere (its endpoint comes with the API). */
export const KILL_SWITCH_FLAG = 'kill_switch';

/** Flags as one read at one instant: lowercase env names (`enable_variant_b`) and `kill_switch`. */
export class FlagSnapshot {
  constructor(private readonly values: Readonly<Record<string, boolean>>) {}

  /** Accepts the env form too (`ENABLE_ORB_SPECIALIST`). Unknown flags are off. */
  enabled(name: string): boolean {
    return this.values[name.toLowerCase()] ?? false;
  }

  toJSON(): Record<string, boolean> {
    return { ...this.values };
  }
}

/**
 * Reads the `feature_flags` table on every call (one small query): the database row wins over the environment, so a
 * flag flipped by an operator, the kill switch above all, applies to the next decision on every instance.
 */
@Injectable()
export class FeatureFlagsService {
  constructor(
    private readonly repository: FeatureFlagsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async snapshot(): Promise<FlagSnapshot> {
    const rows = await this.repository.all();
    const values: Record<string, boolean> = { ...featureFlagsFromConfig(this.config), [KILL_SWITCH_FLAG]: false };
    for (const row of rows) {
      values[row.name.toLowerCase()] = row.enabled;
    }
    return new FlagSnapshot(values);
  }
}
