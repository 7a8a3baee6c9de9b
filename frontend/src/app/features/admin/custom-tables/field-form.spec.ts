import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { CustomTablesStore } from './custom-tables.store';
import { FieldForm } from './field-form';

const TABLE: ObjectDto = {
  id: 'o1',
  apiName: 'visita_loja',
  labelPt: 'Visitas',
  labelEn: 'Visits',
  kind: 'tabela',
  table: 'cx_visita_loja',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  fields: [],
};

describe('FieldForm', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FieldForm>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FieldForm],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAppIcons(),
        CustomTablesStore,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(CustomTablesStore).open.set(TABLE);
    fixture = TestBed.createComponent(FieldForm);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const el = () => fixture.nativeElement as HTMLElement;
  const type = (name: string, value: string) => {
    const input = el().querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    (el().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  it('shows what is missing and sends nothing', async () => {
    await submit();
    http.expectNone({ method: 'POST' });
    expect(el().textContent).toContain('Campo obrigatório.');
  });

  it('suggests the API name from the label and explains a broken rule', async () => {
    type('labelPt', 'Data da visita');
    await fixture.whenStable();
    expect((el().querySelector('[name="apiName"]') as HTMLInputElement).value).toBe(
      'data_da_visita',
    );
    type('apiName', 'versao');
    await submit();
    http.expectNone({ method: 'POST' });
    expect(el().querySelector('[data-testid="api-name-error"]')?.textContent).toContain(
      'campo padrão',
    );
  });

  it('adds a valid field to the open table', async () => {
    type('labelPt', 'Observação');
    await submit();
    const request = http.expectOne({ url: '/api/objects/o1/fields', method: 'POST' });
    expect(request.request.body).toEqual({
      apiName: 'observacao',
      labelPt: 'Observação',
      type: 'text',
      required: false,
      unique: false,
    });
  });
});
