import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { of } from 'rxjs';

import { ApiTokenDto } from '../../../core/api/generated/models/api-token-dto';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { Confirm } from '../../../shared/confirm-dialog';
import { ApiTokens } from './api-tokens';

const ERP: ApiTokenDto = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  name: 'ERP',
  prefix: 'abc123',
  role: 'manager',
  createdAt: '2025-03-07T12:00:00.000Z',
  createdBy: null,
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
};

describe('ApiTokens page', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ApiTokens>;
  let ask: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    ask = vi.fn(() => of(true));
    TestBed.configureTestingModule({
      imports: [ApiTokens],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAppIcons(),
        { provide: Confirm, useValue: { ask } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiTokens);
    http.expectOne('/api/tokens').flush([ERP]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const el = () => fixture.nativeElement as HTMLElement;
  const rows = () => Array.from(el().querySelectorAll('[data-testid="token-list"] tbody tr'));
  const secret = () =>
    el().querySelector('[data-testid="token-secret-value"]')?.textContent?.trim();
  const button = (label: string) =>
    Array.from(el().querySelectorAll('button')).find((b) => b.textContent?.trim().endsWith(label))!;

  it('lists the tokens with role, dates and status', () => {
    expect(rows().length).toBe(1);
    const cells = Array.from(rows()[0].querySelectorAll('td')).map((c) => c.textContent?.trim());
    expect(cells.slice(0, 7)).toEqual([
      'ERP',
      'crm_abc123_…',
      'Gerente',
      '07/03/2025',
      'Sem validade',
      'Nunca usado',
      'Ativo',
    ]);
  });

  it('creates a token and shows its secret once, until dismissed', async () => {
    const name = el().querySelector('input[name="name"]') as HTMLInputElement;
    name.value = '  Power BI ';
    name.dispatchEvent(new Event('input'));
    button('Criar token').click();
    await fixture.whenStable();

    const request = http.expectOne({ url: '/api/tokens', method: 'POST' });
    expect(request.request.body.name).toBe('Power BI');
    expect(request.request.body.role).toBe('analyst');
    // 90 days by default.
    const days = (Date.parse(request.request.body.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(90);
    request.flush(
      {
        ...ERP,
        id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
        name: 'Power BI',
        role: 'analyst',
        token: 'crm_xyz_secret',
      },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();

    expect(secret()).toBe('crm_xyz_secret');
    expect(rows().length).toBe(2);
    expect(name.value).toBe('');

    button('Já guardei').click();
    await fixture.whenStable();
    expect(secret()).toBeUndefined();
    expect(el().textContent).not.toContain('crm_xyz_secret');
  });

  it('does not call the API without a name', async () => {
    button('Criar token').click();
    await fixture.whenStable();
    http.expectNone({ url: '/api/tokens', method: 'POST' });
    expect(el().textContent).toContain('Informe um nome.');
  });

  it('revokes after the confirmation, and shows the token as revoked', async () => {
    button('Revogar').click();
    expect(ask).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Revogar o token "ERP"?', confirm: 'Revogar' }),
    );
    http
      .expectOne({ url: `/api/tokens/${ERP.id}`, method: 'DELETE' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(rows()[0].textContent).toContain('Revogado');
    expect(rows()[0].querySelector('button')).toBeNull();
  });

  it('keeps the token when the confirmation is cancelled', async () => {
    ask.mockReturnValue(of(false));
    button('Revogar').click();
    http.expectNone({ method: 'DELETE' });
    expect(rows()[0].textContent).toContain('Ativo');
  });
});
