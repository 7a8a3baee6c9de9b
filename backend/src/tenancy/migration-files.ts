import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files of a folder, in version order; versions must be 1..N without gaps. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort()
    .map((file) => {
      const [, version, name] = FILE_PATTERN.exec(file)!;
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(version), name, sql, checksum: createHash('sha256').update(sql).digest('hex').slice(0, 16) };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.version}_${m.name} in ${dir} breaks the sequence 1..N`);
  });
  return migrations;
}

export const PLATFORM_MIGRATIONS_DIR = join(__dirname, 'migrations', 'platform');
export const TENANT_MIGRATIONS_DIR = join(__dirname, 'migrations', 'tenant');

/** The tenant migrations the running code knows. Tests may construct their own list (e.g. with an extra step). */
export class TenantMigrations {
  constructor(readonly list: Migration[]) {}

  static fromDisk(): TenantMigrations {
    return new TenantMigrations(loadMigrations(TENANT_MIGRATIONS_DIR));
  }

  get latest(): number {
    return this.list.length ? this.list[this.list.length - 1].version : 0;
  }

  pendingAfter(version: number): Migration[] {
    return this.list.filter((m) => m.version > version);
  }
}
