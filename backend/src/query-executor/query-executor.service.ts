/**
 * The secure SQL executor (docs/architecture.md §4, docs/security.md "The SQL executor"): untrusted SELECTs of a
 * tenant's technical users, behind two independent locks —
 *   1. the parser lock: PostgreSQL's own grammar and a fail-closed allow-list (sql-validator/), length cap first;
 *   2. the database lock: the tenant's read-only LOGIN role, extended protocol, caps, ROLLBACK + DISCARD ALL
 *      (read-only-runner.ts, read-only-pools.ts), and the revokes from PUBLIC at bootstrap.
 * Every execution, accepted or refused, is audited.
 *
 * Callers: the HTTP endpoint (POST /api/query/execute, tenant_admin/analyst only) and the metadata engine (saved
 * query objects, the object data endpoint, column inference). Role checks are the caller's: this service runs what
 * it is given for the tenant and user it is told, with row visibility (ownership RLS) following `role`/`userId`.
 */
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env.schema';
import { DomainError } from '../common/domain-error';
import type { TenantRole } from '../auth/principal';
import { PoolBusyError, ReadOnlyPools } from './read-only-pools';
import { describeReadOnly, runReadOnly, type RawColumn, type RunLimits, type SqlParam } from './read-only-runner';
import { TypeNames } from './result-types';
import { SqlAuditWriter } from './sql-audit';
import { mapSqlError, SqlExecutionError } from './sql-errors';
import { SqlValidationError, SqlValidator } from './sql-validator';

export type { SqlParam } from './read-only-runner';

export interface SqlTenant {
  id: string;
  slug: string;
}

export interface SqlColumn {
  name: string;
  /** PostgreSQL type name, as `pg_typeof()` prints it (`integer`, `numeric`, `timestamp with time zone`, `text[]`…). */
  type: string;
  /** The type's OID (stable for built-in types). */
  typeOid: number;
}

export interface ExecuteRequest {
  tenant: SqlTenant;
  /** tb_usuario.id of the caller (the platform user id); null for API tokens. */
  userId: string | null;
  /** Role of the caller in the tenant: sets app.role, so ownership RLS applies as for the rest of the API. */
  role: TenantRole;
  sql: string;
  /** Values for $1, $2… (bound by the server, never spliced into the text). At most 100 scalars. */
  params?: readonly SqlParam[];
  /** Rows wanted (1..SQL_MAX_ROWS, default SQL_MAX_ROWS); the server cap always applies. */
  limit?: number;
  /** Names the query may reference: the tenant's tables and saved objects (lower-case, as stored). */
  allowedRelations: Iterable<string>;
  /** For the audit: the API token that called, if any. */
  apiTokenId?: string | null;
  /** For the audit: where the SQL comes from (default `execute`; e.g. `object`, `preview`). [a-z_]{1,30} */
  source?: string;
  /**
   * Makes a validated statement runnable when it names relations that are not tables (saved query objects): given
   * the relations the validator found, the statement to run instead (validated again), or null to run it as is.
   * The audit keeps the caller's text.
   */
  expand?: (relations: readonly string[]) => Promise<{ sql: string; params: SqlParam[] } | null>;
}

export interface ExecuteResult {
  columns: SqlColumn[];
  /** One array per row, values in `columns` order (JSON: see result-types.ts). */
  rows: unknown[][];
  rowCount: number;
  /** More rows existed than returned (row cap, `limit` or byte cap). */
  truncated: boolean;
  truncatedBy: 'rows' | 'bytes' | null;
  elapsedMs: number;
}

export type DescribeRequest = Omit<ExecuteRequest, 'limit' | 'source' | 'apiTokenId'>;

export interface DescribeResult {
  columns: SqlColumn[];
  /** Tenant relations the query references (CTE names excluded), sorted: its dependencies. */
  relations: string[];
}

const MAX_PARAMS = 100;
const MAX_PARAM_LENGTH = 10_000;
const SOURCE = /^[a-z_]{1,30}$/;

@Injectable()
export class QueryExecutorService implements OnModuleInit, OnModuleDestroy {
  private validator!: SqlValidator;
  private validatorWithParams!: SqlValidator;
  private readonly limits: RunLimits;
  private readonly maxLength: number;

  constructor(
    @Inject(ENV) env: Env,
    private readonly pools: ReadOnlyPools,
    private readonly typeNames: TypeNames,
    private readonly audit: SqlAuditWriter,
  ) {
    this.limits = { maxRows: env.SQL_MAX_ROWS, maxBytes: env.SQL_MAX_BYTES, timeoutMs: env.SQL_TIMEOUT_MS };
    this.maxLength = env.SQL_MAX_LENGTH;
  }

