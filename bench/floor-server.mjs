// The floor for bench:api: a bare Node http server with one pg pool (the same login role and pool size as the
// API) doing the same transaction per request: BEGIN, the same pinning statement, the same SELECT, COMMIT.
// The SELECT is not retyped here: it is compiled by the API's own list engine from the same query string the
// benchmark sends to the API (FLOOR_LIST_QUERY), so both sides run byte-identical SQL and return the same JSON.
// No auth, no framework, no validation: the tenant comes from a header the benchmark sets.
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const require = createRequire(join(process.cwd(), 'backend', 'package.json'));
const dist = (p) => require(join(process.cwd(), 'backend', 'dist', p));
const { Pool } = require('pg');
const { CONTACT_LIST } = dist('crm/contacts/contacts.list.js');
const { parseListQuery, sortSignature } = dist('crm/shared/list/list-plan.js');
const { compileList } = dist('crm/shared/list/list-sql.js');
const { encodeCursor } = dist('crm/shared/list/cursor.js');

const plan = parseListQuery(CONTACT_LIST, Object.fromEntries(new URLSearchParams(process.env.FLOOR_LIST_QUERY ?? 'limit=50')), null);
const { pages: [LIST], keyAliases } = compileList(CONTACT_LIST, plan);
const signature = sortSignature(plan.sort);

const pool = new Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_MAX ?? 20) });
const PIN = `SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true),
  set_config('app.user_id', $3, true), set_config('app.role', $4, true), set_config('role', $5, true)`;

http.createServer(async (req, res) => {
  const [slug, tenantId, userId, role] = String(req.headers['x-bench-tenant']).split('|');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(PIN, [`"tenant_${slug}"`, tenantId, userId, 'tenant_admin', `${role}`]);
    const { rows } = await client.query(LIST.text, LIST.values);
    await client.query('COMMIT');
    const items = rows.slice(0, plan.limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > plan.limit ? encodeCursor(signature, keyAliases.map((a) => last[a])) : null;
    for (const row of items) for (const a of keyAliases) delete row[a];
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ items, nextCursor }));
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    res.writeHead(500).end(String(e.message));
  } finally {
    client.release();
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
