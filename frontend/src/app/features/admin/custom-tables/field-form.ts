import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ErrorHandler,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { DestroyRef } from '@angular/core';

import { FieldDto } from '../../../core/api/generated/models/field-dto';
import { I18n } from '../../../core/i18n/i18n';
import { apiNameFollowsLabel } from '../shared/api-name';
import { ApiNameField } from '../shared/api-name-field';
import { localLabel } from '../shared/local-label';
import { nameErrorOnControl } from '../shared/server-errors';
import { CustomTablesStore } from './custom-tables.store';
import {
  createFieldForm,
  createFieldRequest,
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  hasOptions,
  takesDefault,
  updateFieldRequest,
} from './field-form.model';

/** Adds a field to the open table, or changes one (`field` given). */
@Component({
  selector: 'app-field-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    ApiNameField,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="field-form" class="form-grid">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('tables.field.label') }}</mat-label>
        <input matInput formControlName="labelPt" name="labelPt" maxlength="120" required />
        <mat-error>{{ i18n.t('form.error.required') }}</mat-error>
      </mat-form-field>
      <app-api-name-field [control]="form.controls.apiName" />
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('tables.field.labelEn') }}</mat-label>
        <input matInput formControlName="labelEn" name="labelEn" maxlength="120" />
        <mat-hint>{{ i18n.t('tables.field.labelEnHint') }}</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('tables.field.type') }}</mat-label>
        <mat-select formControlName="type" data-testid="field-type">
          @for (t of types(); track t) {
            <mat-option [value]="t">{{ i18n.t(typeLabels[t]) }}</mat-option>
          }
        </mat-select>
        @if (field()) {
          <mat-hint>{{ i18n.t('tables.field.typeChangeHint') }}</mat-hint>
        }
      </mat-form-field>
      @if (type() === 'lookup') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('tables.field.target') }}</mat-label>
          <mat-select formControlName="target" data-testid="field-target">
            @for (o of targets(); track o.apiName) {
              <mat-option [value]="o.apiName">{{ o.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ i18n.t('tables.field.targetRequired') }}</mat-error>
        </mat-form-field>
      }
      @if (withOptions()) {
        <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('tables.field.options') }}</mat-label>
          <textarea matInput formControlName="options" name="options" rows="4"></textarea>
          <mat-hint>{{ i18n.t('tables.field.optionsHint') }}</mat-hint>
          <mat-error data-testid="options-error">{{ optionsError() }}</mat-error>
        </mat-form-field>
      }
      @if (withDefault()) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('tables.field.default') }}</mat-label>
          <input matInput formControlName="defaultValue" name="defaultValue" />
          <mat-hint>{{ i18n.t('tables.field.defaultHint') }}</mat-hint>
          <mat-error>{{ i18n.t('designer.error.number') }}</mat-error>
        </mat-form-field>
      }
      <div class="checks wide">
        <mat-checkbox formControlName="required">{{
          i18n.t('tables.field.required')
        }}</mat-checkbox>
        <mat-checkbox formControlName="unique">{{ i18n.t('tables.field.unique') }}</mat-checkbox>
      </div>
      <div class="actions wide">
        <button matButton type="button" (click)="done.emit()">{{ i18n.t('common.cancel') }}</button>
        <button matButton="filled" type="submit" [disabled]="busy()">
          {{ i18n.t(field() ? 'tables.field.save' : 'tables.field.add') }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldForm implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly store = inject(CustomTablesStore);
  private readonly errors = inject(ErrorHandler);
  private readonly destroyRef = inject(DestroyRef);

  /** The field to change; absent for a new one. */
  readonly field = input<FieldDto | null>(null);
  /** Emitted once saved or cancelled. */
  readonly done = output<void>();

  protected readonly typeLabels = FIELD_TYPE_LABELS;
  protected readonly busy = signal(false);
  protected form = createFieldForm();
  protected readonly type = signal(this.form.controls.type.value);
  protected readonly withOptions = computed(() => hasOptions(this.type()));
  protected readonly withDefault = computed(() => takesDefault(this.type()));
  // A lookup needs a target, which the API sets only at creation.
  protected readonly types = computed(() =>
    this.field() && this.field()!.type !== 'lookup'
      ? FIELD_TYPES.filter((t) => t !== 'lookup')
      : FIELD_TYPES,
  );
  protected readonly targets = computed(() =>
    this.store
      .lookupTargets()
      .map((o) => ({ apiName: o.apiName, label: localLabel(this.i18n, o) }))
      .sort((a, b) => a.label.localeCompare(b.label, this.i18n.locale())),
  );

  ngOnInit(): void {
    const field = this.field();
    this.form = createFieldForm(field ?? undefined);
    if (field?.type === 'lookup') this.form.controls.target.disable();
    this.type.set(this.form.controls.type.value);
    this.form.controls.type.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((t) => this.type.set(t));
    // A new field's API name follows its label; an existing field keeps its name.
    apiNameFollowsLabel(
      this.form.controls.labelPt,
      this.form.controls.apiName,
      this.destroyRef,
    )(!field);
  }

  protected optionsError(): string {
    const e = this.form.controls.options.errors ?? {};
    if (e['optionsRequired']) return this.i18n.t('tables.field.optionsRequired');
    if (e['optionsDuplicate']) return this.i18n.t('tables.field.optionsDuplicate');
    if (e['optionTooLong']) return this.i18n.t('tables.field.optionTooLong');
    if (e['optionsTooMany']) return this.i18n.t('tables.field.optionsTooMany');
    return '';
  }

  protected submit(): void {
    this.form.updateValueAndValidity();
    if (this.form.invalid || !this.form.controls.labelPt.value.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    const field = this.field();
    const request = field
      ? this.store.updateField(field.apiName, updateFieldRequest(this.form, field))
      : this.store.addField(createFieldRequest(this.form));
    this.busy.set(true);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.done.emit();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        if (!nameErrorOnControl(e, this.form.controls.apiName)) this.errors.handleError(e);
      },
    });
  }
}
