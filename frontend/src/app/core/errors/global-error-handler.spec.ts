import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { I18n } from '../i18n/i18n';
import { GlobalErrorHandler, userMessage } from './global-error-handler';

describe('GlobalErrorHandler', () => {
  const i18n = () => TestBed.inject(I18n);

  it("shows the API's own message", () => {
    const error = new HttpErrorResponse({
      status: 403,
      error: {
        statusCode: 403,
        code: 'FORBIDDEN_ROLE',
        message: 'Seu papel não permite esta operação.',
        requestId: 'r1',
      },
    });
    expect(userMessage(error, i18n())).toBe('Seu papel não permite esta operação.');
  });

  it('explains a network failure in pt-BR', () => {
    expect(userMessage(new HttpErrorResponse({ status: 0 }), i18n())).toContain(
      'Não foi possível falar com o servidor',
    );
  });

  it('falls back to a generic pt-BR message for anything else', () => {
    expect(userMessage(new Error('boom'), i18n())).toBe(
      'Algo deu errado. Tente de novo; se continuar, avise o suporte.',
    );
    expect(
      userMessage(
        new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' }),
        i18n(),
      ),
    ).toBe('Algo deu errado. Tente de novo; se continuar, avise o suporte.');
  });

  it('opens a snack bar with the message', async () => {
    TestBed.configureTestingModule({ providers: [GlobalErrorHandler] });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    TestBed.inject(GlobalErrorHandler).handleError(
      new HttpErrorResponse({
        status: 409,
        error: { statusCode: 409, code: 'CONFLICT', message: 'O registro já existe.' },
      }),
    );
    await vi.waitFor(() => {
      expect(document.querySelector('.mat-mdc-snack-bar-container')?.textContent).toContain(
        'O registro já existe.',
      );
    });
  });
});
