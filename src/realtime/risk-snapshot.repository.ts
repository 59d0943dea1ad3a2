import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KILL_SWITCH_FLAG } from '../feature-flags/feature-flags.service';

export interface RiskSnapshotRow {
  open_positions: number;
  exposure: string;
  unrealized_pnl: string;
  realized_pnl_today: string;
  kill_switch: boolean;
}

/** The book in one statement (one snapshot): open and closing positions, today's realized P&L, the kill switch. */
@Injectable()
export class RiskSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** @param dayStart midnight New York of the current day. */
  async load(dayStart: Date): Promise<RiskSnapshotRow> {
    const rows = await this.dataSource.query<RiskSnapshotRow[]>(
      `SELECT COUNT(*) FILTER (WHERE status IN ('open', 'closing'))::int AS open_positions,
              COALESCE(SUM(entry_price * quantity * 100) FILTER (WHERE status IN ('open', 'closing')), 0)
                ::numeric(16, 2)::text AS exposure,
              COALESCE(SUM(unrealized_pnl) FILTER (WHERE status IN ('open', 'closing')), 0)
                ::numeric(16, 2)::text AS unrealized_pnl,
              COALESCE(SUM(realized_pnl) FILTER (WHERE exit_timestamp >= $1), 0)::numeric(16, 2)::text
                AS realized_pnl_today,
              COALESCE((SELECT enabled FROM feature_flags WHERE name = $2), false) AS kill_switch
         FROM positions
        WHERE status IN ('open', 'closing') OR exit_timestamp >= $1`,
      [dayStart, KILL_SWITCH_FLAG],
    );
    return rows[0];
  }
}
