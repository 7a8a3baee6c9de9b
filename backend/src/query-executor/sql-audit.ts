/**
 * The executor's audit (tenant_admin.tb_execucao_sql): one row per execution, accepted or refused, written by the
 * API's login role on the shared pool — never by the tenant's read-only role — and cheaply: rows are queued and
 * written in batches (one INSERT … SELECT FROM unnest(…) per batch, at most every 200 ms). A request waits for the
 * write only when the queue is full (the database is slow or down), so the audit is never silently dropped under load.
 */
import { createHash } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type SqlAuditOutcome = 'ok' | 'recusada' | 'erro';

export interface SqlAuditEntry {
  tenantId: string;
  userId: string | null;
  apiTokenId: string | null;
  /** Where the SQL came from: `execute` (free SQL), or what the caller names (saved object, preview…). */
  source: string;
  sql: string;
  outcome: SqlAuditOutcome;
  /** Validator or executor code; null when ok. */
  code: string | null;
  durationMs: number;
  rows: number;
  truncated: boolean;
}

interface Row {
  tenantId: string;
  userId: string | null;
  apiTokenId: string | null;
  source: string;
  sha256: string;
  outcome: SqlAuditOutcome;
  code: string | null;
  durationMs: number;
  rows: number;
  truncated: boolean;
  at: Date;
}

const FLUSH_MS = 200;
const BATCH = 500;
/** Past this many queued rows, record() waits for a flush (back-pressure instead of unbounded memory). */
const MAX_QUEUED = 5_000;

const INSERT = `
  INSERT INTO tenant_admin.tb_execucao_sql
    (tenant_id, usuario_id, api_token_id, origem, sql_sha256, resultado, codigo, duracao_ms, linhas, truncado, executado_em)
  SELECT t, u, k, o, decode(h, 'hex'), r, c, d, l, tr, a
    FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[],
                $10::bool[], $11::timestamptz[]) AS x(t, u, k, o, h, r, c, d, l, tr, a)`;

export const sqlSha256 = (sql: string): string => createHash('sha256').update(sql, 'utf8').digest('hex');

@Injectable()
export class SqlAuditWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger('SqlAudit');
  private queue: Row[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Queues one row; resolves at once unless the queue is full. */
  async record(e: SqlAuditEntry): Promise<void> {
    this.queue.push({
      tenantId: e.tenantId,
      userId: e.userId,
      apiTokenId: e.apiTokenId,
      source: e.source,
      sha256: sqlSha256(e.sql),
      outcome: e.outcome,
      code: e.code,
      durationMs: Math.max(0, Math.round(e.durationMs)),
      rows: e.rows,
      truncated: e.truncated,
      at: new Date(),
    });
    if (this.queue.length >= MAX_QUEUED) return this.flush();
    if (this.queue.length >= BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes everything queued so far (tests and shutdown call it). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.flushing) await this.flushing;
    while (this.queue.length) {
      const batch = this.queue.splice(0, BATCH);
      let ok = false;
      this.flushing = this.write(batch)
        .then((written) => void (ok = written))
        .finally(() => (this.flushing = null));
      await this.flushing;
      if (!ok) return; // retried later by the timer write() set
    }
  }

  private async write(batch: Row[]): Promise<boolean> {
    try {
      await this.dataSource.query(INSERT, [
        batch.map((r) => r.tenantId),
        batch.map((r) => r.userId),
        batch.map((r) => r.apiTokenId),
        batch.map((r) => r.source),
        batch.map((r) => r.sha256),
        batch.map((r) => r.outcome),
        batch.map((r) => r.code),
        batch.map((r) => r.durationMs),
        batch.map((r) => r.rows),
        batch.map((r) => r.truncated),
        batch.map((r) => r.at.toISOString()),
      ]);
      return true;
    } catch (err) {
      // Keep the rows for the next attempt (bounded: the oldest are dropped, loudly, past twice the queue limit).
      this.queue.unshift(...batch);
      const excess = this.queue.length - 2 * MAX_QUEUED;
      if (excess > 0) this.queue.splice(0, excess);
      this.logger.error({ err, queued: this.queue.length, dropped: Math.max(0, excess) }, 'SQL audit write failed');
      if (!this.timer) {
        this.timer = setTimeout(() => void this.flush(), 5 * FLUSH_MS);
        this.timer.unref();
      }
      return false;
    }
  }

  // Before TypeORM closes the shared pool (its own onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush().catch(() => undefined);
  }
}
