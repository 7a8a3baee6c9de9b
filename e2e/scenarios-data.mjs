// Browser scenarios of "Dados" (object list, the generic object grid) and the SQL playground, run after the
// console's first ones (scenarios.mjs) against the real app and the demo data. What the console shows is
// compared with what the API gives the same user.
const LIMA_ADMIN = { tenant: 'supermercado_lima', email: 'admin@supermercadolima.com.br' };

/** An access token of `user`, for the API calls that check what the console did. */
async function tokenOf(api, { tenant, email }) {
  const r = await api('/api/auth/login', {
    method: 'POST',
    body: { tenant, email, password: 'demo1234' },
  });
  if (r.status !== 200) throw new Error(`login of ${email} for the API checks: ${r.status}`);
  return r.body.accessToken;
}

/** The texts of column `colId` in the first `n` rows of the grid, in row order. */
function columnTexts(page, colId, n = 5) {
  return page.locator('.ag-row[row-index]').evaluateAll(
    (rows, [col, count]) =>
      rows
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
        .slice(0, count)
        .map((r) => r.querySelector(`[col-id="${col}"]`)?.textContent?.trim() ?? ''),
    [colId, n],
  );
}

/** Waits until the grid's first rows show `expected` in column `colId`. */
async function waitForColumn(page, colId, expected) {
  await page.waitForFunction(
    ([col, names]) =>
      [...document.querySelectorAll('.ag-row[row-index]')]
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
        .slice(0, names.length)
        .map((r) => r.querySelector(`[col-id="${col}"]`)?.textContent?.trim() ?? '')
        .join('|') === names.join('|'),
    [colId, expected],
  );
}

const dataRequest =
  (apiName, test = () => true) =>
  (r) =>
    r.url().includes(`/api/objects/${apiName}/data?`) && test(new URL(r.url()).searchParams);

/** Runs `action` and resolves with the request it made that `predicate` accepts (both awaited together). */
async function requestOf(page, predicate, action) {
  const [request] = await Promise.all([page.waitForRequest(predicate), action()]);
  return request;
}

/** Replaces the editor's text by typing `text` (as a person does: completion pops up on the way). */
async function typeSql(page, text) {
  const editor = page.locator('[data-testid="sql-input"]');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Escape'); // closes a completion popup left open
}

async function runSql(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/query/execute')),
    page.keyboard.press('Control+Enter'),
  ]);
  return response;
}

