import { computed, inject, Injectable, signal } from '@angular/core';
import {
  catchError,
  finalize,
  forkJoin,
  map,
  Observable,
  of,
  switchMap,
  tap,
  throwError,
} from 'rxjs';

import { Api } from '../../../core/api/generated/api';
import { opportunitiesControllerList } from '../../../core/api/generated/fn/opportunities/opportunities-controller-list';
import { opportunitiesControllerLose } from '../../../core/api/generated/fn/opportunities/opportunities-controller-lose';
import { opportunitiesControllerMove } from '../../../core/api/generated/fn/opportunities/opportunities-controller-move';
import { opportunitiesControllerWin } from '../../../core/api/generated/fn/opportunities/opportunities-controller-win';
import { pipelinesControllerBoard } from '../../../core/api/generated/fn/pipelines/pipelines-controller-board';
import { BoardColumnDto } from '../../../core/api/generated/models/board-column-dto';
import { OpportunityDto } from '../../../core/api/generated/models/opportunity-dto';
import { ifMatch } from '../../../core/api/if-match';

/** What a kanban card shows (and the version its next move must send). */
export type BoardCard = Pick<
  OpportunityDto,
  | 'id'
  | 'title'
  | 'amount'
  | 'weightedAmount'
  | 'probability'
  | 'companyName'
  | 'contactName'
  | 'ownerId'
  | 'expectedCloseDate'
  | 'version'
  | 'stageId'
  | 'status'
  | 'currency'
>;

export const CARD_FIELDS =
  'title,amount,weightedAmount,probability,companyName,contactName,ownerId,expectedCloseDate,version,stageId,status,currency';

/** Cards per column and per "load more": the board never holds a pipeline's whole list. */
export const CARDS_PAGE = 20;

export interface BoardColumn {
  /** The stage with the API's count, sum and weighted sum of its open deals (kept current on moves). */
  stage: BoardColumnDto;
  cards: readonly BoardCard[];
  nextCursor: string | null;
  loadingMore: boolean;
}