  async onModuleInit(): Promise<void> {
    this.validator = await SqlValidator.create({ maxLength: this.maxLength });
    this.validatorWithParams = await SqlValidator.create({ maxLength: this.maxLength, allowParameters: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pools.close();
  }

  /** The server's caps (rows, bytes, timeout). */
  get caps(): Readonly<RunLimits> {
    return this.limits;
  }

  /**
   * Validates and runs one SELECT as the tenant's read-only role. Throws {@link SqlValidationError} (400, the rule's
   * code) when refused, {@link SqlExecutionError} (SQL_TIMEOUT, SQL_UNDEFINED_OBJECT…) when the database refuses or
   * stops it. Audited either way.
   */
  async execute(req: ExecuteRequest): Promise<ExecuteResult> {
    const started = performance.now();
    const source = req.source ?? 'execute';
    if (!SOURCE.test(source)) throw new Error(`invalid audit source ${source}`);
    const audit = (outcome: 'ok' | 'recusada' | 'erro', code: string | null, rows = 0, truncated = false) =>
      this.audit.record({
        tenantId: req.tenant.id,
        userId: req.userId,
        apiTokenId: req.apiTokenId ?? null,
        source,
        sql: typeof req.sql === 'string' ? req.sql : '',
        outcome,
        code,
        durationMs: performance.now() - started,
        rows,
        truncated,
      });

    let limits: RunLimits;
    let sql = req.sql;
    let params = req.params;
    try {
      limits = this.limitsFor(req.limit);
      this.checkParams(req.params);
      const relations = this.check(req.sql, req.allowedRelations, req.params);
      const expanded = req.expand ? await req.expand(relations) : null;
      if (expanded) {
        ({ sql, params } = expanded);
        this.check(sql, req.allowedRelations, params);
      }
    } catch (err) {
      await audit(err instanceof SqlValidationError ? 'recusada' : 'erro', err instanceof DomainError ? err.code : 'SQL_INTERNAL');
      throw err;
    }

    try {
      const run = await this.pools.withClient(req.tenant.slug, async (client) => {
        const r = await runReadOnly(client, {
          sql,
          params,
          session: { tenantId: req.tenant.id, userId: req.userId, role: req.role },
          limits,
        });
        return { value: r, reusable: r.reusable };
      });
      const columns = await this.columns(run.columns);
      const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
      await audit('ok', null, run.rows.length, run.truncated);
      return { columns, rows: run.rows, rowCount: run.rows.length, truncated: run.truncated, truncatedBy: run.truncatedBy, elapsedMs };
    } catch (err) {
      // Positions are reported against the caller's text; after an expansion they would point into the expanded one.
      const mapped = this.mapError(err, sql === req.sql ? req.sql : '', limits);
      await audit('erro', mapped?.code ?? 'SQL_INTERNAL');
      throw mapped ?? err;
    }
  }

  /**
   * Columns (names and types) of a SELECT without running it (Parse/Describe on the read-only role: nothing is
   * executed or planned), and the relations it references. For saved-query column inference. Not audited.
   */
  async describe(req: DescribeRequest): Promise<DescribeResult> {
    this.checkParams(req.params);
    const relations = this.check(req.sql, req.allowedRelations, req.params);
    try {
      const raw = await this.pools.withClient(req.tenant.slug, async (client) => ({
        value: await describeReadOnly(client, {
          sql: req.sql,
          session: { tenantId: req.tenant.id, userId: req.userId, role: req.role },
          limits: this.limits,
        }),
        reusable: true,
      }));
      return { columns: await this.columns(raw), relations };
    } catch (err) {
      throw this.mapError(err, req.sql, this.limits) ?? err;
    }
  }

  /** Validation only (the parser lock): the referenced relations, or throws {@link SqlValidationError}. */
  check(sql: string, allowedRelations: Iterable<string>, params?: readonly SqlParam[]): string[] {
    const allowed = allowedRelations instanceof Set ? (allowedRelations as ReadonlySet<string>) : new Set(allowedRelations);
    const validator = params && params.length > 0 ? this.validatorWithParams : this.validator;
    const result = validator.validate(sql, { allowedRelations: allowed });
    if (!result.ok) throw new SqlValidationError(result);
    return result.relations;
  }

  private limitsFor(limit: number | undefined): RunLimits {
    if (limit === undefined) return this.limits;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new SqlExecutionError('SQL_INVALID_PARAMS', 'limit deve ser um inteiro positivo.');
    }
    return { ...this.limits, maxRows: Math.min(limit, this.limits.maxRows) };
  }

  private checkParams(params: readonly unknown[] | undefined): void {
    if (params === undefined) return;
    const bad =
      !Array.isArray(params) ||
      params.length > MAX_PARAMS ||
      params.some(
        (p) =>
          !(p === null || typeof p === 'boolean' || (typeof p === 'number' && Number.isFinite(p)) ||
            (typeof p === 'string' && p.length <= MAX_PARAM_LENGTH && !p.includes('\u0000'))),
      );
    if (bad) {
      throw new SqlExecutionError(
        'SQL_INVALID_PARAMS',
        `params deve ser uma lista de até ${MAX_PARAMS} valores simples (texto, número, booleano ou null).`,
      );
    }
  }

  private async columns(raw: RawColumn[]): Promise<SqlColumn[]> {
    const names = await this.typeNames.names(raw.map((c) => c.typeOid));
    return raw.map((c) => ({ name: c.name, type: names.get(c.typeOid) ?? 'unknown', typeOid: c.typeOid }));
  }

  private mapError(err: unknown, sql: string, limits: RunLimits): DomainError | null {
    if (err instanceof DomainError) return err;
    if (err instanceof PoolBusyError) {
      return new SqlExecutionError('SQL_TOO_MANY_QUERIES', 'Muitas consultas simultâneas neste tenant. Tente de novo em instantes.', 429);
    }
    return mapSqlError(err, sql, limits);
  }
}
