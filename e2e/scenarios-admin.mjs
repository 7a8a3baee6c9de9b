// Browser scenarios of the Admin screens built for tenant admins (object designer, custom tables, users and
// roles), run after the console's first ones against the real app and the demo data. What the console did is
// checked through the API with a token of the same admin.
const LIMA_ADMIN = { tenant: 'supermercado_lima', email: 'admin@supermercadolima.com.br' };
const LIMA_SALES = { tenant: 'supermercado_lima', email: 'vendedor@supermercadolima.com.br' };

async function tokenOf(api, { tenant, email }) {
  const r = await api('/api/auth/login', {
    method: 'POST',
    body: { tenant, email, password: 'demo1234' },
  });
  if (r.status !== 200) throw new Error(`login of ${email} for the API checks: ${r.status}`);
  return r.body.accessToken;
}

/** Opens Admin → `card` from the shell and waits for `path`. */
async function openAdmin(page, card, path) {
  await page.locator('nav.nav a', { hasText: 'Admin' }).click();
  await page.getByRole('link', { name: new RegExp(card) }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Picks `option` in the Material select `select` (a locator). */
async function choose(page, select, option) {
  // The form field, not the select: an empty outlined field's label lies over the select.
  await select.locator('xpath=ancestor::mat-form-field').click();
  await page.locator('mat-option', { hasText: option }).first().click();
  await page.locator('.cdk-overlay-pane mat-option').first().waitFor({ state: 'detached' });
}

const suffix = () => Date.now().toString(36);

export const adminScenarios = [
  {
    name: 'admin screens: designer: Contatos with their company, preview rows, saved as an object',
    async run({ newPage, assert, text, login, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, LIMA_ADMIN);
      await openAdmin(page, 'Designer de objetos', '/admin/designer');
      await checkA11y(page, 'admin designer (empty)');

      await choose(page, page.locator('[data-testid="designer-base"]'), 'Contatos');
      await page.locator('[data-field="tb_contato.nome"]').waitFor();
      await choose(page, page.locator('[data-testid="designer-add-related"]'), 'Empresas');
      await page.locator('[data-testid="designer-joined"]', { hasText: 'Empresas' }).waitFor();

      await page.locator('[data-field="tb_contato.nome"] input').check();
      await page.locator('[data-field="tb_contato.email"] input').check();
      // The company's fields are in their own (closed) group.
      await page.locator('details summary', { hasText: 'Empresas' }).click();
      await page.locator('[data-field="tb_empresa.razao_social"] input').check();

      const grid = page.locator('[data-testid="designer-preview-grid"]');
      await grid.locator('.ag-row').first().waitFor();
      const headers = (await grid.locator('.ag-header-cell-text').allInnerTexts()).map((t) =>
        t.trim(),
      );
      assert.deepEqual(headers, ['Nome', 'E-mail', 'Razão social']);
      assert.match(await text(page.locator('[data-testid="designer-preview-status"]')), /linhas/);
      await checkA11y(page, 'admin designer (preview)');
      await shoot(page, 'admin-designer-preview');

      const name = `Contatos e empresas ${suffix()}`;
      await page.locator('app-designer-save input[name="labelPt"]').fill(name);
      const apiName = await page.locator('app-designer-save input[name="apiName"]').inputValue();
      assert.match(apiName, /^contatos_e_empresas_[a-z0-9]+$/);
      await page.getByRole('button', { name: 'Salvar objeto' }).click();
      await page.locator('[data-testid="designer-saved"]').waitFor();
      await page.locator('[data-testid="designer-saved-list"]', { hasText: name }).waitFor();
      await shoot(page, 'admin-designer-saved');

      const token = await tokenOf(api, LIMA_ADMIN);
      const objects = await api('/api/objects?kind=consulta', { token });
      const saved = objects.body.find((o) => o.apiName === apiName);
      assert.ok(saved, `${apiName} is not in GET /api/objects`);
      assert.equal(saved.labelPt, name);
      const detail = await api(`/api/objects/${apiName}`, { token });
      assert.deepEqual(
        detail.body.fields.map((f) => f.apiName),
        ['nome', 'email', 'razao_social'],
      );
      assert.equal(detail.body.model.joins[0].object, 'tb_empresa');

      // The same name again: the API's refusal lands on the name field, in Portuguese.
      await page.locator('app-designer-save input[name="apiName"]').fill(apiName);
      await page.getByRole('button', { name: 'Salvar objeto' }).click();
      await page
        .locator('app-designer-save [data-testid="api-name-error"]', { hasText: 'Já existe' })
        .waitFor();
    },
  },
  {
    name: 'admin screens: custom tables: create a table, add a text and a number field, delete one with confirmation',
    async run({ newPage, assert, text, login, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, LIMA_ADMIN);
      await openAdmin(page, 'Tabelas personalizadas', '/admin/tables');
      await checkA11y(page, 'admin custom tables');

      const label = `Visitas e2e ${suffix()}`;
      const form = page.locator('app-table-create-form');
      await form.locator('input[name="tableLabel"]').fill(label);
      const apiName = await form.locator('input[name="apiName"]').inputValue();
      assert.match(apiName, /^visitas_e2e_[a-z0-9]+$/);
      // Checked while typing: a reserved prefix is refused before the API is called.
      await form.locator('input[name="apiName"]').fill('cx_visitas');
      await form.locator('input[name="apiName"]').blur();
      await form.locator('[data-testid="api-name-error"]', { hasText: 'tb_, cx_' }).waitFor();
      await form.locator('input[name="apiName"]').fill(apiName);
      await page.getByRole('button', { name: 'Criar tabela' }).click();
      await page.locator(`[data-testid="table-list"] tr[data-api-name="${apiName}"]`).waitFor();
      const fields = page.locator('[data-testid="table-fields"]');
      await fields.waitFor();

      const addField = async (fieldLabel, type) => {
        await page.locator('[data-testid="add-field"]').click();
        const f = page.locator('[data-testid="field-form"]');
        await f.locator('input[name="labelPt"]').fill(fieldLabel);
        if (type) await choose(page, f.locator('[data-testid="field-type"]'), type);
        await f.getByRole('button', { name: 'Adicionar campo' }).click();
        await f.waitFor({ state: 'detached' });
      };
      await addField('Observação', null);
      await addField('Quantidade de itens', 'Número inteiro');
      await fields.locator('tr[data-field="observacao"]').waitFor();
      await fields.locator('tr[data-field="quantidade_de_itens"]').waitFor();
      assert.match(
        await text(fields.locator('tr[data-field="quantidade_de_itens"]')),
        /Número inteiro/,
      );
      await checkA11y(page, 'admin custom tables (fields)');
      await shoot(page, 'admin-custom-table');

      // Delete a field: the confirmation names the field and what is lost.
      await fields
        .locator('tr[data-field="observacao"]')
        .getByRole('button', { name: /Excluir o campo/ })
        .click();
      const dialog = page.locator('mat-dialog-container');
      await dialog.waitFor();
      assert.match(await text(dialog), /Excluir o campo "Observação"\?/);
      await checkA11y(page, 'admin custom tables (delete field confirmation)');
      await shoot(page, 'admin-custom-table-delete-field');
      await page.locator('[data-testid="confirm"]').click();
      await fields.locator('tr[data-field="observacao"]').waitFor({ state: 'detached' });

      const token = await tokenOf(api, LIMA_ADMIN);
      const table = await api(`/api/objects/${apiName}`, { token });
      assert.equal(table.status, 200);
      const custom = table.body.fields.filter((f) => f.custom).map((f) => [f.apiName, f.type]);
      assert.deepEqual(custom, [['quantidade_de_itens', 'integer']]);

      // Delete the table, confirmed.
      await page
        .locator(`tr[data-api-name="${apiName}"]`)
        .getByRole('button', { name: /Excluir a tabela/ })
        .click();
      const tableDialog = page.locator('mat-dialog-container');
      await tableDialog.waitFor();
      assert.match(
        await text(tableDialog),
        new RegExp(`cx_${apiName} será apagada com seus 0 registros`),
      );
      await page.locator('[data-testid="confirm"]').click();
      await page.locator(`tr[data-api-name="${apiName}"]`).waitFor({ state: 'detached' });
      assert.equal((await api(`/api/objects/${apiName}`, { token })).status, 404);

      // A table someone changes while its removal is being confirmed is kept: the removal was decided on the
      // version the confirmation showed (If-Match), and the API's message says why.
      const other = `${apiName}_b`;
      const created = await api('/api/objects', { token, method: 'POST', body: { kind: 'tabela', apiName: other, labelPt: `Outra ${other}` } });
      assert.equal(created.status, 201);
      await page.reload();
      await page
        .locator(`tr[data-api-name="${other}"]`)
        .getByRole('button', { name: /Excluir a tabela/ })
        .click();
      await page.locator('mat-dialog-container').waitFor();
      const changed = await api(`/api/objects/${other}/fields`, { token, method: 'POST', body: { apiName: 'nota', labelPt: 'Nota', type: 'text' } });
      assert.equal(changed.status, 201);
      await page.locator('[data-testid="confirm"]').click();
      await page.locator('mat-snack-bar-container', { hasText: 'alterado por outra pessoa' }).waitFor();
      assert.equal((await api(`/api/objects/${other}`, { token })).status, 200);
      assert.equal(await page.locator(`tr[data-api-name="${other}"]`).count(), 1);
    },
  },
  {
    name: 'admin screens: users: invite a sales user, change the role, deactivate; sales does not see Admin',
    async run({ newPage, assert, text, login, shoot, checkA11y, api, navLabels, baseUrl }) {
      const page = await newPage();
      await login(page, LIMA_ADMIN);
      await openAdmin(page, 'Usuários e papéis', '/admin/users');
      await page.locator('[data-testid="user-list"] tbody tr').first().waitFor();
      await checkA11y(page, 'admin users');

      const email = `convidado.${suffix()}@supermercadolima.com.br`;
      const form = page.locator('[data-testid="invite-form"]');
      await form.locator('input[name="name"]').fill('Carla Convidada');
      await form.locator('input[name="email"]').fill(email);
      assert.equal(await text(form.locator('[data-testid="invite-role"]')), 'Vendedor');
      await page.getByRole('button', { name: 'Convidar', exact: true }).click();
      await page.locator('[data-testid="user-invited"]').waitFor();
      assert.match(await text(page.locator('[data-testid="temporary-password"]')), /^\S{8,}$/);
      const row = page.locator(`[data-testid="user-list"] tr[data-email="${email}"]`);
      await row.waitFor();
      assert.equal(await text(row.locator('[data-testid="user-role"]')), 'Vendedor');
      await shoot(page, 'admin-users-invited');

      // Change the role.
      await row.getByRole('button', { name: /Gerenciar/ }).click();
      const detail = page.locator('[data-testid="user-detail"]');
      await detail.waitFor();
      await choose(page, detail.locator('[data-testid="user-role-select"]'), 'Gerente');
      await detail.getByRole('button', { name: 'Salvar alterações' }).click();
      await row.locator('[data-testid="user-role"]', { hasText: 'Gerente' }).waitFor();
      await detail.locator('[data-testid="user-history"]', { hasText: 'Papel' }).waitFor();
      await checkA11y(page, 'admin users (detail and history)');

      // Deactivate, confirmed.
      await detail.locator('[data-testid="deactivate"]').click();
      await page
        .locator('mat-dialog-container', { hasText: 'Desativar Carla Convidada?' })
        .waitFor();
      await page.locator('[data-testid="confirm"]').click();
      await row.locator('[data-testid="user-status"]', { hasText: 'Desativado' }).waitFor();
      await shoot(page, 'admin-users-deactivated');

      const token = await tokenOf(api, LIMA_ADMIN);
      const listed = await api(`/api/users?email=${encodeURIComponent(email)}`, { token });
      assert.equal(listed.body.items.length, 1);
      assert.equal(listed.body.items[0].role, 'manager');
      assert.equal(listed.body.items[0].active, false);

      // The last administrator cannot demote herself: the page says why.
      const me = page.locator(
        '[data-testid="user-list"] tr[data-email="admin@supermercadolima.com.br"]',
      );
      const admins = await api('/api/users?role=tenant_admin&active=true', { token });
      if (admins.body.items.length === 1) {
        await me.getByRole('button', { name: /Gerenciar/ }).click();
        await choose(page, detail.locator('[data-testid="user-role-select"]'), 'Analista');
        await detail.getByRole('button', { name: 'Salvar alterações' }).click();
        await detail
          .locator('[data-testid="user-problem"]', { hasText: 'último administrador' })
          .waitFor();
      }

      // The sales user sees no Admin and cannot open these pages.
      const sales = await newPage();
      await login(sales, LIMA_SALES);
      assert.ok(!(await navLabels(sales)).includes('Admin'));
      for (const path of ['/admin/users', '/admin/designer', '/admin/tables']) {
        await sales.goto(`${baseUrl}${path}`);
        await sales.locator('[data-testid="tenant-name"]').waitFor();
        await sales.waitForURL((url) => url.pathname === '/');
      }
    },
  },
  {
    name: 'activity form: a salesperson creates a task due soon from "Nova atividade"',
    async run({ newPage, assert, login, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, LIMA_SALES);
      await page.locator('nav.nav a', { hasText: 'Atividades' }).click();
      await page.waitForURL((url) => url.pathname === '/activities');
      await page.locator('[data-testid="new-activity"]').click();
      await page.waitForURL((url) => url.pathname === '/activities/new');
      await page.locator('input[name="subject"]').waitFor();
      await checkA11y(page, 'new activity form');

      // Saving without the required fields says what is missing, and sends nothing.
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.locator('mat-error', { hasText: 'Campo obrigatório' }).first().waitFor();
      assert.equal(new URL(page.url()).pathname, '/activities/new');

      const subject = `Ligar para confirmar o pedido ${suffix()}`;
      await page.locator('input[name="subject"]').fill(subject);
      await choose(page, page.locator('mat-select[data-field="type"]'), 'Tarefa');
      // Due in an hour (or at 23:59 late at night), in the browser's time zone: still today.
      const due = await page.evaluate(() => {
        const d = new Date(Date.now() + 3600_000);
        const now = new Date();
        if (d.getDate() !== now.getDate())
          d.setTime(new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59).getTime());
        const p = (n) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
      });
      await page.locator('input[name="dueAt"]').fill(due);
      await shoot(page, 'activity-new');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.waitForURL((url) => url.pathname === '/activities');
      // Today's tasks count days in the user's time zone, the browser may be elsewhere: the task or its row.
      await page
        .locator('[data-testid="my-task"]', { hasText: subject })
        .or(page.locator('.ag-row', { hasText: subject }))
        .first()
        .waitFor();

      const token = await tokenOf(api, LIMA_SALES);
      const found = await api(`/api/activities?limit=200&sort=-createdAt`, { token });
      const created = found.body.items.find((a) => a.subject === subject);
      assert.ok(created, 'the activity is not in the API');
      assert.equal(created.type, 'tarefa');
    },
  },
];
