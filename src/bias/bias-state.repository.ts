import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toJsonb } from '../common/db/pg-safe';
import type { UnifiedBiasState } from '../core/bias';

interface StateRow {
  state: UnifiedBiasState;
}

/** `bias_state_current`: one row per symbol, the UnifiedBiasState as JSONB. Queries only. */
@Injectable()
export class BiasStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `fn` in a transaction holding a per-symbol advisory lock, so concurrent events for one symbol apply one after
   * the other (the lock works before the symbol's first row exists; a row lock would not).
   */
  async withSymbolLock<T>(symbol: string, fn: (tx: BiasStateTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`bias_state:${symbol}`]);
      return fn(new BiasStateTransaction(manager));
    });
  }

  async find(symbol: string): Promise<UnifiedBiasState | null> {
    const rows: StateRow[] = await this.dataSource.query('SELECT state FROM bias_state_current WHERE symbol = $1', [
      symbol,
    ]);
    return rows[0]?.state ?? null;
  }

  /** Newest update first. */
  async list(limit: number, offset: number): Promise<{ states: UnifiedBiasState[]; total: number }> {
    const [rows, counts] = await Promise.all([
      this.dataSource.query<StateRow[]>(
        'SELECT state FROM bias_state_current ORDER BY updated_at DESC, symbol ASC LIMIT $1 OFFSET $2',
        [limit, offset],
      ),
      this.dataSource.query<{ total: number }[]>('SELECT count(*)::int AS total FROM bias_state_current'),
    ]);
    return { states: rows.map((r) => r.state), total: counts[0]?.total ?? 0 };
  }
}

export class BiasStateTransaction {
  constructor(private readonly manager: EntityManager) {}

  async find(symbol: string): Promise<UnifiedBiasState | null> {
    const rows: StateRow[] = await this.manager.query('SELECT state FROM bias_state_current WHERE symbol = $1', [
      symbol,
    ]);
    return rows[0]?.state ?? null;
  }

  async upsert(state: UnifiedBiasState, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO bias_state_current (symbol, state, created_at, updated_at) VALUES ($1, $2::jsonb, $3, $3)
       ON CONFLICT (symbol) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [state.symbol, toJsonb(state), at],
    );
  }
}
