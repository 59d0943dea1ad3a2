import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Dual-engine options paper-trading platform')
    .setDescription(
      'TradingView alerts in, option paper trades out. Webhooks accept JSON, text/plain JSON and text alerts; ' +
        'errors answer { status, error, reason_code, details?, request_id }.',
    )
    .setVersion('0.1.0')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Webhook-Signature',
        description: 'sha256=<hex HMAC-SHA256 of the raw body>',
      },
      'webhook-signature',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A JWT from POST /auth/login, or an API key (opk_...) as the bearer token',
      },
      'jwt',
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (opk_...)' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /docs, JSON at /docs-json. */
export function setupSwagger(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}
