import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { I18n } from '../../core/i18n/i18n';
import { MaskDirective } from '../masks/mask.directive';
import { UsersDirectory } from '../users-directory';
import { CompanyPicker } from './company-picker';
import { FormFieldSpec, RecordFormGroup } from './form-spec';
import { FieldError } from './field-error';

/**
 * The fields of a record form, generated from their specs: one column on phones, two on wider screens,
 * masks for documents and phones, the owner and the company as pickers.
 */
@Component({
  selector: 'app-record-fields',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MaskDirective,
    CompanyPicker,
    FieldError,
  ],
  template: `
    <div class="fields">
      @for (field of fields(); track field.key) {
        @if (field.section) {
          <h2 class="section">{{ i18n.t(field.section) }}</h2>
        }
        @let control = form().controls[field.key];
        @switch (field.type) {
          @case ('company') {
            <app-company-picker [control]="control" [label]="i18n.t(field.label)" />
          }
          @case ('select') {
            <mat-form-field appearance="outline">
              <mat-label>{{ i18n.t(field.label) }}</mat-label>
              <mat-select
                [formControl]="control"
                [attr.data-field]="field.key"
                [required]="!!field.required"
              >
                @if (field.optional) {
                  <mat-option [value]="null">—</mat-option>
                }
                @for (option of field.options ?? []; track option.value) {
                  <mat-option [value]="option.value">{{ i18n.t(option.label) }}</mat-option>
                }
                @for (value of field.values ?? []; track value) {
                  <mat-option [value]="value">{{ value }}</mat-option>
                }
              </mat-select>
              <mat-error><app-field-error [control]="control" [field]="field" /></mat-error>
            </mat-form-field>
          }
          @case ('owner') {
            <mat-form-field appearance="outline">
              <mat-label>{{ i18n.t(field.label) }}</mat-label>
              <mat-select [formControl]="control" [attr.data-field]="field.key">
                <mat-option [value]="null">{{ i18n.t('common.noOwner') }}</mat-option>
                @for (user of users.users(); track user.id) {
                  <mat-option [value]="user.id">{{ user.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          @case ('textarea') {
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ i18n.t(field.label) }}</mat-label>
              <textarea matInput rows="3" [formControl]="control" [name]="field.key"></textarea>
              <mat-error><app-field-error [control]="control" [field]="field" /></mat-error>
            </mat-form-field>
          }
          @case ('mask') {
            <mat-form-field appearance="outline">
              <mat-label>{{ i18n.t(field.label) }}</mat-label>
              <input matInput [appMask]="field.mask!" [formControl]="control" [name]="field.key" />
              @if (field.hint) {
                <mat-hint>{{ i18n.t(field.hint) }}</mat-hint>
              }
              <mat-error><app-field-error [control]="control" [field]="field" /></mat-error>
            </mat-form-field>
          }
          @default {
            <mat-form-field appearance="outline" [class.wide]="field.wide">
              <mat-label>{{ i18n.t(field.label) }}</mat-label>
              <input
                matInput
                [type]="field.type"
                [formControl]="control"
                [name]="field.key"
                [required]="!!field.required"
                [attr.maxlength]="field.maxLength ?? null"
                [attr.inputmode]="field.type === 'number' ? 'decimal' : null"
              />
              @if (field.hint) {
                <mat-hint>{{ i18n.t(field.hint) }}</mat-hint>
              }
              <mat-error><app-field-error [control]="control" [field]="field" /></mat-error>
            </mat-form-field>
          }
        }
      }
    </div>
  `,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: 1fr;
      gap: 4px 16px;
    }
    .section,
    .wide {
      grid-column: 1 / -1;
    }
    .section {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-medium);
    }
    @media (min-width: 720px) {
      .fields {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordFields {
  protected readonly i18n = inject(I18n);
  protected readonly users = inject(UsersDirectory);
  readonly fields = input.required<readonly FormFieldSpec[]>();
  readonly form = input.required<RecordFormGroup>();
}
