import { ChangeDetectionStrategy, Component, computed, ErrorHandler, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';

import { I18n } from '../../../core/i18n/i18n';
import { localLabel } from '../shared/local-label';
import { Relation } from './designer.model';
import { DesignerStore } from './designer.store';

/** Step 1: the base object, and the related objects joined through their lookups. */
@Component({
  selector: 'app-designer-sources',
  imports: [MatFormField, MatLabel, MatHint, MatSelect, MatOption, MatIcon, MatIconButton],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ i18n.t('designer.base') }}</mat-label>
      <mat-select
        data-testid="designer-base"
        [value]="baseName()"
        (selectionChange)="selectBase($event.value)"
      >
        @for (o of objects(); track o.apiName) {
          <mat-option [value]="o.apiName">{{ o.label }}</mat-option>
        }
      </mat-select>
      <mat-hint>{{ i18n.t('designer.baseHint') }}</mat-hint>
    </mat-form-field>

    @if (store.base()) {
      <h3>{{ i18n.t('designer.related') }}</h3>
      @if (joined().length) {
        <ul class="joined" data-testid="designer-joined">
          @for (s of joined(); track s.ref) {
            <li>
              <span>
                <strong>{{ s.label }}</strong>
                <small>{{ i18n.t('designer.through', { field: s.via }) }}</small>
              </span>
              <button
                matIconButton
                type="button"
                (click)="store.removeJoin(s.ref)"
                [attr.aria-label]="i18n.t('designer.removeRelated', { name: s.label })"
              >
                <mat-icon svgIcon="delete" aria-hidden="true" />
              </button>
            </li>
          }
        </ul>
      }
      @if (relations().length) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('designer.addRelated') }}</mat-label>
          <mat-select
            data-testid="designer-add-related"
            (selectionChange)="join($event.value)"
            [value]="null"
          >
            @for (r of relations(); track $index) {
              <mat-option [value]="r.relation">{{ r.label }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ i18n.t('designer.addRelatedHint') }}</mat-hint>
        </mat-form-field>
      } @else {
        <p class="empty">{{ i18n.t('designer.noRelations') }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .joined {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .joined li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 4px 0 4px 12px;
      border-left: 3px solid var(--mat-sys-primary);
    }
    .joined span {
      display: flex;
      flex-direction: column;
    }
    small {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DesignerSources {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DesignerStore);
  private readonly errors = inject(ErrorHandler);

  protected readonly objects = computed(() =>
    this.store
      .objects()
      .map((o) => ({ apiName: o.apiName, label: localLabel(this.i18n, o) }))
      .sort((a, b) => a.label.localeCompare(b.label, this.i18n.locale())),
  );

  protected readonly baseName = computed(() => this.store.base()?.object.apiName ?? null);

  protected readonly joined = computed(() =>
    this.store
      .sources()
      .slice(1)
      .map((s) => {
        const from = this.store.sources().find((x) => x.ref === s.join!.from)!;
        const via = from.object.fields.find((f) => f.apiName === s.join!.via);
        return {
          ref: s.ref,
          label: localLabel(this.i18n, s.object),
          via: `${localLabel(this.i18n, from.object)} · ${via ? localLabel(this.i18n, via) : s.join!.via}`,
        };
      }),
  );

  protected readonly relations = computed(() =>
    this.store.relations().map((relation: Relation) => {
      const from = this.store.sources().find((s) => s.ref === relation.from)!;
      const target = this.store.summary(relation.target);
      const prefix = from.join ? `${localLabel(this.i18n, from.object)} · ` : '';
      return {
        relation,
        label: `${target ? localLabel(this.i18n, target) : relation.target} (${prefix}${localLabel(this.i18n, relation.via)})`,
      };
    }),
  );

  protected selectBase(apiName: string): void {
    this.store.selectBase(apiName).subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  protected join(relation: Relation | null): void {
    if (!relation) return;
    this.store.addJoin(relation).subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }
}
