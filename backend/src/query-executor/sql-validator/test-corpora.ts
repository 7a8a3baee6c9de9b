/** Locates the shared SQL corpora (`../shared/corpora` beside the repository checkout) for the spec and the benchmark. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface AttackEntry {
  id: number;
  sql: string;
  category: string;
  why: string;
  expect: string;
}

export interface LegitEntry {
  sql: string;
  purpose: string;
}

/** The simplified five-table schema the corpora were written against. */
export const CORPUS_RELATIONS: ReadonlySet<string> = new Set([
  'tb_usuario', 'tb_empresa', 'tb_contato', 'tb_oportunidade', 'tb_atividade',
]);

/** `CRM_CORPORA_DIR` if set; else walk up from here to the folder holding `backend/`, then `../shared/corpora`. */
export function corporaDir(start = __dirname): string {
  const env = process.env.CRM_CORPORA_DIR;
  if (env) return resolve(env);
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'backend')) && existsSync(join(dir, 'package.json'))) {
      return resolve(dir, '..', 'shared', 'corpora');
    }
    if (dirname(dir) === dir) throw new Error(`repository root not found above ${start}`);
  }
}

export function loadAttacks(): AttackEntry[] {
  return JSON.parse(readFileSync(join(corporaDir(), 'sql-attacks.json'), 'utf8')) as AttackEntry[];
}

export function loadLegit(): LegitEntry[] {
  return JSON.parse(readFileSync(join(corporaDir(), 'sql-legit.json'), 'utf8')) as LegitEntry[];
}
