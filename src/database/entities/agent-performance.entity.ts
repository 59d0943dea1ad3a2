import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Running statistics per Engine B agent; agent_name is the key. */
@Entity({ name: 'agent_performance' })
@Check('chk_agent_performance_win_rate', `"win_rate" BETWEEN 0 AND 100`)
export class AgentPerformance {
  @PrimaryColumn({ name: 'agent_name', type: 'varchar', length: 50, primaryKeyConstraintName: 'pk_agent_performance' })
  agentName: string;

  @Column({ name: 'total_signals', type: 'integer', default: 0 })
  totalSignals: number;

  @Column({ name: 'approved_signals', type: 'integer', default: 0 })
  approvedSignals: number;

  @Column({ name: 'rejected_signals', type: 'integer', default: 0 })
  rejectedSignals: number;

  /** Closed trades the agent contributed to (the base of win_rate, avg_win, avg_loss). */
  @Column({ name: 'total_trades', type: 'integer', default: 0 })
  totalTrades: number;

  @Column({ name: 'winning_trades', type: 'integer', default: 0 })
  winningTrades: number;

  @Column({ name: 'losing_trades', type: 'integer', default: 0 })
  losingTrades: number;

  @Column({ name: 'avg_confidence', type: 'numeric', precision: 5, scale: 2, nullable: true })
  avgConfidence: string | null;

  /** Percent, 0-100. */
  @Column({ name: 'win_rate', type: 'numeric', precision: 5, scale: 2, nullable: true })
  winRate: string | null;

  @Column({ name: 'avg_win', type: 'numeric', precision: 10, scale: 2, nullable: true })
  avgWin: string | null;

  @Column({ name: 'avg_loss', type: 'numeric', precision: 10, scale: 2, nullable: true })
  avgLoss: string | null;

  /** Expected P&L per trade, dollars. */
  @Column({ name: 'expectancy', type: 'numeric', precision: 10, scale: 2, nullable: true })
  expectancy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
