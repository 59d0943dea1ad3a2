import { apiKeyMatches, apiKeyPrefix, generateApiKey, hashApiKey } from './api-key';

describe('API keys', () => {
  it('generates opk_<prefix>_<secret> keys whose prefix finds them and whose hash matches only them', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^opk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyPrefix(a.key)).toBe(a.prefix);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(apiKeyMatches(a.key, a.hash)).toBe(true);
    expect(apiKeyMatches(b.key, a.hash)).toBe(false);
    expect(a.key).not.toBe(b.key);
  });

  it('does not take a JWT or a malformed string for a key', () => {
    expect(apiKeyPrefix('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBeNull();
    expect(apiKeyPrefix('opk_zzzzzzzz_' + 'a'.repeat(43))).toBeNull();
    expect(apiKeyPrefix('opk_0123abcd_short')).toBeNull();
  });

  it('compares against a malformed stored hash without throwing', () => {
    expect(apiKeyMatches(generateApiKey().key, 'abc')).toBe(false);
  });
});
