import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from './roles';

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  disabled: boolean;
  created_by: string | null;
  created_at: Date;
  last_login_at: Date | null;
}

const COLUMNS = 'id, username, password_hash, role, disabled, created_by, created_at, last_login_at';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserRow | null> {
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT ${COLUMNS} FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<UserRow | null> {
    const rows = await this.dataSource.query<UserRow[]>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The new row, or null when the username is taken (case-insensitively). */
  async insert(user: {
    username: string;
    passwordHash: string;
    role: Role;
    createdBy: string | null;
    at: Date;
  }): Promise<UserRow | null> {
    const rows = await this.dataSource.query<UserRow[]>(
      `INSERT INTO users (username, password_hash, role, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (lower(username)) DO NOTHING
       RETURNING ${COLUMNS}`,
      [user.username, user.passwordHash, user.role, user.createdBy, user.at],
    );
    return rows[0] ?? null;
  }

  async list(limit: number, offset: number): Promise<{ rows: UserRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.dataSource.query<UserRow[]>(`SELECT ${COLUMNS} FROM users ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`, [
        limit,
        offset,
      ]),
      this.dataSource.query<{ total: number }[]>('SELECT count(*)::int AS total FROM users'),
    ]);
    return { rows, total: count[0].total };
  }

  async update(
    id: string,
    changes: { role?: Role; disabled?: boolean; passwordHash?: string },
    at: Date,
  ): Promise<UserRow | null> {
    const rows = await this.dataSource.query<UserRow[]>(
      `WITH u AS (
         UPDATE users SET role = COALESCE($2, role), disabled = COALESCE($3, disabled),
                password_hash = COALESCE($4, password_hash), updated_at = $5
          WHERE id = $1 RETURNING ${COLUMNS}
       ) SELECT * FROM u`,
      [id, changes.role ?? null, changes.disabled ?? null, changes.passwordHash ?? null, at],
    );
    return rows[0] ?? null;
  }

  async touchLogin(id: string, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [id, at]);
  }
}
