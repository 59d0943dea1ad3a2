import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import type { Clock } from '../core/clock';
import { JobName, QueueService } from '../queues';

export type CloseOutcome =
  | { kind: 'closing'; orderId: string; quantity: number }
  | { kind: 'not_found' }
  | { kind: 'not_open'; status: string }
  | { kind: 'invalid_quantity'; held: number };

export interface CloseRequest {
  /** Exit rule code, `exit_signal`, `manual`, `capacity`, ... */
  reason: string;
  /** Contracts to close; the whole position when absent. */
  quantity?: number;
  /** The exit alert that asked for it, if any. */
  signalId?: string | null;
  /**
   * An exit tier's partial: its code (the reason) joins `exit_state.takenPartials` in the same statement, so the tier
   * does not fire twice; a failed order takes it out again (ExecutionRepository.reopenPosition) so it can.
   */
  tierPartial?: boolean;
}

/**
 * The one way a position starts closing: open -> closing and its closing order, in ONE statement conditional on the
 * position being open. The exit monitor, an exit alert, a manual close and capacity management may race on one
 * position: exactly one of them gets the row, the others are told it is not open (and a unique index allows one
 * live closing order per position besides).
 */
@Injectable()
export class PositionCloser {
  private readonly logger = new Logger(PositionCloser.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async requestClose(positionId: string, request: CloseRequest): Promise<CloseOutcome> {
    const now = this.clock.now();
    const quantity = request.quantity ?? null;
    const rows = await this.dataSource.query<{ order_id: string; quantity: number }[]>(
      `WITH p AS (
         UPDATE positions SET status = 'closing', closing_quantity = COALESCE($2::int, quantity), exit_reason = $3,
                last_updated = $4,
                exit_state = CASE WHEN $6::boolean
                  THEN jsonb_set(COALESCE(exit_state, '{}'::jsonb), '{takenPartials}',
                                 COALESCE(exit_state->'takenPartials', '[]'::jsonb) || to_jsonb($3::text))
                  ELSE exit_state END
          WHERE position_id = $1 AND status = 'open' AND ($2::int IS NULL OR $2::int <= quantity)
          RETURNING position_id, signal_id, symbol, option_symbol, strike, expiration, type, closing_quantity, engine,
                    experiment_id, trace_id
       )
       INSERT INTO orders (signal_id, position_id, intent, symbol, option_symbol, strike, expiration, type, quantity,
                           order_type, status, engine, experiment_id, exit_reason, created_at, updated_at, trace_id)
       SELECT $5::uuid, position_id, 'close', symbol, option_symbol, strike, expiration, type, closing_quantity,
              'paper', 'pending_execution', engine, experiment_id, $3, $4, $4,
              COALESCE((SELECT request_id FROM signals WHERE signal_id = $5::uuid), p.trace_id)
         FROM p
       RETURNING order_id, quantity`,
      [positionId, quantity, request.reason, now, request.signalId ?? null, request.tierPartial === true],
    );
    if (rows.length === 0) {
      const found = await this.dataSource.query<{ status: string; quantity: number }[]>(
        'SELECT status, quantity FROM positions WHERE position_id = $1',
        [positionId],
      );
      if (found.length === 0) {
        return { kind: 'not_found' };
      }
      if (found[0].status !== 'open') {
        return { kind: 'not_open', status: found[0].status };
      }
      return { kind: 'invalid_quantity', held: found[0].quantity };
    }
    const { order_id: orderId, quantity: closing } = rows[0];
    this.events.emit('positions.closing', {
      positionId,
      reason: request.reason,
      quantity: closing,
      orderId,
      at: now.toISOString(),
    });
    // A failed enqueue is not fatal: the outbox sweep offers pending orders to the execution queue.
    await this.queues
      .enqueue(JobName.ExecuteOrder, { orderId })
      .catch((error: Error) => this.logger.warn(`closing order ${orderId} left to the outbox: ${error.message}`));
    return { kind: 'closing', orderId, quantity: closing };
  }
}
