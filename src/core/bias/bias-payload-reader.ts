import { toNumber } from '../signal/numeric-fields';
import { isRecord } from '../signal/payload-fields';
import { parseSymbol } from '../signal/symbol';
import { normalizeTimeframe } from '../signal/timeframe';
import { parseTimestamp } from '../signal/timestamp';
import { readBiasWord, readMacroWord, readModeWord, readRegimeWord } from './bias-vocabulary';
import type { BiasDirection, BiasFieldError, MacroClass, ModeHint, Regime, ReportedConsensus } from './bias.types';

export const MAX_TIMEFRAMES = 20;
const MAX_EVENT_ID = 200;

/** A timeframe reading before it is stamped with the event time. */
export interface RawTimeframe {
  timeframe: string;
  bias: BiasDirection;
  score: number;
  confidence: number | null;
}

/**
 * Reads typed fields out of a payload and collects field errors with their paths. Absent (undefined, null or '')
 * is never an error here; the caller decides what is required.
 */
export class BiasPayloadReader {
  readonly errors: BiasFieldError[] = [];

  error(field: string, message: string): void {
    if (this.errors.length < 50) {
      this.errors.push({ field, message });
    }
  }

  static isAbsent(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  }

  record(value: unknown, field: string): Record<string, unknown> | null {
    if (BiasPayloadReader.isAbsent(value)) {
      return null;
    }
    if (!isRecord(value)) {
      this.error(field, 'must be an object');
      return null;
    }
    return value;
  }

  text(value: unknown, field: string, maxLength: number): string | null {
    if (BiasPayloadReader.isAbsent(value)) {
      return null;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.error(field, 'must be a string');
      return null;
    }
    const text = String(value).trim();
    if (text.length > maxLength) {
      this.error(field, `at most ${maxLength} characters`);
      return null;
    }
    return text;
  }

  number(value: unknown, field: string, min: number, max: number): number | null {
    if (BiasPayloadReader.isAbsent(value)) {
      return null;
    }
    const n = toNumber(value);
    if (n === null) {
      this.error(field, 'must be a number');
      return null;
    }
    if (n < min || n > max) {
      this.error(field, `must be between ${min} and ${max}`);
      return null;
    }
    return n;
  }

  /** A 0..100 confidence; `fraction` fields (V3 confidence_score) are 0..1, and values above 1 are read as percent. */
  confidence(value: unknown, field: string, fraction: boolean): number | null {
    const n = this.number(value, field, 0, 100);
    if (n === null) {
      return null;
    }
    return fraction && n <= 1 ? n * 100 : n;
  }

  eventId(value: unknown, field: string): string | null {
    const text = this.text(value, field, MAX_EVENT_ID);
    if (text !== null && text.length === 0) {
      this.error(field, 'must not be empty');
      return null;
    }
    return text;
  }

  symbol(value: unknown, field: string): string | null {
    if (BiasPayloadReader.isAbsent(value)) {
      this.error(field, 'is required');
      return null;
    }
    const parsed = parseSymbol(value);
    if (!parsed.ok) {
      this.error(field, parsed.message);
      return null;
    }
    return parsed.symbol;
  }

  eventType(value: unknown, field: string, fallback: string): string {
    const text = this.text(value, field, 40);
    if (text === null) {
      return fallback;
    }
    const upper = text.toUpperCase();
    if (!/^[A-Z0-9_]{1,40}$/.test(upper)) {
      this.error(field, 'letters, digits and _ only');
      return fallback;
    }
    return upper;
  }

  /** The event time: absent -> receivedAt; never later than receivedAt (a sender clock ahead of ours is clamped). */
  eventTime(value: unknown, field: string, receivedAt: Date): Date {
    if (BiasPayloadReader.isAbsent(value)) {
      return receivedAt;
    }
    const parsed = parseTimestamp(value, receivedAt);
    if (!parsed.ok) {
      this.error(field, parsed.message);
      return receivedAt;
    }
    return parsed.value.getTime() > receivedAt.getTime() ? receivedAt : parsed.value;
  }

