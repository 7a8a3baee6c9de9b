// npm run bench — every scenario in turn, each printing its one summary line; results in bench/results/.
// Each scenario takes its own arguments when run alone (e.g. npm run bench:scale -- --tenants=200).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const scenarios = ['provision', 'api-read', 'api-write', 'executor', 'tenants-scale'];
const lines = [];
for (const name of scenarios) {
  const script = join(root, 'bench', `${name}.mjs`);
  if (!existsSync(script)) {
    lines.push(`[${name}] not available yet`);
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const r = spawnSync('node', [script], { cwd: root, stdio: 'inherit' });
  const result = join(root, 'bench', 'results', `${name}.json`);
  lines.push(r.status === 0 && existsSync(result) ? `[${name}] ${JSON.parse(readFileSync(result, 'utf8')).summary}` : `[${name}] FAILED (exit ${r.status})`);
}
console.log('\n── bench summary ──');
for (const l of lines) console.log(l);
