import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthService } from '../auth/auth.service';
import { tokenFromHeaders } from '../auth/bearer-token';
import { secretsEqual } from '../common/crypto/secrets-equal';
import { roleAtLeast } from '../auth/roles';

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) {
    return null;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Admin-only pages (Bull Board). A browser sends HTTP basic credentials of an admin user (or the optional
 * BULL_BOARD_USERNAME/BULL_BOARD_PASSWORD pair); scripts send an admin JWT or API key as a bearer token.
 */
export function adminAuth(auth: AuthService, fallback: { username: string; password: string } | null, realm: string) {
  const expected = fallback ? `${fallback.username}:${fallback.password}` : null;
  // A browser repeats basic credentials on every request; checked once a minute, not one scrypt per request.
  const verified = new Map<string, number>();
  const refuse = (res: Response, status: 401 | 403) => {
    if (status === 401) {
      res.setHeader('WWW-Authenticate', `Basic realm="${realm}"`);
    }
    res
      .status(status)
      .json(
        status === 401
          ? { status, error: 'Authentication required', reason_code: 'unauthorized' }
          : { status, error: 'This page needs the admin role', reason_code: 'forbidden' },
      );
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const run = async (): Promise<void> => {
      const basic = basicCredentials(req.headers.authorization);
      if (basic) {
        if (expected && secretsEqual(`${basic.username}:${basic.password}`, expected)) {
          return next();
        }
        const key = digest(`${basic.username}:${basic.password}`);
        if ((verified.get(key) ?? 0) > Date.now()) {
          return next();
        }
        const issued = await auth.login(basic.username, basic.password);
        if (!issued) {
          return refuse(res, 401);
        }
        if (!roleAtLeast(issued.role, 'admin')) {
          return refuse(res, 403);
        }
        verified.set(key, Date.now() + 60_000);
        return next();
      }
      const token = tokenFromHeaders(req.headers);
      const principal = token ? await auth.authenticate(token) : null;
      if (!principal) {
        return refuse(res, 401);
      }
      return roleAtLeast(principal.role, 'admin') ? next() : refuse(res, 403);
    };
    run().catch(next);
  };
}
