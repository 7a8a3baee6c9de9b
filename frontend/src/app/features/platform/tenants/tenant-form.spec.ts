import { ComponentFixture, TestBed } from '@angular/core/testing';

import { CreateTenantDto } from '../../../core/api/generated/models/create-tenant-dto';
import { TenantForm } from './tenant-form';

describe('TenantForm', () => {
  let fixture: ComponentFixture<TenantForm>;
  let created: CreateTenantDto[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [TenantForm] });
    fixture = TestBed.createComponent(TenantForm);
    created = [];
    fixture.componentInstance.create.subscribe((r) => created.push(r));
    await fixture.whenStable();
  });

  const input = (name: string) =>
    fixture.nativeElement.querySelector(`input[name="${name}"]`) as HTMLInputElement;
  async function type(name: string, value: string): Promise<void> {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const errorText = () =>
    fixture.nativeElement.querySelector('[data-testid="slug-error"]')?.textContent?.trim();

  it('suggests the slug from the name until the operator edits it', async () => {
    await type('name', 'Padaria São João');
    expect(input('slug').value).toBe('padaria_sao_joao');
    expect(fixture.nativeElement.textContent).toContain('Schema: tenant_padaria_sao_joao');

    await type('slug', 'padaria_sj');
    await type('name', 'Padaria São João Ltda');
    expect(input('slug').value).toBe('padaria_sj');
  });

  it('checks the slug while typing, before any blur or submit', async () => {
    await type('slug', '9lojas');
    expect(errorText()).toContain('Use de 3 a 40 caracteres');
    await type('slug', 'lojas_9');
    expect(errorText()).toBeUndefined();
  });

  it('emits the request only when valid, then starts blank', async () => {
    (fixture.nativeElement.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(created).toEqual([]);

    await type('name', ' Loja Exemplo ');
    (fixture.nativeElement.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect(created).toEqual([{ name: 'Loja Exemplo', slug: 'loja_exemplo' }]);

    fixture.componentInstance.reset();
    await fixture.whenStable();
    expect(input('name').value).toBe('');
    expect(errorText()).toBeUndefined();
  });
});
