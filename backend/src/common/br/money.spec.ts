import { centsToBrlNumeric, formatBrl, isValidBrlAmount, parseBrlCents, toBrlNumeric, tryToBrlNumeric } from './money';

describe('money BRL', () => {
  it.each<[number | string, string]>([
    [0, '0.00'],
    [1234.5, '1234.50'],
    [1.005, '1.01'],
    [-1.005, '-1.01'],
    [0.1 + 0.2, '0.30'],
    [-0.001, '0.00'],
    [1e-7, '0.00'],
    [999999999999.99, '999999999999.99'],
    ['1234.56', '1234.56'],
    ['  42 ', '42.00'],
    ['.5', '0.50'],
    ['R$ 1.234,56', '1234.56'],
    ['R$1.234.567,8', '1234567.80'],
    ['-R$ 10,00', '-10.00'],
    ['1234,5', '1234.50'],
    ['00012.345', '12.35'],
  ])('toBrlNumeric(%p) = %p', (input, out) => expect(toBrlNumeric(input)).toBe(out));

  it.each<number | string>([NaN, Infinity, -Infinity, 1e12, 1e15, '1000000000000', '999999999999.995', 'abc', '', '1,2,3', '1.23.4', '12e3', '1.234.5,6'])(
    'rejects %p',
    (input) => {
      expect(() => toBrlNumeric(input)).toThrow(RangeError);
      expect(tryToBrlNumeric(input)).toBeNull();
      expect(isValidBrlAmount(input)).toBe(false);
    },
  );

  it('cents helpers and display', () => {
    expect(parseBrlCents('10.10')).toBe(1010n);
    expect(centsToBrlNumeric(5)).toBe('0.05');
    expect(centsToBrlNumeric(-123456n)).toBe('-1234.56');
    expect(formatBrl(1234.5).replace(/\s/g, ' ')).toBe('R$ 1.234,50');
  });
});
