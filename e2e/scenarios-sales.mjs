// Browser scenarios of the sales screens (Vendas, Contatos, Empresas, Atividades), run after the console's
// first ones (scenarios.mjs) against the real app and the demo data. Checks go through the API with a token
// of the same user, so what the console shows is compared with what that user may see.
const LIMA_SALES = { tenant: 'supermercado_lima', email: 'vendedor@supermercadolima.com.br' };
const LIMA_MANAGER = { tenant: 'supermercado_lima', email: 'gerente@supermercadolima.com.br' };
const PADARIA_ADMIN = { tenant: 'padaria_central', email: 'admin@padariacentral.com.br' };
const CARDS_PAGE = 20;

/** An access token of `user`, for the API calls that check what the console did. */
async function tokenOf(api, { tenant, email }) {
  const r = await api('/api/auth/login', {
    method: 'POST',
    body: { tenant, email, password: 'demo1234' },
  });
  if (r.status !== 200) throw new Error(`login of ${email} for the API checks: ${r.status}`);
  return r.body.accessToken;
}

/** The default pipeline's board and the first cards of each open stage, as the API gives them. */
async function boardOf(api, token) {
  const pipelines = await api('/api/pipelines?active=true', { token });
  const pipeline = pipelines.body.items.find((p) => p.isDefault) ?? pipelines.body.items[0];
  const board = (await api(`/api/pipelines/${pipeline.id}/board`, { token })).body;
  const cards = {};
  for (const stage of board.stages.filter((s) => s.type === 'aberto')) {
    const query = `pipelineId=${pipeline.id}&stageId=${stage.id}&status=aberto&sort=-amount&limit=${CARDS_PAGE}&fields=title`;
    cards[stage.id] = (await api(`/api/opportunities?${query}`, { token })).body.items;
  }
  return { pipeline, board, cards };
}

/** What the kanban shows: per column, its count and its cards (ids and titles), once loaded. */
async function boardOnScreen(page) {
  await page.locator('[data-testid="opportunity-card"]').first().waitFor();
  return page.locator('[data-testid="board-column"]').evaluateAll((columns) =>
    columns.map((c) => ({
      stageId: c.getAttribute('data-stage-id'),
      type: c.getAttribute('data-stage-type'),
      count: c.querySelector('[data-testid="stage-count"]')?.textContent?.trim() ?? null,
      sum: c.querySelector('[data-testid="stage-sum"]')?.textContent?.replace(/\s+/g, ' ').trim(),
      cards: [...c.querySelectorAll('[data-testid="opportunity-card"]')].map((card) => ({
        id: card.getAttribute('data-id'),
        title: card.querySelector('[data-testid="card-title"]').textContent.trim(),
      })),
    })),
  );
}

const brl = (n) =>
  new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' })
    .format(n)
    .replace(/\s/g, ' ');

/** Checks the kanban against the API for that user: same columns, counts, sums and cards, in order. */
async function expectBoardOf(assert, page, api, token) {
  const expected = await boardOf(api, token);
  const shown = await boardOnScreen(page);
  assert.deepEqual(
    shown.map((c) => c.stageId),
    expected.board.stages.map((s) => s.id),
    'one column per stage, in board order',
  );
  for (const stage of expected.board.stages.filter((s) => s.type === 'aberto')) {
    const column = shown.find((c) => c.stageId === stage.id);
    assert.equal(column.count, String(stage.count), `count of ${stage.name}`);
    assert.equal(column.sum, brl(stage.sum), `sum of ${stage.name}`);
    assert.deepEqual(
      column.cards.map((c) => c.id),
      expected.cards[stage.id].map((o) => o.id),
      `cards of ${stage.name}`,
    );
    assert.deepEqual(
      column.cards.map((c) => c.title),
      expected.cards[stage.id].map((o) => o.title),
      `card titles of ${stage.name}`,
    );
  }
  return { expected, shown };
}

async function openSales(page) {
  await page.locator('nav.nav a', { hasText: 'Vendas' }).click();
  await page.waitForURL((url) => url.pathname === '/sales');
}

