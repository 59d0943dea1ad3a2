import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../config';
import { isUuid } from '../http/query-params';

const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * The request id of an HTTP request, and the trace id of what it starts: a client's X-Request-Id when it is a UUID,
 * else a new one. Set back on the request so the error filter, the webhook (which stores it as signals.request_id)
 * and the reply header all carry the same id.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && isUuid(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Structured JSON logs (pino) at LOG_LEVEL; each HTTP request logged once with its id; secrets redacted. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.server.logLevel,
            genReqId: requestIdOf,
            customAttributeKeys: { reqId: 'request_id' },
            autoLogging: { ignore: (req) => QUIET_PATHS.includes((req.url ?? '').split('?')[0]) },
            redact: {
              paths: ['req.headers.authorization', 'req.headers["x-webhook-signature"]', 'req.headers.cookie'],
              censor: '[REDACTED]',
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                // Path tokens are webhook secrets (`/webhook/:token`): never logged.
                url: req.url.startsWith('/webhook/') ? '/webhook/[REDACTED]' : req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
