import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
      `INSERT INTO feature_flags (name, enabled, description, updated_at, updated_by)
       SELECT name, enabled, NULL, $3, 'environment' FROM unnest($1::text[], $2::boolean[]) AS t(name, enabled)
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
}
