/**
 * The database lock's runner: runs ONE untrusted statement on a connection logged in as a tenant's read-only role,
 * and leaves that connection as it found it. No validation here (that is the parser lock's job, upstream): this layer
 * must hold alone, and the tests drive it directly with the attack corpus.
 *
 *   BEGIN READ ONLY + transaction-local settings + a first snapshot (simple protocol, our own text only)
 *   the user's text through pg-cursor: Parse / Bind / Execute with a row limit — the extended protocol, so the
 *     server refuses a second statement, and rows arrive in batches we stop reading at the row or byte cap
 *   ROLLBACK, then DISCARD ALL (advisory locks, prepared statements, LISTEN, temp objects and session settings
 *     survive a rollback; DISCARD ALL clears them)
 *
 * Memory is bounded whatever the query returns: a socket guard counts the bytes received during the run and destroys
 * the connection (and asks the server to cancel) past the byte cap plus a margin, so not even one huge row is ever
 * buffered whole. A client-side deadline backs up the server's statement_timeout.
 */
import { connect as netConnect } from 'node:net';
import type { ClientBase, FieldDef } from 'pg';
import Cursor from 'pg-cursor';
import { TENANT_ROLES, type TenantRole } from '../auth/principal';
import { RESULT_TYPES } from './result-types';

export type SqlParam = string | number | boolean | null;

export interface SessionContext {
  tenantId: string;
  /** tb_usuario.id of the caller (= platform user id); null for API tokens. Drives ownership RLS with `role`. */
  userId: string | null;
  role: TenantRole;
}

export interface RunLimits {
  /** Rows returned at most (the answer says `truncated` when more existed). */
  maxRows: number;
  /** Bytes of raw values returned at most (estimate: the text the server sent). */
  maxBytes: number;
  /** statement_timeout of the transaction; must not exceed the role's own (5 s). */
  timeoutMs: number;
}

export interface RunSpec {
  sql: string;
  params?: readonly SqlParam[];
  session: SessionContext;
  limits: RunLimits;
}

export interface RawColumn {
  name: string;
  typeOid: number;
  typeModifier: number;
}

export interface RunResult {
  columns: RawColumn[];
  rows: unknown[][];
  truncated: boolean;
  /** Which cap stopped the read, when one did. */
  truncatedBy: 'rows' | 'bytes' | null;
  /** Estimated bytes of the rows returned. */
  bytes: number;
  /** False when the connection was destroyed (byte guard) and must not go back to a pool. */
  reusable: boolean;
}

/** A failure of the runner itself (not an ErrorResponse of the server); `code` mimics a SQLSTATE for the mapping. */
export class RunnerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RunnerError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Margin of the socket guard over the byte cap: protocol overhead and the batch being read when the cap is hit. */
const GUARD_MARGIN = 1024 * 1024;
/** The client-side deadline fires this long after the server's statement_timeout should have. */
const DEADLINE_GRACE_MS = 1000;
const FIRST_BATCH = 100;
const MAX_BATCH = 1000;

/** Our own text, never the user's: values are checked against their shape before they are embedded. */
export function beginSql(session: SessionContext, timeoutMs: number): string {
  if (!UUID.test(session.tenantId)) throw new RunnerError('22023', 'invalid tenant id');
  if (session.userId !== null && !UUID.test(session.userId)) throw new RunnerError('22023', 'invalid user id');
  if (!TENANT_ROLES.includes(session.role)) throw new RunnerError('22023', 'invalid role');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new RunnerError('22023', 'invalid timeout');
  return [
    'BEGIN TRANSACTION READ ONLY',
    `SET LOCAL statement_timeout = ${timeoutMs}`,
    `SET LOCAL app.tenant_id = '${session.tenantId}'`,
    `SET LOCAL app.user_id = '${session.userId ?? ''}'`,
    `SET LOCAL app.role = '${session.role}'`,
    // The first snapshot of the transaction: from here on `SET transaction_read_only = off` is refused.
    'SELECT 1',
  ].join('; ');
}

/** pg-cursor that also estimates the bytes of each row as it arrives and refuses COPY sub-protocols. */
class GuardedCursor extends Cursor {
  /** Estimated size of each row received and not yet handed out, in order. */
  readonly rowBytes: number[] = [];
  copyAttempted = false;

