import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { AgGridAngular } from 'ag-grid-angular';
import {
  CellKeyDownEvent,
  FullWidthCellKeyDownEvent,
  ColDef,
  CustomFilterModule,
  DateFilterModule,
  GridApi,
  GridReadyEvent,
  IDatasource,
  IGetRowsParams,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  TextFilterModule,
  ValueFormatterParams,
} from 'ag-grid-community';
import { map } from 'rxjs';

import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { ChoiceFilter } from './choice-filter';
import { CursorPager } from './cursor-pager';
import { formatCell } from './grid-format';
import { gridLocaleText } from './grid-locale';
import {
  filterParams,
  GridColumn,
  GridFetch,
  GridFilter,
  GridText,
  gridText,
  sortParam,
} from './grid-query';
import { GRID_THEME } from './grid-theme';

// Only what the console's grids use (function cell renderers come with the core module): this module
// and AG Grid stay in the lazy chunks of grid pages.
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  CustomFilterModule,
  LocaleModule,
]);

/** Rows per request: one AG Grid block is one page of the API (limit ≤ 200). */
export const GRID_BLOCK_SIZE = 100;
// At most this many blocks stay in memory; scrolling back far loads them again.
const MAX_BLOCKS_IN_CACHE = 10;
const SEARCH_DEBOUNCE_MS = 300;

export type GridState = 'loading' | 'ready' | 'empty' | 'error';

/**
 * The console's server-side grid: AG Grid's infinite row model over the API's cursor lists. Sorting,
 * column filters and the quick search become query parameters; nothing is filtered or sorted in the
 * browser, and at most a few blocks of rows are kept. Columns can be hidden or shown (remembered per
 * grid and per screen size); phones start with the essential columns.
 *
 * Any list fits: give it columns and a fetch function (`request → {items, nextCursor, total}`).
 */