  timeframe(value: unknown, field: string, required: boolean): string | null {
    if (BiasPayloadReader.isAbsent(value)) {
      if (required) {
        this.error(field, 'is required');
      }
      return null;
    }
    const tf = normalizeTimeframe(value);
    if (tf === null) {
      this.error(field, `unreadable timeframe '${clip(value)}' (e.g. 5m, 15, 1h, 4H, D)`);
    }
    return tf;
  }

  bias(value: unknown, field: string): BiasDirection | null {
    if (BiasPayloadReader.isAbsent(value)) {
      return null;
    }
    const word = typeof value === 'string' ? readBiasWord(value) : null;
    if (word === null) {
      this.error(field, `unknown bias '${clip(value)}' (BULLISH, BEARISH, NEUTRAL)`);
    }
    return word;
  }

  regime(value: unknown, field: string): Regime | null {
    return this.word(value, field, readRegimeWord, 'TREND, RANGE, VOLATILE');
  }

  macro(value: unknown, field: string): MacroClass | null {
    return this.word(value, field, readMacroWord, 'RISK_ON, RISK_OFF, NEUTRAL or a MACRO_* class');
  }

  modeHint(value: unknown, field: string): ModeHint | null {
    return this.word(value, field, readModeWord, 'BREAKOUT, PULLBACK, MEAN_REVERT, CONTINUATION, NO_TRADE');
  }

  /**
   * One timeframe reading. The score is signed by the bias: `strength` (0..100) or `score` (-100..100; its
   * magnitude counts, the bias word decides the sign). Without a bias word, the sign of `score` decides.
   * `field` '' names the fields as top-level ones (a flat legacy snapshot).
   */
  timeframeReading(entry: Record<string, unknown>, field: string, directionThreshold: number): RawTimeframe | null {
    const before = this.errors.length;
    const at = (name: string): string => (field === '' ? name : `${field}.${name}`);
    const timeframe = this.timeframe(
      entry.tf ?? entry.timeframe ?? entry.interval,
      at(field === '' ? 'timeframe' : 'tf'),
      true,
    );
    let bias = this.bias(entry.bias ?? entry.direction ?? entry.trend, at('bias'));
    const strength = this.number(entry.strength, at('strength'), 0, 100);
    const score = this.number(entry.score ?? entry.bias_score, at('score'), -100, 100);
    const confidence = this.confidence(entry.confidence, at('confidence'), false);
    if (this.errors.length > before || timeframe === null) {
      return null;
    }
    if (bias === null) {
      if (score === null) {
        this.error(at('bias'), 'is required (or a signed score)');
        return null;
      }
      bias = score >= directionThreshold ? 'bullish' : score <= -directionThreshold ? 'bearish' : 'neutral';
    }
    const magnitude = strength ?? (score === null ? 50 : Math.abs(score));
    const signed = bias === 'bullish' ? magnitude : bias === 'bearish' ? -magnitude : 0;
    return { timeframe, bias, score: signed, confidence };
  }

  /** `mtf.consensus` (V3 and V1): the indicator's own consensus, kept for audit. */
  consensus(block: Record<string, unknown> | null, field: string): ReportedConsensus | null {
    if (block === null) {
      return null;
    }
    return {
      biasScore: this.number(block.bias_score, `${field}.bias_score`, -100, 100),
      confidence: this.confidence(block.confidence_score ?? block.confidence, `${field}.confidence_score`, true),
      alignmentScore: this.number(block.alignment_score, `${field}.alignment_score`, 0, 100),
      conflictScore: this.number(block.conflict_score, `${field}.conflict_score`, 0, 100),
    };
  }

  private word<T>(value: unknown, field: string, read: (v: string) => T | null, expected: string): T | null {
    if (BiasPayloadReader.isAbsent(value)) {
      return null;
    }
    const word = typeof value === 'string' ? read(value) : null;
    if (word === null) {
      this.error(field, `unknown value '${clip(value)}' (${expected})`);
    }
    return word;
  }
}

function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
