import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { I18n } from '../../../core/i18n/i18n';
import { MessageKey } from '../../../core/i18n/messages.pt-br';
import { ApiNameProblem } from './api-name';

const PROBLEM_TEXT: Record<ApiNameProblem, MessageKey> = {
  pattern: 'apiName.error.pattern',
  reserved: 'apiName.error.reserved',
  prefix: 'apiName.error.prefix',
  underscores: 'apiName.error.underscores',
  taken: 'apiName.error.taken',
};

/** The "Nome na API" input: the rules as a hint, the broken rule (or the server's answer) as the error. */
@Component({
  selector: 'app-api-name-field',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ i18n.t('apiName.label') }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        name="apiName"
        maxlength="41"
        autocomplete="off"
        spellcheck="false"
      />
      <mat-hint>{{ i18n.t('apiName.hint') }}</mat-hint>
      <mat-error data-testid="api-name-error">{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiNameField {
  protected readonly i18n = inject(I18n);
  readonly control = input.required<FormControl<string>>();

  protected error(): string {
    const errors = this.control().errors ?? {};
    if (errors['required']) return this.i18n.t('form.error.required');
    if (errors['server']) return errors['server'] as string;
    const problem = errors['apiName'] as ApiNameProblem | undefined;
    return problem ? this.i18n.t(PROBLEM_TEXT[problem]) : '';
  }
}
