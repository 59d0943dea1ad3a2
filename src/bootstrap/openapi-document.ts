import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { buildOpenApiDocument } from './swagger';

/**
 * The OpenAPI document from the code alone: the module graph in preview mode (no database, Redis or workers),
 * with every optional module on so the document lists every route.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', BULL_BOARD_USERNAME: 'docs', BULL_BOARD_PASSWORD: 'docs' });
  const app = await NestFactory.create(AppModule.forRoot({ config }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
