import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { FieldDto } from '../../../core/api/generated/models/field-dto';
import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import { DesignerStore, PREVIEW_ROWS } from './designer.store';

const field = (
  apiName: string,
  type: FieldDto['type'],
  extra: Partial<FieldDto> = {},
): FieldDto => ({
  id: `f-${apiName}`,
  apiName,
  labelPt: apiName,
  labelEn: apiName,
  type,
  columnType: 'text',
  required: false,
  unique: false,
  order: 0,
  custom: false,
  system: false,
  readOnly: false,
  ...extra,
});

const object = (
  apiName: string,
  fields: FieldDto[],
  kind: ObjectDto['kind'] = 'base',
): ObjectDto => ({
  id: `o-${apiName}`,
  apiName,
  labelPt: apiName,
  labelEn: apiName,
  kind,
  table: apiName,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  fields,
});

const CONTATO = object('tb_contato', [
  field('id', 'uuid', { system: true }),
  field('nome', 'text'),
  field('empresa_id', 'lookup', { target: 'tb_empresa' }),
  field('contato_pai_id', 'lookup', { target: 'tb_contato' }),
  field('score', 'integer'),
  field('estagio', 'select', { options: [{ value: 'lead' }, { value: 'cliente' }] }),
]);
const EMPRESA = object('tb_empresa', [
  field('id', 'uuid', { system: true }),
  field('nome', 'text'),
  field('razao_social', 'text'),
  field('receita', 'currency_brl'),
]);
const LIST: ObjectSummaryDto[] = [CONTATO, EMPRESA, object('vendas_por_uf', [], 'consulta')].map(
  ({ fields: _f, ...summary }) => summary,
);

