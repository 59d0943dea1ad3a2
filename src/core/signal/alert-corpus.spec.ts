import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { parseAlertBody } from './alert-body.parser';
import { normalizeAlert } from './alert.normalizer';
import type { NormalizeResult } from './signal.types';

interface Fixture {
  source: string;
  description: string;
  content_type: 'application/json' | 'text/plain';
  body: string;
  expected: Record<string, unknown> & { ok: boolean };
}

const FIXTURE_DIR = join(__dirname, '../../../test/fixtures/alerts');
const OPTIONS = { receivedAt: new Date('2026-02-16T15:00:00Z'), requireTimeframe: false };
const OPTIONAL_NUMBERS = ['price', 'quantity', 'confidence'] as const;

const fixtures = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as Fixture] as const);

function run(body: string): NormalizeResult {
  const parsed = parseAlertBody(body);
  if (!parsed.ok) {
    return { ok: false, reasonCode: parsed.reasonCode, errors: parsed.errors, partial: {} };
  }
  return normalizeAlert(parsed.alert.payload, OPTIONS);
}

describe('alert corpus (test/fixtures/alerts)', () => {
  it('holds at least 45 alerts, each naming its source', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
    for (const [, fixture] of fixtures) {
      expect(fixture.source.length).toBeGreaterThan(5);
      expect(['application/json', 'text/plain']).toContain(fixture.content_type);
    }
  });

  it.each(fixtures)('%s normalizes as expected', (_name, fixture) => {
    const result = run(fixture.body);
    const { expected } = fixture;
    if (!expected.ok) {
      expect(result.ok ? 'accepted' : result.reasonCode).toBe(expected.reason_code);
      return;
    }
    if (!result.ok) {
      throw new Error(`refused ${result.reasonCode}: ${JSON.stringify(result.errors)}`);
    }
    const { signal } = result;
    expect({
      symbol: signal.symbol,
      exchange: signal.exchange,
      action: signal.action,
      direction: signal.direction,
      timeframe: signal.timeframe,
    }).toEqual({
      symbol: expected.symbol,
      exchange: expected.exchange,
      action: expected.action,
      direction: expected.direction,
      timeframe: expected.timeframe,
    });
    if (expected.timestamp !== undefined) {
      expect(signal.timestamp.toISOString()).toBe(expected.timestamp);
      expect(signal.timestampSource).toBe('payload');
    }
    for (const key of OPTIONAL_NUMBERS) {
      if (key in expected) {
        expect(signal[key]).toBe(expected[key]);
      }
    }
  });
});
