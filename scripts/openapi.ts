import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiDocument, serializeOpenApi } from '../src/bootstrap/openapi-document';

/** npm run openapi: writes openapi.json at the repository root from the code. */
async function main(): Promise<void> {
  const target = join(__dirname, '..', 'openapi.json');
  writeFileSync(target, serializeOpenApi(await generateOpenApiDocument()));
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