  override handleDataRow(msg: { fields: (string | null)[] }): void {
    let n = 8;
    for (const f of msg.fields) n += f === null ? 4 : f.length + 4;
    this.rowBytes.push(n);
    super.handleDataRow(msg);
  }

  // COPY … TO STDOUT / FROM STDIN in the extended protocol: pg-cursor has no handlers (the client would throw from an
  // event listener). Refuse the sub-protocol; the data is counted by the socket guard and dropped.
  handleCopyInResponse(connection: { sendCopyFail(msg: string): void }): void {
    this.copyAttempted = true;
    connection.sendCopyFail('COPY is not allowed');
  }

  handleCopyData(): void {
    this.copyAttempted = true;
  }
}

interface Stream {
  on(ev: 'data', l: (chunk: Buffer) => void): void;
  off(ev: 'data', l: (chunk: Buffer) => void): void;
  destroy(): void;
}

interface ClientInternals {
  connection: { stream: Stream };
  processID: number | null;
  secretKey: number | null;
  host: string;
  port: number;
}

/** Counts bytes received on the connection; past the limit (or at the deadline) cancels the query and cuts it. */
class SocketGuard {
  received = 0;
  tripped: 'bytes' | 'deadline' | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly onData = (chunk: Buffer) => {
    this.received += chunk.length;
    if (this.received > this.limit && !this.tripped) this.trip('bytes');
  };

  constructor(
    private readonly client: ClientBase,
    private readonly limit: number,
    deadlineMs: number,
  ) {
    this.internals.connection.stream.on('data', this.onData);
    this.timer = setTimeout(() => this.trip('deadline'), deadlineMs);
    this.timer.unref();
  }

  private get internals(): ClientInternals {
    return this.client as unknown as ClientInternals;
  }

  private trip(reason: 'bytes' | 'deadline'): void {
    this.tripped = reason;
    cancelBackend(this.internals);
    this.internals.connection.stream.destroy();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.internals.connection.stream.off('data', this.onData);
  }
}

/** PostgreSQL CancelRequest on a new socket (the query may still run on the server after we cut our connection). */
function cancelBackend(c: ClientInternals): void {
  if (c.processID === null || c.secretKey === null) return;
  const msg = Buffer.alloc(16);
  msg.writeInt32BE(16, 0);
  msg.writeInt32BE(80877102, 4);
  msg.writeInt32BE(c.processID, 8);
  msg.writeInt32BE(c.secretKey, 12);
  const socket = c.host?.startsWith('/') ? netConnect(`${c.host}/.s.PGSQL.${c.port}`) : netConnect(c.port, c.host);
  socket.setTimeout(2000, () => socket.destroy());
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.end(msg));
}

const columnsOf = (fields: readonly FieldDef[]): RawColumn[] =>
  fields.map((f) => ({ name: f.name, typeOid: f.dataTypeID, typeModifier: f.dataTypeModifier }));

/** ROLLBACK then DISCARD ALL, each on its own (DISCARD ALL cannot run inside a transaction block). */
export async function resetSession(client: ClientBase): Promise<void> {
  await client.query('ROLLBACK');
  await client.query('DISCARD ALL');
}

/**
 * Runs `spec.sql` on `client` (logged in as the tenant's read-only role) and resets the session. Throws the server's
 * error (or a {@link RunnerError}) after trying to reset the session; a caller must then destroy the connection
 * rather than reuse it. Returns `reusable: false` when the byte guard had to cut the connection.
 */
