import { inject, Injectable, signal } from '@angular/core';
import { Subscription } from 'rxjs';

import { apiErrorOf } from '../../../core/api/api-error';
import { Api } from '../../../core/api/generated/api';
import { objectsControllerCreate } from '../../../core/api/generated/fn/objects/objects-controller-create';
import { queryExecutorControllerExecute } from '../../../core/api/generated/fn/query/query-executor-controller-execute';
import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { SqlResultDto } from '../../../core/api/generated/models/sql-result-dto';

/** Where an error is in the statement (backend sql-validator/position.ts): offset is 0-based, line/column 1-based. */
export interface SqlPosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * A refusal of the API: its stable code and pt-BR message, and the position in the statement when the server
 * gives one (syntax errors, unknown columns…). `code` NETWORK and no message: the server was not reached.
 */
export interface SqlProblem {
  code: string;
  message: string | null;
  position: SqlPosition | null;
  /** The statement the position refers to. */
  sql: string;
}

export interface SaveRequest {
  label: string;
  apiName: string;
  sql: string;
}

/** The SQL playground: runs a statement on the executor, keeps its result or error, saves it as a query object. */
@Injectable()
export class PlaygroundStore {
  private readonly api = inject(Api);
  private running$: Subscription | undefined;

  readonly running = signal(false);
  readonly result = signal<SqlResultDto | null>(null);
  readonly problem = signal<SqlProblem | null>(null);
  readonly saving = signal(false);
  readonly saved = signal<ObjectDto | null>(null);
  readonly saveProblem = signal<SqlProblem | null>(null);

  /** Runs `sql` (a new run replaces one still on the way); the server caps the rows. */
  run(sql: string): void {
    if (!sql.trim()) return;
    this.running$?.unsubscribe();
    this.running.set(true);
    this.problem.set(null);
    this.running$ = this.api.invoke(queryExecutorControllerExecute, { body: { sql } }).subscribe({
      next: (result) => {
        this.result.set(result);
        this.running.set(false);
      },
      error: (error: unknown) => {
        this.result.set(null);
        this.problem.set(problemOf(error, sql));
        this.running.set(false);
      },
    });
  }

  /** Saves `sql` as a query object (kind consulta), which then appears in Dados. */
  save({ label, apiName, sql }: SaveRequest): void {
    this.saving.set(true);
    this.saveProblem.set(null);
    this.saved.set(null);
    this.api
      .invoke(objectsControllerCreate, {
        body: { kind: 'consulta', apiName, labelPt: label, labelEn: label, sql },
      })
      .subscribe({
        next: (object) => {
          this.saved.set(object);
          this.saving.set(false);
        },
        error: (error: unknown) => {
          this.saveProblem.set(problemOf(error, sql));
          this.saving.set(false);
        },
      });
  }
}

function problemOf(error: unknown, sql: string): SqlProblem {
  const api = apiErrorOf(error);
  if (!api) return { code: 'NETWORK', message: null, position: null, sql };
  return { code: api.code, message: api.message, position: positionOf(api.details), sql };
}

function positionOf(details: unknown): SqlPosition | null {
  const position = (details as { position?: Partial<SqlPosition> } | undefined)?.position;
  if (
    !position ||
    typeof position.offset !== 'number' ||
    typeof position.line !== 'number' ||
    typeof position.column !== 'number'
  )
    return null;
  return { offset: position.offset, line: position.line, column: position.column };
}