describe('DesignerStore', () => {
  let http: HttpTestingController;
  let store: DesignerStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), DesignerStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(DesignerStore);
    const objects = firstValueFrom(store.loadObjects());
    http.expectOne({ url: '/api/objects', method: 'GET' }).flush(LIST);
    await objects;
  });

  afterEach(() => http.verify());

  async function pickContatoWithEmpresa(): Promise<void> {
    const base = firstValueFrom(store.selectBase('tb_contato'));
    http.expectOne('/api/objects/tb_contato').flush(CONTATO);
    await base;
    const relation = store.relations().find((r) => r.target === 'tb_empresa')!;
    const join = firstValueFrom(store.addJoin(relation));
    http.expectOne('/api/objects/tb_empresa').flush(EMPRESA);
    await join;
  }

  it('separates objects with records from saved queries', () => {
    expect(store.objects().map((o) => o.apiName)).toEqual(['tb_contato', 'tb_empresa']);
    expect(store.savedQueries().map((o) => o.apiName)).toEqual(['vendas_por_uf']);
    expect(store.model()).toBeNull();
  });

  it('offers the lookups of the chosen objects as joins, not self-references', async () => {
    const base = firstValueFrom(store.selectBase('tb_contato'));
    http.expectOne('/api/objects/tb_contato').flush(CONTATO);
    await base;
    expect(store.relations().map((r) => `${r.from}.${r.via.apiName}→${r.target}`)).toEqual([
      'tb_contato.empresa_id→tb_empresa',
    ]);
  });

  it('builds the model from base, join and columns, naming repeated fields apart', async () => {
    await pickContatoWithEmpresa();
    expect(store.relations()).toEqual([]);
    store.setColumn('tb_contato', 'nome', true);
    store.setColumn('tb_empresa', 'nome', true);
    store.setColumn('tb_empresa', 'razao_social', true);

    expect(store.columnNames()).toEqual(['nome', 'empresa_nome', 'razao_social']);
    expect(store.model()).toEqual({
      base: 'tb_contato',
      joins: [{ object: 'tb_empresa', via: 'empresa_id', from: 'tb_contato', type: 'left' }],
      columns: [
        { field: 'nome' },
        { object: 'tb_empresa', field: 'nome', alias: 'empresa_nome' },
        { object: 'tb_empresa', field: 'razao_social' },
      ],
    });
  });

  it('groups by the plain columns once a column is summarised, and sorts by an output column', async () => {
    await pickContatoWithEmpresa();
    store.setColumn('tb_empresa', 'razao_social', true);
    store.setColumn('tb_contato', 'score', true);
    store.setAggregate(1, 'avg');
    store.setCount(true);
    store.setSort('avg_score', 'desc');

    expect(store.model()).toEqual({
      base: 'tb_contato',
      joins: [{ object: 'tb_empresa', via: 'empresa_id', from: 'tb_contato', type: 'left' }],
      columns: [
        { object: 'tb_empresa', field: 'razao_social' },
        { field: 'score', aggregate: 'avg' },
        { field: '*', aggregate: 'count' },
      ],
      groupBy: [{ object: 'tb_empresa', field: 'razao_social' }],
      sort: [{ column: 'avg_score', dir: 'desc' }],
    });

    // Removing the summarised column drops its sort too.
    store.setColumn('tb_contato', 'score', false);
    expect(store.sort()).toEqual([]);
  });

  it('turns typed filters into values of the field type and leaves incomplete ones out', async () => {
    await pickContatoWithEmpresa();
    store.setColumn('tb_contato', 'nome', true);
    store.addFilter('tb_contato', 'nome'); // like
    store.addFilter('tb_contato', 'score'); // eq
    store.addFilter('tb_empresa', 'receita');
    store.addFilter('tb_contato', 'estagio');
    store.updateFilter(0, { value: 'silva' });
    store.updateFilter(1, { op: 'gte', value: '10' });
    store.updateFilter(2, { op: 'isnull' });
    store.updateFilter(3, { op: 'in', value: 'lead, cliente' });

    expect(store.model()?.filters).toEqual([
      { field: 'nome', op: 'like', value: '%silva%' },
      { field: 'score', op: 'gte', value: 10 },
      { object: 'tb_empresa', field: 'receita', op: 'isnull', value: true },
      { field: 'estagio', op: 'in', value: ['lead', 'cliente'] },
    ]);

    store.updateFilter(1, { value: 'dez' });
    expect(store.model()?.filters?.map((f) => f.field)).toEqual(['nome', 'receita', 'estagio']);
  });

  it('removing a joined object removes its columns and filters', async () => {
    await pickContatoWithEmpresa();
    store.setColumn('tb_contato', 'nome', true);
    store.setColumn('tb_empresa', 'razao_social', true);
    store.addFilter('tb_empresa', 'razao_social');
    store.removeJoin('tb_empresa');
    expect(store.sources().map((s) => s.ref)).toEqual(['tb_contato']);
    expect(store.model()).toEqual({ base: 'tb_contato', columns: [{ field: 'nome' }] });
  });

  it('asks the preview with the model and the row limit', async () => {
    await pickContatoWithEmpresa();
    store.setColumn('tb_contato', 'nome', true);
    const preview = firstValueFrom(store.preview());
    const request = http.expectOne({ url: '/api/objects/preview', method: 'POST' });
    expect(request.request.body).toEqual({ model: store.model(), limit: PREVIEW_ROWS });
    const result = {
      sql: 'SELECT 1',
      params: [],
      columns: [],
      rows: [['Ana']],
      rowCount: 1,
      truncated: false,
      elapsedMs: 3,
    };
    request.flush(result);
    expect(await preview).toEqual(result);
  });

  it('saves the model as a query object, which joins the saved list', async () => {
    await pickContatoWithEmpresa();
    store.setColumn('tb_contato', 'nome', true);
    const saved = firstValueFrom(
      store.save({
        labelPt: 'Contatos e empresas',
        apiName: 'contatos_empresas',
        description: 'Para o BI',
      }),
    );
    const request = http.expectOne({ url: '/api/objects', method: 'POST' });
    expect(request.request.body).toEqual({
      kind: 'consulta',
      apiName: 'contatos_empresas',
      labelPt: 'Contatos e empresas',
      description: 'Para o BI',
      model: store.model(),
    });
    request.flush(object('contatos_empresas', [field('nome', 'text')], 'consulta'), {
      status: 201,
      statusText: 'Created',
    });
    await saved;
    expect(store.savedQueries().map((o) => o.apiName)).toEqual([
      'vendas_por_uf',
      'contatos_empresas',
    ]);
  });
});
