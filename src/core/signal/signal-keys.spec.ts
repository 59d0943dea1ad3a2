import { extractBodySecret } from './body-secret';
import { REDACTED, redactSecrets, redactSecretsInText } from './redact-secrets';
import { dedupKey, signalHash } from './signal-keys';
import type { NormalizedSignal } from './signal.types';

const SIGNAL: NormalizedSignal = {
  symbol: 'SPY',
  exchange: null,
  action: 'entry',
  direction: 'long',
  timeframe: '5m',
  timestamp: new Date('2026-02-15T10:30:00Z'),
  timestampSource: 'payload',
  price: 595.42,
  quantity: null,
  confidence: null,
  patternStrength: null,
  mtfAlignment: null,
  isTest: false,
  testSessionId: null,
  testScenario: null,
};

describe('dedupKey and signalHash', () => {
  it('hashes symbol, action, direction, timeframe and the test flag for dedup', () => {
    expect(dedupKey(SIGNAL)).toMatch(/^[0-9a-f]{64}$/);
    expect(dedupKey({ ...SIGNAL, price: 1, timestamp: new Date('2026-02-15T10:31:00Z') })).toBe(dedupKey(SIGNAL));
    expect(dedupKey({ ...SIGNAL, isTest: true })).not.toBe(dedupKey(SIGNAL));
    expect(dedupKey({ ...SIGNAL, action: 'exit' })).not.toBe(dedupKey(SIGNAL));
    expect(dedupKey({ ...SIGNAL, direction: null })).not.toBe(dedupKey(SIGNAL));
  });

  it('gives a 64-hex signal hash that depends on the timestamp', () => {
    expect(signalHash(SIGNAL)).toMatch(/^[0-9a-f]{64}$/);
    expect(signalHash({ ...SIGNAL, timestamp: new Date('2026-02-15T10:31:00Z') })).not.toBe(signalHash(SIGNAL));
  });
});

describe('redactSecrets', () => {
  it('replaces secret-named values at any depth and leaves the original untouched', () => {
    const payload = {
      ticker: 'SPY',
      secret: 'abc',
      nested: { apiKey: 'k', Webhook_Secret: 's', list: [{ token: 't' }] },
      passphrase: 'p',
      license_id: '60123456789',
    };
    expect(redactSecrets(payload)).toEqual({
      ticker: 'SPY',
      secret: REDACTED,
      nested: { apiKey: REDACTED, Webhook_Secret: REDACTED, list: [{ token: REDACTED }] },
      passphrase: REDACTED,
      license_id: '60123456789',
    });
    expect(payload.secret).toBe('abc');
  });

  it('redacts key=value and quoted secrets in text bodies', () => {
    expect(redactSecretsInText('60123456789,sell,EURUSD,vol_lots=1, secret=HappyTrader501')).toBe(
      '60123456789,sell,EURUSD,vol_lots=1, secret=[REDACTED]',
    );
    expect(redactSecretsInText('key=abc;\ncommand=CANCEL')).toBe('key=[REDACTED];\ncommand=CANCEL');
    expect(redactSecretsInText('{"ticker": "SPY", "passphrase": "x y"')).toBe(
      '{"ticker": "SPY", "passphrase": "[REDACTED]"',
    );
  });
});

describe('extractBodySecret', () => {
  it('returns the top-level secret, else the passphrase, else null', () => {
    expect(extractBodySecret({ secret: 's', passphrase: 'p' })).toBe('s');
    expect(extractBodySecret({ Passphrase: 'p' })).toBe('p');
    expect(extractBodySecret({ nested: { secret: 's' } })).toBeNull();
    expect(extractBodySecret('secret')).toBeNull();
  });
});
