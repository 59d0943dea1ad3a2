import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Who changed a flag: a principal's kind (`user`, `api_key`) or `system` (code, scripts, tests). */
export type FlagActorKind = 'user' | 'api_key' | 'system';

export interface FlagChange {
  name: string;
  enabled: boolean;
  actor: string;
  actorKind: FlagActorKind;
  reason: string | null;
  /** Written when the row does not exist yet; an existing row keeps its description. */
  description: string | null;
  at: Date;
}

export interface FlagChangeResult {
  auditId: string;
  oldValue: boolean | null;
  newValue: boolean;
  changedAt: Date;
}

export interface FeatureFlagRow {
  name: string;
  enabled: boolean;
  description: string | null;
  updated_by: string | null;
  updated_at: Date;
}

export interface FlagAuditRow {
  id: string;
  flag_name: string;
  old_value: boolean | null;
  new_value: boolean;
  actor: string;
  actor_kind: string;
  reason: string | null;
  changed_at: Date;
}

/** Who writes rows that only carry the environment's value (not a decision of a person). */
export const SEEDING_ACTORS: readonly string[] = ['migration', 'environment'];

/*
 * One transaction: lock the current row (its value before the change), upsert the flag, and append the audit row.
 * The flag and its audit entry commit together or not at all.
 */
const LOCK_FLAG = 'SELECT enabled FROM feature_flags WHERE name = $1 FOR UPDATE';
const UPSERT_FLAG_AND_AUDIT = `WITH upsert AS (
  INSERT INTO feature_flags (name, enabled, description, updated_by, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $5)
  ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by,
    updated_at = EXCLUDED.updated_at
  RETURNING enabled
)
INSERT INTO feature_flag_audit (flag_name, old_value, new_value, actor, actor_kind, reason, changed_at)
SELECT $1, $8::boolean, upsert.enabled, $4, $6, $7, $5 FROM upsert
RETURNING id, old_value, new_value, changed_at`;

@Injectable()
export class FeatureFlagsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Sets flags from the environment, but only rows nobody has changed since the migration seeded them:
   * after the first boot the database row wins. Flags missing from the table are inserted.
   */
  async seedFromEnvironment(values: Record<string, boolean>, now: Date): Promise<number> {
    const names = Object.keys(values);
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO feature_flags (name, enabled, description, created_at, updated_at, updated_by)
       SELECT name, enabled, NULL, $3, $3, 'environment' FROM unnest($1::text[], $2::boolean[]) AS t(name, enabled)
       ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at,
         updated_by = 'environment'
       WHERE feature_flags.updated_by = 'migration'
       RETURNING name`,
      [names, names.map((name) => values[name]), now],
    );
    return rows.length;
  }

  async all(): Promise<{ name: string; enabled: boolean; updated_by: string | null }[]> {
    return this.dataSource.query('SELECT name, enabled, updated_by FROM feature_flags ORDER BY name');
  }

  async rows(): Promise<FeatureFlagRow[]> {
    return this.dataSource.query(
      'SELECT name, enabled, description, updated_by, updated_at FROM feature_flags ORDER BY name',
    );
  }

  /** Sets a flag (inserting its row when missing) and records the change in feature_flag_audit, atomically. */
  async setAudited(change: FlagChange): Promise<FlagChangeResult> {
    const row = await this.dataSource.transaction(async (tx) => {
      const current = await tx.query<{ enabled: boolean }[]>(LOCK_FLAG, [change.name]);
      const [inserted] = await tx.query<
        { id: string; old_value: boolean | null; new_value: boolean; changed_at: Date }[]
      >(UPSERT_FLAG_AND_AUDIT, [
        change.name,
        change.enabled,
        change.description,
        change.actor.slice(0, 100),
        change.at,
        change.actorKind,
        change.reason,
        current[0]?.enabled ?? null,
      ]);
      return inserted;
    });
    return { auditId: row.id, oldValue: row.old_value, newValue: row.new_value, changedAt: row.changed_at };
  }

  /** Audit entries, newest first; `name` filters to one flag. */
  async audit(
    name: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: FlagAuditRow[]; total: number }> {
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<FlagAuditRow[]>(
        `SELECT id, flag_name, old_value, new_value, actor, actor_kind, reason, changed_at FROM feature_flag_audit
          WHERE ($1::text IS NULL OR flag_name = $1) ORDER BY changed_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [name ?? null, limit, offset],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT COUNT(*)::int AS total FROM feature_flag_audit WHERE ($1::text IS NULL OR flag_name = $1)`,
        [name ?? null],
      ),
    ]);
    return { items, total };
  }
}
