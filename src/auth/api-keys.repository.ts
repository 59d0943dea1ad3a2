import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from './roles';

export interface ApiKeyRow {
  id: string;
  name: string;
  key_prefix: string;
  key_hash: string;
  role: Role;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, key_prefix, key_hash, role, created_by, created_at, last_used_at, revoked_at';

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByPrefix(prefix: string): Promise<ApiKeyRow | null> {
    const rows = await this.dataSource.query<ApiKeyRow[]>(`SELECT ${COLUMNS} FROM api_keys WHERE key_prefix = $1`, [
      prefix,
    ]);
    return rows[0] ?? null;
  }

  async insert(key: {
    name: string;
    prefix: string;
    hash: string;
    role: Role;
    createdBy: string;
    at: Date;
  }): Promise<ApiKeyRow> {
    const rows = await this.dataSource.query<ApiKeyRow[]>(
      `INSERT INTO api_keys (name, key_prefix, key_hash, role, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [key.name, key.prefix, key.hash, key.role, key.createdBy, key.at],
    );
    return rows[0];
  }

  async list(limit: number, offset: number): Promise<{ rows: ApiKeyRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.dataSource.query<ApiKeyRow[]>(
        `SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.dataSource.query<{ total: number }[]>('SELECT count(*)::int AS total FROM api_keys'),
    ]);
    return { rows, total: count[0].total };
  }

  /** The revoked row, or null when there is no such key (revoking twice keeps the first time). */
  async revoke(id: string, at: Date): Promise<ApiKeyRow | null> {
    const rows = await this.dataSource.query<ApiKeyRow[]>(
      `WITH u AS (UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS})
       SELECT * FROM u`,
      [id, at],
    );
    return rows[0] ?? null;
  }

  /** Recorded at most once a minute per key, so authenticated traffic does not write on every request. */
  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}
