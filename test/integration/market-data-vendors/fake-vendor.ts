import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer of a fake vendor. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless a string. */
  body?: unknown;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

type Route = (request: RecordedRequest) => FakeReply | undefined;

/**
 * A local HTTP server (127.0.0.1, ephemeral port) standing in for a market data vendor: routes by path, answers
 * queued replies first (`queue`), records every request. No test reaches the internet.
 */
export class FakeVendor {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly queues = new Map<string, FakeReply[]>();
  private server: Server | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Always answer `reply` (or what the function returns) on `path`. */
  on(path: string, reply: FakeReply | Route): this {
    this.routes.set(path, typeof reply === 'function' ? reply : () => reply);
    return this;
  }

  /** Answer these replies, in order, before falling back to the route of `path`. */
  queue(path: string, ...replies: FakeReply[]): this {
    this.queues.set(path, [...(this.queues.get(path) ?? []), ...replies]);
    return this;
  }

  hits(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
      };
      this.requests.push(recorded);
      const queued = this.queues.get(url.pathname);
      const reply = (queued && queued.shift()) ??
        this.routes.get(url.pathname)?.(recorded) ?? { status: 404, body: { message: 'not found' } };
      const send = (): void => {
        const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', ...reply.headers });
        res.end(body);
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!res.destroyed) {
            send();
          }
        }, reply.delayMs);
        this.timers.add(timer);
      } else {
        send();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    const server = this.server;
    if (!server) {
      return;
    }
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }
}
