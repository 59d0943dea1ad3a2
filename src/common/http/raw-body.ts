import type { IncomingMessage } from 'node:http';

export type RawBodyResult =
  { ok: true; body: Buffer } | { ok: false; reason: 'too_large'; bytes: number } | { ok: false; reason: 'aborted' };

/**
 * Reads the request body as bytes, up to `limit`. Routes that verify signatures read their own body (the global
 * JSON parser skips them) so the bytes are exactly what was signed, and the size check comes before any parsing.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<RawBodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'too_large', bytes: declared });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: RawBodyResult): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) {
        return;
      }
      size += chunk.length;
      if (size > limit) {
        finish({ ok: false, reason: 'too_large', bytes: size });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
    req.on('error', () => finish({ ok: false, reason: 'aborted' }));
    req.on('aborted', () => finish({ ok: false, reason: 'aborted' }));
  });
}

/** Paths whose bodies are read raw (signatures, size limits with an audit row); the JSON parser skips them. */
export const RAW_BODY_PATHS = [/^\/webhook(\/|$|\?)/, /^\/api\/webhooks\//];

export function isRawBodyPath(url: string): boolean {
  return RAW_BODY_PATHS.some((pattern) => pattern.test(url));
}
