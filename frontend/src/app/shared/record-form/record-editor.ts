import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  ErrorHandler,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { Observable } from 'rxjs';

import { apiErrorOf } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { buildForm, FormFieldSpec, formValues, payloadOf } from './form-spec';
import { RecordFields } from './record-fields';

/** What an editor needs to read, create and change one kind of record. */
export interface RecordEditorConfig<T extends { id: string; version: number }> {
  fields: readonly FormFieldSpec[];
  get(id: string): Observable<T>;
  create(body: Record<string, unknown>): Observable<T>;
  /** PATCH with `If-Match: "<version>"`. */
  update(id: string, version: number, body: Record<string, unknown>): Observable<T>;
  /** The record page's address. */
  link(id: string): string;
  listLink: string;
  newTitle: MessageKey;
  editTitle: MessageKey;
}

interface Duplicate {
  message: string;
  existingId: string | null;
}

/**
 * The create/edit page of a record, generated from its field specs. The API decides: its field errors
 * land on the fields, a duplicate links to the record that exists, and a version conflict (someone
 * saved first) offers to reload the current version.
 */
@Component({
  selector: 'app-record-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatAnchor,
    MatIcon,
    MatProgressBar,
    RecordFields,
  ],
  template: `
    <a class="back" [routerLink]="recordId() ? config().link(recordId()!) : config().listLink">
      <mat-icon svgIcon="arrow-back" aria-hidden="true" />
      {{ i18n.t('common.back') }}
    </a>
    <h1>{{ i18n.t(recordId() ? config().editTitle : config().newTitle) }}</h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
    }
    @if (conflict()) {
      <div class="banner" role="alert" data-testid="version-conflict">
        <p>{{ i18n.t('form.conflict') }}</p>
        <button matButton="filled" type="button" (click)="reloadLatest()">
          {{ i18n.t('form.reload') }}
        </button>
      </div>
    }
    @if (duplicate(); as duplicate) {
      <div class="banner" role="alert" data-testid="duplicate">
        <p>{{ duplicate.message }}</p>
        @if (duplicate.existingId) {
          <a matButton="outlined" [routerLink]="config().link(duplicate.existingId)">
            {{ i18n.t('form.openExisting') }}
          </a>
        }
      </div>
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <app-record-fields [fields]="config().fields" [form]="form" />
      <div class="actions">
        <a matButton [routerLink]="recordId() ? config().link(recordId()!) : config().listLink">
          {{ i18n.t('common.cancel') }}
        </a>
        <button
          matButton="filled"
          type="submit"
          data-testid="save"
          [disabled]="saving() || loading()"
        >
          {{ i18n.t(saving() ? 'form.saving' : 'form.save') }}
        </button>
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
      max-width: 880px;
    }
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    h1 {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-small);
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      p {
        flex: 1 1 280px;
        margin: 0;
      }
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordEditor<T extends { id: string; version: number }> implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorHandler);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly config = input.required<RecordEditorConfig<T>>();
  /** null for a new record. */
  readonly recordId = input<string | null>(null);

  protected form = buildForm([]);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly duplicate = signal<Duplicate | null>(null);
  private version = 0;

  ngOnInit(): void {
    this.form = buildForm(this.config().fields);
    if (this.recordId()) this.reloadLatest();
  }

  /** Reads the record as it is now and shows it, dropping unsaved changes. */
  protected reloadLatest(): void {
    const id = this.recordId();
    if (!id) return;
    this.loading.set(true);
    this.config()
      .get(id)
      .subscribe({
        next: (record) => {
          this.version = record.version;
          this.form.reset(formValues(this.config().fields, record));
          this.conflict.set(false);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.errors.handleError(e);
        },
      });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const id = this.recordId();
    const config = this.config();
    const body = payloadOf(config.fields, this.form, id ? 'update' : 'create');
    if (id && !Object.keys(body).length) {
      void this.router.navigateByUrl(config.link(id));
      return;
    }
    this.saving.set(true);
    this.duplicate.set(null);
    (id ? config.update(id, this.version, body) : config.create(body)).subscribe({
      next: (record) => void this.router.navigateByUrl(config.link(record.id)),
      error: (e: unknown) => {
        this.saving.set(false);
        this.showError(e);
      },
    });
  }

  private showError(error: unknown): void {
    const api = apiErrorOf(error);
    const details = (api?.details ?? {}) as {
      existingId?: string;
      fields?: { field: string; message: string }[];
    };
    if (api?.code === 'VERSION_CONFLICT') {
      this.conflict.set(true);
    } else if (api?.code.startsWith('DUPLICATE_')) {
      this.duplicate.set({ message: api.message, existingId: details.existingId ?? null });
    } else if (api?.code === 'VALIDATION_FAILED' && this.markFields(details.fields ?? [])) {
      this.focusFirstInvalid();
    } else {
      this.errors.handleError(error);
    }
  }

  /** Puts the API's field messages on the fields; false when none of them is on the form. */
  private markFields(fields: { field: string; message: string }[]): boolean {
    let marked = false;
    for (const { field, message } of fields) {
      const control = this.form.controls[field];
      if (!control) continue;
      control.setErrors({ server: message });
      control.markAsTouched();
      marked = true;
    }
    return marked;
  }

  private focusFirstInvalid(): void {
    queueMicrotask(() =>
      this.host.nativeElement
        .querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid')
        ?.focus(),
    );
  }
}
