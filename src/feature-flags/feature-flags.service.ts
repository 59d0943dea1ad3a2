import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config';
import { featureFlagsFromConfig } from './feature-flag-defaults';
import {
  FeatureFlagsRepository,
  FlagActorKind,
  FlagAuditRow,
  FlagChangeResult,
  SEEDING_ACTORS,
} from './feature-flags.repository';

/** The kill switch row: when enabled, no new entry is taken anywhere (changed through POST /admin/kill-switch). */
export const KILL_SWITCH_FLAG = 'kill_switch';

const KILL_SWITCH_DESCRIPTION = 'Blocks every new entry on every instance (change it with POST /admin/kill-switch)';

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

/** One flag as the API shows it. */
export interface FeatureFlagView {
  name: string;
  enabled: boolean;
  /** What the environment (or the built-in default) says; the database row wins once someone changed it. */
  environmentValue: boolean;
  description: string | null;
  /** `database`: a person (or the kill switch endpoint) set the row; `environment`: the value is the environment's. */
  source: 'environment' | 'database';
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type SetFlagOutcome =
  | { kind: 'unknown_flag' }
  | { kind: 'kill_switch' }
  | { kind: 'changed'; flag: FeatureFlagView; change: FlagChangeResult };

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

  /** The flags this build knows: one per feature env variable, and the kill switch. */
  knownFlags(): string[] {
    return [...Object.keys(featureFlagsFromConfig(this.config)), KILL_SWITCH_FLAG].sort();
  }

  isKnown(name: string): boolean {
    return this.knownFlags().includes(name);
  }

  async list(): Promise<FeatureFlagView[]> {
    const defaults: Record<string, boolean> = { ...featureFlagsFromConfig(this.config), [KILL_SWITCH_FLAG]: false };
    const rows = new Map((await this.repository.rows()).map((row) => [row.name.toLowerCase(), row]));
    return this.knownFlags().map((name) => {
      const row = rows.get(name);
      const fromDatabase = row !== undefined && !SEEDING_ACTORS.includes(row.updated_by ?? '');
      return {
        name,
        enabled: row ? row.enabled : defaults[name],
        environmentValue: defaults[name],
        description: name === KILL_SWITCH_FLAG ? KILL_SWITCH_DESCRIPTION : (row?.description ?? null),
        source: fromDatabase ? 'database' : 'environment',
        updatedBy: row?.updated_by ?? null,
        updatedAt: row?.updated_at ?? null,
      };
    });
  }

  /** An operator's change of a flag (never the kill switch: it has its own endpoint and its flatten option). */
  async set(
    name: string,
    enabled: boolean,
    actor: { name: string; kind: FlagActorKind },
    reason: string | null,
    at: Date,
  ): Promise<SetFlagOutcome> {
    if (!this.isKnown(name)) {
      return { kind: 'unknown_flag' };
    }
    if (name === KILL_SWITCH_FLAG) {
      return { kind: 'kill_switch' };
    }
    const change = await this.repository.setAudited({
      name,
      enabled,
      actor: actor.name,
      actorKind: actor.kind,
      reason,
      description: null,
      at,
    });
    const flag = (await this.list()).find((view) => view.name === name) as FeatureFlagView;
    return { kind: 'changed', flag, change };
  }

  async audit(
    name: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: FlagAuditRow[]; total: number }> {
    return this.repository.audit(name, limit, offset);
  }

  /** The kill switch's description, written when its row is first created. */
  static readonly killSwitchDescription = KILL_SWITCH_DESCRIPTION;
}
