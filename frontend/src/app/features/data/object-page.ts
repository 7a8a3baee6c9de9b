import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIcon } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { ObjectDto } from '../../core/api/generated/models/object-dto';
import { I18n } from '../../core/i18n/i18n';
import { ObjectGrid } from '../../shared/object-grid/object-grid';
import { KIND_LABEL_ONE, objectLabel } from './object-catalog';

/** "Dados" → one object: its name, kind and description over its grid. */
@Component({
  selector: 'app-object-page',
  imports: [ObjectGrid, MatIcon, RouterLink],
  template: `
    <a class="back" routerLink="/data">
      <mat-icon svgIcon="arrow-back" aria-hidden="true" />
      {{ i18n.t('nav.data') }}
    </a>
    <header class="object-header">
      <h1 data-testid="object-title">{{ title() }}</h1>
      @if (object(); as object) {
        <span class="kind">{{ i18n.t(kindLabels[object.kind]) }}</span>
        <code>{{ object.table ?? object.apiName }}</code>
      }
    </header>
    @if (object()?.description; as description) {
      <p class="description">{{ description }}</p>
    }
    <app-object-grid [objectId]="id()" (loaded)="object.set($event)" />
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-bottom: 8px;
      color: var(--mat-sys-primary);
      text-decoration: none;
      font: var(--mat-sys-label-large);
    }
    .object-header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
      margin-bottom: 12px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-medium);
      overflow-wrap: anywhere;
    }
    .kind {
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
    }
    code {
      color: var(--mat-sys-on-surface-variant);
      font-family: ui-monospace, monospace;
    }
    .description {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObjectPage {
  protected readonly i18n = inject(I18n);
  protected readonly kindLabels = KIND_LABEL_ONE;
  protected readonly id = toSignal(
    inject(ActivatedRoute).paramMap.pipe(map((p) => p.get('id') ?? '')),
    { initialValue: '' },
  );
  protected readonly object = signal<ObjectDto | null>(null);
  protected readonly title = computed(() => {
    const object = this.object();
    return object ? objectLabel(object, this.i18n.language()) : this.id();
  });
}
