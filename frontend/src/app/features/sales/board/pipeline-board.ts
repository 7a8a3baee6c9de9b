import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  CdkDrag,
  CdkDragDrop,
  CdkDragPlaceholder,
  CdkDropList,
  CdkDropListGroup,
} from '@angular/cdk/drag-drop';
import { CdkScrollable } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ErrorHandler,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { filter, map, Observable, of, Subscription, switchMap } from 'rxjs';

import { AREA_ROLES } from '../../../core/auth/roles';
import { SessionStore } from '../../../core/auth/session-store';
import { I18n } from '../../../core/i18n/i18n';
import {
  formatLocalCurrency,
  LocalCurrencyPipe,
  LocalDatePipe,
} from '../../../core/i18n/locale-format';
import { Confirm } from '../../../shared/confirm-dialog';
import { UsersDirectory } from '../../../shared/users-directory';
import { PipelineSelection } from '../pipeline-selection';
import { LossReasonDialog } from './loss-reason-dialog';
import { BoardCard, BoardColumn, LossInput, PipelineBoardStore } from './pipeline-board.store';

/**
 * Vendas → Quadro: one column per stage with its count, sum and weighted sum; cards are dragged between
 * columns (or moved with their menu, from the keyboard or on a phone). The won stage asks for a
 * confirmation and the lost stage for the reason before anything is sent.
 */
@Component({
  selector: 'app-pipeline-board',
  imports: [
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    CdkDragPlaceholder,
    CdkScrollable,
    MatButton,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressBar,
    MatSlideToggle,
    LocalCurrencyPipe,
    LocalDatePipe,
  ],
  providers: [PipelineBoardStore],
  templateUrl: './pipeline-board.html',
  styleUrl: './pipeline-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineBoard {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(PipelineBoardStore);
  protected readonly users = inject(UsersDirectory);
  private readonly selection = inject(PipelineSelection);
  private readonly confirm = inject(Confirm);
  private readonly dialog = inject(MatDialog);
  private readonly errors = inject(ErrorHandler);
  private readonly announcer = inject(LiveAnnouncer);

  /** Analysts read the board; only those who may write move cards. */
  protected readonly canMove = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);
  /** Only the signed-in user's deals. */
  protected readonly mine = signal(false);
  // On touch screens a short press scrolls the board; a long press picks the card up.
  protected readonly dragDelay = { touch: 300, mouse: 0 };
  private loading: Subscription | undefined;

  constructor() {
    effect(() => {
      const pipeline = this.selection.pipeline();
      const mine = this.mine();
      if (pipeline) untracked(() => this.load(pipeline.id, mine));
    });
    inject(DestroyRef).onDestroy(() => this.loading?.unsubscribe());
  }

  protected reload(): void {
    const pipeline = this.selection.pipeline();
    if (pipeline) this.load(pipeline.id, this.mine());
  }

  protected money(value: number): string {
    return formatLocalCurrency(value, this.i18n.language());
  }

  protected loadMore(column: BoardColumn): void {
    this.store
      .loadMore(column.stage.id)
      .subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  protected drop(event: CdkDragDrop<string, string, BoardCard>): void {
    if (event.previousContainer === event.container) return;
    this.moveTo(event.item.data, event.container.data, event.currentIndex);
  }

  /** Moves a card after the confirmation (won) or the reason (lost) the target stage needs. */
  protected moveTo(card: BoardCard, stageId: string, index = 0): void {
    const stage = this.store.columns().find((c) => c.stage.id === stageId)?.stage;
    if (!stage) return;
    this.ask(card, stage.type)
      .pipe(
        filter((answer): answer is LossInput | true => answer !== null),
        switchMap((answer) =>
          this.store.move(card.id, stageId, index, answer === true ? undefined : answer),
        ),
      )
      .subscribe({
        next: () =>
          void this.announcer.announce(
            this.i18n.t('sales.moved', { title: card.title, stage: stage.name }),
          ),
        error: (e: unknown) => this.errors.handleError(e),
      });
  }

  private ask(card: BoardCard, type: string): Observable<LossInput | true | null> {
    if (type === 'ganho') {
      return this.confirm
        .ask({
          title: this.i18n.t('sales.win.title', { title: card.title }),
          message: this.i18n.t('sales.win.message', { amount: this.money(card.amount) }),
          confirm: this.i18n.t('sales.win.confirm'),
          tone: 'primary',
        })
        .pipe(map((ok) => (ok ? true : null)));
    }
    if (type === 'perdido') {
      return this.dialog
        .open<LossReasonDialog, unknown, LossInput>(LossReasonDialog, {
          data: { title: card.title },
          width: '440px',
          maxWidth: 'calc(100vw - 32px)',
        })
        .afterClosed()
        .pipe(map((loss) => loss ?? null));
    }
    return of(true);
  }

  private load(pipelineId: string, mine: boolean): void {
    this.loading?.unsubscribe();
    this.loading = this.store
      .load(pipelineId, mine)
      .subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }
}
