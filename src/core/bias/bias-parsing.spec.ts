import {
  isBiasPayload,
  isBiasV3Payload,
  isLegacyBiasSnapshot,
  parseBiasPayload,
  parseV3BiasEvent,
  translateLegacySnapshot,
} from '.';
import { LEGACY_FLAT_EXAMPLE, LEGACY_V1_EXAMPLE, V3_TRACE_EXAMPLE } from './bias.examples';
import type { BiasEvent, BiasParseResult } from './bias.types';

const RECEIVED = new Date('2026-02-17T15:30:00Z');

function ok(result: BiasParseResult): BiasEvent {
  if (!result.ok) {
    throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  }
  return result.event;
}

function fields(result: BiasParseResult): string[] {
  if (result.ok) {
    throw new Error('expected a failure');
  }
  return result.errors.map((e) => e.field);
}

describe('bias routing (spec section 4)', () => {
  it('routes a payload with event_id_raw and source MTF_BIAS_ENGINE_V3 to V3', () => {
    expect(isBiasV3Payload(V3_TRACE_EXAMPLE)).toBe(true);
    expect(isLegacyBiasSnapshot(V3_TRACE_EXAMPLE)).toBe(false);
  });

  it('routes the V3 shape (macro, intent, liquidity, space, trigger) to V3 without source', () => {
    const { source: _source, ...noSource } = V3_TRACE_EXAMPLE;
    expect(isBiasV3Payload(noSource)).toBe(true);
  });

  it('does not route to V3 without event_id_raw', () => {
    const { event_id_raw: _id, ...noId } = V3_TRACE_EXAMPLE;
    expect(isBiasV3Payload(noId)).toBe(false);
    // ... but it is still a BIAS_SNAPSHOT, so the legacy path takes it.
    expect(isLegacyBiasSnapshot(noId)).toBe(true);
  });

  it('routes event_type BIAS_SNAPSHOT without the V3 markers to legacy', () => {
    expect(isLegacyBiasSnapshot(LEGACY_V1_EXAMPLE)).toBe(true);
    expect(isBiasV3Payload(LEGACY_V1_EXAMPLE)).toBe(false);
    expect(isLegacyBiasSnapshot(LEGACY_FLAT_EXAMPLE)).toBe(true);
    expect(isLegacyBiasSnapshot({ ...LEGACY_FLAT_EXAMPLE, event_type: 'bias_snapshot' })).toBe(true);
  });

  it('leaves trading signals alone', () => {
    const signal = { symbol: 'SPY', direction: 'long', timeframe: '5m', bias: 'bullish' };
    expect(isBiasPayload(signal)).toBe(false);
    expect(isBiasPayload({ ...signal, event_id_raw: 'x' })).toBe(false);
    expect(isBiasPayload(null)).toBe(false);
    expect(isBiasPayload(['BIAS_SNAPSHOT'])).toBe(false);
  });
});

describe('parseV3BiasEvent', () => {
  it('normalizes the trace example', () => {
    const event = ok(parseV3BiasEvent(V3_TRACE_EXAMPLE, RECEIVED));
    expect(event).toMatchObject({
      eventId: 'SPY-5-1771341900000',
      symbol: 'SPY',
      source: 'v3',
      eventType: 'BIAS_SNAPSHOT',
      eventTime: '2026-02-17T15:25:00.000Z',
      receivedAt: '2026-02-17T15:30:00.000Z',
      chartTimeframe: '5m',
      regime: 'TRENDING',
      chopScore: 22,
      macroClass: 'RISK_ON',
      macroDetail: 'MACRO_TREND_UP',
      modeHint: 'BREAKOUT',
      session: 'RTH',
      reported: { biasScore: 72, confidence: 65, alignmentScore: 90, conflictScore: 10 },
    });
    expect(event.timeframes.map((t) => [t.timeframe, t.bias, t.score, t.confidence])).toEqual([
      ['5m', 'bullish', 64, 65],
      ['15m', 'bullish', 68, 65],
      ['1h', 'bullish', 72, 65],
      ['4h', 'bullish', 74, 65],
      ['1d', 'bullish', 74, 65],
    ]);
  });

  it('signs bearish strengths negative and neutral ones zero', () => {
    const event = ok(
      parseV3BiasEvent(
        {
          ...V3_TRACE_EXAMPLE,
          mtf: {
            timeframes: [
              { tf: '5', bias: 'BEARISH', strength: 80 },
              { tf: '60', bias: 'NEUTRAL', strength: 40 },
            ],
          },
        },
        RECEIVED,
      ),
    );
    expect(event.timeframes.map((t) => t.score)).toEqual([-80, 0]);
  });

  it('clamps an event time ahead of our clock to the receive time', () => {
    const event = ok(parseV3BiasEvent({ ...V3_TRACE_EXAMPLE, event_ts_ms: RECEIVED.getTime() + 3 * 60_000 }, RECEIVED));
    expect(event.eventTime).toBe(RECEIVED.toISOString());
  });

  it('uses the receive time when the payload has no timestamp', () => {
    const { event_ts_ms: _ts, ...noTs } = V3_TRACE_EXAMPLE;
    expect(ok(parseV3BiasEvent(noTs, RECEIVED)).eventTime).toBe(RECEIVED.toISOString());
  });

  it('names every bad field', () => {
    const result = parseV3BiasEvent(
      {
        ...V3_TRACE_EXAMPLE,
        symbol: 'not a symbol!',
        event_ts_ms: 'yesterday',
        mtf: {
          timeframes: [
            { tf: 'weird', bias: 'BULLISH', strength: 50 },
            { tf: '5', bias: 'SIDEWAYS', strength: 50 },
            { tf: '15', bias: 'BULLISH', strength: 150 },
          ],
          consensus: { confidence_score: -1 },
          regime: { type: 'TREND', chop_score: 101 },
        },
        macro: { state: { macro_class: 'MOON' } },
        risk_context: { entry_mode_hint: 'YOLO' },
      },
      RECEIVED,
    );
    expect(result.ok).toBe(false);
    expect(fields(result)).toEqual([
      'symbol',
      'event_ts_ms',
      'mtf.timeframes[0].tf',
      'mtf.timeframes[1].bias',
      'mtf.timeframes[2].strength',
      'mtf.consensus.confidence_score',
      'mtf.regime.chop_score',
      'macro.state.macro_class',
      'risk_context.entry_mode_hint',
    ]);
    expect(!result.ok && result.reasonCode).toBe('invalid_bias_payload');
  });

  it('requires event_id_raw, symbol and mtf.timeframes', () => {
    expect(fields(parseV3BiasEvent({ source: 'MTF_BIAS_ENGINE_V3' }, RECEIVED))).toEqual([
      'event_id_raw',
      'symbol',
      'mtf',
    ]);
    expect(fields(parseV3BiasEvent({ ...V3_TRACE_EXAMPLE, mtf: { timeframes: [] } }, RECEIVED))).toEqual([
      'mtf.timeframes',
    ]);
  });

  it('refuses a timeframe listed twice', () => {
    const result = parseV3BiasEvent(
      {
        ...V3_TRACE_EXAMPLE,
        mtf: {
          timeframes: [
            { tf: '60', bias: 'BULLISH', strength: 50 },
            { tf: '1h', bias: 'BEARISH', strength: 50 },
          ],
        },
      },
      RECEIVED,
    );
    expect(fields(result)).toEqual(['mtf.timeframes[1].tf']);
  });
});

