import { validateFieldApiName, validateObjectApiName } from './names';
import { engineKey } from './records/record-list';

describe('API names of objects and fields (the gate before DDL)', () => {
  it.each(['visita_loja', 'pdv', 'a1', 'preco_medio_2025'])('accepts %j', (n) => {
    expect(validateObjectApiName(n)).toBe(n);
    expect(validateFieldApiName(n)).toBe(n);
  });

  it.each([
    ['', 'INVALID_API_NAME'],
    ['a', 'INVALID_API_NAME'],
    ['Visita', 'INVALID_API_NAME'],
    ['1abc', 'INVALID_API_NAME'],
    ['nome; DROP TABLE x', 'INVALID_API_NAME'],
    ['nome"', 'INVALID_API_NAME'],
    ['a'.repeat(42), 'INVALID_API_NAME'],
    ['select', 'RESERVED_API_NAME'],
    ['user', 'RESERVED_API_NAME'],
    ['tb_contato', 'RESERVED_API_NAME'],
    ['cx_x', 'RESERVED_API_NAME'],
    ['pg_x', 'RESERVED_API_NAME'],
    ['tenant_x', 'RESERVED_API_NAME'],
  ])('refuses %j with %s', (n, code) => {
    expect(() => validateObjectApiName(n)).toThrow(expect.objectContaining({ code }));
  });

  it.each(['id', 'tenant_id', 'owner_id', 'versao', 'excluido_em', 'limit', 'sort', 'version', 'a__b', 'nome_'])('refuses the field name %j', (n) => {
    expect(() => validateFieldApiName(n)).toThrow();
  });

  it('maps field names to the list engine one-to-one (except names that differ only by _ before a digit)', () => {
    expect(engineKey('data_visita')).toBe('dataVisita');
    expect(engineKey('cf_nivel_fidelidade')).toBe('cfNivelFidelidade');
    expect(engineKey('campo_1')).toBe(engineKey('campo1'));
  });
});
