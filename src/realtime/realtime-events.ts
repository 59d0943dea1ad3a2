import type { DomainEventPayloads } from '../common/events/domain-events';

/**
 * The Socket.IO contract (docs/realtime.md): topics a client subscribes to, and every event it can receive with its
 * payload. Field names are snake_case like the REST API; money and prices are decimal strings; times are ISO 8601.
 * Event names are `<topic>.<event>`, the domain event names: never rename one (clients listen by name).
 */
export const REALTIME_TOPICS = ['signals', 'orders', 'positions', 'risk', 'system'] as const;
export type RealtimeTopic = (typeof REALTIME_TOPICS)[number];

export function isRealtimeTopic(value: unknown): value is RealtimeTopic {
  return typeof value === 'string' && (REALTIME_TOPICS as readonly string[]).includes(value);
}

/** The Socket.IO room of a topic. */
export function topicRoom(topic: RealtimeTopic): string {
  return `topic:${topic}`;
}

export interface SignalAcceptedEvent {
  signal_id: string;
  symbol: string;
  direction: 'long' | 'short' | null;
  timeframe: string;
  /** The webhook request id: the trace id of everything the signal starts (`GET /traces/:id`). */
  request_id: string;
  at: string;
}

export interface SignalEnrichedEvent {
  signal_id: string;
  symbol: string;
  outcome: string;
  at: string;
}

export interface SignalQueuedEvent {
  signal_id: string;
  symbol: string;
  /** When the signal is released (the next session open). */
  until: string;
  at: string;
}

export interface SignalDecidedEvent {
  signal_id: string;
  symbol: string;
  status: 'approved' | 'rejected';
  /** The rejection reason code, null when approved. */
  reason: string | null;
  decision_only: boolean;
  order_ids: string[];
  at: string;
}

export interface OrderCreatedEvent {
  order_id: string;
  signal_id: string;
  at: string;
}

export interface OrderFilledEvent {
  order_id: string;
  trade_id: string;
  intent: 'open' | 'close';
  position_id: string;
  price: string;
  quantity: number;
  at: string;
}

export interface OrderFailedEvent {
  order_id: string;
  reason: string;
  at: string;
}

export interface PositionOpenedEvent {
  position_id: string;
  symbol: string;
  option_symbol: string;
  quantity: number;
  at: string;
}

export interface PositionMarkedEvent {
  position_id: string;
  current_price: string;
  unrealized_pnl: string;
  at: string;
}

export interface PositionClosingEvent {
  position_id: string;
  reason: string;
  quantity: number;
  order_id: string;
  at: string;
}

export interface PositionClosedEvent {
  position_id: string;
  realized_pnl: string;
  reason: string | null;
  at: string;
}

export interface RiskSnapshotEvent {
  /** Open and closing positions. */
  open_positions: number;
  /** Sum of entry_price * quantity * 100 over those positions. */
  exposure: string;
  unrealized_pnl: string;
  /** Realized P&L of positions closed since midnight New York. */
  realized_pnl_today: string;
  kill_switch: boolean;
  at: string;
}

export interface KillSwitchEvent {
  engaged: boolean;
  /** Who changed it (username or API key name). */
  by: string;
  reason: string | null;
  /** Positions asked to close when engaged with flatten. */
  flattened: { position_id: string; outcome: string }[];
  at: string;
}

/** Every event a client can receive: name -> payload. */
export interface RealtimeEvents {
  'signals.accepted': SignalAcceptedEvent;
  'signals.enriched': SignalEnrichedEvent;
  'signals.queued': SignalQueuedEvent;
  'signals.decided': SignalDecidedEvent;
  'orders.created': OrderCreatedEvent;
  'orders.filled': OrderFilledEvent;
  'orders.failed': OrderFailedEvent;
  'positions.opened': PositionOpenedEvent;
  'positions.marked': PositionMarkedEvent;
  'positions.closing': PositionClosingEvent;
  'positions.closed': PositionClosedEvent;
  'risk.snapshot': RiskSnapshotEvent;
  'system.kill_switch': KillSwitchEvent;
}

