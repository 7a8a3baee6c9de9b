// Debian's Chromium driven by playwright-core (which never downloads a browser of its own).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
};

/**
 * Headless, no sandbox (root in CI), no GPU, no background traffic. Playwright gives every launch a fresh
 * temporary --user-data-dir, removed on close, and every scenario a new context (cookies, storage).
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    // run.mjs handles the signals: it must close the browser, then stop the app and drop the database.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Screenshots of the page as it is, at desktop and phone size, into `dir`/<name>-<viewport>.png. */
export async function screenshots(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await settle(page);
    await page.screenshot({ path: join(dir, `${name}-${label}.png`) });
  }
  await page.setViewportSize(original);
  await settle(page);
}

/** Lets layout changes (breakpoints, drawer, animations) finish. */
export async function settle(page) {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.waitForTimeout(400);
}

/** axe-core on the current page; returns the violations by impact. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}
