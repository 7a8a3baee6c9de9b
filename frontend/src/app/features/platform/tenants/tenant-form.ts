import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { CreateTenantDto } from '../../../core/api/generated/models/create-tenant-dto';
import { I18n } from '../../../core/i18n/i18n';
import { slugFromName, TENANT_SLUG_PATTERN } from '../../../shared/tenant-slug';

/**
 * "Novo tenant": name and slug. The slug follows the name until the operator edits it, and is checked
 * while typing (errors show on the first keystroke, not on blur).
 */
@Component({
  selector: 'app-tenant-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('tenants.name') }}</mat-label>
        <input matInput formControlName="name" name="name" maxlength="200" required />
        <mat-error>{{ i18n.t('tenants.nameRequired') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('tenants.slug') }}</mat-label>
        <input
          matInput
          formControlName="slug"
          name="slug"
          maxlength="40"
          autocapitalize="none"
          spellcheck="false"
          required
          (input)="slugEdited = true"
        />
        @if (form.controls.slug.valid) {
          <mat-hint>{{
            i18n.t('tenants.schemaHint', { schema: 'tenant_' + form.controls.slug.value })
          }}</mat-hint>
        } @else {
          <mat-hint>{{ i18n.t('tenants.slugHint') }}</mat-hint>
        }
        <mat-error data-testid="slug-error">{{ i18n.t('tenant.slugInvalid') }}</mat-error>
      </mat-form-field>
      <button matButton="filled" type="submit" [disabled]="busy()">
        {{ i18n.t('tenants.create') }}
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
export class TenantForm {
  protected readonly i18n = inject(I18n);
  readonly busy = input(false);
  readonly create = output<CreateTenantDto>();

  protected slugEdited = false;
  // resetForm() also clears the "submitted" state, so a blank form shows no errors.
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    slug: ['', [Validators.required, Validators.pattern(TENANT_SLUG_PATTERN)]],
  });

  constructor() {
    this.form.controls.name.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((name) => {
        if (this.slugEdited) return;
        const slug = this.form.controls.slug;
        slug.setValue(slugFromName(name));
        if (slug.value) slug.markAsDirty();
      });
  }

  protected submit(): void {
    if (this.form.invalid || !this.form.controls.name.value.trim()) {
      this.form.markAllAsTouched();
      this.form.controls.slug.markAsDirty();
      return;
    }
    const { name, slug } = this.form.getRawValue();
    this.create.emit({ name: name.trim(), slug });
  }

  reset(): void {
    this.formDirective().resetForm();
    this.slugEdited = false;
  }
}
