#!/usr/bin/env node
// Browser tests in real Chromium against the real app (API + built console + PostgreSQL), no mocked HTTP.
//   node e2e/run.mjs [--report=<file.json>] [--only=<text in a scenario name>] [--skip-build] [--app-root=<dir>]
// --skip-build uses the existing builds; --app-root starts the app from another checkout's build (implies
// --skip-build), e.g. while the backend of this one is mid-change and does not compile.
// Writes {"passed": N, "failed": N, ...} to the report file and exits non-zero when a scenario fails.
// Screenshots (1440×900 and 390×844) go to test-results/screenshots/.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildIfStale, prepareDatabase, startApp } from './support/app.mjs';
import { launchBrowser, VIEWPORTS } from './support/browser.mjs';
import { scenarioKit } from './support/kit.mjs';
import { scenarios } from './scenarios.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? true]),
);
const shotsDir = join(root, 'test-results', 'screenshots');
const SCENARIO_TIMEOUT_MS = 60_000;

const log = (line) => process.stdout.write(`[e2e] ${line}\n`);
const started = Date.now();
const results = [];
const findings = { axe: [], weights: {} };
let db;
let app;
let browser;
let interrupted = false;

// One cleanup, whoever asks first (the end of the run or a signal): both wait for the same one.
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => undefined);
    await app?.stop().catch((e) => log(`could not stop the app: ${e.message}`));
    await db?.drop().catch((e) => log(`could not drop the database: ${e.message}`));
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: cleaning up`);
    await cleanup();
    process.exit(130);
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000}s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

let setupError;
mkdirSync(shotsDir, { recursive: true });
for (const old of readdirSync(shotsDir).filter((f) => f.startsWith('FAILED-')))
  rmSync(join(shotsDir, old));
try {
  buildIfStale(root, log, { skip: Boolean(args['skip-build'] || args['app-root']) });
  db = await prepareDatabase(log);
  app = await startApp(args['app-root'] ?? root, db.env, log);
  browser = await launchBrowser();
  log(`Chromium ${browser.version()}`);

  const selected = scenarios.filter((s) => !args.only || s.name.includes(args.only));
  for (const scenario of selected) {
    const context = await browser.newContext({
      viewport: VIEWPORTS.desktop,
      locale: 'pt-BR',
      timezoneId: 'America/Sao_Paulo',
    });
    context.setDefaultTimeout(15_000);
    const kit = scenarioKit({ context, baseUrl: app.baseUrl, shotsDir, findings });
    const t0 = Date.now();
    try {
      await withTimeout(scenario.run(kit), SCENARIO_TIMEOUT_MS, scenario.name);
      results.push({ name: scenario.name, ok: true, ms: Date.now() - t0 });
      log(`✓ ${scenario.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      results.push({
        name: scenario.name,
        ok: false,
        ms: Date.now() - t0,
        error: String(error?.stack ?? error),
      });
      log(`✗ ${scenario.name}\n${String(error?.stack ?? error).replace(/^/gm, '    ')}`);
      await kit.failureShot(scenario.name).catch(() => undefined);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
} catch (error) {
  setupError = String(error?.stack ?? error);
  log(`setup failed: ${setupError}`);
} finally {
  await cleanup();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (setupError ? 1 : 0);
const report = {
  passed,
  failed,
  seconds: Math.round((Date.now() - started) / 1000),
  scenarios: results,
  axe: findings.axe,
  weights: findings.weights,
  ...(setupError ? { setupError } : {}),
};
if (args.report) {
  mkdirSync(dirname(args.report), { recursive: true });
  writeFileSync(args.report, JSON.stringify(report, null, 2));
}
log(
  `axe: ${findings.axe.map((a) => `${a.page} ${a.serious} serious/critical, ${a.other} minor/moderate`).join('; ')}`,
);
for (const [page, w] of Object.entries(findings.weights)) {
  log(
    `JS for ${page}: ${w.files} files, ${(w.raw / 1024).toFixed(1)} kB raw, ${(w.gzip / 1024).toFixed(1)} kB gzip`,
  );
}
log(`finished in ${report.seconds}s`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
