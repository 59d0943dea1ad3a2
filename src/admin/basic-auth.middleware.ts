import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** HTTP basic auth with constant-time comparison. */
export function basicAuth(username: string, password: string, realm: string) {
  const expected = digest(`${username}:${password}`);
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    const given = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
    if (match && timingSafeEqual(digest(given), expected)) {
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', `Basic realm="${realm}"`);
    res.status(401).json({ status: 401, error: 'Authentication required', reason_code: 'unauthorized' });
  };
}
