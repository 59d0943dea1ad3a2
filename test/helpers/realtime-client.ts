import { io, Socket } from 'socket.io-client';
import type {
  RealtimeClientToServer,
  RealtimeEventName,
  RealtimeEvents,
  RealtimeServerToClient,
  SubscriptionAck,
} from '../../src/realtime/realtime-events';
import { REALTIME_EVENT_NAMES } from '../../src/realtime/realtime-events';

export type RealtimeSocket = Socket<RealtimeServerToClient, RealtimeClientToServer>;

export interface Received<N extends RealtimeEventName = RealtimeEventName> {
  name: N;
  payload: RealtimeEvents[N];
}

/** A connected client (websocket transport, no reconnection), or the `connect_error` it was refused with. */
export function connectRealtime(
  url: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<RealtimeSocket> {
  const socket: RealtimeSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
    auth: options.token === undefined ? {} : { token: options.token },
    extraHeaders: options.headers,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Records every realtime event the socket receives, in order. */
export function recordEvents(socket: RealtimeSocket): Received[] {
  const received: Received[] = [];
  socket.onAny((name: string, payload: unknown) => {
    if ((REALTIME_EVENT_NAMES as string[]).includes(name)) {
      received.push({ name: name as RealtimeEventName, payload: payload as RealtimeEvents[RealtimeEventName] });
    }
  });
  return received;
}

export function subscribe(socket: RealtimeSocket, topics: string | string[]): Promise<SubscriptionAck> {
  return socket.timeout(5_000).emitWithAck('subscribe', topics);
}

export function unsubscribe(socket: RealtimeSocket, topics: string | string[]): Promise<SubscriptionAck> {
  return socket.timeout(5_000).emitWithAck('unsubscribe', topics);
}

/** The payloads of the received events of that name. */
export function payloadsOf<N extends RealtimeEventName>(received: Received[], name: N): RealtimeEvents[N][] {
  return received.filter((event) => event.name === name).map((event) => event.payload as RealtimeEvents[N]);
}