export interface LossInput {
  lossReasonId: string;
  note?: string | null;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * Moves a card to another column at `index` and patches it; the columns' count, sum and weighted sum
 * follow (only open stages count, as in the API's board). The inverse call undoes it exactly.
 */
export function relocate(
  columns: readonly BoardColumn[],
  cardId: string,
  toStageId: string,
  index: number,
  patch: Partial<BoardCard>,
): readonly BoardColumn[] {
  const from = columns.find((c) => c.cards.some((card) => card.id === cardId));
  const card = from?.cards.find((c) => c.id === cardId);
  if (!from || !card) return columns;
  const moved: BoardCard = { ...card, ...patch };
  return columns.map((column) => {
    let next = column;
    if (column === from) {
      next = withMetrics(
        { ...next, cards: next.cards.filter((c) => c.id !== cardId) },
        -1,
        -card.amount,
        -card.weightedAmount,
      );
    }
    if (column.stage.id === toStageId) {
      const cards = [...next.cards];
      cards.splice(Math.min(Math.max(index, 0), cards.length), 0, moved);
      next = withMetrics({ ...next, cards }, 1, moved.amount, moved.weightedAmount);
    }
    return next;
  });
}

/** The card as the API returned it after a move (new version; probability and amounts it computed). */
export function patchCard(
  columns: readonly BoardColumn[],
  updated: BoardCard,
): readonly BoardColumn[] {
  return columns.map((column) => {
    const card = column.cards.find((c) => c.id === updated.id);
    if (!card) return column;
    const fresh = pickCard(updated);
    return withMetrics(
      { ...column, cards: column.cards.map((c) => (c.id === updated.id ? fresh : c)) },
      0,
      fresh.amount - card.amount,
      fresh.weightedAmount - card.weightedAmount,
    );
  });
}

function withMetrics(
  column: BoardColumn,
  count: number,
  sum: number,
  weighted: number,
): BoardColumn {
  if (column.stage.type !== 'aberto') return column;
  const stage = column.stage;
  return {
    ...column,
    stage: {
      ...stage,
      count: stage.count + count,
      sum: cents(stage.sum + sum),
      weightedSum: cents(stage.weightedSum + weighted),
    },
  };
}

function pickCard(o: BoardCard): BoardCard {
  return {
    id: o.id,
    title: o.title,
    amount: o.amount,
    weightedAmount: o.weightedAmount,
    probability: o.probability,
    companyName: o.companyName,
    contactName: o.contactName,
    ownerId: o.ownerId,
    expectedCloseDate: o.expectedCloseDate,
    version: o.version,
    stageId: o.stageId,
    status: o.status,
    currency: o.currency,
  };
}

/**
 * One pipeline's kanban: the board's columns (count, sum and weighted sum per stage, from the API) and
 * the first cards of each open stage, more on demand. Moves are optimistic: the card and the column
 * figures change at once, and go back where they were if the API refuses.
 */
@Injectable()
export class PipelineBoardStore {
  private readonly api = inject(Api);
  private readonly state = signal<readonly BoardColumn[]>([]);
  private readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  private query: { pipelineId: string; mine: boolean } | null = null;

  readonly columns = this.state.asReadonly();
  readonly loading = computed(() => this.status() === 'loading');
  readonly failed = computed(() => this.status() === 'error');
  /** Open deals of the board (the figures of its open columns). */
  readonly totals = computed(() =>
    this.state()
      .filter((c) => c.stage.type === 'aberto')
      .reduce(
        (t, c) => ({
          count: t.count + c.stage.count,
          sum: cents(t.sum + c.stage.sum),
          weightedSum: cents(t.weightedSum + c.stage.weightedSum),
        }),
        { count: 0, sum: 0, weightedSum: 0 },
      ),
  );

  /** The board of `pipelineId` (only the caller's deals when `mine`), with each open column's first cards. */
  load(pipelineId: string, mine: boolean): Observable<void> {
    const query = { pipelineId, mine };
    this.query = query;
    this.status.set('loading');
    return this.api
      .invoke(pipelinesControllerBoard, {
        id: pipelineId,
        ...(mine ? { owner: 'me' as const } : {}),
      })
      .pipe(
        switchMap((board) =>
          forkJoin(
            board.stages.map((stage) =>
              stage.type === 'aberto'
                ? this.page(stage.id)
                : of({ items: [], nextCursor: null as string | null }),
            ),
          ).pipe(map((pages) => ({ board, pages }))),
        ),
        tap(({ board, pages }) => {
          if (this.query !== query) return; // a newer load won
          this.state.set(
            board.stages.map((stage, i) => ({
              stage,
              cards: pages[i].items,
              nextCursor: pages[i].nextCursor,
              loadingMore: false,
            })),
          );
          this.status.set('ready');
        }),
        catchError((error: unknown) => {
          if (this.query === query) this.status.set('error');
          return throwError(() => error);
        }),
        map(() => undefined),
      );
  }

  loadMore(stageId: string): Observable<void> {
    const column = this.state().find((c) => c.stage.id === stageId);
    if (!column?.nextCursor || column.loadingMore) return of(undefined);
    this.updateColumn(stageId, (c) => ({ ...c, loadingMore: true }));
    return this.page(stageId, column.nextCursor).pipe(
      tap((page) =>
        this.updateColumn(stageId, (c) => ({
          ...c,
          cards: [...c.cards, ...page.items.filter((p) => !c.cards.some((x) => x.id === p.id))],
          nextCursor: page.nextCursor,
        })),
      ),
      finalize(() => this.updateColumn(stageId, (c) => ({ ...c, loadingMore: false }))),
      map(() => undefined),
    );
  }

  /**
   * Moves a card to another stage at `index`: at once on the board, then through the API (`/win` for
   * the won stage, `/lose` with the reason for the lost one, `/move` otherwise). If the API refuses, the
   * card goes back to its place and the error (with the API's message) is passed on.
   */
  move(cardId: string, toStageId: string, index: number, loss?: LossInput): Observable<BoardCard> {
    const columns = this.state();
    const from = columns.find((c) => c.cards.some((card) => card.id === cardId));
    const target = columns.find((c) => c.stage.id === toStageId)?.stage;
    const card = from?.cards.find((c) => c.id === cardId);
    if (!from || !target || !card)
      return throwError(() => new Error(`card ${cardId} not on the board`));
    if (from.stage.id === toStageId) return of(card);
    const originalIndex = from.cards.indexOf(card);

    this.state.set(
      relocate(columns, cardId, toStageId, index, {
        stageId: toStageId,
        status: target.type,
        probability: target.probability,
        weightedAmount: cents((card.amount * target.probability) / 100),
      }),
    );

    const params = { id: cardId, ...ifMatch(card.version) };
    const request =
      target.type === 'ganho'
        ? this.api.invoke(opportunitiesControllerWin, { ...params, body: {} })
        : target.type === 'perdido'
          ? this.api.invoke(opportunitiesControllerLose, {
              ...params,
              body: { lossReasonId: loss?.lossReasonId ?? '', note: loss?.note ?? null },
            })
          : this.api.invoke(opportunitiesControllerMove, {
              ...params,
              body: { stageId: toStageId },
            });

    return request.pipe(
      tap((updated) => this.state.set(patchCard(this.state(), updated))),
      map(pickCard),
      catchError((error: unknown) => {
        this.state.set(relocate(this.state(), cardId, from.stage.id, originalIndex, card));
        return throwError(() => error);
      }),
    );
  }

  private page(stageId: string, cursor?: string) {
    const query = this.query!;
    return this.api.invoke(opportunitiesControllerList, {
      pipelineId: [query.pipelineId],
      stageId: [stageId],
      status: ['aberto'],
      ...(query.mine ? { owner: 'me' } : {}),
      sort: '-amount',
      limit: CARDS_PAGE,
      fields: CARD_FIELDS,
      ...(cursor ? { cursor } : {}),
    }) as Observable<{ items: BoardCard[]; nextCursor: string | null }>;
  }

  private updateColumn(stageId: string, update: (column: BoardColumn) => BoardColumn): void {
    this.state.update((columns) => columns.map((c) => (c.stage.id === stageId ? update(c) : c)));
  }
}
