import { toDecimal } from './decimal';

describe('toDecimal', () => {
  it('when_given_a_numeric_string_then_parses_it_exactly', () => {
    expect(toDecimal(' 3.5200 ', 'price').toFixed()).toBe('3.52');
    expect(toDecimal(0.1, 'price').plus(0.2).toFixed()).toBe('0.3');
  });

  it.each([['abc'], [''], [Number.NaN], [Number.POSITIVE_INFINITY]])('when_given_%p_then_throws', (value) => {
    expect(() => toDecimal(value, 'price')).toThrow(RangeError);
  });
});
