import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import { CustomTablesStore } from './custom-tables.store';

const table = (apiName: string, version: number): ObjectSummaryDto => ({
  id: `o-${apiName}`,
  apiName,
  labelPt: apiName,
  labelEn: apiName,
  kind: 'tabela',
  table: `cx_${apiName}`,
  version,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('CustomTablesStore', () => {
  let http: HttpTestingController;
  let store: CustomTablesStore;
  const VISITAS = table('visitas', 3);

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), CustomTablesStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(CustomTablesStore);
    const loaded = firstValueFrom(store.load());
    http.expectOne({ url: '/api/objects', method: 'GET' }).flush([VISITAS, table('outra', 1)]);
    await loaded;
  });

  afterEach(() => http.verify());

  it('reads what a removal loses together with the current version of the table', async () => {
    const facts = firstValueFrom(store.removalFacts(VISITAS));
    http
      .expectOne((r) => r.url === '/api/objects/visitas/data' && r.params.get('include_total') === 'true')
      .flush({ rows: [{ id: 'r1' }], total: 1234, nextCursor: null });
    http.expectOne('/api/objects/o-visitas').flush({ ...VISITAS, version: 5, fields: [] });
    expect(await facts).toEqual({ records: 1234, version: 5 });
  });

  it('removes a table only at the version the confirmation showed (If-Match), then drops it from the list', async () => {
    const removed = firstValueFrom(store.deleteTable(VISITAS, 5));
    const req = http.expectOne({ url: '/api/objects/o-visitas', method: 'DELETE' });
    expect(req.request.headers.get('If-Match')).toBe('"5"');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await removed;
    expect(store.tables().map((t) => t.apiName)).toEqual(['outra']);
  });

  it('keeps the table listed when the API refuses the removal (changed meanwhile)', async () => {
    const removed = firstValueFrom(store.deleteTable(VISITAS, 5));
    http
      .expectOne({ url: '/api/objects/o-visitas', method: 'DELETE' })
      .flush({ statusCode: 409, code: 'VERSION_CONFLICT', message: 'alterado' }, { status: 409, statusText: 'Conflict' });
    await expect(removed).rejects.toMatchObject({ status: 409 });
    expect(store.tables().map((t) => t.apiName)).toEqual(['visitas', 'outra']);
  });
});