@Component({
  selector: 'app-data-grid',
  imports: [
    AgGridAngular,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatIcon,
    MatInput,
    MatMenu,
    MatMenuTrigger,
    MatProgressBar,
  ],
  templateUrl: './data-grid.html',
  styleUrl: './data-grid.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataGrid<T extends { id: string }> {
  /** Names the grid for the remembered column choice ('contacts'). */
  readonly gridId = input.required<string>();
  readonly columns = input.required<readonly GridColumn<T>[]>();
  readonly fetch = input.required<GridFetch<T>>();
  /** Filters set outside the grid (a toolbar), sent with every request. */
  readonly params = input<Readonly<Record<string, string>>>({});
  /** Shows the quick search (sent as `q`) with this label. */
  readonly searchLabel = input<MessageKey | null>(null);
  readonly label = input.required<string>();
  readonly paging = input<'cursor' | 'offset'>('cursor');
  /** Fields always requested besides the visible columns' (default: id). */
  readonly requiredFields = input<readonly string[]>(['id']);
  /** Enter on a row, or a click on a row without a link. */
  readonly rowOpen = output<T>();

  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly storage = globalThis.localStorage as Storage | undefined;

  protected readonly theme = GRID_THEME;
  protected readonly blockSize = GRID_BLOCK_SIZE;
  protected readonly maxBlocks = MAX_BLOCKS_IN_CACHE;
  protected readonly state = signal<GridState>('loading');
  protected readonly busy = signal(0);
  protected readonly total = signal<number | null>(null);
  protected readonly searchText = signal('');
  private readonly search = signal('');

  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(Breakpoints.XSmall)
      .pipe(map((s) => s.matches)),
    { requireSync: true },
  );

  /** Visible columns per screen size, as the user left them (or the defaults). */
  private readonly chosen = signal<Record<'phone' | 'desktop', readonly string[] | null>>({
    phone: null,
    desktop: null,
  });

  protected readonly visible = computed(() => {
    const layout = this.phone() ? 'phone' : 'desktop';
    const chosen = this.chosen()[layout] ?? this.remembered(layout);
    if (chosen) return new Set(chosen);
    return new Set(
      this.columns()
        .filter((c) => !c.hidden && (layout === 'desktop' || c.essential))
        .map((c) => c.field),
    );
  });

  protected readonly columnDefs = computed<ColDef<T>[]>(() => {
    const visible = this.visible();
    this.i18n.language(); // headers and formats follow the language
    return this.columns().map((column) => this.colDef(column, visible.has(column.field)));
  });

  protected readonly localeText = computed(() => gridLocaleText(this.i18n.language()));

  private api: GridApi<T> | undefined;
  private pager: { key: string; pager: CursorPager<T> } | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private outerQuery: string | undefined;

  /** The `fields=` selection: visible columns' fields and the required ones. */
  private readonly fetchedFields = computed(() => {
    const visible = this.visible();
    const fields = new Set(this.requiredFields());
    for (const c of this.columns()) {
      if (visible.has(c.field)) for (const f of c.fields ?? [c.field]) fields.add(f);
    }
    return [...fields].join(',');
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
    // Outside filters, the search and the fetched columns change the query: start again from the top.
    effect(() => {
      const query = JSON.stringify([this.params(), this.search(), this.fetchedFields()]);
      if (this.outerQuery !== undefined && query !== this.outerQuery)
        untracked(() => this.reload());
      this.outerQuery = query;
    });
  }

  protected text(text: GridText): string {
    return gridText(this.i18n, text);
  }

  protected onGridReady(event: GridReadyEvent<T>): void {
    this.api = event.api;
    event.api.setGridOption('datasource', this.datasource());
  }

  /** Loads again from the first row (after an error, or when something outside changed). */
  reload(): void {
    if (!this.api) return;
    this.pager = undefined;
    this.api.purgeInfiniteCache();
  }

  protected onSearchInput(value: string): void {
    this.searchText.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search.set(value.trim()), SEARCH_DEBOUNCE_MS);
  }

  protected clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchText.set('');
    this.search.set('');
  }

  protected toggleColumn(field: string): void {
    const layout = this.phone() ? 'phone' : 'desktop';
    const next = new Set(this.visible());
    if (next.has(field)) {
      if (next.size === 1) return; // keep at least one column
      next.delete(field);
    } else {
      next.add(field);
    }
    const fields = this.columns()
      .map((c) => c.field)
      .filter((f) => next.has(f));
    this.chosen.update((c) => ({ ...c, [layout]: fields }));
    this.storage?.setItem(this.storageKey(layout), JSON.stringify(fields));
  }

  protected onCellKeyDown(event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>): void {
    const key = (event.event as KeyboardEvent | null)?.key;
    if (key === 'Enter' && event.data) this.rowOpen.emit(event.data);
  }

  protected onRowClicked(data: T | undefined, target: EventTarget | null): void {
    if (data && !(target instanceof Element && target.closest('a'))) this.rowOpen.emit(data);
  }

  private datasource(): IDatasource {
    return {
      getRows: (params: IGetRowsParams) => {
        const query = {
          sort: sortParam(params.sortModel, this.columns()),
          params: {
            ...filterParams(params.filterModel as Record<string, unknown>, this.columns()),
            ...this.params(),
            ...(this.search() ? { q: this.search() } : {}),
          },
          fields: this.fetchedFields(),
        };
        const key = JSON.stringify(query);
        if (this.pager?.key !== key) {
          this.pager = {
            key,
            pager: new CursorPager(this.fetch(), query, GRID_BLOCK_SIZE, this.paging()),
          };
        }
        const first = params.startRow === 0;
        if (first) this.state.set('loading');
        this.busy.update((n) => n + 1);
        this.pager.pager
          .block(params.startRow)
          .then((block) => {
            params.successCallback(block.rows, block.lastRow ?? -1);
            if (first) {
              this.total.set(block.total ?? null);
              this.state.set(block.rows.length ? 'ready' : 'empty');
            }
          })
          .catch((error: unknown) => {
            params.failCallback();
            this.state.set('error');
            console.error(error);
          })
          .finally(() => this.busy.update((n) => n - 1));
      },
    };
  }

  private colDef(column: GridColumn<T>, visible: boolean): ColDef<T> {
    const get = column.value ?? ((row: T) => (row as Record<string, unknown>)[column.field]);
    const choices =
      column.labels ?? (column.filter?.kind === 'choice' ? column.filter.options : null);
    return {
      colId: column.field,
      headerName: this.text(column.header),
      hide: !visible,
      sortable: Boolean(column.sort),
      width: column.width,
      flex: column.width ? undefined : (column.flex ?? 1),
      minWidth: 110,
      valueGetter: (p) => (p.data ? get(p.data) : undefined),
      valueFormatter: (p: ValueFormatterParams<T>) => {
        const choice = choices?.find((c) => c.value === p.value);
        if (choice) return this.text(choice.label);
        return formatCell(p.value, column.format, this.i18n.language());
      },
      cellRenderer: column.link ? this.linkRenderer(column.link) : undefined,
      ...this.filterDef(column.filter, column.header),
    };
  }

  // A real link (middle click, copy address) that the router follows without a reload.
  private linkRenderer(route: (row: T) => string) {
    return (p: { data?: T; valueFormatted?: string | null; value?: unknown }) => {
      if (!p.data) return '';
      const a = document.createElement('a');
      a.href = route(p.data);
      a.className = 'grid-link';
      a.textContent = p.valueFormatted ?? String(p.value ?? '');
      a.addEventListener('click', (e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        void this.router.navigateByUrl(a.getAttribute('href')!);
      });
      return a;
    };
  }

  private filterDef(filter: GridFilter | undefined, header: GridText): Partial<ColDef<T>> {
    if (!filter) return { filter: false };
    const single = { maxNumConditions: 1, buttons: ['reset', 'apply'], closeOnApply: true };
    switch (filter.kind) {
      case 'text':
        return {
          filter: 'agTextColumnFilter',
          filterParams: { ...single, filterOptions: ['equals'] },
        };
      case 'number':
        return {
          filter: 'agNumberColumnFilter',
          filterParams: {
            ...single,
            filterOptions: ['greaterThanOrEqual', 'lessThanOrEqual', 'inRange'],
          },
        };
      case 'date':
        return {
          filter: 'agDateColumnFilter',
          filterParams: {
            ...single,
            filterOptions: ['equals', 'greaterThan', 'lessThan', 'inRange'],
          },
        };
      case 'choice':
        return {
          filter: ChoiceFilter,
          filterParams: {
            options: filter.options,
            title: this.text(header),
            single: filter.single,
          },
        };
    }
  }

  private remembered(layout: 'phone' | 'desktop'): string[] | null {
    try {
      const saved: unknown = JSON.parse(this.storage?.getItem(this.storageKey(layout)) ?? 'null');
      if (!Array.isArray(saved)) return null;
      const known = new Set(this.columns().map((c) => c.field));
      const fields = saved.filter((f): f is string => typeof f === 'string' && known.has(f));
      return fields.length ? fields : null;
    } catch {
      return null;
    }
  }

  private storageKey(layout: 'phone' | 'desktop'): string {
    return `crm.grid.${this.gridId()}.${layout}`;
  }
}