export async function runReadOnly(client: ClientBase, spec: RunSpec): Promise<RunResult> {
  const { maxRows, maxBytes, timeoutMs } = spec.limits;
  const onError = () => undefined; // a cut connection emits 'error' on the client: the read below reports it
  client.on('error', onError);
  let guard: SocketGuard | undefined;
  try {
    await client.query(beginSql(spec.session, timeoutMs));
    guard = new SocketGuard(client, maxBytes + GUARD_MARGIN, timeoutMs + DEADLINE_GRACE_MS);
    const cursor = new GuardedCursor(spec.sql, spec.params ?? null, { rowMode: 'array', types: RESULT_TYPES });
    client.query(cursor as never);
    const rows: unknown[][] = [];
    let bytes = 0;
    let truncatedBy: RunResult['truncatedBy'] = null;
    let batch = FIRST_BATCH;
    try {
      for (;;) {
        const want = Math.min(batch, maxRows + 1 - rows.length);
        const got = (await cursor.read(want)) as unknown[][];
        const sizes = cursor.rowBytes.splice(0, got.length);
        for (let i = 0; i < got.length; i++) {
          if (rows.length === maxRows) truncatedBy = 'rows';
          else if (bytes + sizes[i] > maxBytes) truncatedBy = 'bytes';
          if (truncatedBy) break;
          rows.push(got[i]);
          bytes += sizes[i];
        }
        if (truncatedBy || got.length < want) break;
        // Size the next batch so it is unlikely to overshoot the byte budget (the guard's margin covers the rest).
        const avg = Math.max(1, bytes / Math.max(1, rows.length));
        batch = Math.max(1, Math.min(MAX_BATCH, Math.floor((maxBytes - bytes) / avg / 2)));
      }
    } catch (err) {
      if (guard.tripped === 'bytes') {
        // The server was sending more than the byte cap allows: what was read stands, the connection is gone.
        return { columns: columnsOf(cursor._result.fields), rows, truncated: true, truncatedBy: 'bytes', bytes, reusable: false };
      }
      if (guard.tripped === 'deadline') throw new RunnerError('57014', 'canceling statement due to client deadline');
      throw err;
    }
    if (cursor.copyAttempted) throw new RunnerError('42501', 'COPY is not allowed');
    await cursor.close();
    guard.stop();
    guard = undefined;
    await resetSession(client);
    return { columns: columnsOf(cursor._result.fields), rows, truncated: truncatedBy !== null, truncatedBy, bytes, reusable: true };
  } catch (err) {
    guard?.stop();
    await resetSession(client).catch(() => undefined);
    throw err;
  } finally {
    guard?.stop();
    client.off('error', onError);
  }
}

/**
 * Column names and types of a statement without running it: Parse + Describe (statement) + Sync — the server only
 * parses and analyses the text, executes nothing, plans nothing. Same session handling as {@link runReadOnly}.
 */
export async function describeReadOnly(client: ClientBase, spec: Omit<RunSpec, 'params'>): Promise<RawColumn[]> {
  const onError = () => undefined;
  client.on('error', onError);
  try {
    await client.query(beginSql(spec.session, spec.limits.timeoutMs));
    const fields = await new Promise<FieldDef[]>((resolve, reject) => {
      client.query(new DescribeStatement(spec.sql, resolve, reject) as never);
    });
    await resetSession(client);
    return columnsOf(fields);
  } catch (err) {
    await resetSession(client).catch(() => undefined);
    throw err;
  } finally {
    client.off('error', onError);
  }
}

interface Connection {
  parse(msg: { text: string }, more: boolean): void;
  describe(msg: { type: 'S' | 'P'; name: string }, more: boolean): void;
  sync(): void;
}

/** A pg "submittable": Parse, Describe the unnamed statement, Sync. */
class DescribeStatement {
  private fields: FieldDef[] = [];
  private failed = false;

  constructor(
    private readonly text: string,
    private readonly resolve: (fields: FieldDef[]) => void,
    private readonly reject: (err: unknown) => void,
  ) {}

  submit(connection: Connection): void {
    connection.parse({ text: this.text }, true);
    connection.describe({ type: 'S', name: '' }, true);
    connection.sync();
  }

  handleRowDescription(msg: { fields: FieldDef[] }): void {
    this.fields = msg.fields;
  }

  handleError(err: unknown): void {
    // The Sync already sent makes the server answer ReadyForQuery after the error; the client waits for it.
    if (this.failed) return;
    this.failed = true;
    this.reject(err);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve(this.fields);
  }

  handleDataRow(): void {}
  handleCommandComplete(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyInResponse(connection: { sendCopyFail(msg: string): void }): void {
    connection.sendCopyFail('COPY is not allowed');
  }
  handleCopyData(): void {}
}
