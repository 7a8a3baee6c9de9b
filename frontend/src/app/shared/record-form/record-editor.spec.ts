import { HttpErrorResponse } from '@angular/common/http';
import { Component, ErrorHandler, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Observable, of, throwError } from 'rxjs';

import { provideAppIcons } from '../../core/icons/app-icons';
import { FormFieldSpec } from './form-spec';
import { RecordEditor, RecordEditorConfig } from './record-editor';

interface Thing {
  id: string;
  version: number;
  name: string;
  cpf: string | null;
}

const FIELDS: FormFieldSpec[] = [
  { key: 'name', label: 'contacts.field.name', type: 'text', required: true },
  { key: 'cpf', label: 'contacts.field.cpf', type: 'mask', mask: 'cpf' },
];

const apiError = (status: number, code: string, message: string, details?: unknown) =>
  new HttpErrorResponse({ status, error: { statusCode: status, code, message, details } });

@Component({
  imports: [RecordEditor],
  template: `<app-record-editor [config]="config" [recordId]="id()" />`,
})
class Host {
  readonly id = signal<string | null>('t1');
  config!: RecordEditorConfig<Thing>;
}

describe('RecordEditor', () => {
  let fixture: ComponentFixture<Host>;
  let stored: Thing;
  let update: ReturnType<typeof vi.fn>;
  let handleError: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    stored = { id: 't1', version: 3, name: 'Maria', cpf: '52998224725' };
    update = vi.fn((_id: string, version: number, body: Record<string, unknown>) =>
      of({ ...stored, ...body, version: version + 1 }),
    );
    handleError = vi.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideAppIcons(),
        { provide: ErrorHandler, useValue: { handleError } },
      ],
    });
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.config = {
      fields: FIELDS,
      get: () => of({ ...stored }),
      create: (body) => of({ id: 'new', version: 1, name: '', cpf: null, ...body }),
      update: update as unknown as (
        id: string,
        v: number,
        b: Record<string, unknown>,
      ) => Observable<Thing>,
      link: (id) => `/things/${id}`,
      listLink: '/things',
      newTitle: 'contacts.new',
      editTitle: 'contacts.edit',
    };
    vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fixture.whenStable();
  });

  const el = () => fixture.nativeElement as HTMLElement;
  const input = (name: string) => el().querySelector(`[name="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
  };
  const save = async () => {
    (el().querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  it('shows the record, masked, and sends only the changed fields with the version read', async () => {
    expect(input('name').value).toBe('Maria');
    expect(input('cpf').value).toBe('529.982.247-25');
    type('name', 'Maria Souza');
    await save();
    expect(update).toHaveBeenCalledWith('t1', 3, { name: 'Maria Souza' });
    expect(TestBed.inject(Router).navigateByUrl).toHaveBeenCalledWith('/things/t1');
  });

  it('refuses a wrong CPF before calling the API', async () => {
    type('cpf', '52998224724');
    await save();
    expect(update).not.toHaveBeenCalled();
    expect(el().textContent).toContain('CPF inválido: confira os dígitos.');
  });

  it('offers to reload when someone else saved first (409 VERSION_CONFLICT)', async () => {
    update.mockReturnValueOnce(
      throwError(() =>
        apiError(409, 'VERSION_CONFLICT', 'O registro foi alterado por outra pessoa.'),
      ),
    );
    type('name', 'Maria Souza');
    await save();
    const banner = el().querySelector('[data-testid="version-conflict"]');
    expect(banner?.textContent).toContain('Outra pessoa alterou este registro');

    stored = { ...stored, version: 4, name: 'Maria S. (atualizada)' };
    (banner!.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(el().querySelector('[data-testid="version-conflict"]')).toBeNull();
    expect(input('name').value).toBe('Maria S. (atualizada)');

    type('name', 'Maria Souza');
    await save();
    expect(update).toHaveBeenLastCalledWith('t1', 4, { name: 'Maria Souza' });
  });

  it('links to the record that already exists on a duplicate', async () => {
    update.mockReturnValueOnce(
      throwError(() =>
        apiError(409, 'DUPLICATE_CONTACT', 'Já existe um contato com este CPF.', {
          field: 'cpf',
          existingId: 'other',
        }),
      ),
    );
    type('cpf', '111.444.777-35');
    await save();
    const banner = el().querySelector('[data-testid="duplicate"]');
    expect(banner?.textContent).toContain('Já existe um contato com este CPF.');
    expect(banner?.querySelector('a')?.getAttribute('href')).toBe('/things/other');
  });

  it("puts the API's field messages on the fields", async () => {
    update.mockReturnValueOnce(
      throwError(() =>
        apiError(400, 'VALIDATION_FAILED', 'Dados inválidos.', {
          fields: [{ field: 'name', message: 'name: nome reservado' }],
        }),
      ),
    );
    type('name', 'Admin');
    await save();
    expect(el().textContent).toContain('name: nome reservado');
    expect(handleError).not.toHaveBeenCalled();
  });
});
