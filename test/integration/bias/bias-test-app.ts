import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../src/app.module';
import { BiasModule } from '../../../src/bias/bias.module';
import { setupSwagger } from '../../../src/bootstrap/swagger';
import { HttpExceptionFilter } from '../../../src/common/http/http-exception.filter';
import { isRawBodyPath } from '../../../src/common/http/raw-body';
import type { AppConfig } from '../../../src/config';
import { ManualClock } from '../../../src/core/clock';
import {
  clearRedisPrefix,
  PINNED_NOW,
  startTestApp,
  testConfig,
  TestApp,
  TestAppOptions,
} from '../../helpers/test-app';
import { createTestDatabase, uniqueName } from '../../setup/test-database';

/**
 * Until BiasModule is imported by AppModule, this boots AppModule + BiasModule the way createApp does (same body
 * parsers, filter and Swagger). Once AppModule imports BiasModule, `startBiasTestApp` is plain `startTestApp`.
 */
@Module({})
class BiasTestRootModule {
  static forRoot(config: AppConfig, clock: ManualClock): DynamicModule {
    return { module: BiasTestRootModule, imports: [AppModule.forRoot({ config, clock }), BiasModule] };
  }
}

function appModuleImportsBias(): boolean {
  const config = testConfig('postgres://postgres@127.0.0.1:5432/unused', 'unused');
  const imports = AppModule.forRoot({ config }).imports ?? [];
  return imports.some((m) => m === BiasModule);
}

function skipRawBodyPaths(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    isRawBodyPath(req.url) ? next() : parser(req, res, next);
}

export async function startBiasTestApp(
  options: TestAppOptions = {},
): Promise<TestApp & { dropDatabase: () => Promise<void> }> {
  if (appModuleImportsBias()) {
    return startTestApp(options);
  }
  const database = await createTestDatabase();
  const queuePrefix = uniqueName('biastest');
  const config = testConfig(database.url, queuePrefix, options.env);
  const clock = options.clock ?? new ManualClock(PINNED_NOW);
  const app = await NestFactory.create<NestExpressApplication>(BiasTestRootModule.forRoot(config, clock), {
    bodyParser: false,
    logger: ['error'],
    abortOnError: false,
  });
  app.set('etag', false);
  app.use(skipRawBodyPaths(express.json({ limit: '1mb' })));
  app.useGlobalFilters(new HttpExceptionFilter());
  setupSwagger(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    clock,
    config,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
    },
    dropDatabase: async () => {
      await clearRedisPrefix(queuePrefix);
      await database.drop();
    },
  };
}
