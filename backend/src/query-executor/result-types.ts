/**
 * How the executor turns PostgreSQL text values into JSON, and type OIDs into names, without any catalog access from
 * the tenant's read-only role.
 *
 * Values: booleans, 2/4-byte integers, floats and JSON become JSON booleans, numbers and objects (and arrays of them);
 * everything else stays the server's own text — bigint and numeric (no precision lost), date ('2026-03-01'),
 * timestamp without time zone, time, interval, uuid, bytea ('\x…'), ranges… — except timestamptz, an ISO-8601 instant
 * in UTC, like every other date-time of the API. Non-finite floats (NaN, ±Infinity) stay text (JSON has none).
 */
import { types as pgTypes, type CustomTypesConfig } from 'pg';

type Parser = (raw: string) => unknown;

/** pg's own text parser of a built-in type (its typing only lists scalar OIDs). */
const pgParser = (oid: number): Parser => (pgTypes.getTypeParser as (oid: number, format: 'text') => Parser)(oid, 'text');

const identity: Parser = (raw) => raw;
const float: Parser = (raw) => {
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
};
const stringArray = pgParser(1009);

const PARSERS: ReadonlyMap<number, Parser> = new Map<number, Parser>([
  [16, (raw) => raw === 't'],
  [21, (raw) => Number(raw)],
  [23, (raw) => Number(raw)],
  [26, (raw) => Number(raw)],
  [700, float],
  [701, float],
  [114, (raw) => JSON.parse(raw)],
  [3802, (raw) => JSON.parse(raw)],
  [1184, pgParser(1184)],
  // arrays
  [1000, pgParser(1000)], // boolean[]
  [1005, pgParser(1005)], // smallint[]
  [1007, pgParser(1007)], // integer[]
  [1028, pgParser(1028)], // oid[]
  [1021, (raw) => (stringArray(raw) as unknown[]).map((v) => deepMap(v, float))], // real[]
  [1022, (raw) => (stringArray(raw) as unknown[]).map((v) => deepMap(v, float))], // double precision[]
  [199, pgParser(199)], // json[]
  [3807, pgParser(3807)], // jsonb[]
  [1185, pgParser(1185)], // timestamptz[]
  // arrays of values kept as text
  ...[1009, 1015, 1014, 1002, 1003, 2951, 1016, 1231, 1182, 1115, 1183, 1270, 1187, 1041, 651, 1040, 791].map(
    (oid) => [oid, stringArray] as [number, Parser],
  ),
]);

function deepMap(v: unknown, f: Parser): unknown {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => deepMap(x, f));
  return f(String(v));
}

/** The executor's value parsers (text format only; the executor never asks for binary results). */
export const RESULT_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    format === 'binary' ? identity : (PARSERS.get(oid) ?? identity)) as CustomTypesConfig['getTypeParser'],
};

/** format_type(oid, NULL) of the built-in types a query commonly returns (OIDs of built-in types never change). */
const BUILTIN_TYPE_NAMES: ReadonlyMap<number, string> = new Map<number, string>(
  Object.entries({
    16: 'boolean', 17: 'bytea', 18: '"char"', 19: 'name', 20: 'bigint', 21: 'smallint', 23: 'integer', 25: 'text',
    26: 'oid', 114: 'json', 142: 'xml', 143: 'xml[]', 199: 'json[]', 600: 'point', 650: 'cidr', 651: 'cidr[]',
    700: 'real', 701: 'double precision', 705: 'unknown', 790: 'money', 791: 'money[]', 829: 'macaddr',
    869: 'inet', 1000: 'boolean[]', 1001: 'bytea[]', 1002: '"char"[]', 1003: 'name[]', 1005: 'smallint[]',
    1007: 'integer[]', 1009: 'text[]', 1014: 'character[]', 1015: 'character varying[]', 1016: 'bigint[]',
    1021: 'real[]', 1022: 'double precision[]', 1028: 'oid[]', 1040: 'macaddr[]', 1041: 'inet[]',
    1042: 'character', 1043: 'character varying', 1082: 'date', 1083: 'time without time zone',
    1114: 'timestamp without time zone', 1115: 'timestamp without time zone[]', 1182: 'date[]',
    1183: 'time without time zone[]', 1184: 'timestamp with time zone', 1185: 'timestamp with time zone[]',
    1186: 'interval', 1187: 'interval[]', 1231: 'numeric[]', 1266: 'time with time zone',
    1270: 'time with time zone[]', 1560: 'bit', 1561: 'bit[]', 1562: 'bit varying', 1563: 'bit varying[]',
    1700: 'numeric', 1790: 'refcursor', 2201: 'refcursor[]', 2249: 'record', 2278: 'void', 2287: 'record[]',
    2950: 'uuid', 2951: 'uuid[]', 3614: 'tsvector', 3615: 'tsquery', 3643: 'tsvector[]', 3645: 'tsquery[]',
    3802: 'jsonb', 3807: 'jsonb[]', 3904: 'int4range', 3905: 'int4range[]', 3906: 'numrange', 3907: 'numrange[]',
    3908: 'tsrange', 3909: 'tsrange[]', 3910: 'tstzrange', 3911: 'tstzrange[]', 3912: 'daterange',
    3913: 'daterange[]', 3926: 'int8range', 3927: 'int8range[]', 4072: 'jsonpath', 4073: 'jsonpath[]',
    4451: 'int4multirange', 4532: 'nummultirange', 4533: 'tsmultirange', 4534: 'tstzmultirange',
    4535: 'datemultirange', 4536: 'int8multirange', 6150: 'int4multirange[]', 6151: 'nummultirange[]',
    6152: 'tsmultirange[]', 6153: 'tstzmultirange[]', 6155: 'datemultirange[]', 6157: 'int8multirange[]',
  }).map(([oid, name]) => [Number(oid), name]),
);

/** Looks type names up on a trusted connection (never the tenant's read-only role). */
export type TypeNameLookup = (oids: number[]) => Promise<Array<{ oid: number; name: string }>>;

const MAX_CACHED = 10_000;

/**
 * Resolves type OIDs to PostgreSQL type names (the `format_type(oid, NULL)` spelling, the one `pg_typeof()` prints):
 * built-in types from a static map, others (extension and user types) looked up once through the trusted path and
 * cached.
 */
export class TypeNames {
  private readonly cache = new Map<number, string>();

  constructor(private readonly lookup: TypeNameLookup) {}

  async names(oids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const missing: number[] = [];
    for (const oid of oids) {
      const known = BUILTIN_TYPE_NAMES.get(oid) ?? this.cache.get(oid);
      if (known !== undefined) out.set(oid, known);
      else if (!missing.includes(oid)) missing.push(oid);
    }
    if (missing.length) {
      if (this.cache.size > MAX_CACHED) this.cache.clear();
      for (const { oid, name } of await this.lookup(missing)) {
        this.cache.set(oid, name);
        out.set(oid, name);
      }
      for (const oid of missing) if (!out.has(oid)) out.set(oid, 'unknown');
    }
    return out;
  }
}
