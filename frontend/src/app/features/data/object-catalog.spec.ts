import { ObjectSummaryDto } from '../../core/api/generated/models/object-summary-dto';
import { groupObjects } from './object-catalog';

const object = (
  apiName: string,
  kind: ObjectSummaryDto['kind'],
  labelPt: string,
  labelEn = labelPt,
): ObjectSummaryDto => ({
  id: `id-${apiName}`,
  apiName,
  kind,
  table: kind === 'consulta' ? null : kind === 'tabela' ? `cx_${apiName}` : apiName,
  labelPt,
  labelEn,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  version: 1,
});

const OBJECTS = [
  object('vendas_mes', 'consulta', 'Vendas por mês', 'Sales by month'),
  object('tb_empresa', 'base', 'Empresas', 'Companies'),
  object('tb_contato', 'base', 'Contatos', 'Contacts'),
  object('visita', 'tabela', 'Visitas à loja', 'Store visits'),
];

const names = (groups: ReturnType<typeof groupObjects>) =>
  groups.map((g) => [g.kind, g.objects.map((o) => o.apiName)]);

describe('groupObjects (Dados)', () => {
  it('groups by kind (CRM, custom tables, saved queries), sorted by label', () => {
    expect(names(groupObjects(OBJECTS, 'all', '', 'pt-BR'))).toEqual([
      ['base', ['tb_contato', 'tb_empresa']],
      ['tabela', ['visita']],
      ['consulta', ['vendas_mes']],
    ]);
  });

  it('keeps one kind, and finds by label, apiName or table ignoring accents and case', () => {
    expect(names(groupObjects(OBJECTS, 'consulta', '', 'pt-BR'))).toEqual([
      ['consulta', ['vendas_mes']],
    ]);
    expect(names(groupObjects(OBJECTS, 'all', 'MES', 'pt-BR'))).toEqual([
      ['consulta', ['vendas_mes']],
    ]);
    expect(names(groupObjects(OBJECTS, 'all', 'cx_vis', 'pt-BR'))).toEqual([
      ['tabela', ['visita']],
    ]);
    expect(names(groupObjects(OBJECTS, 'all', 'store', 'en'))).toEqual([['tabela', ['visita']]]);
    expect(groupObjects(OBJECTS, 'tabela', 'contato', 'pt-BR')).toEqual([]);
  });
});