describe('translateLegacySnapshot', () => {
  it('reads the V1 nested shape like V3', () => {
    const event = ok(translateLegacySnapshot(LEGACY_V1_EXAMPLE, RECEIVED));
    expect(event).toMatchObject({
      eventId: 'QQQ-15-1771341600000',
      symbol: 'QQQ',
      source: 'legacy',
      regime: 'TRENDING',
      chopScore: 35,
      macroClass: null,
      modeHint: 'PULLBACK',
    });
    expect(event.timeframes.map((t) => [t.timeframe, t.score, t.confidence])).toEqual([
      ['15m', -70, 72],
      ['1h', -65, 72],
      ['4h', 0, 72],
    ]);
  });

  it('reads a flat map of timeframes and hashes the payload into an id', () => {
    const event = ok(translateLegacySnapshot(LEGACY_FLAT_EXAMPLE, RECEIVED));
    expect(event.eventId).toMatch(/^legacy:[0-9a-f]{32}$/);
    expect(event).toMatchObject({
      symbol: 'IWM',
      regime: 'RANGING',
      macroClass: 'NEUTRAL',
      modeHint: 'MEAN_REVERT',
      eventTime: '2026-02-17T15:28:00.000Z',
    });
    expect(event.timeframes.map((t) => [t.timeframe, t.score])).toEqual([
      ['5m', 50],
      ['1h', 60],
      ['1d', -30],
    ]);
    // Same content, same id: a resend is a duplicate. Secrets are redacted before hashing.
    expect(ok(translateLegacySnapshot({ ...LEGACY_FLAT_EXAMPLE }, RECEIVED)).eventId).toBe(event.eventId);
    const withSecret = (secret: string): string =>
      ok(translateLegacySnapshot({ ...LEGACY_FLAT_EXAMPLE, secret }, RECEIVED)).eventId;
    expect(withSecret('one')).toBe(withSecret('two'));
  });

  it('reads a single-timeframe snapshot with a signed score', () => {
    const event = ok(
      translateLegacySnapshot(
        { event_type: 'BIAS_SNAPSHOT', symbol: 'AMEX:SPY', timeframe: '15', score: -42, confidence: 55 },
        RECEIVED,
      ),
    );
    expect(event.symbol).toBe('SPY');
    expect(event.timeframes).toEqual([
      { timeframe: '15m', bias: 'bearish', score: -42, confidence: 55, updatedAt: RECEIVED.toISOString() },
    ]);
  });

  it('names the missing pieces of a flat snapshot', () => {
    expect(fields(translateLegacySnapshot({ event_type: 'BIAS_SNAPSHOT' }, RECEIVED))).toEqual(['symbol', 'timeframe']);
    expect(
      fields(translateLegacySnapshot({ event_type: 'BIAS_SNAPSHOT', symbol: 'SPY', timeframe: '5m' }, RECEIVED)),
    ).toEqual(['bias']);
  });
});

describe('parseBiasPayload', () => {
  it('refuses what is neither kind', () => {
    const result = parseBiasPayload({ symbol: 'SPY', direction: 'long' }, RECEIVED);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reasonCode).toBe('unsupported_bias_payload');
  });

  it('gives field errors for a V3 payload missing its event id', () => {
    const { event_id_raw: _id, event_type: _type, ...rest } = V3_TRACE_EXAMPLE;
    expect(fields(parseBiasPayload(rest, RECEIVED))).toEqual(['event_id_raw']);
  });
});