export const dataScenarios = [
  {
    name: 'Dados: the Lima admin sees the objects, opens tb_contato, sorts, filters and scrolls on the server',
    async run({ newPage, assert, text, login, shoot, checkA11y, api, measureJs }) {
      const page = await newPage();
      await login(page, LIMA_ADMIN);
      const token = await tokenOf(api, LIMA_ADMIN);

      // The list: every object the API gives this user, grouped by kind.
      await measureJs(page, 'Dados (object list), opened from the shell', () =>
        page.locator('nav.nav a', { hasText: 'Dados' }).click(),
      );
      await page.waitForURL((url) => url.pathname === '/data');
      const objects = (await api('/api/objects', { token })).body;
      const links = page.locator('[data-testid="object-link"]');
      await links.first().waitFor();
      assert.equal(await links.count(), objects.length, 'one link per visible object');
      assert.ok(objects.some((o) => o.apiName === 'tb_contato'));
      await checkA11y(page, 'dados (object list)');
      await shoot(page, 'data-objects');

      // Search, then the kind filter's empty state (the demo has no saved query yet).
      await page.locator('[data-testid="object-search"]').fill('contato');
      await page.locator('[data-api-name="tb_contato"]').waitFor();
      assert.ok((await links.count()) < objects.length, 'the search narrows the list');
      if (!objects.some((o) => o.kind === 'consulta')) {
        await page.locator('[data-testid="object-search"]').fill('');
        await page.getByRole('option', { name: 'Consultas salvas' }).click();
        await page.locator('[data-testid="objects-empty"]').waitFor();
        assert.match(await text(page.locator('[data-testid="objects-empty"]')), /Playground SQL/);
        await page.getByRole('option', { name: 'Todos' }).click();
      }

      // The object grid: columns from the metadata, the first page with the total.
      const firstPage = await requestOf(page, dataRequest('tb_contato'), () =>
        measureJs(page, 'Dados object grid (AG Grid), opened from the list', () =>
          page.locator('[data-api-name="tb_contato"]').click(),
        ),
      );
      await page.waitForURL((url) => url.pathname === '/data/tb_contato');
      const first = new URL(firstPage.url()).searchParams;
      assert.equal(first.get('include_total'), 'true');
      assert.equal(first.get('limit'), '100', 'one AG Grid block per API page');
      assert.equal(first.get('offset'), '0');
      await page.locator('[data-testid="object-title"]', { hasText: 'Contatos' }).waitFor();
      const total = (
        await api('/api/objects/tb_contato/data?limit=1&include_total=true&fields=id', { token })
      ).body.total;
      await page.getByText(`${total.toLocaleString('pt-BR')} registros`).waitFor();

      // Sorting is the server's: a request with sort=, and the API's order on screen.
      for (const sort of ['nome', '-nome']) {
        await requestOf(
          page,
          dataRequest('tb_contato', (p) => p.get('sort') === sort),
          () => page.locator('.ag-header-cell[col-id="nome"] .ag-header-cell-label').click(),
        );
        const expected = (
          await api(`/api/objects/tb_contato/data?sort=${sort}&limit=5&fields=nome`, { token })
        ).body.rows.map((r) => r[0]);
        await waitForColumn(page, 'nome', expected);
        assert.deepEqual(await columnTexts(page, 'nome'), expected);
      }

      // Scrolling past the first 100 rows loads the next page (offset 100), when there is one.
      if (total > 100) {
        await requestOf(
          page,
          dataRequest('tb_contato', (p) => p.get('offset') === '100'),
          () =>
            page
              .locator('.ag-body-vertical-scroll-viewport')
              .evaluate((el) => (el.scrollTop = 44 * 96)), // rows are 44 px high
        );
        await page.locator('.ag-row[row-index="100"]').waitFor();
      }
      await checkA11y(page, 'dados (object grid)');
      await shoot(page, 'data-object-grid');

      // A column filter is a query parameter named after the field (?nome=…); the count follows.
      const someone = (
        await api('/api/objects/tb_contato/data?sort=nome&limit=1&fields=nome', { token })
      ).body.rows[0][0];
      const header = page.locator('.ag-header-cell[col-id="nome"]');
      await header.hover();
      await header
        .locator('.ag-header-cell-filter-button, .ag-header-cell-menu-button')
        .first()
        .click();
      const filter = page.locator('.ag-filter');
      await filter.locator('input').first().fill(someone);
      await requestOf(
        page,
        dataRequest('tb_contato', (p) => p.get('nome') === someone),
        () => filter.getByRole('button', { name: /Aplicar|Apply/ }).click(),
      );
      const count = (
        await api(
          `/api/objects/tb_contato/data?nome=${encodeURIComponent(someone)}&limit=1&include_total=true&fields=id`,
          { token },
        )
      ).body.total;
      await page.getByText(`${count.toLocaleString('pt-BR')} registros`).waitFor();
      const same = Array(Math.min(count, 5)).fill(someone);
      await waitForColumn(page, 'nome', same);
      assert.deepEqual(await columnTexts(page, 'nome'), same);
      await shoot(page, 'data-object-grid-filtered');
    },
  },
  {
    name: 'Playground SQL: completion, Ctrl+Enter, an error with its position, saved as an object in Dados',
    async run({ newPage, assert, text, login, shoot, checkA11y, api, measureJs }) {
      const page = await newPage();
      await login(page, LIMA_ADMIN);
      const token = await tokenOf(api, LIMA_ADMIN);

      await page.locator('nav.nav a', { hasText: 'Admin' }).click();
      await measureJs(page, 'Playground SQL (CodeMirror), opened from Admin', () =>
        page.locator('a.section', { hasText: 'Playground SQL' }).click(),
      );
      await page.waitForURL((url) => url.pathname === '/admin/playground');
      await page.locator('[data-testid="sql-input"]').waitFor();

      // Completion offers the tenant's tables while typing.
      const sql = 'SELECT nome, email FROM tb_contato ORDER BY nome LIMIT 20';
      await typeSql(page, 'SELECT nome, email FROM tb_cont');
      await page.keyboard.press('Control+Space');
      const popup = page.locator('.cm-tooltip-autocomplete');
      await popup.waitFor();
      const offered = (await popup.locator('.cm-completionLabel').allInnerTexts()).map((t) =>
        t.trim(),
      );
      assert.ok(offered.includes('tb_contato'), `completion offers tb_contato: ${offered}`);
      await shoot(page, 'playground-completion');
      await popup
        .locator('li', { hasText: /^tb_contato/ })
        .first()
        .click();
      await page.keyboard.type(' ORDER BY nome LIMIT 20', { delay: 5 });
      await page.keyboard.press('Escape');
      assert.equal((await page.locator('.cm-line').allInnerTexts()).join('\n'), sql);

      // Ctrl+Enter runs it: the executor's rows in the grid, with count and time.
      const response = await runSql(page);
      assert.equal(response.status(), 200);
      const expected = await api('/api/query/execute', { token, method: 'POST', body: { sql } });
      await page.locator('[data-testid="query-result"] .ag-row').first().waitFor();
      assert.match(
        await text(page.locator('[data-testid="query-status"]')),
        new RegExp(`^${expected.body.rowCount} linhas em [\\d,]+ ms$`),
      );
      assert.deepEqual(
        await columnTexts(page, '0', 3),
        expected.body.rows.slice(0, 3).map((r) => r[0]),
      );

      // A syntax error: the API's message, its line and column, and a mark in the editor.
      const bad = "SELECT nome FROM tb_contato WHERE nome = 'x' ORDER nome";
      await typeSql(page, bad);
      assert.equal((await runSql(page)).status(), 400);
      const refused = await api('/api/query/execute', {
        token,
        method: 'POST',
        body: { sql: bad },
      });
      assert.equal(refused.body.code, 'SQL_SYNTAX_ERROR');
      const { line, column } = refused.body.details.position;
      await page.locator('[data-testid="query-error"]').waitFor();
      assert.equal(
        await text(page.locator('[data-testid="query-error-position"]')),
        `Erro na linha ${line}, coluna ${column}`,
      );
      assert.equal(
        await text(page.locator('[data-testid="query-error-message"]')),
        refused.body.message,
      );
      await page.locator('.cm-lintRange-error').first().waitFor();
      await checkA11y(page, 'playground (with an error)');
      await shoot(page, 'playground-error');

      // Back to a valid query, and save it as an object.
      await typeSql(page, sql);
      await runSql(page);
      await page.locator('[data-testid="query-result"] .ag-row').first().waitFor();
      await checkA11y(page, 'playground (with results)');
      await shoot(page, 'playground');

      const label = `Contatos com e-mail ${Date.now().toString(36)}`;
      await page.locator('input[name="label"]').fill(label);
      const apiName = await page.locator('input[name="apiName"]').inputValue();
      assert.match(apiName, /^contatos_com_e_mail_[a-z0-9]+$/);
      const [created] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/api/objects') && r.request().method() === 'POST',
        ),
        page.locator('[data-testid="save-query-submit"]').click(),
      ]);
      assert.equal(created.status(), 201);
      await page.locator('[data-testid="save-done"]').waitFor();

      // It is in Dados, under saved queries, and opens in the object grid (rows from the executor).
      await page.locator('[data-testid="open-saved"]').click();
      await page.waitForURL((url) => url.pathname === `/data/${apiName}`);
      await page.locator('[data-testid="object-title"]', { hasText: label }).waitFor();
      await page.getByText(`${expected.body.rowCount} registros`).waitFor();
      await waitForColumn(
        page,
        'nome',
        expected.body.rows.slice(0, 3).map((r) => r[0]),
      );
      await shoot(page, 'data-saved-query');

      await page.locator('a.back').click();
      await page.getByRole('option', { name: 'Consultas salvas' }).click();
      await page.locator(`[data-api-name="${apiName}"]`).waitFor();
      assert.match(await text(page.locator(`[data-api-name="${apiName}"]`)), new RegExp(label));
    },
  },
];
