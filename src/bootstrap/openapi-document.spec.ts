import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiDocument, serializeOpenApi } from './openapi-document';

describe('openapi.json', () => {
  it('is up to date with the code (run `npm run openapi` after changing routes or DTOs)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8');
    const generated = serializeOpenApi(await generateOpenApiDocument());
    expect(JSON.parse(generated)).toEqual(JSON.parse(committed));
  });

  it('documents every webhook payload format with examples', async () => {
    const document = await generateOpenApiDocument();
    const body = document.paths['/webhook'].post?.requestBody as { content: Record<string, { examples?: object }> };
    expect(Object.keys(body.content)).toEqual(expect.arrayContaining(['application/json', 'text/plain']));
    expect(Object.keys(body.content['application/json'].examples ?? {})).toEqual(
      expect.arrayContaining(['spec', 'traderspost', 'strategy']),
    );
  });
});
