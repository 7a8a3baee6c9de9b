import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ErrorHandler,
  inject,
  signal,
} from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { I18n } from '../../../core/i18n/i18n';
import { localLabel } from '../shared/local-label';
import { DesignerColumns } from './designer-columns';
import { DesignerFilters } from './designer-filters';
import { DesignerPreview } from './designer-preview';
import { DesignerSave } from './designer-save';
import { DesignerSort } from './designer-sort';
import { DesignerSources } from './designer-sources';
import { DesignerStore } from './designer.store';

/** Admin → "Designer de objetos": a data set built by picking, previewed live, saved as an object. */
@Component({
  selector: 'app-object-designer',
  imports: [
    MatProgressBar,
    DesignerSources,
    DesignerColumns,
    DesignerFilters,
    DesignerSort,
    DesignerPreview,
    DesignerSave,
  ],
  providers: [DesignerStore],
  templateUrl: './object-designer.html',
  styleUrl: './object-designer.scss',
  host: { class: 'page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObjectDesigner {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DesignerStore);
  protected readonly saved = signal<ObjectDto | null>(null);
  protected readonly savedList = computed(() =>
    this.store
      .savedQueries()
      .map((o) => ({
        apiName: o.apiName,
        label: localLabel(this.i18n, o),
        description: o.description,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, this.i18n.locale())),
  );

  constructor() {
    const errors = inject(ErrorHandler);
    this.store.loadObjects().subscribe({ error: (e: unknown) => errors.handleError(e) });
  }

  protected label(o: ObjectDto): string {
    return localLabel(this.i18n, o);
  }
}
