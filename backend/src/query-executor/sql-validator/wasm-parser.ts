/**
 * PostgreSQL's parser (libpg-query's WASM build), held so that one bad input cannot poison it for the whole process.
 *
 * Why not just `parseSync` from the package: its single module-wide WASM instance is unusable after an input whose
 * tree is deep enough to overflow the native stack while libpg-query serialises it (e.g. `SELECT 1+1+…` with ~10,000
 * terms, which fits under the 20,000-character cap). The RangeError unwinds out of WASM without restoring its shadow
 * stack pointer or freeing the parse's memory context; a few dozen such inputs later, ordinary queries fail with
 * "memory access out of bounds". So: any failure that is not a proper parser error (a SqlError-style result) retires
 * the instance, a pre-loaded standby takes over synchronously, and a new standby loads in the background. While no
 * instance is ready, parsing reports `unavailable` (the validator refuses: fail closed).
 *
 * The glue below mirrors libpg-query 18.1.5's own `parseSync` (wasm/index.cjs); the version is pinned exactly and the
 * spec exercises every path, so an upgrade that changes the C struct layout fails the tests rather than the users.
 */

interface PgQueryWasm {
  _malloc(size: number): number;
  _free(ptr: number): void;
  _wasm_parse_query_raw(queryPtr: number): number;
  _wasm_free_parse_result(resultPtr: number): void;
  getValue(ptr: number, type: 'i32'): number;
  UTF8ToString(ptr: number): string;
  stringToUTF8(str: string, ptr: number, maxBytes: number): void;
  lengthBytesUTF8(str: string): number;
}

type Factory = (moduleArg?: object) => Promise<PgQueryWasm>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const factory = require('libpg-query/wasm/libpg-query.js') as Factory;

export type ParseOutcome =
  | { kind: 'tree'; tree: { version?: number; stmts?: Array<{ stmt?: Record<string, unknown>; stmt_location?: number }> } }
  /** A parser error: message and 0-based cursor in characters (code points), as PostgreSQL counts them. */
  | { kind: 'error'; message: string; cursor: number }
  /** The input broke the instance (stack overflow, out of memory…): it has been replaced. */
  | { kind: 'crashed'; reason: string }
  /** No instance ready (several crashes in a row; a new one is loading). */
  | { kind: 'unavailable' };

export class WasmParser {
  private current: PgQueryWasm | null = null;
  private standby: PgQueryWasm | null = null;
  private loadingStandby: Promise<void> | null = null;
  /** How many instances were retired after a crash (observability, tests). */
  retired = 0;

  private constructor() {}

  static async create(): Promise<WasmParser> {
    const p = new WasmParser();
    const [a, b] = await Promise.all([factory(), factory()]);
    p.current = a;
    p.standby = b;
    return p;
  }

  /** Resolves when a standby instance is loaded (tests; the service never needs to wait). */
  async ready(): Promise<void> {
    while (this.loadingStandby) await this.loadingStandby;
  }

  parse(sql: string): ParseOutcome {
    const m = this.current;
    if (!m) {
      this.refill();
      return { kind: 'unavailable' };
    }
    let queryPtr = 0;
    let resultPtr = 0;
    try {
      const len = m.lengthBytesUTF8(sql) + 1;
      queryPtr = m._malloc(len);
      if (!queryPtr) throw new Error('malloc failed');
      m.stringToUTF8(sql, queryPtr, len);
      resultPtr = m._wasm_parse_query_raw(queryPtr);
      if (!resultPtr) throw new Error('parse returned no result');
      // struct PgQueryParseResult { char *parse_tree; char *stderr_buffer; PgQueryError *error; }
      const treePtr = m.getValue(resultPtr, 'i32');
      const errorPtr = m.getValue(resultPtr + 8, 'i32');
      if (errorPtr) {
        // struct PgQueryError { char *message; char *funcname; char *filename; int lineno; int cursorpos; … }
        const messagePtr = m.getValue(errorPtr, 'i32');
        const cursorpos = m.getValue(errorPtr + 16, 'i32');
        return {
          kind: 'error',
          message: messagePtr ? m.UTF8ToString(messagePtr) : 'syntax error',
          cursor: cursorpos > 0 ? cursorpos - 1 : 0,
        };
      }
      if (!treePtr) throw new Error('no parse tree');
      return { kind: 'tree', tree: JSON.parse(m.UTF8ToString(treePtr)) };
    } catch (e) {
      this.retire();
      queryPtr = 0; // the retired instance is dropped whole: nothing to free
      resultPtr = 0;
      return { kind: 'crashed', reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    } finally {
      if (resultPtr) m._wasm_free_parse_result(resultPtr);
      if (queryPtr) m._free(queryPtr);
    }
  }

  private retire(): void {
    this.retired++;
    this.current = this.standby;
    this.standby = null;
    this.refill();
  }

  private refill(): void {
    if (this.loadingStandby) return;
    this.loadingStandby = factory().then(
      (m) => {
        if (!this.current) this.current = m;
        else this.standby = m;
        this.loadingStandby = null;
        if (!this.current || !this.standby) this.refill();
      },
      () => {
        // Could not load (should not happen: the module loaded at start). Parsing stays `unavailable` until a later
        // parse() call retries; never spin.
        this.loadingStandby = null;
      },
    );
  }
}

let shared: Promise<WasmParser> | null = null;

/** The process-wide parser (two WASM instances, loaded once). */
export function sharedWasmParser(): Promise<WasmParser> {
  if (!shared) shared = WasmParser.create();
  return shared;
}
