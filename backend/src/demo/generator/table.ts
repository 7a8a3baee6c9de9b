/**
 * Column-oriented rows of one table, ready for `INSERT … SELECT … FROM unnest($1::type[], …)`.
 * `timestamptz` columns hold epoch milliseconds (numbers), converted by PostgreSQL (to_timestamp): cheaper to
 * produce, to hold and to parse than ISO strings at hundreds of thousands of rows.
 */
export type PgArrayType = 'uuid' | 'text' | 'int4' | 'numeric' | 'bool' | 'date' | 'timestamptz';

export class TableData {
  readonly data: unknown[][];
  private readonly index = new Map<string, number>();
  length = 0;

  constructor(
    readonly name: string,
    readonly columns: readonly (readonly [string, PgArrayType])[],
  ) {
    this.data = columns.map(() => []);
    columns.forEach(([c], i) => this.index.set(c, i));
  }

  /** Appends one row, values in column order. */
  add(values: readonly unknown[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.name}: ${values.length} values for ${this.columns.length} columns`);
    }
    for (let i = 0; i < values.length; i++) this.data[i].push(values[i] ?? null);
    this.length++;
  }

  col<T = unknown>(name: string): T[] {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`${this.name}: no column ${name}`);
    return this.data[i] as T[];
  }

  /** One row as an object (tests, debugging). */
  row(i: number): Record<string, unknown> {
    return Object.fromEntries(this.columns.map(([c], j) => [c, this.data[j][i]]));
  }
}
