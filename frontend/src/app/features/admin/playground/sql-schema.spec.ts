import { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import { suggestApiName } from './save-query-form';
import { markRange } from './sql-editor';
import { completionSchema, mentionedObjects, sqlName } from './sql-schema';

const object = (
  apiName: string,
  kind: ObjectSummaryDto['kind'],
  table: string | null,
  labelPt: string,
  labelEn = labelPt,
): ObjectSummaryDto => ({
  id: `id-${apiName}`,
  apiName,
  kind,
  table,
  labelPt,
  labelEn,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  version: 1,
});

const OBJECTS = [
  object('tb_contato', 'base', 'tb_contato', 'Contatos', 'Contacts'),
  object('visita_loja', 'tabela', 'cx_visita_loja', 'Visitas à loja', 'Store visits'),
  object('vendas_mes', 'consulta', null, 'Vendas por mês', 'Sales by month'),
];

describe('SQL completion schema', () => {
  it('names objects as SQL does: tables by table name, saved queries by apiName', () => {
    expect(OBJECTS.map(sqlName)).toEqual(['tb_contato', 'cx_visita_loja', 'vendas_mes']);
  });

  it('offers every object with its label, and the columns known so far', () => {
    const columns = new Map([
      [
        'tb_contato',
        [
          { apiName: 'nome', labelPt: 'Nome', labelEn: 'Name', type: 'text' as const },
          { apiName: 'email', labelPt: 'E-mail', labelEn: 'E-mail', type: 'email' as const },
        ],
      ],
    ]);
    const schema = completionSchema(OBJECTS, columns, 'pt-BR') as Record<string, unknown>;
    expect(Object.keys(schema)).toEqual(['tb_contato', 'cx_visita_loja', 'vendas_mes']);
    expect(schema['tb_contato']).toEqual({
      self: { label: 'tb_contato', type: 'type', detail: 'Contatos', boost: 0 },
      children: [
        { label: 'nome', type: 'property', detail: 'Nome' },
        { label: 'email', type: 'property', detail: 'E-mail' },
      ],
    });
    expect(schema['vendas_mes']).toEqual({
      self: { label: 'vendas_mes', type: 'class', detail: 'Vendas por mês', boost: 1 },
      children: [],
    });
    const english = completionSchema(OBJECTS, columns, 'en') as unknown as Record<
      string,
      { self: { detail: string }; children: { detail: string }[] }
    >;
    expect(english['cx_visita_loja'].self.detail).toBe('Store visits');
    expect(english['tb_contato'].children[0].detail).toBe('Name');
  });

  it('finds the known objects a statement mentions (whose columns to load)', () => {
    const known = new Set(OBJECTS.map(sqlName));
    expect(
      mentionedObjects(
        'select c.nome from TB_CONTATO c join cx_visita_loja v on v.contato = c.id',
        known,
      ).sort(),
    ).toEqual(['cx_visita_loja', 'tb_contato']);
    expect(mentionedObjects('SELECT 1', known)).toEqual([]);
  });
});

describe('playground helpers', () => {
  it('suggests a valid SQL name from the query name', () => {
    expect(suggestApiName('Vendas por mês (2025)')).toBe('vendas_por_mes_2025');
    expect(suggestApiName('  Ação!  ')).toBe('acao');
    expect(suggestApiName('2025 vendas')).toBe('consulta_2025_vendas');
    expect(suggestApiName('tb_teste')).toBe('consulta_tb_teste');
    expect(suggestApiName('???')).toBe('');
    expect(suggestApiName('a'.repeat(60))).toHaveLength(41);
  });

  it('marks the word at the error position, or the end of the text', () => {
    const sql = 'SELECT nome FROM tb_contato WHER x';
    expect(markRange(sql, 28)).toEqual({ from: 28, to: 32 });
    expect(sql.slice(28, 32)).toBe('WHER');
    expect(markRange(sql, 6)).toEqual({ from: 6, to: 7 });
    expect(markRange(sql, 99)).toEqual({ from: sql.length, to: sql.length });
  });
});
