import fc from 'fast-check';
import { VALID_DDDS, formatPhoneBR, isMobilePhoneBR, isValidPhoneBR, normalizePhoneBR } from './phone';

describe('phone BR', () => {
  it.each([
    ['(11) 98765-4321', '+5511987654321'],
    ['11987654321', '+5511987654321'],
    ['+55 11 98765-4321', '+5511987654321'],
    ['+55 (11) 9 8765-4321', '+5511987654321'],
    ['5511987654321', '+5511987654321'],
    ['0055 11 98765-4321', '+5511987654321'],
    ['011 98765-4321', '+5511987654321'],
    ['0xx11 98765-4321', '+5511987654321'],
    ['0XX11987654321', '+5511987654321'],
    ['(0xx11) 98765-4321', '+5511987654321'],
    ['0 21 11 98765-4321', '+5511987654321'], // 0 + carrier 21 + DDD 11
    ['(11) 3456-7890', '+551134567890'],
    ['1134567890', '+551134567890'],
    ['+55 21 2345-6789', '+552123456789'],
    ['0xx51 3222-1111', '+555132221111'],
    ['(55) 99999-0000', '+5555999990000'], // DDD 55 (RS)
    ['55 3222-1111', '+555532221111'],
  ])('normalizes %p → %p', (input, e164) => {
    expect(normalizePhoneBR(input)).toBe(e164);
    expect(isValidPhoneBR(input)).toBe(true);
  });

  it.each([
    '',
    '(10) 98765-4321', // DDD 10 does not exist
    '(20) 98765-4321',
    '(23) 3456-7890',
    '(11) 88765-4321', // 9-digit number not starting with 9
    '(11) 8765-4321', // 8-digit number starting with 8 (old mobile)
    '(11) 1234-5678',
    '+1 212 555 0100', // another country
    '+44 11 98765-4321',
    '0044 11 98765-4321',
    '1198765432', // mobile missing a digit → 8-digit number starting with 9
    '119876543210',
    'abc',
    '(11) 98765-432x',
  ])('rejects %p', (input) => {
    expect(normalizePhoneBR(input)).toBeNull();
    expect(isValidPhoneBR(input)).toBe(false);
  });

  it('formats and classifies', () => {
    expect(formatPhoneBR('+5511987654321')).toBe('(11) 98765-4321');
    expect(formatPhoneBR('1134567890')).toBe('(11) 3456-7890');
    expect(isMobilePhoneBR('11987654321')).toBe(true);
    expect(isMobilePhoneBR('1134567890')).toBe(false);
  });

  it('property: any valid DDD + mobile/landline round-trips through every accepted format', () => {
    const ddd = fc.constantFrom(...VALID_DDDS);
    const mobile = fc.stringMatching(/^9\d{8}$/);
    const landline = fc.stringMatching(/^[2-5]\d{7}$/);
    fc.assert(
      fc.property(ddd, fc.oneof(mobile, landline), (d, n) => {
        const e164 = `+55${d}${n}`;
        const cut = n.length - 4;
        for (const form of [
          `${d}${n}`,
          `(${d}) ${n.slice(0, cut)}-${n.slice(cut)}`,
          `+55 ${d} ${n}`,
          `55${d}${n}`,
          `0${d}${n}`,
          `0xx${d}${n}`,
          `0 15 ${d} ${n}`,
          e164,
        ]) {
          expect(normalizePhoneBR(form)).toBe(e164);
        }
      }),
      { numRuns: 500 },
    );
  });
});
