// What a scenario gets: a page factory, log-in, screenshots, axe, API calls and waiting helpers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { axe, screenshots, settle } from './browser.mjs';

export const DEMO_PASSWORD = 'demo1234';

export function scenarioKit({ context, baseUrl, shotsDir, findings }) {
  let lastPage;

  const kit = {
    baseUrl,
    assert,

    async newPage() {
      lastPage = await context.newPage();
      return lastPage;
    },

    /** Logs in through the login page; resolves once the shell shows the tenant. */
    async login(page, { tenant, email, password = DEMO_PASSWORD }) {
      await page.goto(`${baseUrl}/login`);
      if (tenant !== undefined) await page.locator('input[name="tenant"]').fill(tenant);
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(password);
      await page.locator('button[type="submit"]').click();
      await page.locator('[data-testid="tenant-name"]').waitFor();
      await settle(page);
    },

    /** The visible texts of the navigation entries. */
    async navLabels(page) {
      return (await page.locator('nav.nav a').allInnerTexts()).map((t) => t.trim());
    },

    async text(locator) {
      return (await locator.innerText()).replace(/\s+/g, ' ').trim();
    },

    async shoot(page, name) {
      await screenshots(page, shotsDir, name);
    },

    /** axe-core on the page: serious or critical violations fail the scenario; the rest is reported. */
    async checkA11y(page, name) {
      await settle(page); // opening animations change colours while they run
      const violations = await axe(page);
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      findings.axe.push({
        page: name,
        serious: serious.length,
        other: violations.length - serious.length,
        violations,
      });
      assert.deepEqual(serious, [], `axe found serious/critical violations on ${name}`);
    },

    /** Records the JavaScript that `load` makes the page fetch (raw and gzip sizes), bypassing the cache. */
    async measureJs(page, name, load) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const scripts = new Map();
      const onResponse = async (response) => {
        if (response.request().resourceType() !== 'script') return;
        const body = await response.body().catch(() => null);
        if (body) scripts.set(response.url(), body);
      };
      page.on('response', onResponse);
      await load();
      await settle(page);
      page.off('response', onResponse);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
      await cdp.detach();
      const bodies = [...scripts.values()];
      findings.weights[name] = {
        files: bodies.length,
        raw: bodies.reduce((n, b) => n + b.length, 0),
        gzip: bodies.reduce((n, b) => n + gzipSync(b).length, 0),
      };
    },

    /** Calls the API directly (to check what the console did), with an optional bearer token. */
    async api(path, { token, method = 'GET', body } = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },

    async failureShot(name) {
      if (lastPage && !lastPage.isClosed()) {
        await lastPage.screenshot({
          path: join(shotsDir, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-')}.png`),
        });
      }
    },
  };
  return kit;
}
