import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

// Failures older than the window start the count again. $2 = window (s), $3 = threshold, $4 = base delay (ms),
// $5 = max delay (ms). From the threshold on, each failure locks the key for base·2^(n−threshold), capped.
const NEXT = `(CASE WHEN f.ultima_falha_em < now() - make_interval(secs => $2::int) THEN 1 ELSE f.falhas + 1 END)`;
const lockFor = (n: string) =>
  `CASE WHEN ${n} >= $3::int THEN now() + make_interval(secs => least($5::float8, $4::float8 * power(2, ${n} - $3::int)) / 1000) END`;

/** SQL of tenant_admin.tb_falha_login (per-account and per-IP failure counters with lockout). */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly db: DataSource) {}

  /** Latest lock end among the keys, when still in the future. */
  async lockedUntil(keys: string[]): Promise<Date | null> {
    const rows: { until: Date | null }[] = await this.db.query(
      'SELECT max(bloqueado_ate) AS until FROM tenant_admin.tb_falha_login WHERE chave = ANY ($1::text[]) AND bloqueado_ate > now()',
      [keys],
    );
    return rows[0]?.until ?? null;
  }

  /** Counts one failure for a key; returns the lock end it now has, if any. */
  async recordFailure(key: string, policy: { windowS: number; threshold: number; baseMs: number; maxMs: number }): Promise<Date | null> {
    const rows: { until: Date | null }[] = await this.db.query(
      `INSERT INTO tenant_admin.tb_falha_login AS f (chave, falhas, ultima_falha_em, bloqueado_ate)
       VALUES ($1, 1, now(), ${lockFor('1')})
       ON CONFLICT (chave) DO UPDATE
          SET falhas = ${NEXT}, ultima_falha_em = now(), bloqueado_ate = ${lockFor(NEXT)}
       RETURNING bloqueado_ate AS until`,
      [key, policy.windowS, policy.threshold, policy.baseMs, policy.maxMs],
    );
    return rows[0]?.until ?? null;
  }

  async clear(key: string): Promise<void> {
    await this.db.query('DELETE FROM tenant_admin.tb_falha_login WHERE chave = $1', [key]);
  }

  /** Drops counters that neither count nor lock any more (keeps the table small). */
  async purgeStale(windowS: number): Promise<void> {
    await this.db.query(
      `DELETE FROM tenant_admin.tb_falha_login
        WHERE ultima_falha_em < now() - make_interval(secs => $1::int) AND (bloqueado_ate IS NULL OR bloqueado_ate < now())`,
      [windowS],
    );
  }
}
