import { signalMetadata } from './signal-metadata';

const at = new Date('2026-02-13T15:30:00Z');

describe('signalMetadata', () => {
  it('reads the scores of a stored JSON payload', () => {
    expect(
      signalMetadata(
        { ticker: 'SPY', action: 'buy', confidence: '75', pattern_strength: 60, mtf_alignment: 80, timeframe: '5' },
        at,
      ),
    ).toEqual({ confidence: 75, patternStrength: 60, mtfAlignment: 80 });
  });

  it('reads a stored text body', () => {
    expect(signalMetadata({ _text: 'symbol=SPY\naction=buy\nconfidence=66\ntimeframe=5' }, at).confidence).toBe(66);
  });

  it('gives nulls without a payload or scores', () => {
    expect(signalMetadata(null, at)).toEqual({ confidence: null, patternStrength: null, mtfAlignment: null });
    expect(signalMetadata({ ticker: 'SPY', action: 'buy' }, at).confidence).toBeNull();
  });
});
