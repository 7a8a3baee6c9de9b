import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsCep, IsCnpj, IsCpf, IsPhoneBR, NormalizeCep, NormalizeCnpj, NormalizeCpf, NormalizePhoneBR } from './decorators';

class Dto {
  @IsOptional() @NormalizeCpf() @IsCpf() cpf?: string;
  @IsOptional() @NormalizeCnpj() @IsCnpj() cnpj?: string;
  @IsOptional() @NormalizeCep() @IsCep() cep?: string;
  @IsOptional() @NormalizePhoneBR() @IsPhoneBR() telefone?: string;
  @IsOptional() @NormalizePhoneBR() @IsPhoneBR({ each: true }) telefones?: string[];
}

function run(plain: object) {
  const dto = plainToInstance(Dto, plain);
  const errors = validateSync(dto);
  const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  return { dto, messages };
}

describe('BR decorators', () => {
  it('normalizes valid input', () => {
    const { dto, messages } = run({
      cpf: '529.982.247-25',
      cnpj: '12.abc.345/01de-35',
      cep: '01310-100',
      telefone: '(11) 98765-4321',
      telefones: ['(11) 3456-7890', '+55 21 99876-5432'],
    });
    expect(messages).toEqual([]);
    expect(dto).toMatchObject({
      cpf: '52998224725',
      cnpj: '12ABC34501DE35',
      cep: '01310100',
      telefone: '+5511987654321',
      telefones: ['+551134567890', '+5521998765432'],
    });
  });

  it('leaves invalid input untouched and reports it in pt-BR naming the field', () => {
    const { dto, messages } = run({
      cpf: '529.982.247-26',
      cnpj: '11.222.333/0001-82',
      cep: '0131-100',
      telefone: '(10) 98765-4321',
    });
    expect(dto.cpf).toBe('529.982.247-26');
    expect(dto.cnpj).toBe('11.222.333/0001-82');
    expect(messages).toEqual(
      expect.arrayContaining([
        'cpf: CPF inválido (dígitos verificadores)',
        'cnpj: CNPJ inválido (dígitos verificadores)',
        expect.stringMatching(/^cep: CEP inválido/),
        expect.stringMatching(/^telefone: telefone inválido/),
      ]),
    );
    expect(messages).toHaveLength(4);
  });

  it('explains format errors and non-strings', () => {
    const { messages } = run({ cnpj: '12.ABC.345/01DE-3X', cpf: 52998224725, telefones: ['11987654321', 'xyz'] });
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cnpj: CNPJ inválido \(formato/),
        'cpf: CPF deve ser um texto',
        expect.stringMatching(/telefones: telefone inválido/),
      ]),
    );
  });

  it('rejects all-equal documents', () => {
    const { messages } = run({ cpf: '111.111.111-11', cnpj: '00000000000000' });
    expect(messages).toEqual(
      expect.arrayContaining(['cpf: CPF inválido (dígitos todos iguais)', 'cnpj: CNPJ inválido (caracteres todos iguais)']),
    );
  });
});
