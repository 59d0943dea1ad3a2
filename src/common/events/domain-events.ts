import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

/**
 * Domain events (DESIGN.md): processors publish, the realtime gateway and alerting subscribe. Names are
 * `<topic>.<event>`; payloads carry ids and the few fields a dashboard shows. Emitted after the commit.
 */
export interface DomainEventPayloads {
  /** A new signal stored as accepted by the webhook (not for duplicates or rejections). */
  'signals.accepted': {
    signalId: string;
    symbol: string;
    direction: 'long' | 'short' | null;
    timeframe: string;
    requestId: string;
    at: string;
  };
  'signals.enriched': { signalId: string; symbol: string; outcome: string; at: string };
  'signals.queued': { signalId: string; symbol: string; until: string; at: string };
  'signals.decided': {
    signalId: string;
    symbol: string;
    status: 'approved' | 'rejected';
    reason: string | null;
    decisionOnly: boolean;
    orderIds: string[];
    at: string;
  };
  'market.updated': { symbol: string; kind: 'price' | 'chain' };
  'system.kill_switch': {
    engaged: boolean;
    by: string;
    reason: string | null;
    flattened: { positionId: string; outcome: string }[];
    at: string;
  };
  /** A user disabled or an API key revoked: realtime connections made with it end at once, in every process. */
  'auth.access_revoked': { kind: 'user' | 'api_key'; id: string; at: string };
  'jobs.finished': { queue: string; jobName: string; ms: number; outcome: 'completed' | 'failed' | 'delayed' };
  'jobs.failed': { queue: string; jobName: string; jobId: string; attempts: number; error: string };
  'orders.filled': {
    orderId: string;
    tradeId: string;
    intent: 'open' | 'close';
    positionId: string;
    price: string;
    quantity: number;
    at: string;
  };
  'orders.failed': { orderId: string; reason: string; at: string };
  'positions.opened': { positionId: string; symbol: string; optionSymbol: string; quantity: number; at: string };
  'positions.marked': { positionId: string; currentPrice: string; unrealizedPnl: string; at: string };
  'positions.closing': { positionId: string; reason: string; quantity: number; orderId: string; at: string };
  'positions.closed': { positionId: string; realizedPnl: string; reason: string | null; at: string };
  'orders.created': { orderId: string; signalId: string; at: string };
  /** Open positions, exposure and P&L after a position change (src/realtime/risk-snapshot.service.ts). */
  'risk.snapshot': {
    openPositions: number;
    /** Sum of entry_price * quantity * 100 over open and closing positions, a decimal string. */
    exposure: string;
    unrealizedPnl: string;
    /** Realized P&L of positions closed since midnight New York. */
    realizedPnlToday: string;
    killSwitch: boolean;
    at: string;
  };
}

export type DomainEventName = keyof DomainEventPayloads;

@Injectable()
export class DomainEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  emit<N extends DomainEventName>(name: N, payload: DomainEventPayloads[N]): void {
    // A failing subscriber must never fail the processor that published.
    try {
      this.emitter.emit(name, payload);
    } catch {
      /* subscribers log their own errors */
    }
  }
}
