import { formatCep, isValidCep, normalizeCep } from './cep';

describe('CEP', () => {
  it.each([
    ['01310-100', '01310100'],
    ['01310100', '01310100'],
    ['01.310-100', '01310100'],
    [' 20040 002 ', '20040002'],
  ])('normalizes %p', (input, out) => {
    expect(normalizeCep(input)).toBe(out);
    expect(isValidCep(input)).toBe(true);
  });

  it.each(['', '0131010', '013101000', '01310-10a', '01310_100', '00000-000'])('rejects %p', (input) =>
    expect(isValidCep(input)).toBe(false),
  );

  it('formats', () => {
    expect(formatCep('01310100')).toBe('01310-100');
    expect(formatCep('x')).toBe('x');
  });
});
