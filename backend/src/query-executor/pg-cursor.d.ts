/** Minimal typing of pg-cursor (the package ships none): what the executor's runner uses. */
declare module 'pg-cursor' {
  import type { CustomTypesConfig, FieldDef } from 'pg';

  interface CursorConfig {
    rowMode?: 'array';
    types?: CustomTypesConfig;
  }

  class Cursor<Row = unknown[]> {
    constructor(text: string, values?: readonly unknown[] | null, config?: CursorConfig);
    /** Reads up to `rows` rows (an Execute with a row limit on the open portal); [] once the portal is exhausted. */
    read(rows: number): Promise<Row[]>;
    /** Closes the portal (Close + Sync) unless the cursor is already done. */
    close(): Promise<void>;
    state: 'initialized' | 'submitted' | 'idle' | 'busy' | 'done' | 'error';
    _result: { fields: FieldDef[] };
    handleDataRow(msg: { fields: (string | null)[] }): void;
  }

  export = Cursor;
}
