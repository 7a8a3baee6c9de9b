// Runs the embedded PostgreSQL in a plain Node process (the package is ESM-only, which jest workers cannot load),
// using the built server code. Usage: node pg-server.js <dir> <port>; prints "ready"; SIGTERM stops the server.
const { startEmbeddedPostgres } = require('../../dist/database/embedded-postgres.js');

(async () => {
  const [dir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dir, port: Number(port) });
  process.on('SIGTERM', () => {
    server.stop().finally(() => process.exit(0));
  });
  process.stdout.write('ready\n');
})().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
