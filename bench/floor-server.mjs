// The floor for bench:api: a bare Node http server with one pg pool (the same login role and pool size as the
// API) doing the same transaction per request: BEGIN, the same pinning statement, the same SELECT, COMMIT.
// No auth, no framework: the tenant comes from a header the benchmark sets.
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const require = createRequire(join(process.cwd(), 'backend', 'package.json'));
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_MAX ?? 20) });
const PIN = `SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true),
  set_config('app.user_id', $3, true), set_config('app.role', $4, true), set_config('role', $5, true)`;
const LIST = `SELECT id, nome AS name, email, owner_id AS "ownerId", criado_em AS "createdAt", criado_em::text AS "cursorTs"
  FROM tb_contato WHERE excluido_em IS NULL AND ($1::timestamptz IS NULL OR (criado_em, id) > ($1::timestamptz, $2::uuid))
  ORDER BY criado_em, id LIMIT $3`;

http.createServer(async (req, res) => {
  const [slug, tenantId, userId, role] = String(req.headers['x-bench-tenant']).split('|');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(PIN, [`"tenant_${slug}"`, tenantId, userId, 'tenant_admin', `${role}`]);
    const { rows } = await client.query(LIST, [null, null, 50]);
    await client.query('COMMIT');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items: rows.map(({ cursorTs, ...r }) => r), nextCursor: null }));
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    res.writeHead(500).end(String(e.message));
  } finally {
    client.release();
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
