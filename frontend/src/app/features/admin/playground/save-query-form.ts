import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { I18n } from '../../../core/i18n/i18n';
import { API_NAME_PATTERN, RESERVED_PREFIXES } from '../shared/api-name';


/** A valid object apiName from a label: "Vendas por mês" → `vendas_por_mes`. */
export function suggestApiName(label: string): string {
  let name = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name) return '';
  if (!/^[a-z]/.test(name) || RESERVED_PREFIXES.some((p) => name.startsWith(p)))
    name = `consulta_${name}`;
  return name.slice(0, 41).replace(/_+$/, '');
}

export interface SaveQueryRequest {
  label: string;
  apiName: string;
}

/** "Salvar como objeto": the query's name and its name in SQL (suggested from the name until edited). */
@Component({
  selector: 'app-save-query-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="save-query">
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('playground.save.label') }}</mat-label>
        <input matInput formControlName="label" name="label" maxlength="100" required />
        <mat-error>{{ i18n.t('playground.save.labelRequired') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('playground.save.apiName') }}</mat-label>
        <input
          matInput
          formControlName="apiName"
          name="apiName"
          maxlength="41"
          required
          autocapitalize="off"
          spellcheck="false"
          (input)="edited = true"
        />
        <mat-hint>{{ i18n.t('playground.save.apiNameHint') }}</mat-hint>
        <mat-error>{{ i18n.t('playground.save.apiNameInvalid') }}</mat-error>
      </mat-form-field>
      <button matButton="filled" type="submit" [disabled]="busy()" data-testid="save-query-submit">
        {{ i18n.t('playground.save.submit') }}
      </button>
    </form>
  `,
  styles: `
    form {
      display: grid;
      grid-template-columns: 1fr;
      gap: 12px 16px;
      align-items: start;
    }
    button {
      height: 48px;
      margin-top: 4px;
    }
    @media (min-width: 960px) {
      form {
        grid-template-columns: 1fr 1fr auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveQueryForm {
  protected readonly i18n = inject(I18n);
  readonly busy = input(false);
  readonly save = output<SaveQueryRequest>();

  protected edited = false;
  protected readonly form = inject(NonNullableFormBuilder).group({
    label: ['', [Validators.required, Validators.maxLength(100)]],
    apiName: [
      '',
      [
        Validators.required,
        Validators.pattern(API_NAME_PATTERN),
        (c: { value: string }) =>
          RESERVED_PREFIXES.some((p) => c.value.startsWith(p)) ? { reserved: true } : null,
      ],
    ],
  });

  constructor() {
    this.form.controls.label.valueChanges.pipe(takeUntilDestroyed()).subscribe((label) => {
      if (!this.edited) this.form.controls.apiName.setValue(suggestApiName(label));
    });
  }

  protected submit(): void {
    const { label, apiName } = this.form.getRawValue();
    if (this.form.invalid || !label.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    this.save.emit({ label: label.trim(), apiName });
  }
}
