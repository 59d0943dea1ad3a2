import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config';
import { redisOptionsFromUrl } from '../queues/redis-options';

/** The Redis pub/sub channel prefix of one deployment: its queue prefix, so deployments sharing a Redis never mix. */
export function realtimeChannelKey(queuePrefix: string): string {
  return `${queuePrefix}:socket.io`;
}

/** Socket.IO CORS from CORS_ORIGINS, as for HTTP: none when empty, any origin for `*`. */
export function realtimeCors(origins: string[]): ServerOptions['cors'] {
  if (origins.length === 0) {
    return undefined;
  }
  return origins.includes('*') ? { origin: true, credentials: false } : { origin: origins, credentials: true };
}

const CLOSE_TIMEOUT_MS = 1_000;

/**
 * Socket.IO over the HTTP server with @socket.io/redis-adapter: a broadcast in any process (a ROLE=worker filling an
 * order, a ROLE=api engaging the kill switch) reaches the clients connected to every process of the deployment.
 * Its own two ioredis connections (a subscriber cannot publish). Redis down never breaks the app: a failed publish is
 * logged and dropped (clients catch up through the REST API), the subscriber resubscribes when Redis returns.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly logger = new Logger(RedisIoAdapter.name);
  private clients: Redis[] = [];
  private adapterConstructor: ReturnType<typeof createAdapter> | null = null;
  private lastPublishWarningAt = 0;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      // Clients only send subscribe/unsubscribe: a small frame limit bounds what one connection can make us parse.
      maxHttpBufferSize: 16 * 1024,
      cors: options?.cors ?? realtimeCors(this.config.server.corsOrigins),
    }) as Server;
    server.adapter(this.redisAdapter());
    return server;
  }

  override async dispose(): Promise<void> {
    const clients = this.clients;
    this.clients = [];
    this.adapterConstructor = null;
    await Promise.all(clients.map((client) => closeClient(client)));
  }

  private redisAdapter(): ReturnType<typeof createAdapter> {
    if (this.adapterConstructor) {
      return this.adapterConstructor;
    }
    const base = redisOptionsFromUrl(this.config.redis.url);
    // Publishes give up quickly while Redis is away (events are live updates, not a log); subscriptions wait for it.
    const pub = new Redis({ ...base, maxRetriesPerRequest: 1, connectionName: 'realtime-pub' });
    const sub = new Redis({ ...base, maxRetriesPerRequest: null, connectionName: 'realtime-sub' });
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => this.logger.debug(`realtime Redis: ${error.message}`));
    }
    // The adapter calls these without handling their promises: a rejection (Redis down) must not become unhandled.
    guardRejections(pub, ['publish'], (error) => this.onPublishError(error));
    guardRejections(sub, ['psubscribe', 'subscribe', 'punsubscribe', 'unsubscribe'], (error) =>
      this.logger.debug(`realtime Redis subscription: ${error.message}`),
    );
    this.clients = [pub, sub];
    this.adapterConstructor = createAdapter(pub, sub, { key: realtimeChannelKey(this.config.redis.queuePrefix) });
    return this.adapterConstructor;
  }

  private onPublishError(error: Error): void {
    const now = Date.now();
    if (now - this.lastPublishWarningAt >= 60_000) {
      this.lastPublishWarningAt = now;
      this.logger.warn(`realtime event not published to other instances (Redis): ${error.message}`);
    }
  }
}

/** Wraps methods so a rejected command promise always has a handler; callers awaiting it still see the error. */
function guardRejections(client: Redis, methods: string[], onError: (error: Error) => void): void {
  const target = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = target[method].bind(client);
    target[method] = (...args: unknown[]) => {
      const result = original(...args);
      if (result instanceof Promise) {
        result.catch((error: Error) => onError(error));
      }
      return result;
    };
  }
}

async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'end') {
    return;
  }
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.quit().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  client.disconnect();
}
