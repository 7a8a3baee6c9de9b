import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ErrorHandler,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { filter, switchMap } from 'rxjs';

import { CreateTenantDto } from '../../../core/api/generated/models/create-tenant-dto';
import { TenantDto } from '../../../core/api/generated/models/tenant-dto';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/locale-format';
import { MessageKey } from '../../../core/i18n/messages.pt-br';
import { Confirm } from '../../../shared/confirm-dialog';
import { TenantForm } from './tenant-form';
import { TenantStatusFilter, TenantsStore } from './tenants.store';

const STATUS_LABELS: Record<TenantDto['status'], MessageKey> = {
  ativo: 'tenants.status.ativo',
  arquivado: 'tenants.status.arquivado',
};

const FILTERS: readonly { value: TenantStatusFilter; label: MessageKey }[] = [
  { value: 'all', label: 'tenants.filter.all' },
  { value: 'ativo', label: 'tenants.filter.active' },
  { value: 'arquivado', label: 'tenants.filter.archived' },
];

/** Platform → "Tenants": the consultancy's operators list, create and archive tenants. */
@Component({
  selector: 'app-tenants',
  imports: [
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatIcon,
    MatProgressBar,
    LocalDatePipe,
    TenantForm,
  ],
  providers: [TenantsStore],
  templateUrl: './tenants.html',
  styleUrl: './tenants.scss',
  host: { class: 'page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Tenants {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(TenantsStore);
  private readonly confirm = inject(Confirm);
  private readonly errors = inject(ErrorHandler);
  private readonly form = viewChild.required(TenantForm);

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly filters = FILTERS;
  /** Seconds since the provisioning request left, while it runs. */
  protected readonly provisioningFor = signal<number | null>(null);
  protected readonly lastCreated = signal<TenantDto | null>(null);
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    this.show('all');
    inject(DestroyRef).onDestroy(() => clearInterval(this.timer));
  }

  protected show(status: TenantStatusFilter): void {
    this.store.load(status).subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  protected loadMore(): void {
    this.store.loadMore().subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  protected create(request: CreateTenantDto): void {
    this.lastCreated.set(null);
    this.startClock();
    this.store.create(request).subscribe({
      next: (tenant) => {
        this.stopClock();
        this.lastCreated.set(tenant);
        this.form().reset();
      },
      error: (e: unknown) => {
        this.stopClock();
        this.errors.handleError(e);
      },
    });
  }

  protected archive(tenant: TenantDto): void {
    this.confirm
      .ask({
        title: this.i18n.t('tenants.archiveTitle', { name: tenant.name }),
        message: this.i18n.t('tenants.archiveMessage'),
        confirm: this.i18n.t('tenants.archive'),
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.store.archive(tenant.slug)),
      )
      .subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  private startClock(): void {
    const started = Date.now();
    this.provisioningFor.set(0);
    this.timer = setInterval(
      () => this.provisioningFor.set(Math.floor((Date.now() - started) / 1000)),
      1000,
    );
  }

  private stopClock(): void {
    clearInterval(this.timer);
    this.provisioningFor.set(null);
  }
}
