import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';

import { Api } from '../../core/api/generated/api';
import { objectsControllerList } from '../../core/api/generated/fn/objects/objects-controller-list';
import { ObjectSummaryDto } from '../../core/api/generated/models/object-summary-dto';
import { AREA_ROLES } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { groupObjects, KIND_LABELS, KindFilter, KINDS, objectLabel } from './object-catalog';

/** "Dados": the objects the user may see (CRM tables, custom tables, saved queries), each opening its grid. */
@Component({
  selector: 'app-object-list',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    MatChipListbox,
    MatChipOption,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatPrefix,
    MatProgressBar,
  ],
  templateUrl: './object-list.html',
  styleUrl: './object-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObjectList {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  protected readonly canQuery = inject(SessionStore).hasRole(AREA_ROLES.admin);

  protected readonly kinds = KINDS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  private readonly objects = signal<readonly ObjectSummaryDto[]>([]);
  protected readonly kind = signal<KindFilter>(initialKind(inject(ActivatedRoute)));
  protected readonly search = signal('');

  protected readonly groups = computed(() =>
    groupObjects(this.objects(), this.kind(), this.search(), this.i18n.language()),
  );
  protected readonly filtered = computed(
    () => this.kind() !== 'all' || this.search().trim() !== '',
  );
  protected readonly hasObjects = computed(() => this.objects().length > 0);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.api.invoke(objectsControllerList).subscribe({
      next: (objects) => {
        this.objects.set(objects);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }

  protected label(object: ObjectSummaryDto): string {
    return objectLabel(object, this.i18n.language());
  }

  protected clearFilters(): void {
    this.kind.set('all');
    this.search.set('');
  }
}

function initialKind(route: ActivatedRoute): KindFilter {
  const kind = route.snapshot.queryParamMap.get('kind');
  return (KINDS as readonly string[]).includes(kind ?? '') ? (kind as KindFilter) : 'all';
}
