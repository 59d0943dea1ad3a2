import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthService } from '../auth/auth.service';
import type { Clock } from '../core/clock';
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
export function adminAuth(
  auth: AuthService,
  clock: Clock,
  fallback: { username: string; password: string } | null,
  realm: string,
) {
  const expected = fallback ? `${fallback.username}:${fallback.password}` : null;
  // A browser repeats basic credentials on every request: the password is verified (scrypt) once a minute and the
  // token of that login reused meanwhile, which re-reads the user row, so a disabled or demoted admin is refused at
  // the next request.
  const verified = new Map<string, { token: string; until: number }>();
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
        const now = clock.now().getTime();
        let login = verified.get(key);
        if (!login || login.until <= now) {
          verified.delete(key);
          const issued = await auth.login(basic.username, basic.password);
          if (!issued) {
            return refuse(res, 401);
          }
          login = { token: issued.access_token, until: now + 60_000 };
          if (verified.size >= 1000) {
            verified.clear();
          }
          verified.set(key, login);
        }
        return check(login.token);
      }
      return check(tokenFromHeaders(req.headers));
    };
    const check = async (token: string | null): Promise<void> => {
      const principal = token ? await auth.authenticate(token) : null;
      if (!principal) {
        return refuse(res, 401);
      }
      return roleAtLeast(principal.role, 'admin') ? next() : refuse(res, 403);
    };
    run().catch(next);
  };
}