export const salesScenarios = [
  {
    name: 'a Lima salesperson sees Vendas with the kanban of Lima opportunities only',
    async run({ newPage, assert, text, login, shoot, checkA11y, api, measureJs }) {
      const page = await newPage();
      await login(page, LIMA_SALES);
      await measureJs(page, 'Vendas kanban, opened from the shell', () => openSales(page));
      const limaToken = await tokenOf(api, LIMA_SALES);
      const { expected, shown } = await expectBoardOf(assert, page, api, limaToken);

      // The totals line is the board's.
      assert.match(
        await text(page.locator('[data-testid="board-totals"]')),
        new RegExp(`^${expected.board.totals.count} oportunidades abertas`),
      );

      // Nothing of the other tenant: none of Padaria's deals is on the board.
      const padaria = await boardOf(api, await tokenOf(api, PADARIA_ADMIN));
      const padariaIds = new Set(Object.values(padaria.cards).flatMap((c) => c.map((o) => o.id)));
      const onScreen = shown.flatMap((c) => c.cards.map((card) => card.id));
      assert.ok(onScreen.length > 0, 'no cards on the board');
      assert.ok(!onScreen.some((id) => padariaIds.has(id)), 'a Padaria deal is on the Lima board');

      await checkA11y(page, 'vendas (kanban)');
      await shoot(page, 'sales-board');

      // The opportunities grid: same pipeline, open deals, the server's total.
      await measureJs(page, 'Vendas grid tab (AG Grid), opened from the kanban', () =>
        page.getByRole('tab', { name: 'Oportunidades' }).click(),
      );
      await page.waitForURL((url) => url.pathname === '/sales/list');
      await page.locator('.ag-row .ag-cell').first().waitFor();
      const total = await api(
        `/api/opportunities?pipelineId=${expected.pipeline.id}&status=aberto&limit=1&includeTotal=true&fields=id`,
        { token: limaToken },
      );
      await page.getByText(`${total.body.total} registros`).waitFor();
      await checkA11y(page, 'vendas (opportunities grid)');
      await shoot(page, 'sales-list');
    },
  },
  {
    name: 'a Padaria user sees the Padaria kanban, with other deals than Lima',
    async run({ newPage, assert, login, shoot, api }) {
      const page = await newPage();
      await login(page, PADARIA_ADMIN);
      await openSales(page);
      const { shown } = await expectBoardOf(assert, page, api, await tokenOf(api, PADARIA_ADMIN));

      const lima = await boardOf(api, await tokenOf(api, LIMA_SALES));
      const limaIds = new Set(Object.values(lima.cards).flatMap((c) => c.map((o) => o.id)));
      const onScreen = shown.flatMap((c) => c.cards.map((card) => card.id));
      assert.ok(onScreen.length > 0, 'no cards on the Padaria board');
      assert.ok(!onScreen.some((id) => limaIds.has(id)), 'a Lima deal is on the Padaria board');
      await shoot(page, 'sales-board-padaria');
    },
  },
  {
    name: 'dragging a card to another stage moves the opportunity; the lost stage asks for the reason',
    async run({ newPage, assert, text, login, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, LIMA_MANAGER);
      await openSales(page);
      const token = await tokenOf(api, LIMA_MANAGER);
      const shown = await boardOnScreen(page);
      const open = shown.filter((c) => c.type === 'aberto');
      const [from, to] = [open[0], open[1]];
      const card = from.cards[0];
      const column = (stageId) =>
        page.locator(`[data-testid="board-column"][data-stage-id="${stageId}"]`);

      // Drag with the mouse, as a person does: press, move past the threshold, move over, release.
      const source = await page
        .locator(`[data-testid="opportunity-card"][data-id="${card.id}"]`)
        .boundingBox();
      const target = await column(to.stageId).locator('.cards').boundingBox();
      const moved = page.waitForResponse(
        (r) =>
          r.url().endsWith(`/api/opportunities/${card.id}/move`) && r.request().method() === 'POST',
      );
      await page.mouse.move(source.x + source.width / 2, source.y + 16);
      await page.mouse.down();
      await page.mouse.move(source.x + source.width / 2 + 12, source.y + 28, { steps: 4 });
      await page.mouse.move(target.x + target.width / 2, target.y + 60, { steps: 16 });
      await page.mouse.move(target.x + target.width / 2, target.y + 64, { steps: 2 });
      await page.mouse.up();
      assert.equal((await moved).status(), 200);

      // The card is in the new column, the figures followed, and the API agrees.
      await column(to.stageId).locator(`[data-id="${card.id}"]`).waitFor();
      assert.equal(
        await text(column(from.stageId).locator('[data-testid="stage-count"]')),
        String(Number(from.count) - 1),
      );
      assert.equal(
        await text(column(to.stageId).locator('[data-testid="stage-count"]')),
        String(Number(to.count) + 1),
      );
      const after = await api(`/api/opportunities/${card.id}`, { token });
      assert.equal(after.body.stageId, to.stageId);
      assert.equal(after.body.status, 'aberto');

      // The lost stage: the card's menu moves it too, and the dialog asks why.
      const lost = shown.find((c) => c.type === 'perdido');
      const other = from.cards[1];
      await page
        .locator(`[data-testid="opportunity-card"][data-id="${other.id}"]`)
        .getByRole('button', { name: /^Mover/ })
        .click();
      await page.getByRole('menuitem', { name: 'Perdido' }).click();
      await page.locator('[data-testid="loss-reason"]').click();
      await page.getByRole('option', { name: 'Preço' }).click();
      await checkA11y(page, 'vendas (loss reason dialog)');
      await shoot(page, 'sales-loss-dialog');
      const lose = page.waitForResponse((r) =>
        r.url().endsWith(`/api/opportunities/${other.id}/lose`),
      );
      await page.locator('[data-testid="confirm-loss"]').click();
      assert.equal((await lose).status(), 200);
      await column(lost.stageId).locator(`[data-id="${other.id}"]`).waitFor();
      const lostDeal = await api(`/api/opportunities/${other.id}`, { token });
      assert.equal(lostDeal.body.status, 'perdido');
      assert.ok(lostDeal.body.lossReasonId, 'the loss reason was saved');
    },
  },
  {
    name: 'Contatos: the grid loads and sorts on the server, and a row opens the contact page',
    async run({ newPage, assert, text, login, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, LIMA_SALES);
      const token = await tokenOf(api, LIMA_SALES);
      const firstPage = page.waitForRequest((r) => r.url().includes('/api/contacts?'));
      await page.locator('nav.nav a', { hasText: 'Contatos' }).click();
      const first = new URL((await firstPage).url());
      assert.equal(first.searchParams.get('includeTotal'), 'true');
      assert.equal(first.searchParams.get('limit'), '100', 'one AG Grid block per API page');
      const total = (await api('/api/contacts?limit=1&includeTotal=true&fields=id', { token })).body
        .total;
      await page.getByText(`${total.toLocaleString('pt-BR')} registros`).waitFor();

      // Sorting by name is a new request with sort=name; the grid shows the API's order.
      const rowNames = () =>
        page.locator('.ag-row[row-index]').evaluateAll((rows) =>
          rows
            .sort(
              (a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')),
            )
            .slice(0, 5)
            .map((r) => r.querySelector('[col-id="name"]')?.textContent?.trim()),
        );
      for (const sort of ['name', '-name']) {
        const sorted = page.waitForRequest(
          (r) =>
            r.url().includes('/api/contacts?') &&
            new URL(r.url()).searchParams.get('sort') === sort,
        );
        await page.locator('.ag-header-cell[col-id="name"] .ag-header-cell-label').click();
        await sorted;
        const api5 = await api(`/api/contacts?sort=${sort}&limit=5&fields=name`, { token });
        const expected = api5.body.items.map((c) => c.name);
        await page.waitForFunction(
          (names) =>
            [...document.querySelectorAll('.ag-row[row-index]')]
              .sort(
                (a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')),
              )
              .slice(0, 5)
              .map((r) => r.querySelector('[col-id="name"]')?.textContent?.trim())
              .join('|') === names.join('|'),
          expected,
        );
        assert.deepEqual(await rowNames(), expected);
      }

      // The quick search is the API's ?q=.
      const someone = (await api('/api/contacts?sort=name&limit=1&fields=name', { token })).body
        .items[0];
      const searched = page.waitForRequest(
        (r) =>
          r.url().includes('/api/contacts?') &&
          new URL(r.url()).searchParams.get('q') === someone.name,
      );
      await page.locator('[data-testid="grid-search"]').fill(someone.name);
      await searched;
      await page.locator('.ag-row [col-id="name"]', { hasText: someone.name }).first().waitFor();
      await checkA11y(page, 'contatos (grid)');
      await shoot(page, 'contacts');

      // A name is a link to the contact's page: details, timeline, deals, history.
      await page.locator('.ag-row .grid-link', { hasText: someone.name }).first().click();
      await page.waitForURL((url) => /^\/contacts\/[0-9a-f-]{36}$/.test(url.pathname));
      assert.equal(await text(page.locator('[data-testid="record-title"]')), someone.name);
      await page.locator('[data-testid="record-details"]').waitFor();
      await checkA11y(page, 'contato (record page)');
      await shoot(page, 'contact-record');

      // The timeline takes a note and shows it first (newest first); the history tab reads the record's changes.
      const noteText = `Nota e2e ${Date.now().toString(36)}`;
      await page.locator('textarea[name="note"]').fill(noteText);
      await page.getByRole('button', { name: 'Adicionar nota' }).click();
      await page.locator('app-record-timeline li').first().filter({ hasText: noteText }).waitFor();
      await page.getByRole('tab', { name: 'Histórico' }).click();
      await page.locator('app-record-history li').first().waitFor();

      // The edit form masks documents while typing and refuses a wrong CPF before calling the API.
      await page.locator('[data-testid="edit"]').click();
      const cpf = page.locator('input[name="cpf"]');
      await cpf.fill('52998224724');
      assert.equal(await cpf.inputValue(), '529.982.247-24');
      await page.locator('[data-testid="save"]').click();
      await page.getByText('CPF inválido: confira os dígitos.').waitFor();
      await cpf.fill('52998224725');
      assert.equal(await cpf.inputValue(), '529.982.247-25');
      await shoot(page, 'contact-edit');
    },
  },
  {
    name: "Empresas and Atividades: grids, a company page and today's tasks",
    async run({ newPage, assert, text, login, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, LIMA_SALES);
      const token = await tokenOf(api, LIMA_SALES);

      await page.locator('nav.nav a', { hasText: 'Empresas' }).click();
      await page.locator('.ag-row .grid-link').first().waitFor();
      await shoot(page, 'companies');
      const name = await text(page.locator('.ag-row .grid-link').first());
      await page.locator('.ag-row .grid-link').first().click();
      await page.waitForURL((url) => /^\/companies\/[0-9a-f-]{36}$/.test(url.pathname));
      assert.equal(await text(page.locator('[data-testid="record-title"]')), name);
      await page.locator('[data-testid="timeline"] li').first().waitFor();
      await shoot(page, 'company-record');

      // "Minhas tarefas de hoje": the API's list for today, and completing one removes it.
      const today = await api('/api/activities/my-open?range=today&limit=20&includeTotal=true', {
        token,
      });
      await page.locator('nav.nav a', { hasText: 'Atividades' }).click();
      await page.locator('[data-testid="my-tasks"]').waitFor();
      await page.locator('.ag-row').first().waitFor();
      await checkA11y(page, 'atividades');
      await shoot(page, 'activities');
      if (today.body.items.length) {
        const tasks = page.locator('[data-testid="my-task"]');
        await tasks.first().waitFor();
        assert.equal(await tasks.count(), today.body.items.length);
        const task = today.body.items[0];
        const completed = page.waitForResponse((r) =>
          r.url().endsWith(`/api/activities/${task.id}/complete`),
        );
        await page.locator(`[data-testid="my-task"][data-id="${task.id}"] button`).click();
        assert.equal((await completed).status(), 200);
        assert.equal((await api(`/api/activities/${task.id}`, { token })).body.done, true);
      }
    },
  },
];
