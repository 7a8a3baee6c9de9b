import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteSelectedEvent,
  MatAutocompleteTrigger,
  MatOption,
} from '@angular/material/autocomplete';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  of,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { companiesControllerGet } from '../../core/api/generated/fn/companies/companies-controller-get';
import { companiesControllerList } from '../../core/api/generated/fn/companies/companies-controller-list';
import { I18n } from '../../core/i18n/i18n';

interface CompanyOption {
  id: string;
  legalName: string;
  tradeName: string | null;
}

const SEARCH_LIMIT = 10;

/** Picks a company by typing part of its name or CNPJ (searched by the API); the control holds its id. */
@Component({
  selector: 'app-company-picker',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
  ],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        name="companyId"
        [value]="text()"
        [matAutocomplete]="auto"
        (input)="typed($any($event.target).value)"
      />
      <mat-hint>{{ i18n.t('form.companyHint') }}</mat-hint>
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="display"
        (optionSelected)="pick($event)"
      >
        @for (company of options(); track company.id) {
          <mat-option [value]="company">
            {{ company.legalName }}
            @if (company.tradeName) {
              <small>· {{ company.tradeName }}</small>
            }
          </mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyPicker {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  readonly control = input.required<FormControl<string | null>>();
  readonly label = input.required<string>();

  protected readonly text = signal('');
  protected readonly options = signal<readonly CompanyOption[]>([]);
  private readonly terms = new Subject<string>();
  /** The id chosen in the list (its name is already shown). */
  private picked: string | null = null;

  constructor() {
    this.terms
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) =>
          q.length < 2
            ? of({ items: [] as CompanyOption[] })
            : this.api
                .invoke(companiesControllerList, {
                  q,
                  limit: SEARCH_LIMIT,
                  fields: 'legalName,tradeName',
                  sort: 'legalName',
                })
                .pipe(catchError(() => of({ items: [] as CompanyOption[] }))),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((page) => this.options.set(page.items));

    // The name of the company the record points to (it holds only the id), also after a form reset.
    effect((onCleanup) => {
      const control = this.control();
      const names = untracked(() =>
        control.valueChanges
          .pipe(
            startWith(control.value),
            distinctUntilChanged(),
            filter((id): id is string => Boolean(id) && id !== this.picked),
            switchMap((id) =>
              this.api.invoke(companiesControllerGet, { id }).pipe(catchError(() => of(null))),
            ),
          )
          .subscribe((company) => this.text.set(company?.legalName ?? '')),
      );
      onCleanup(() => names.unsubscribe());
    });
  }

  protected readonly display = (value: CompanyOption | string | null) =>
    typeof value === 'string' ? value : (value?.legalName ?? '');

  protected typed(value: string): void {
    this.text.set(value);
    if (!value.trim() && this.control().value) {
      this.control().setValue(null);
      this.control().markAsDirty();
    }
    this.terms.next(value.trim());
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const company = event.option.value as CompanyOption;
    this.text.set(company.legalName);
    this.picked = company.id;
    this.control().setValue(company.id);
    this.control().markAsDirty();
  }
}
