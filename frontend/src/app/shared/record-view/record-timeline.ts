import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ErrorHandler,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Observable } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { notesControllerCreate } from '../../core/api/generated/fn/notes/notes-controller-create';
import { timelineControllerCompany } from '../../core/api/generated/fn/timeline/timeline-controller-company';
import { timelineControllerContact } from '../../core/api/generated/fn/timeline/timeline-controller-contact';
import { TimelineItemDto } from '../../core/api/generated/models/timeline-item-dto';
import { TimelinePageDto } from '../../core/api/generated/models/timeline-page-dto';
import { I18n } from '../../core/i18n/i18n';
import { LocalDatePipe } from '../../core/i18n/locale-format';
import { ACTIVITY_TYPES, labelOf } from '../crm-labels';
import { UsersDirectory } from '../users-directory';
import { CursorPages } from './cursor-pages';

export type RecordKind = 'contact' | 'company';

const PAGE = 20;

/** A record's timeline: its activities and notes, newest first, paged by cursor; a note can be added. */
@Component({
  selector: 'app-record-timeline',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    LocalDatePipe,
  ],
  template: `
    @if (canWrite()) {
      <form class="note-form" [formGroup]="noteForm" (ngSubmit)="addNote()">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('timeline.newNote') }}</mat-label>
          <textarea matInput rows="2" formControlName="note" name="note" maxlength="10000"></textarea>
        </mat-form-field>
        <button matButton="tonal" type="submit" [disabled]="!note.value.trim() || saving()">
          {{ i18n.t('timeline.addNote') }}
        </button>
      </form>
    }
    @if (pages.loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
    }
    <ol class="timeline" data-testid="timeline">
      @for (item of pages.items(); track item.activity?.id ?? item.note?.id) {
        <li [class]="'entry entry--' + item.kind">
          <mat-icon [svgIcon]="item.kind === 'note' ? 'note' : 'activities'" aria-hidden="true" />
          <div class="entry-body">
            @if (item.activity; as activity) {
              <p class="entry-title">
                <span class="entry-type">{{ typeLabel(activity.type) }}</span>
                {{ activity.subject }}
                @if (activity.done) {
                  <span class="status-badge status-badge--active">{{
                    i18n.t('activities.done')
                  }}</span>
                }
              </p>
              @if (activity.description) {
                <p class="entry-text">{{ activity.description }}</p>
              }
              <p class="entry-meta">
                {{ item.at | localDate: 'dateTime' }}
                @if (activity.dueAt) {
                  · {{ i18n.t('activities.field.dueAt') }}
                  {{ activity.dueAt | localDate: 'dateTime' }}
                }
                @if (users.name(activity.ownerId); as owner) {
                  · {{ owner }}
                }
              </p>
            } @else if (item.note; as note) {
              <p class="entry-text">{{ note.content }}</p>
              <p class="entry-meta">
                {{ i18n.t('timeline.note') }} · {{ item.at | localDate: 'dateTime' }}
                @if (users.name(note.ownerId); as owner) {
                  · {{ owner }}
                }
              </p>
            }
          </div>
        </li>
      } @empty {
        @if (!pages.loading()) {
          <li class="empty">{{ i18n.t('timeline.empty') }}</li>
        }
      }
    </ol>
    @if (pages.nextCursor()) {
      <button matButton type="button" (click)="pages.more()" [disabled]="pages.loading()">
        {{ i18n.t('common.loadMore') }}
      </button>
    }
  `,
  styleUrl: './record-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordTimeline implements OnInit {
  protected readonly i18n = inject(I18n);
  protected readonly users = inject(UsersDirectory);
  private readonly api = inject(Api);
  private readonly errors = inject(ErrorHandler);

  readonly kind = input.required<RecordKind>();
  readonly recordId = input.required<string>();
  /** Analysts read only. */
  readonly canWrite = input(true);

  protected readonly pages = new CursorPages<TimelineItemDto>(
    (cursor) => this.page(cursor),
    (e) => this.errors.handleError(e),
  );
  protected readonly saving = signal(false);
  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [Validators.pattern(/\S/)],
  });
  // A form group, so that ngSubmit runs here instead of the browser submitting (and reloading) the page.
  protected readonly noteForm = new FormGroup({ note: this.note });
  private readonly target = computed(() =>
    this.kind() === 'contact' ? { contactId: this.recordId() } : { companyId: this.recordId() },
  );

  ngOnInit(): void {
    this.pages.reload();
  }

  protected typeLabel(type: string): string {
    const key = labelOf(ACTIVITY_TYPES, type);
    return key ? this.i18n.t(key) : type;
  }

  protected addNote(): void {
    const content = this.note.value.trim();
    if (!content) return;
    this.saving.set(true);
    this.api.invoke(notesControllerCreate, { body: { content, ...this.target() } }).subscribe({
      next: () => {
        this.saving.set(false);
        this.note.reset();
        this.pages.reload();
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.errors.handleError(e);
      },
    });
  }

  private page(cursor?: string): Observable<TimelinePageDto> {
    const params = { id: this.recordId(), limit: PAGE, ...(cursor ? { cursor } : {}) };
    return this.kind() === 'contact'
      ? this.api.invoke(timelineControllerContact, params)
      : this.api.invoke(timelineControllerCompany, params);
  }
}
