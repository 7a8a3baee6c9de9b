import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AgGridAngular } from 'ag-grid-angular';
import {
  ClientSideRowModelModule,
  ColDef,
  LocaleModule,
  ModuleRegistry,
  ValueFormatterParams,
} from 'ag-grid-community';

import { I18n } from '../../core/i18n/i18n';
import { GRID_THEME } from '../data-grid/grid-theme';
import { formatCell } from '../data-grid/grid-format';
import { gridLocaleText } from '../data-grid/grid-locale';
import { gridText } from '../data-grid/grid-query';
import { ResultColumn } from './result-columns';

ModuleRegistry.registerModules([ClientSideRowModelModule, LocaleModule]);

type ResultRow = readonly unknown[];

/**
 * A result already in the browser (capped by the server) in AG Grid's client-side row model: sorting happens
 * here, columns keep a readable width and the grid scrolls sideways on narrow screens.
 */
@Component({
  selector: 'app-result-grid',
  imports: [AgGridAngular],
  template: `
    <ag-grid-angular
      class="grid"
      [attr.aria-label]="label()"
      [theme]="theme"
      [columnDefs]="columnDefs()"
      [rowData]="rowData()"
      [localeText]="localeText()"
      [suppressNoRowsOverlay]="true"
    />
  `,
  styles: `
    :host {
      display: block;
      height: var(--grid-height, max(320px, calc(100dvh - 420px)));
    }
    .grid {
      display: block;
      height: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResultGrid {
  readonly columns = input.required<readonly ResultColumn[]>();
  readonly rows = input.required<readonly ResultRow[]>();
  readonly label = input.required<string>();

  private readonly i18n = inject(I18n);
  protected readonly theme = GRID_THEME;
  protected readonly localeText = computed(() => gridLocaleText(this.i18n.language()));
  protected readonly rowData = computed(() => [...this.rows()] as ResultRow[]);

  protected readonly columnDefs = computed<ColDef<ResultRow>[]>(() => {
    const language = this.i18n.language();
    return this.columns().map((column, index) => ({
      // The position keeps repeated names (SELECT a.id, b.id) apart.
      colId: `${index}`,
      headerName: gridText(this.i18n, column.header),
      sortable: true,
      minWidth: 120,
      flex: 1,
      type: column.numeric ? 'rightAligned' : undefined,
      valueGetter: (p) => p.data?.[index],
      valueFormatter: (p: ValueFormatterParams<ResultRow>) =>
        p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value)
          ? JSON.stringify(p.value)
          : formatCell(p.value, column.format, language),
      comparator: column.numeric ? numericOrder : undefined,
    }));
  });
}

// bigint and numeric come as text: sort them as numbers.
function numericOrder(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return Number(a) - Number(b);
}