export type RealtimeEventName = keyof RealtimeEvents;

/** The topic of an event: the part of its name before the dot. */
export function topicOf(name: RealtimeEventName): RealtimeTopic {
  return name.slice(0, name.indexOf('.')) as RealtimeTopic;
}

/** Forwarded domain events are exactly the realtime ones (market.*, jobs.* stay internal). */
type Mappers = { [N in RealtimeEventName]: (payload: DomainEventPayloads[N]) => RealtimeEvents[N] };

/** Domain payload (camelCase, internal) -> client payload (snake_case): one mapper per forwarded event. */
export const TO_REALTIME: Mappers = {
  'signals.accepted': (e) => ({
    signal_id: e.signalId,
    symbol: e.symbol,
    direction: e.direction,
    timeframe: e.timeframe,
    request_id: e.requestId,
    at: e.at,
  }),
  'signals.enriched': (e) => ({ signal_id: e.signalId, symbol: e.symbol, outcome: e.outcome, at: e.at }),
  'signals.queued': (e) => ({ signal_id: e.signalId, symbol: e.symbol, until: e.until, at: e.at }),
  'signals.decided': (e) => ({
    signal_id: e.signalId,
    symbol: e.symbol,
    status: e.status,
    reason: e.reason,
    decision_only: e.decisionOnly,
    order_ids: [...e.orderIds],
    at: e.at,
  }),
  'orders.created': (e) => ({ order_id: e.orderId, signal_id: e.signalId, at: e.at }),
  'orders.filled': (e) => ({
    order_id: e.orderId,
    trade_id: e.tradeId,
    intent: e.intent,
    position_id: e.positionId,
    price: e.price,
    quantity: e.quantity,
    at: e.at,
  }),
  'orders.failed': (e) => ({ order_id: e.orderId, reason: e.reason, at: e.at }),
  'positions.opened': (e) => ({
    position_id: e.positionId,
    symbol: e.symbol,
    option_symbol: e.optionSymbol,
    quantity: e.quantity,
    at: e.at,
  }),
  'positions.marked': (e) => ({
    position_id: e.positionId,
    current_price: e.currentPrice,
    unrealized_pnl: e.unrealizedPnl,
    at: e.at,
  }),
  'positions.closing': (e) => ({
    position_id: e.positionId,
    reason: e.reason,
    quantity: e.quantity,
    order_id: e.orderId,
    at: e.at,
  }),
  'positions.closed': (e) => ({
    position_id: e.positionId,
    realized_pnl: e.realizedPnl,
    reason: e.reason,
    at: e.at,
  }),
  'risk.snapshot': (e) => ({
    open_positions: e.openPositions,
    exposure: e.exposure,
    unrealized_pnl: e.unrealizedPnl,
    realized_pnl_today: e.realizedPnlToday,
    kill_switch: e.killSwitch,
    at: e.at,
  }),
  'system.kill_switch': (e) => ({
    engaged: e.engaged,
    by: e.by,
    reason: e.reason,
    flattened: e.flattened.map((f) => ({ position_id: f.positionId, outcome: f.outcome })),
    at: e.at,
  }),
};

export const REALTIME_EVENT_NAMES = Object.keys(TO_REALTIME) as RealtimeEventName[];

/** What `subscribe` / `unsubscribe` acknowledge: the socket's topics after the change, and refused names. */
export interface SubscriptionAck {
  topics: RealtimeTopic[];
  errors: { topic: string; reason_code: 'unknown_topic' }[];
}

/** Typed for socket.io-client: `io(url, { auth: { token } }) as Socket<RealtimeServerToClient, RealtimeClientToServer>`. */
export type RealtimeServerToClient = { [N in RealtimeEventName]: (payload: RealtimeEvents[N]) => void };

export interface RealtimeClientToServer {
  subscribe: (topics: string | string[], ack: (result: SubscriptionAck) => void) => void;
  unsubscribe: (topics: string | string[], ack: (result: SubscriptionAck) => void) => void;
}
