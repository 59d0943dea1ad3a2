import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * OWASP's scrypt row N=2^14, r=8, p=5 by default (PASSWORD_HASH_COST=14): 16 MiB per hash, ~150 ms here; equivalent
 * to N=2^17, p=1 at 1/8 the memory.
 */
export const DEFAULT_HASH_COST = 14;
const R = 8;
const P = 5;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      length,
      { ...options, maxmem: 128 * options.N! * options.r! * 2 },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$<salt b64>$<key b64>`: the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string, cost = DEFAULT_HASH_COST): Promise<string> {
  const params = { N: 2 ** cost, r: R, p: P };
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return false;
  }
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (![N, r, p].every(Number.isInteger) || expected.length === 0) {
    return false;
  }
  const key = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so a login takes as long either way. */
export function dummyPasswordHash(cost = DEFAULT_HASH_COST): string {
  const zeros = (n: number) => Buffer.alloc(n).toString('base64');
  return ['scrypt', 2 ** cost, R, P, zeros(SALT_BYTES), zeros(KEY_LENGTH)].join('$');
}
