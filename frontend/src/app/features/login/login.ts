import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';

import { apiErrorOf } from '../../core/api/api-error';
import { userMessage } from '../../core/errors/global-error-handler';
import { ROLE_LABELS, TenantRole } from '../../core/auth/roles';
import { Session, SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { TENANT_SLUG_PATTERN } from '../../shared/tenant-slug';

/** One tenant offered when the API answers TENANT_CHOICE_REQUIRED. */
export interface TenantChoice {
  slug: string;
  name: string;
  role: TenantRole;
}

const LAST_TENANT_KEY = 'crm.lastTenant';

/** "Entrar": tenant, e-mail and password; a user of several tenants then picks one. */
@Component({
  selector: 'app-login',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSuffix,
    MatInput,
    MatButton,
    MatIconButton,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './login.html',
  styleUrl: './login.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(NonNullableFormBuilder).group({
    tenant: [readLastTenant(), Validators.pattern(TENANT_SLUG_PATTERN)],
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly choices = signal<readonly TenantChoice[]>([]);
  protected readonly showPassword = signal(false);
  protected readonly roleLabels = ROLE_LABELS;

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { tenant, email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.session
      .login({ email: email.trim(), password, ...(tenant ? { tenant: tenant.trim() } : {}) })
      .subscribe({
        next: (session) => this.enter(session),
        error: (error: unknown) => this.fail(error),
      });
  }

  protected choose(choice: TenantChoice): void {
    this.form.controls.tenant.setValue(choice.slug);
    this.submit();
  }

  protected toggleLanguage(): void {
    void this.i18n.use(this.i18n.language() === 'pt-BR' ? 'en' : 'pt-BR');
  }

  private enter(session: Session): void {
    this.submitting.set(false);
    rememberTenant(session.tenant?.slug ?? '');
    const home = session.role === 'platform_admin' ? '/platform' : '/';
    void this.router.navigateByUrl(
      safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')) ?? home,
    );
  }

  private fail(error: unknown): void {
    this.submitting.set(false);
    const api = apiErrorOf(error);
    if (api?.code === 'TENANT_CHOICE_REQUIRED') {
      this.choices.set(tenantChoices(api.details));
      this.error.set(null);
      return;
    }
    this.error.set(userMessage(error, this.i18n));
  }
}

function tenantChoices(details: unknown): TenantChoice[] {
  const tenants = (details as { tenants?: unknown } | undefined)?.tenants;
  return Array.isArray(tenants) ? (tenants as TenantChoice[]) : [];
}

/** Only a path inside the console: never an absolute URL that would send the user elsewhere. */
function safeReturnUrl(url: string | null): string | null {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login')
    ? url
    : null;
}

function readLastTenant(): string {
  try {
    return localStorage.getItem(LAST_TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberTenant(slug: string): void {
  try {
    if (slug) localStorage.setItem(LAST_TENANT_KEY, slug);
  } catch {
    // Storage refused (private mode): the field just starts empty next time.
  }
}
