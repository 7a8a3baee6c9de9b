import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import { I18n } from '../../../core/i18n/i18n';
import { ObjectGrid } from '../../../shared/object-grid/object-grid';
import { sqlResultColumns } from '../../../shared/object-grid/result-columns';
import { PlaygroundStore } from './playground.store';
import { SaveQueryForm, SaveQueryRequest } from './save-query-form';
import { SqlCatalog } from './sql-catalog';
import { EditorMark, SqlEditor } from './sql-editor';

const DRAFT_KEY = 'crm.playground.sql';
const SAMPLE = `SELECT ciclo_vida, count(*) AS total
FROM tb_contato
WHERE excluido_em IS NULL
GROUP BY 1
ORDER BY 2 DESC`;

/** "Playground SQL": write a SELECT with completion, run it (Ctrl+Enter), see the rows, save it as an object. */
@Component({
  selector: 'app-playground',
  imports: [
    SqlEditor,
    ObjectGrid,
    SaveQueryForm,
    RouterLink,
    MatAnchor,
    MatButton,
    MatIcon,
    MatProgressBar,
  ],
  providers: [PlaygroundStore, SqlCatalog],
  templateUrl: './playground.html',
  styleUrl: './playground.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Playground {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(PlaygroundStore);
  protected readonly catalog = inject(SqlCatalog);
  private readonly editor = viewChild.required(SqlEditor);
  private readonly storage = globalThis.localStorage as Storage | undefined;

  protected readonly initial = this.readDraft();

  protected readonly result = computed(() => {
    const result = this.store.result();
    return result ? { columns: sqlResultColumns(result.columns), rows: result.rows } : null;
  });

  protected readonly mark = computed<EditorMark | null>(() => {
    const problem = this.store.problem();
    return problem?.position
      ? { offset: problem.position.offset, message: problem.message ?? '' }
      : null;
  });

  constructor() {
    this.catalog.load();
  }

  protected onChanged(sql: string): void {
    this.catalog.columnsFor(sql);
    try {
      this.storage?.setItem(DRAFT_KEY, sql);
    } catch {
      // storage refused (private mode): the draft lasts while the page is open
    }
  }

  protected run(): void {
    this.store.run(this.editor().text());
  }

  protected save(request: SaveQueryRequest): void {
    this.store.save({ ...request, sql: this.editor().text() });
  }

  private readDraft(): string {
    try {
      return this.storage?.getItem(DRAFT_KEY) || SAMPLE;
    } catch {
      return SAMPLE;
    }
  }
}
