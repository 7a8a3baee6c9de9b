import { apiNameProblem, suggestApiName } from './api-name';

describe('API names', () => {
  it('suggests a snake-case ASCII name from a label', () => {
    expect(suggestApiName('Visitas às Lojas')).toBe('visitas_as_lojas');
    expect(suggestApiName('  2024 Preço (R$) ')).toBe('preco_r');
    expect(suggestApiName('tb_Clientes')).toBe('clientes');
  });

  it('checks the server rules', () => {
    expect(apiNameProblem('visita_loja', 'object')).toBeNull();
    expect(apiNameProblem('Visita', 'object')).toBe('pattern');
    expect(apiNameProblem('x', 'object')).toBe('pattern');
    expect(apiNameProblem('select', 'object')).toBe('reserved');
    expect(apiNameProblem('cx_visita', 'object')).toBe('prefix');
    expect(apiNameProblem('data__visita', 'field')).toBe('underscores');
    expect(apiNameProblem('versao', 'field')).toBe('taken');
    expect(apiNameProblem('versao', 'object')).toBeNull();
  });
});
