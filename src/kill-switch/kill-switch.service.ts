import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import type { Clock } from '../core/clock';
import { FeatureFlagsRepository, FlagActorKind } from '../feature-flags/feature-flags.repository';
import { FeatureFlagsService, KILL_SWITCH_FLAG } from '../feature-flags/feature-flags.service';
import { PositionCloser } from '../positions/position-closer.service';

export interface KillSwitchChange {
  engaged: boolean;
  by: string;
  reason: string | null;
  /** Positions asked to close (flatten), with the outcome of each request. */
  flattened: { positionId: string; outcome: string }[];
  at: string;
}

export interface KillSwitchOptions {
  reason?: string;
  flatten?: boolean;
  /** Who `by` is: a logged-in user, an API key, or `system` (scripts, tests). Default system. */
  actorKind?: FlagActorKind;
}

/**
 * The kill switch: a `feature_flags` row every decision reads, so engaging it stops new entries on every instance at
 * the next decision (the kill-switch risk gate for Engine A, the risk agent's veto for Engine B). Optionally
 * flattens every open position through the normal exit path. Who and when are kept on the row (updated_by,
 * updated_at), in `feature_flag_audit` (written in the same statement as the row) and in the `system.kill_switch`
 * event (alerted, and forwarded by the realtime gateway). HTTP: POST /admin/kill-switch (operator role).
 */
@Injectable()
export class KillSwitchService {
  private readonly logger = new Logger(KillSwitchService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly flags: FeatureFlagsRepository,
    private readonly closer: PositionCloser,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async engage(by: string, options: KillSwitchOptions = {}): Promise<KillSwitchChange> {
    return this.set(true, by, options.reason ?? null, options.flatten ?? false, options.actorKind ?? 'system');
  }

  async release(by: string, reason?: string, actorKind: FlagActorKind = 'system'): Promise<KillSwitchChange> {
    return this.set(false, by, reason ?? null, false, actorKind);
  }

  async state(): Promise<{ engaged: boolean; updated_by: string | null; updated_at: Date | null }> {
    const rows = await this.dataSource.query<{ enabled: boolean; updated_by: string | null; updated_at: Date }[]>(
      'SELECT enabled, updated_by, updated_at FROM feature_flags WHERE name = $1',
      [KILL_SWITCH_FLAG],
    );
    return rows[0]
      ? { engaged: rows[0].enabled, updated_by: rows[0].updated_by, updated_at: rows[0].updated_at }
      : { engaged: false, updated_by: null, updated_at: null };
  }

  private async set(
    engaged: boolean,
    by: string,
    reason: string | null,
    flatten: boolean,
    actorKind: FlagActorKind,
  ): Promise<KillSwitchChange> {
    const now = this.clock.now();
    // The flag row and its audit entry in one statement: never one without the other.
    await this.flags.setAudited({
      name: KILL_SWITCH_FLAG,
      enabled: engaged,
      actor: by,
      actorKind,
      reason,
      description: FeatureFlagsService.killSwitchDescription,
      at: now,
    });
    const flattened: KillSwitchChange['flattened'] = [];
    if (engaged && flatten) {
      const open = await this.dataSource.query<{ position_id: string }[]>(
        `SELECT position_id FROM positions WHERE status = 'open' ORDER BY entry_timestamp`,
      );
      for (const { position_id: positionId } of open) {
        const outcome = await this.closer.requestClose(positionId, { reason: 'kill_switch' });
        flattened.push({ positionId, outcome: outcome.kind });
      }
    }
    const change: KillSwitchChange = { engaged, by, reason, flattened, at: now.toISOString() };
    this.logger.warn({ kill_switch: change }, `kill switch ${engaged ? 'ENGAGED' : 'released'} by ${by}`);
    this.events.emit('system.kill_switch', change);
    return change;
  }
}
