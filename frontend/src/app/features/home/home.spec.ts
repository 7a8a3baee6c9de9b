import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { provideAppIcons } from '../../core/icons/app-icons';
import { Home } from './home';

const READY_URL = '/api/health/ready';

describe('Home', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<Home>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [Home],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideAppIcons()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const statusText = () =>
    (fixture.nativeElement.querySelector('[role="status"]') as HTMLElement).textContent?.trim();
  const retryButton = () =>
    fixture.nativeElement.querySelector('button') as HTMLButtonElement | null;

  it('shows that it is checking while the readiness request is pending', () => {
    const request = http.expectOne(READY_URL);
    expect(request.request.method).toBe('GET');
    expect(statusText()).toBe('Verificando a API…');
    request.flush({ status: 'ok' });
  });

  it('says "API conectada" when the API and its database are ready', async () => {
    http
      .expectOne(READY_URL)
      .flush({ status: 'ok', info: { database: { status: 'up' } }, error: {}, details: {} });
    await fixture.whenStable();

    expect(statusText()).toBe('API conectada');
    expect(retryButton()).toBeNull();
  });

  it('says "API indisponível" when the API answers 503, and checks again on retry', async () => {
    http
      .expectOne(READY_URL)
      .flush(
        { status: 'error', info: {}, error: { database: { status: 'down' } }, details: {} },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await fixture.whenStable();
    expect(statusText()).toBe('API indisponível');

    retryButton()!.click();
    await fixture.whenStable();
    expect(statusText()).toBe('Verificando a API…');

    http.expectOne(READY_URL).flush({ status: 'ok' });
    await fixture.whenStable();
    expect(statusText()).toBe('API conectada');
  });

  it('says "API indisponível" when the API cannot be reached', async () => {
    http.expectOne(READY_URL).error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(statusText()).toBe('API indisponível');
  });
});
