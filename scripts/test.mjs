#!/usr/bin/env node
// Runs every test suite of the project and ends with one line: "N passed, N failed".
// Suites: backend (jest, real PostgreSQL), frontend unit tests (Angular CLI runner), browser tests (real Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const suites = [];
const notes = [];

function run(cmd, args, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...opts.env }, encoding: 'utf8' });
  if (opts.capture && r.stdout) process.stdout.write(r.stdout);
  return { status: r.status ?? 1, stdout: r.stdout ?? '', seconds: Math.round((Date.now() - started) / 1000) };
}

// Build first: the CLI tests run the built CLI, the OpenAPI check reads the built controllers.
const build = run('npx', ['nest', 'build']);
if (build.status !== 0) suites.push({ name: 'build', passed: 0, failed: 1, seconds: build.seconds });

// Backend: jest writes a JSON report we can count exactly.
{
  const out = join(results, 'backend.json');
  const r = run('npx', ['jest', '--config', 'backend/jest.config.js', '--rootDir', 'backend', '--json', `--outputFile=${out}`]);
  let passed = 0, failed = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  }
  if (r.status !== 0 && failed === 0) failed = 1; // the runner itself failed
  suites.push({ name: 'backend', passed, failed, seconds: r.seconds });
}

// The committed OpenAPI spec must match the code (built with the Swagger CLI plugin, as `npm run openapi` does).
{
  const r = build.status === 0 ? run('node', ['backend/dist/openapi.js', '--check']) : build;
  suites.push({ name: 'openapi', passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, seconds: r.seconds });
}

// Frontend unit tests (Angular CLI's default runner), when the console exists.
if (existsSync(join(root, 'frontend', 'package.json'))) {
  const r = run('npm', ['test', '-w', 'frontend', '--silent'], { capture: true });
  const text = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const m = /Tests\s+(?:(\d+) failed\s*\|\s*)?(\d+) passed/.exec(text);
  let passed = m ? Number(m[2]) : 0;
  let failed = m && m[1] ? Number(m[1]) : 0;
  if (r.status !== 0 && failed === 0) failed = 1;
  suites.push({ name: 'frontend', passed, failed, seconds: r.seconds });
}

// Browser tests in real Chromium, when a Chromium is installed (CI installs Debian's).
const browserSuite = join(root, 'e2e', 'run.mjs');
if (existsSync(browserSuite)) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    const out = join(results, 'browser.json');
    const r = run('node', [browserSuite, `--report=${out}`]);
    let passed = 0, failed = 0;
    if (existsSync(out)) ({ passed, failed } = JSON.parse(readFileSync(out, 'utf8')));
    if (r.status !== 0 && failed === 0) failed = 1;
    suites.push({ name: 'browser', passed, failed, seconds: r.seconds });
  } else {
    notes.push(`browser tests SKIPPED: no Chromium at ${chromium} (apt-get install -y chromium)`);
  }
}

const total = suites.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed }), { passed: 0, failed: 0 });
writeFileSync(join(results, 'summary.json'), JSON.stringify({ suites, notes, ...total }, null, 2));
console.log('\n── test summary ──');
for (const s of suites) console.log(`${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed (${s.seconds}s)`);
for (const n of notes) console.log(n);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
