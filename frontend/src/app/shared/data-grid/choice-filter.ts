import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { IFilterAngularComp } from 'ag-grid-angular';
import type { IFilterParams } from 'ag-grid-community';

import { I18n } from '../../core/i18n/i18n';
import { GridChoice, GridText, gridText } from './grid-query';

export interface ChoiceFilterModel {
  filterType: 'choice';
  values: string[];
}

export type ChoiceFilterParams = IFilterParams & {
  options: readonly GridChoice<GridText>[];
  title: string;
  single?: boolean;
};

/**
 * Column filter for a fixed set of values (status, stage type…): AG Grid Community has no set filter.
 * Filtering happens on the server; this only keeps the choice and tells the grid it changed.
 */
@Component({
  selector: 'app-choice-filter',
  template: `
    <fieldset class="choice-filter">
      <legend>{{ title }}</legend>
      @for (option of options; track option.value) {
        <label>
          <input
            [type]="single ? 'radio' : 'checkbox'"
            [attr.name]="single ? title : null"
            [checked]="selected().has(option.value)"
            (change)="toggle(option.value)"
          />
          {{ text(option.label) }}
        </label>
      }
      <button type="button" class="clear" [disabled]="!selected().size" (click)="clear()">
        {{ i18n.t('grid.clearFilter') }}
      </button>
    </fieldset>
  `,
  styles: `
    .choice-filter {
      display: flex;
      flex-direction: column;
      gap: 6px;
      min-width: 180px;
      margin: 0;
      padding: 12px;
      border: 0;
    }
    legend {
      padding: 0 0 6px;
      font-weight: 600;
    }
    label {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 28px;
      cursor: pointer;
    }
    .clear {
      align-self: flex-end;
      margin-top: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChoiceFilter implements IFilterAngularComp {
  protected readonly i18n = inject(I18n);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected options: readonly GridChoice<GridText>[] = [];
  protected title = '';
  protected single = false;
  private params: ChoiceFilterParams | undefined;

  protected text(text: GridText): string {
    return gridText(this.i18n, text);
  }

  agInit(params: ChoiceFilterParams): void {
    this.params = params;
    this.options = params.options;
    this.title = params.title;
    this.single = params.single ?? false;
  }

  isFilterActive(): boolean {
    return this.selected().size > 0;
  }

  // The server filters; rows in the grid already passed.
  doesFilterPass(): boolean {
    return true;
  }

  getModel(): ChoiceFilterModel | null {
    return this.isFilterActive() ? { filterType: 'choice', values: [...this.selected()] } : null;
  }

  setModel(model: ChoiceFilterModel | null): void {
    this.selected.set(new Set(model?.values ?? []));
  }

  protected toggle(value: string): void {
    const next = new Set(this.single ? [] : this.selected());
    if (this.selected().has(value)) next.delete(value);
    else next.add(value);
    this.selected.set(next);
    this.params?.filterChangedCallback();
  }

  protected clear(): void {
    this.selected.set(new Set());
    this.params?.filterChangedCallback();
  }
}
