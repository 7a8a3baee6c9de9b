/**
 * Validation cost on the legit corpus (µs per query). Not a test: no timing is asserted anywhere.
 *
 *   cd backend && npx ts-node --transpile-only src/query-executor/sql-validator/bench-validator.ts [rounds]
 *   (or, after `npm run build`: node backend/dist/query-executor/sql-validator/bench-validator.js)
 *
 * Prints one JSON line: mean µs per validate() (parse + walk), µs per bare parse, the walk's share, p50/p99 per round.
 */
import { SqlValidator } from './sql-validator';
import { CORPUS_RELATIONS, loadLegit } from './test-corpora';
import { sharedWasmParser } from './wasm-parser';

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 300);
  const queries = loadLegit().map((l) => l.sql);
  const t = process.hrtime.bigint();
  const validator = await SqlValidator.create();
  const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
  const parser = await sharedWasmParser();
  const ctx = { allowedRelations: CORPUS_RELATIONS };

  for (const q of queries) {
    const r = validator.validate(q, ctx);
    if (!r.ok) throw new Error(`legit query refused: ${r.code} ${r.message}`);
  }
  for (let i = 0; i < 50; i++) for (const q of queries) validator.validate(q, ctx); // warm-up (JIT)

  // Interleaved so that load from other processes hits both measurements alike.
  const perRound: number[] = [];
  let sink = 0;
  let validateNs = 0n;
  let parseNs = 0n;
  for (let i = 0; i < rounds; i++) {
    const r0 = process.hrtime.bigint();
    for (const q of queries) sink += validator.validate(q, ctx).ok ? 1 : 0;
    const r1 = process.hrtime.bigint();
    for (const q of queries) sink += parser.parse(q).kind === 'tree' ? 1 : 0;
    const r2 = process.hrtime.bigint();
    validateNs += r1 - r0;
    parseNs += r2 - r1;
    perRound.push(Number(r1 - r0) / 1000 / queries.length);
  }
  const validateUs = Number(validateNs) / 1000 / (rounds * queries.length);
  const parseUs = Number(parseNs) / 1000 / (rounds * queries.length);

  perRound.sort((a, b) => a - b);
  const pct = (p: number): number => perRound[Math.min(perRound.length - 1, Math.floor(p * perRound.length))];
  console.log(
    JSON.stringify({
      queries: queries.length,
      rounds,
      us_per_validate: +validateUs.toFixed(1),
      us_per_parse_only: +parseUs.toFixed(1),
      us_walk: +(validateUs - parseUs).toFixed(1),
      validations_per_s: Math.round(1e6 / validateUs),
      round_mean_us_p50: +pct(0.5).toFixed(1),
      round_mean_us_p99: +pct(0.99).toFixed(1),
      round_mean_us_min: +perRound[0].toFixed(1),
      wasm_load_ms: +loadMs.toFixed(1),
      node: process.version,
      checksum: sink > 0,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
