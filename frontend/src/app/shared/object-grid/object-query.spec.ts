import { provideHttpClient, HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { FieldDto } from '../../core/api/generated/models/field-dto';
import { ObjectDataDto } from '../../core/api/generated/models/object-data-dto';
import { filterParams, GridPageRequest, sortParam } from '../data-grid/grid-query';
import { objectDataFetch } from './object-data-fetch';
import { listParams, objectColumns, objectDataPage, objectDataQuery } from './object-query';

let order = 0;
const field = (
  apiName: string,
  type: FieldDto['type'],
  extra: Partial<FieldDto> = {},
): FieldDto => ({
  id: `f-${apiName}`,
  apiName,
  labelPt: `${apiName} (pt)`,
  labelEn: `${apiName} (en)`,
  type,
  columnType: 'text',
  custom: false,
  order: order++,
  readOnly: false,
  required: false,
  system: false,
  unique: false,
  ...extra,
});

const FIELDS: FieldDto[] = [
  field('id', 'uuid', { system: true }),
  field('nome', 'text'),
  field('status', 'select', {
    options: [{ value: 'ativo', label: 'Ativo' }, { value: 'inativo' }],
  }),
  field('valor', 'currency_brl'),
  field('criado_em', 'datetime', { system: true }),
  field('vip', 'boolean'),
  field('tags', 'multi_select'),
  field('extras', 'json'),
];

const request = (over: Partial<GridPageRequest> = {}): GridPageRequest => ({
  limit: 100,
  startRow: 0,
  params: {},
  includeTotal: true,
  ...over,
});

describe('object grid query building', () => {
  const columns = objectColumns(FIELDS);
  const column = (name: string) => columns.find((c) => c.field === name)!;

  it('turns fields into columns: labels per language, sorting, filters and formats by type', () => {
    expect(columns.map((c) => c.field)).toEqual(FIELDS.map((f) => f.apiName));
    expect(column('nome')).toMatchObject({
      header: { pt: 'nome (pt)', en: 'nome (en)' },
      sort: true,
      filter: { kind: 'text', param: 'nome' },
      hidden: false,
      essential: true,
    });
    expect(column('valor')).toMatchObject({
      format: 'currency',
      filter: { kind: 'number', min: 'valor_min', max: 'valor_max' },
    });
    expect(column('criado_em')).toMatchObject({
      format: 'dateTime',
      filter: { kind: 'date', from: 'criado_em_from', to: 'criado_em_to' },
    });
    expect(column('status').filter).toEqual({
      kind: 'choice',
      param: 'status',
      options: [
        { value: 'ativo', label: { pt: 'Ativo', en: 'Ativo' } },
        { value: 'inativo', label: { pt: 'inativo', en: 'inativo' } },
      ],
    });
    expect(column('vip').filter).toMatchObject({ kind: 'choice', param: 'vip', single: true });
    expect(column('vip').value!({ id: '1', vip: false })).toBe('false');
    // The API neither filters nor sorts these.
    expect(column('tags').filter).toBeUndefined();
    expect(column('tags').sort).toBeUndefined();
    expect(column('extras').sort).toBeUndefined();
    expect(column('extras').value!({ id: '1', extras: { a: 1 } })).toBe('{"a":1}');
    // Keys and technical columns start hidden.
    expect(column('id').hidden).toBe(true);
    expect(column('extras').hidden).toBe(true);
  });

  it('keeps wide objects light: at most 8 columns start visible, 2 on phones', () => {
    const wide = objectColumns(Array.from({ length: 12 }, (_, i) => field(`c${i}`, 'text')));
    expect(wide.filter((c) => !c.hidden)).toHaveLength(8);
    expect(wide.filter((c) => c.essential).map((c) => c.field)).toEqual(['c0', 'c1']);
  });

  it('sends the sort, the page and the columns as the data endpoint reads them', () => {
    const sort = sortParam(
      [
        { colId: 'valor', sort: 'desc' },
        { colId: 'nome', sort: 'asc' },
      ],
      columns,
    );
    const query = objectDataQuery(
      'tb_contato',
      request({ sort, startRow: 200, includeTotal: false, fields: 'nome,valor' }),
    );
    expect(query).toEqual({
      params: {
        id: 'tb_contato',
        limit: 100,
        offset: 200,
        sort: '-valor,nome',
        fields: 'nome,valor',
      },
      filters: {},
    });
    expect(objectDataQuery('x', request()).params).toEqual({
      id: 'x',
      limit: 100,
      offset: 0,
      include_total: true,
    });
  });

  it('sends column filters as ?campo=, ?campo_min/_max and ?campo_from/_to, repeating list values', () => {
    const params = filterParams(
      {
        nome: { filterType: 'text', type: 'equals', filter: ' Ana ' },
        status: { filterType: 'choice', values: ['ativo', 'inativo'] },
        valor: { filterType: 'number', type: 'inRange', filter: 10, filterTo: 99.5 },
        criado_em: { filterType: 'date', type: 'greaterThan', dateFrom: '2025-02-28 00:00:00' },
        vip: { filterType: 'choice', values: ['true'] },
      },
      columns,
    );
    const { filters } = objectDataQuery('tb_contato', request({ params }), listParams(columns));
    expect(filters).toEqual({
      nome: ['Ana'],
      status: ['ativo', 'inativo'],
      valor_min: ['10'],
      valor_max: ['99.5'],
      criado_em_from: ['2025-03-01'],
      vip: ['true'],
    });
  });

  it('turns the answer into grid rows, keyed by id or by position, with the next offset as cursor', () => {
    const data: ObjectDataDto = {
      object: { id: 'o', apiName: 'q', kind: 'consulta', labelPt: 'Q', labelEn: 'Q' },
      columns: [
        { name: 'nome', type: 'text', pgType: 'text', labelPt: 'Nome', labelEn: 'Name' },
        { name: 'total', type: 'decimal', pgType: 'numeric', labelPt: 'Total', labelEn: 'Total' },
      ],
      rows: [
        ['Ana', '10.50'],
        ['Bia', null],
      ],
      offset: 100,
      limit: 2,
      nextOffset: 102,
      total: 150,
    };
    expect(objectDataPage(data)).toEqual({
      items: [
        { id: '#100', nome: 'Ana', total: '10.50' },
        { id: '#101', nome: 'Bia', total: null },
      ],
      nextCursor: '102',
      total: 150,
    });
    const withId = objectDataPage({
      ...data,
      columns: [{ name: 'id', type: 'uuid', pgType: 'uuid', labelPt: 'Id', labelEn: 'Id' }],
      rows: [['u-1']],
      nextOffset: null,
      total: undefined,
    });
    expect(withId).toEqual({ items: [{ id: 'u-1' }], nextCursor: null });
  });
});

describe('objectDataFetch', () => {
  it('calls GET /api/objects/{id}/data through the generated client, filters appended', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const columns = objectColumns(FIELDS);
    const fetch = objectDataFetch(
      TestBed.inject(HttpClient),
      TestBed.inject(Api),
      'tb_contato',
      listParams(columns),
    );
    const page = firstValueFrom(
      fetch(request({ sort: '-valor', params: { status: 'ativo,inativo', nome: 'Ana, Bia' } })),
    );
    const call = http.expectOne((r) => r.url === '/api/objects/tb_contato/data');
    const params = call.request.params;
    expect(params.get('sort')).toBe('-valor');
    expect(params.get('limit')).toBe('100');
    expect(params.get('offset')).toBe('0');
    expect(params.get('include_total')).toBe('true');
    expect(params.getAll('status')).toEqual(['ativo', 'inativo']);
    expect(params.getAll('nome')).toEqual(['Ana, Bia']);
    call.flush({
      object: { id: 'o', apiName: 'tb_contato', kind: 'base', labelPt: 'C', labelEn: 'C' },
      columns: [{ name: 'nome', type: 'text', pgType: 'text', labelPt: 'N', labelEn: 'N' }],
      rows: [['Ana']],
      offset: 0,
      limit: 100,
      nextOffset: null,
      total: 1,
    });
    expect(await page).toEqual({ items: [{ id: '#0', nome: 'Ana' }], nextCursor: null, total: 1 });
    http.verify();
  });
});
