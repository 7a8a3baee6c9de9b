import fc from 'fast-check';
import { cpfCheckDigits, formatCpf, isValidCpf, normalizeCpf } from './cpf';

describe('CPF', () => {
  it.each(['529.982.247-25', '52998224725', '111.444.777-35', '123.456.789-09', ' 390.533.447-05 ', '390 533 447 05'])(
    'accepts valid %p',
    (cpf) => expect(isValidCpf(cpf)).toBe(true),
  );

  it.each(['529.982.247-26', '52998224735', '123.456.789-00', '111.444.777-53'])('rejects bad check digits %p', (cpf) =>
    expect(isValidCpf(cpf)).toBe(false),
  );

  it.each(['000.000.000-00', '11111111111', '99999999999'])('rejects all-equal %p', (cpf) => {
    expect(normalizeCpf(cpf)).not.toBeNull();
    expect(isValidCpf(cpf)).toBe(false);
  });

  it.each(['', '5299822472', '529982247255', '529.982.247/25', 'abc.def.ghi-jk', '52998224a25'])('rejects bad shape %p', (cpf) => {
    expect(normalizeCpf(cpf)).toBeNull();
    expect(isValidCpf(cpf)).toBe(false);
  });

  it('normalizes and formats', () => {
    expect(normalizeCpf('529.982.247-25')).toBe('52998224725');
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
    expect(formatCpf('nope')).toBe('nope');
  });

  it('computes check digits', () => {
    expect(cpfCheckDigits('529982247')).toBe('25');
    expect(cpfCheckDigits('123456789')).toBe('09');
    expect(() => cpfCheckDigits('12345678')).toThrow(RangeError);
    expect(() => cpfCheckDigits('12345678a')).toThrow(RangeError);
  });

  const base9 = fc.stringMatching(/^\d{9}$/).filter((b) => !/^(\d)\1{8}$/.test(b));

  it('property: base + computed digits always validates (raw and formatted)', () => {
    fc.assert(
      fc.property(base9, (b) => {
        const cpf = b + cpfCheckDigits(b);
        if (/^(\d)\1{10}$/.test(cpf)) return; // e.g. 111111111 + 11
        expect(isValidCpf(cpf)).toBe(true);
        expect(isValidCpf(formatCpf(cpf))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: changing a check digit never validates', () => {
    fc.assert(
      fc.property(base9, fc.integer({ min: 9, max: 10 }), fc.integer({ min: 1, max: 9 }), (b, pos, delta) => {
        const cpf = b + cpfCheckDigits(b);
        const bad = cpf.slice(0, pos) + String((Number(cpf[pos]) + delta) % 10) + cpf.slice(pos + 1);
        expect(isValidCpf(bad)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // mod 11 maps remainders 0 and 1 to the same digit 0, so a substitution that moves the
  // first remainder between 0 and 1 can go unnoticed (e.g. 692.699.367-08 and 792.699.367-08
  // are both valid). Whenever the first check digit is not 0, every substitution is caught.
  it('property: changing a base digit never validates when the first check digit is not 0', () => {
    fc.assert(
      fc.property(
        base9.filter((b) => cpfCheckDigits(b)[0] !== '0'),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (b, pos, delta) => {
          const cpf = b + cpfCheckDigits(b);
          const bad = cpf.slice(0, pos) + String((Number(cpf[pos]) + delta) % 10) + cpf.slice(pos + 1);
          expect(isValidCpf(bad)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('documents the mod-11 blind spot', () => {
    expect(isValidCpf('692.699.367-08')).toBe(true);
    expect(isValidCpf('792.699.367-08')).toBe(true);
  });
});
