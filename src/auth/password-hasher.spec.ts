import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', hash)).resolves.toBe(false);
  });

  it('salts every hash: the same password hashes differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same', b)).resolves.toBe(true);
  });

  it('keeps the cost in the hash: a hash made at another cost still verifies', async () => {
    const cheap = await hashPassword('pw', 10);
    expect(cheap.startsWith('scrypt$1024$8$5$')).toBe(true);
    await expect(verifyPassword('pw', cheap)).resolves.toBe(true);
  });

  it('treats Unicode compositions of the same text as the same password (NFKC)', async () => {
    const hash = await hashPassword('caf\u00e9');
    await expect(verifyPassword('cafe\u0301', hash)).resolves.toBe(true);
  });

  it('refuses malformed stored hashes and matches nothing against the dummy hash', async () => {
    for (const stored of ['', 'plain', 'bcrypt$2b$10$abc', 'scrypt$x$8$1$AAAA$AAAA', 'scrypt$16384$8$5$AAAA$']) {
      await expect(verifyPassword('anything', stored)).resolves.toBe(false);
    }
    await expect(verifyPassword('', dummyPasswordHash())).resolves.toBe(false);
  });
});
