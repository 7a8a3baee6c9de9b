// The console's browser scenarios, run in order by run.mjs against the real app with the demo data.
import { salesScenarios } from './scenarios-sales.mjs';
import { adminScenarios } from './scenarios-admin.mjs';
import { dataScenarios } from './scenarios-data.mjs';

const LIMA_ADMIN = { tenant: 'supermercado_lima', email: 'admin@supermercadolima.com.br' };
const LIMA_SALES = { tenant: 'supermercado_lima', email: 'vendedor@supermercadolima.com.br' };
const PADARIA_ADMIN = { tenant: 'padaria_central', email: 'admin@padariacentral.com.br' };
const PLATFORM_ADMIN = { email: 'admin@crm.local' };

export const scenarios = [
  {
    name: 'a wrong password shows the API error on the login page',
    async run({ newPage, baseUrl, assert, text, shoot, checkA11y, measureJs }) {
      const page = await newPage();
      // The guard sends a visitor without a session to /login once the app has started (after the load event).
      await measureJs(page, 'login page', async () => {
        await page.goto(`${baseUrl}/`);
        await page.waitForURL((url) => url.pathname === '/login');
        await page.locator('h1').waitFor();
      });
      assert.match(page.url(), /\/login$/);
      assert.equal(await text(page.locator('h1')), 'Entrar');
      await checkA11y(page, 'login');
      await shoot(page, 'login');

      await page.locator('input[name="tenant"]').fill('supermercado_lima');
      await page.locator('input[name="email"]').fill('admin@supermercadolima.com.br');
      await page.locator('input[name="password"]').fill('senha-errada');
      await page.locator('button[type="submit"]').click();
      const error = page.locator('[data-testid="login-error"]');
      await error.waitFor();
      assert.equal(await text(error), 'E-mail, senha ou tenant inválidos.');
      assert.match(page.url(), /\/login$/);
      await checkA11y(page, 'login with error');
      await shoot(page, 'login-error');
    },
  },
  {
    name: 'the Lima admin logs in and sees the shell with "Supermercado Lima"',
    async run({ newPage, baseUrl, assert, text, login, navLabels, shoot, checkA11y, measureJs }) {
      const page = await newPage();
      await login(page, LIMA_ADMIN);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await text(page.locator('[data-testid="tenant-name"]')), 'Supermercado Lima');
      assert.equal(await text(page.locator('[data-testid="greeting"]')), 'Olá, Ana Lima.');
      assert.deepEqual(await navLabels(page), [
        'Início',
        'Vendas',
        'Contatos',
        'Empresas',
        'Atividades',
        'Dados',
        'Admin',
      ]);
      await page.getByText('API conectada').waitFor();
      await checkA11y(page, 'shell (home)');
      await shoot(page, 'home-lima-admin');

      // The user menu: who, which role, in which tenant.
      await page.locator('[data-testid="user-menu"]').click();
      assert.equal(
        await text(page.locator('[data-testid="user-role"]')),
        'Administrador · Supermercado Lima',
      );
      await checkA11y(page, 'shell (user menu open)');
      await shoot(page, 'user-menu');
      await page.keyboard.press('Escape');

      // A reload keeps the session (refresh token in sessionStorage, access token renewed silently).
      await measureJs(page, 'shell after reload (signed in)', () => page.reload());
      await page.locator('[data-testid="tenant-name"]').waitFor();
      assert.equal(new URL(page.url()).pathname, '/');

      // English, then back to Portuguese.
      await page.getByRole('button', { name: /^Idioma/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.locator('nav.nav a', { hasText: 'Sales' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await shoot(page, 'home-english');
      await page.getByRole('button', { name: /^Language/ }).click();
      await page.getByRole('menuitem', { name: 'Português (Brasil)' }).click();
      await page.locator('nav.nav a', { hasText: 'Vendas' }).waitFor();
    },
  },
  {
    name: 'a sales user does not see Admin and cannot open it',
    async run({ newPage, baseUrl, assert, text, login, navLabels, shoot }) {
      const page = await newPage();
      await login(page, LIMA_SALES);
      const labels = await navLabels(page);
      assert.ok(labels.includes('Vendas'), labels.join(', '));
      assert.ok(!labels.includes('Admin'), `sales sees Admin: ${labels.join(', ')}`);
      await shoot(page, 'home-lima-sales');

      await page.goto(`${baseUrl}/admin/tokens`);
      await page.locator('[data-testid="tenant-name"]').waitFor();
      await page.waitForURL((url) => url.pathname === '/');
      assert.equal(await text(page.locator('h1')), 'Início');

      // Logging out ends the session: the console asks for the login again.
      await page.locator('[data-testid="user-menu"]').click();
      await page.locator('[data-testid="logout"]').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.goto(`${baseUrl}/sales`);
      await page.waitForURL((url) => url.pathname === '/login');
    },
  },
  {
    name: 'the Padaria admin sees "Padaria Central" and nothing of Lima',
    async run({ newPage, assert, text, login, shoot }) {
      const page = await newPage();
      await login(page, PADARIA_ADMIN);
      assert.equal(await text(page.locator('[data-testid="tenant-name"]')), 'Padaria Central');
      await page.locator('[data-testid="user-menu"]').click();
      assert.equal(
        await text(page.locator('[data-testid="user-role"]')),
        'Administrador · Padaria Central',
      );
      await page.keyboard.press('Escape');
      const body = await page.locator('body').innerText();
      assert.ok(!body.includes('Lima'), 'Lima appears in the Padaria session');
      await shoot(page, 'home-padaria-admin');
    },
  },
  {
    name: 'the platform admin sees both demo tenants, creates one and archives it',
    async run({ newPage, assert, text, login, navLabels, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, PLATFORM_ADMIN);
      await page.waitForURL((url) => url.pathname === '/platform');
      assert.equal(await text(page.locator('[data-testid="tenant-name"]')), 'Plataforma');
      assert.deepEqual(await navLabels(page), ['Início', 'Plataforma']);

      const row = (slug) => page.locator(`[data-testid="tenant-list"] tr[data-slug="${slug}"]`);
      for (const [slug, name] of [
        ['supermercado_lima', 'Supermercado Lima'],
        ['padaria_central', 'Padaria Central'],
      ]) {
        await row(slug).waitFor();
        const cells = await row(slug).locator('td').allInnerTexts();
        assert.equal(cells[0].trim(), name);
        assert.equal(cells[2].trim(), 'Ativo');
        assert.match(cells[3].trim(), /^\d+$/, 'schema version');
      }
      await checkA11y(page, 'platform tenants');
      await shoot(page, 'platform-tenants');

      // The slug follows the name, and is checked while typing.
      const suffix = Date.now().toString(36);
      const newName = `Loja Teste ${suffix}`;
      const newSlug = `loja_teste_${suffix}`;
      const slug = page.locator('app-tenant-form input[name="slug"]');
      await page.locator('app-tenant-form input[name="name"]').fill(newName);
      assert.equal(await slug.inputValue(), newSlug);
      await slug.fill('9_invalido');
      await page.locator('[data-testid="slug-error"]').waitFor();
      await slug.fill(newSlug);
      await page.locator('[data-testid="slug-error"]').waitFor({ state: 'detached' });

      // Creation shows its progress, then the new tenant in the list.
      await page.getByRole('button', { name: 'Criar tenant' }).click();
      await page.locator('[data-testid="tenant-created"]').waitFor();
      assert.match(
        await text(page.locator('[data-testid="tenant-created"]')),
        new RegExp(`schema tenant_${newSlug}`),
      );
      await row(newSlug).waitFor();
      await shoot(page, 'platform-tenant-created');

      // Archive, with a confirmation.
      await row(newSlug)
        .getByRole('button', { name: /Arquivar/ })
        .click();
      await page.locator('[data-testid="confirm"]').waitFor();
      await checkA11y(page, 'confirmation dialog');
      await shoot(page, 'platform-archive-confirm');
      await page.locator('[data-testid="confirm"]').click();
      await row(newSlug).getByText('Arquivado').waitFor();

      // Checked behind the console: nobody can log into the archived tenant.
      const denied = await api('/api/auth/login', {
        method: 'POST',
        body: { tenant: newSlug, email: 'admin@crm.local', password: 'demo1234' },
      });
      assert.notEqual(denied.status, 200);
    },
  },
  {
    name: 'creating an API token shows its secret once, and revoking it takes effect',
    async run({ newPage, baseUrl, assert, text, login, shoot, checkA11y, api }) {
      const page = await newPage();
      await login(page, LIMA_ADMIN);
      await page.locator('nav.nav a', { hasText: 'Admin' }).click();
      await page.getByRole('link', { name: /Tokens de API/ }).click();
      await page.waitForURL((url) => url.pathname === '/admin/tokens');
      await checkA11y(page, 'admin tokens');

      const name = `ERP e2e ${Date.now().toString(36)}`;
      await page.locator('app-api-token-form input[name="name"]').fill(name);
      await page.getByRole('button', { name: 'Criar token' }).click();
      const secret = page.locator('[data-testid="token-secret-value"]');
      await secret.waitFor();
      const token = await text(secret);
      assert.match(token, /^crm_/);
      await checkA11y(page, 'admin tokens (secret shown)');
      await shoot(page, 'admin-token-secret');

      // The secret works against the API, in Lima, with the chosen role.
      const me = await api('/api/auth/me', { token });
      assert.equal(me.status, 200);
      assert.equal(me.body.tenant.slug, 'supermercado_lima');
      assert.equal(me.body.role, 'analyst');

      // Once dismissed it is gone, and a reload does not bring it back.
      await page.getByRole('button', { name: 'Já guardei' }).click();
      await secret.waitFor({ state: 'detached' });
      await page.reload();
      const row = page.locator('[data-testid="token-list"] tr', { hasText: name });
      await row.waitFor();
      assert.ok(!(await page.content()).includes(token), 'the secret is still on the page');
      assert.match(await text(row), /Ativo/);
      await shoot(page, 'admin-tokens');

      await row.getByRole('button', { name: /Revogar/ }).click();
      await page.locator('[data-testid="confirm"]').click();
      await row.getByText('Revogado').waitFor();
      assert.equal((await api('/api/auth/me', { token })).status, 401);
    },
  },
  // Vendas, Contatos, Empresas, Atividades (scenarios-sales.mjs).
  ...salesScenarios,
  // Admin: designer, custom tables, users (scenarios-admin.mjs).
  ...adminScenarios,
  // Dados and the SQL playground (scenarios-data.mjs).
  ...dataScenarios,
];
