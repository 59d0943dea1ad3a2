import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AppModule, AppModuleOptions } from '../app.module';
import { HttpExceptionFilter } from '../common/http/http-exception.filter';
import { isRawBodyPath } from '../common/http/raw-body';
import type { AppConfig } from '../config';
import type { Clock } from '../core/clock';
import { prepareDatabase } from '../database/prepare-database';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { Logger as PinoLogger } from 'nestjs-pino';
import { setupSwagger } from './swagger';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function nestLogLevels(level: string): LogLevel[] | false {
  const map: Record<string, LogLevel> = {
    fatal: 'fatal',
    error: 'error',
    warn: 'warn',
    info: 'log',
    debug: 'debug',
    trace: 'verbose',
  };
  if (level === 'silent') {
    return false;
  }
  const threshold = LEVELS.indexOf(map[level] ?? 'log');
  return LEVELS.slice(0, threshold + 1);
}

/** JSON bodies for every route except those that read their raw body (webhooks). */
function skipRawBodyPaths(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    isRawBodyPath(req.url) ? next() : parser(req, res, next);
}

export interface CreateAppOptions {
  clock?: Clock;
  extraModules?: AppModuleOptions['extraModules'];
}

/** The configured application, not yet listening: main.ts listens on PORT, tests on a random port. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  await prepareDatabase({ url: config.database.url, connectTimeoutMs: config.database.connectTimeoutMs });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, clock: options.clock, extraModules: options.extraModules }),
    {
      bodyParser: false,
      logger: nestLogLevels(config.server.logLevel),
      bufferLogs: true,
      abortOnError: false,
    },
  );
  // Every Nest logger (new Logger(Context)) writes through pino: one JSON line per event, at LOG_LEVEL.
  app.useLogger(app.get(PinoLogger));
  app.set('trust proxy', config.server.trustProxy);
  app.disable('x-powered-by');
  // API replies are not cached; hashing every body for an ETag costs CPU on the webhook path.
  app.set('etag', false);
  app.use(securityHeaders());
  if (config.server.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.server.corsOrigins.includes('*') ? true : config.server.corsOrigins,
      credentials: !config.server.corsOrigins.includes('*'),
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }
  app.use(skipRawBodyPaths(express.json({ limit: '1mb' })));
  app.use(skipRawBodyPaths(express.urlencoded({ extended: false, limit: '1mb' })));
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  app.enableShutdownHooks();
  setupSwagger(app);
  return app;
}

/**
 * helmet's headers everywhere; its Content-Security-Policy on the JSON API only: the Swagger UI (/docs) and Bull Board
 * (/admin/queues) pages run inline scripts the default policy would block.
 */
function securityHeaders(): RequestHandler {
  const strict = helmet();
  const pages = helmet({ contentSecurityPolicy: false });
  return (req: Request, res: Response, next: NextFunction) =>
    (/^\/(docs|admin\/queues)(\/|-json|$)/.test(req.path) ? pages : strict)(req, res, next);
}

export function logBootWarnings(warnings: string[]): void {
  const logger = new Logger('Boot');
  for (const warning of warnings) {
    logger.warn(`*** ${warning} ***`);
  }
}
