import fc from 'fast-check';
import { cnpjCheckDigits, formatCnpj, isValidCnpj, normalizeCnpj } from './cnpj';

describe('CNPJ', () => {
  it.each([
    '11.222.333/0001-81',
    '11222333000181',
    '33.000.167/0001-01', // Petrobras
    '00.000.000/0001-91', // Banco do Brasil
    '60.746.948/0001-12', // Bradesco
    '12.ABC.345/01DE-35', // Receita Federal example (alphanumeric)
    '12ABC34501DE35',
    '12.abc.345/01de-35', // lowercase is uppercased
  ])('accepts valid %p', (cnpj) => expect(isValidCnpj(cnpj)).toBe(true));

  it.each(['11.222.333/0001-82', '11222333000118', '12.ABC.345/01DE-36', '12.ABD.345/01DE-35', '33.000.167/0001-10'])(
    'rejects bad check digits %p',
    (cnpj) => expect(isValidCnpj(cnpj)).toBe(false),
  );

  it.each(['00.000.000/0000-00', '11111111111111', '99999999999999'])('rejects all-equal %p', (cnpj) => {
    expect(normalizeCnpj(cnpj)).not.toBeNull();
    expect(isValidCnpj(cnpj)).toBe(false);
  });

  it.each([
    '',
    '1122233300018', // 13
    '112223330001811', // 15
    '12.ABC.345/01DE-3A', // letter in check digits
    '12.AB@.345/01DE-35',
    '12.ÁBC.345/01DE-35',
    '11_222_333_0001_81',
  ])('rejects bad shape %p', (cnpj) => {
    expect(normalizeCnpj(cnpj)).toBeNull();
    expect(isValidCnpj(cnpj)).toBe(false);
  });

  it('normalizes and formats', () => {
    expect(normalizeCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(normalizeCnpj(' 11 222 333 0001 81 ')).toBe('11222333000181');
    expect(formatCnpj('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
  });

  it('computes check digits over charCode - 48', () => {
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(cnpjCheckDigits('12abc34501de')).toBe('35');
    expect(cnpjCheckDigits('112223330001')).toBe('81');
    expect(() => cnpjCheckDigits('12ABC34501D')).toThrow(RangeError);
    expect(() => cnpjCheckDigits('12ABC34501D-')).toThrow(RangeError);
  });

  const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const base12 = fc
    .array(fc.constantFrom(...CHARS.split('')), { minLength: 12, maxLength: 12 })
    .map((a) => a.join(''));
  const numericBase12 = fc.stringMatching(/^\d{12}$/);

  it('property: base + computed digits always validates (alphanumeric and numeric)', () => {
    fc.assert(
      fc.property(fc.oneof(base12, numericBase12), (b) => {
        const cnpj = b + cnpjCheckDigits(b);
        if (/^(.)\1{13}$/.test(cnpj)) return;
        expect(isValidCnpj(cnpj)).toBe(true);
        expect(isValidCnpj(formatCnpj(cnpj))).toBe(true);
        expect(isValidCnpj(formatCnpj(cnpj).toLowerCase())).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: changing a check digit never validates', () => {
    fc.assert(
      fc.property(fc.oneof(base12, numericBase12), fc.integer({ min: 12, max: 13 }), fc.integer({ min: 1, max: 9 }), (b, pos, delta) => {
        const cnpj = b + cnpjCheckDigits(b);
        const bad = cnpj.slice(0, pos) + String((Number(cnpj[pos]) + delta) % 10) + cnpj.slice(pos + 1);
        expect(isValidCnpj(bad)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  // Two blind spots of the (official) scheme: remainders 0 and 1 both give digit 0, and with
  // letters two characters can differ by a multiple of 11 (e.g. '7' = 7 and 'B' = 18).
  // Outside them every single-character substitution is caught.
  it('property: changing a base character never validates (first check digit not 0, difference not a multiple of 11)', () => {
    fc.assert(
      fc.property(
        fc.oneof(base12, numericBase12).filter((b) => cnpjCheckDigits(b)[0] !== '0'),
        fc.integer({ min: 0, max: 11 }),
        fc.constantFrom(...CHARS.split('')),
        (b, pos, replacement) => {
          const cnpj = b + cnpjCheckDigits(b);
          const diff = replacement.charCodeAt(0) - cnpj.charCodeAt(pos);
          fc.pre(diff % 11 !== 0);
          const bad = cnpj.slice(0, pos) + replacement + cnpj.slice(pos + 1);
          expect(isValidCnpj(bad)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('documents the blind spots', () => {
    const base = '12ABC34501D7';
    const other = '12ABC34501DB'; // '7' → 'B': +11
    expect(cnpjCheckDigits(base)).toBe(cnpjCheckDigits(other));
  });
});
