import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { BoardColumnDto } from '../../../core/api/generated/models/board-column-dto';
import { BoardCard, PipelineBoardStore, relocate } from './pipeline-board.store';

const PIPELINE = 'aaaaaaaa-0000-4000-8000-000000000000';
const stage = (
  id: string,
  type: BoardColumnDto['type'],
  probability: number,
  count = 0,
  sum = 0,
  weightedSum = 0,
): BoardColumnDto => ({
  id,
  name: id,
  order: 1,
  probability,
  type,
  color: null,
  stagnationDays: null,
  count,
  sum,
  weightedSum,
});

const card = (id: string, stageId: string, amount: number, probability: number): BoardCard => ({
  id,
  title: `Negócio ${id}`,
  amount,
  weightedAmount: (amount * probability) / 100,
  probability,
  companyName: null,
  contactName: null,
  ownerId: null,
  expectedCloseDate: null,
  version: 3,
  stageId,
  status: 'aberto',
  currency: 'BRL',
});

const BOARD = {
  pipelineId: PIPELINE,
  name: 'Funil de vendas',
  stages: [
    stage('prospect', 'aberto', 10, 2, 1500, 150),
    stage('proposal', 'aberto', 50, 1, 2000, 1000),
    stage('won', 'ganho', 100),
    stage('lost', 'perdido', 0),
  ],
  totals: { count: 3, sum: 3500, weightedSum: 1150 },
};

describe('PipelineBoardStore', () => {
  let http: HttpTestingController;
  let store: PipelineBoardStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), PipelineBoardStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PipelineBoardStore);

    const loaded = firstValueFrom(store.load(PIPELINE, false));
    http.expectOne((r) => r.url === `/api/pipelines/${PIPELINE}/board`).flush(BOARD);
    const pages = http.match((r) => r.url === '/api/opportunities');
    expect(pages.map((p) => p.request.params.get('stageId'))).toEqual(['prospect', 'proposal']);
    expect(pages[0].request.params.get('status')).toBe('aberto');
    expect(pages[0].request.params.get('pipelineId')).toBe(PIPELINE);
    pages[0].flush({
      items: [card('a', 'prospect', 1000, 10), card('b', 'prospect', 500, 10)],
      nextCursor: null,
    });
    pages[1].flush({ items: [card('c', 'proposal', 2000, 50)], nextCursor: 'next' });
    await loaded;
  });

  afterEach(() => http.verify());

  const column = (id: string) => store.columns().find((c) => c.stage.id === id)!;
  const titles = (id: string) => column(id).cards.map((c) => c.id);

  it('loads the board figures and the first cards of the open stages', () => {
    expect(titles('prospect')).toEqual(['a', 'b']);
    expect(titles('proposal')).toEqual(['c']);
    expect(titles('won')).toEqual([]);
    expect(store.totals()).toEqual({ count: 3, sum: 3500, weightedSum: 1150 });
  });

  it('moves a card at once, then keeps the version the API returns', async () => {
    const done = firstValueFrom(store.move('a', 'proposal', 1));

    // Optimistic: before the API answers.
    expect(titles('prospect')).toEqual(['b']);
    expect(titles('proposal')).toEqual(['c', 'a']);
    expect(column('prospect').stage).toMatchObject({ count: 1, sum: 500, weightedSum: 50 });
    expect(column('proposal').stage).toMatchObject({ count: 2, sum: 3000, weightedSum: 1500 });
    expect(column('proposal').cards[1]).toMatchObject({ stageId: 'proposal', probability: 50 });

    const request = http.expectOne(`/api/opportunities/a/move`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ stageId: 'proposal' });
    expect(request.request.headers.get('if-match')).toBe('"3"');
    request.flush({ ...card('a', 'proposal', 1000, 50), version: 4, tags: [] });
    await done;

    expect(column('proposal').cards[1].version).toBe(4);
    expect(store.totals()).toEqual({ count: 3, sum: 3500, weightedSum: 1550 });
  });

  it('puts the card back where it was, figures included, when the API refuses', async () => {
    const done = firstValueFrom(store.move('b', 'proposal', 0));
    expect(titles('proposal')).toEqual(['b', 'c']);

    http.expectOne(`/api/opportunities/b/move`).flush(
      {
        statusCode: 409,
        code: 'VERSION_CONFLICT',
        message: 'O registro foi alterado por outra pessoa; recarregue e tente de novo.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    const error = await done.catch((e: unknown) => e);

    expect((error as { error: { message: string } }).error.message).toContain('alterado por outra');
    expect(titles('prospect')).toEqual(['a', 'b']);
    expect(titles('proposal')).toEqual(['c']);
    expect(column('prospect').stage).toMatchObject({ count: 2, sum: 1500, weightedSum: 150 });
    expect(column('proposal').stage).toMatchObject({ count: 1, sum: 2000, weightedSum: 1000 });
  });

  it('wins through /win and loses through /lose with the reason; closed stages do not count', async () => {
    const won = firstValueFrom(store.move('c', 'won', 0));
    expect(titles('won')).toEqual(['c']);
    expect(store.totals()).toEqual({ count: 2, sum: 1500, weightedSum: 150 });
    const win = http.expectOne('/api/opportunities/c/win');
    win.flush({ ...card('c', 'won', 2000, 100), status: 'ganho', version: 4, tags: [] });
    await won;
    expect(column('won').stage.count).toBe(0);

    const lost = firstValueFrom(
      store.move('a', 'lost', 0, { lossReasonId: 'price', note: 'caro' }),
    );
    const lose = http.expectOne('/api/opportunities/a/lose');
    expect(lose.request.body).toEqual({ lossReasonId: 'price', note: 'caro' });
    lose.flush({ ...card('a', 'lost', 1000, 0), status: 'perdido', version: 4, tags: [] });
    await lost;
    expect(titles('lost')).toEqual(['a']);
    expect(store.totals()).toEqual({ count: 1, sum: 500, weightedSum: 50 });
  });

  it('loads more cards of a column with its cursor', async () => {
    const more = firstValueFrom(store.loadMore('proposal'));
    const request = http.expectOne((r) => r.url === '/api/opportunities');
    expect(request.request.params.get('cursor')).toBe('next');
    request.flush({ items: [card('d', 'proposal', 10, 50)], nextCursor: null });
    await more;
    expect(titles('proposal')).toEqual(['c', 'd']);
    expect(column('proposal').nextCursor).toBeNull();
  });

  it('relocate and its inverse leave the board as it was', () => {
    const before = store.columns();
    const a = before[0].cards[0];
    const moved = relocate(before, 'a', 'proposal', 0, {
      stageId: 'proposal',
      weightedAmount: 500,
    });
    const back = relocate(moved, 'a', 'prospect', 0, a);
    expect(back).toEqual(before);
  });
});
