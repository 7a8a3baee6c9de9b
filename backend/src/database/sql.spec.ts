import { ident, qualified, UnsafeIdentifierError } from './sql';

describe('identifier quoting', () => {
  it('quotes and doubles embedded quotes', () => {
    expect(ident('tb_contato')).toBe('"tb_contato"');
    expect(ident('a"b')).toBe('"a""b"');
    expect(ident('x"; DROP TABLE y; --')).toBe('"x""; DROP TABLE y; --"');
    expect(qualified('tenant_acme', 'tb_contato')).toBe('"tenant_acme"."tb_contato"');
  });

  it('refuses empty, NUL and over-long names', () => {
    expect(() => ident('')).toThrow(UnsafeIdentifierError);
    expect(() => ident('a\u0000b')).toThrow(UnsafeIdentifierError);
    expect(() => ident('x'.repeat(64))).toThrow(UnsafeIdentifierError);
    expect(ident('x'.repeat(63))).toHaveLength(65);
  });
});
