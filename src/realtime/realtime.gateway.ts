import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { tokenFromHeaders } from '../auth/bearer-token';
import type { Principal } from '../auth/roles';
import type { DomainEventPayloads } from '../common/events/domain-events';
import {
  isRealtimeTopic,
  REALTIME_TOPICS,
  RealtimeClientToServer,
  RealtimeEventName,
  RealtimeEvents,
  RealtimeServerToClient,
  RealtimeTopic,
  SubscriptionAck,
  topicOf,
  topicRoom,
} from './realtime-events';

export interface RealtimeSocketData {
  principal: Principal;
  /** Re-checked every REVALIDATE_INTERVAL_MS: an expired token or a revoked key ends the connection. */
  token: string;
}

/** The room of every connection made with one user's tokens or one API key. */
export function principalRoom(principal: Pick<Principal, 'kind' | 'id'>): string {
  return `principal:${principal.kind}:${principal.id}`;
}

/** How often open connections have their tokens checked again (expiry; a safety net for missed revocations). */
export const REVALIDATE_INTERVAL_MS = 60_000;

type RealtimeServer = Server<RealtimeClientToServer, RealtimeServerToClient, Record<string, never>, RealtimeSocketData>;
type RealtimeSocket = Socket<RealtimeClientToServer, RealtimeServerToClient, Record<string, never>, RealtimeSocketData>;

/** A connection refused by the handshake middleware: the client's `connect_error` has this message and `data`. */
export class RealtimeAuthError extends Error {
  constructor(
    message: 'unauthorized' | 'auth_unavailable',
    readonly data: { reason_code: 'unauthorized' | 'auth_unavailable' } = { reason_code: message },
  ) {
    super(message);
  }
}

/** At most this many names in one subscribe/unsubscribe; more are ignored (there are five topics). */
const MAX_NAMES = 20;

/** The token of a handshake: `auth: { token }`, else `Authorization: Bearer <token>` (or `X-API-Key`). */
export function handshakeToken(handshake: {
  auth?: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}): string | null {
  const token = handshake.auth?.token;
  if (typeof token === 'string' && token.trim() !== '') {
    return token.trim().replace(/^Bearer\s+/i, '');
  }
  return tokenFromHeaders(handshake.headers);
}

/**
 * The Socket.IO gateway on the default namespace (docs/realtime.md). Every connection proves a JWT or an API key in
 * its handshake (any role may watch); a client joins topic rooms with `subscribe` and leaves them with `unsubscribe`.
 * RealtimeForwarder broadcasts the domain events into the rooms; the Redis adapter carries a broadcast made in any
 * process of the deployment to the clients of every other one.
 */
@WebSocketGateway({ serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);

  @WebSocketServer()
  server: RealtimeServer | undefined;

  private revalidateTimer: NodeJS.Timeout | undefined;

  constructor(private readonly auth: AuthService) {}

  afterInit(server: RealtimeServer): void {
    this.revalidateTimer = setInterval(() => void this.revalidate(), REVALIDATE_INTERVAL_MS);
    this.revalidateTimer.unref();
    server.use((socket, next) => {
      void this.authenticate(socket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const principal = socket.data.principal;
    await socket.join(principalRoom(principal));
    this.logger.debug(`connected ${socket.id} (${principal.kind} ${principal.name}, ${principal.role})`);
  }

  handleDisconnect(socket: RealtimeSocket): void {
    this.logger.debug(`disconnected ${socket.id}`);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<SubscriptionAck> {
    const { topics, errors } = parseTopics(body);
    await socket.join(topics.map(topicRoom));
    return { topics: currentTopics(socket), errors };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<SubscriptionAck> {
    const { topics, errors } = parseTopics(body);
    for (const topic of topics) {
      await socket.leave(topicRoom(topic));
    }
    return { topics: currentTopics(socket), errors };
  }

  /**
   * A key revoked or a user disabled in any process: its connections end now, on every instance (the Redis adapter
   * carries the disconnect), not at the next revalidation.
   */
  @OnEvent('auth.access_revoked')
  onAccessRevoked(event: DomainEventPayloads['auth.access_revoked']): void {
    try {
      this.server?.in(principalRoom(event)).disconnectSockets(true);
    } catch (error) {
      // The periodic revalidation still ends these connections.
      this.logger.warn(`realtime disconnect of revoked access failed: ${(error as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.revalidateTimer);
  }

  /**
   * Checks the token of every connection of this process again and disconnects those whose token expired, whose key
   * was revoked or whose user was disabled since the handshake. Returns how many were disconnected. When the check
   * itself fails (database down) connections are kept: the next pass decides.
   */
  async revalidate(): Promise<number> {
    const sockets = [...(this.server?.sockets.sockets.values() ?? [])];
    let dropped = 0;
    for (const socket of sockets) {
      let principal: Principal | null;
      try {
        principal = await this.auth.authenticate(socket.data.token);
      } catch (error) {
        this.logger.warn(`realtime revalidation skipped: ${(error as Error).message}`);
        return dropped;
      }
      if (!principal) {
        socket.disconnect(true);
        dropped += 1;
      } else {
        socket.data.principal = principal;
      }
    }
    return dropped;
  }

  /** Sends an event to the clients subscribed to its topic, in this process and (through Redis) every other. */
  broadcast<N extends RealtimeEventName>(name: N, payload: RealtimeEvents[N]): void {
    if (!this.server) {
      return; // Not initialised yet (events during boot) or already closed.
    }
    const room = this.server.to(topicRoom(topicOf(name)));
    // The generic name defeats socket.io's per-event typing; the event map above is what clients receive.
    (room.emit as (event: string, data: unknown) => boolean)(name, payload);
  }

  private async authenticate(socket: RealtimeSocket): Promise<void> {
    const token = handshakeToken(socket.handshake);
    if (token === null) {
      throw new RealtimeAuthError('unauthorized');
    }
    let principal: Principal | null;
    try {
      principal = await this.auth.authenticate(token);
    } catch (error) {
      this.logger.warn(`realtime handshake: authentication failed: ${(error as Error).message}`);
      throw new RealtimeAuthError('auth_unavailable');
    }
    if (!principal) {
      throw new RealtimeAuthError('unauthorized');
    }
    socket.data.principal = principal;
    socket.data.token = token;
  }
}

function parseTopics(body: unknown): { topics: RealtimeTopic[]; errors: SubscriptionAck['errors'] } {
  const names: unknown[] = Array.isArray(body) ? body.flat().slice(0, MAX_NAMES) : [body];
  const topics = new Set<RealtimeTopic>();
  const errors: SubscriptionAck['errors'] = [];
  for (const name of names) {
    if (isRealtimeTopic(name)) {
      topics.add(name);
    } else {
      errors.push({ topic: describe(name), reason_code: 'unknown_topic' });
    }
  }
  return { topics: [...topics], errors };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.slice(0, 64);
}

function currentTopics(socket: RealtimeSocket): RealtimeTopic[] {
  return REALTIME_TOPICS.filter((topic) => socket.rooms.has(topicRoom(topic)));
}
