/** Source positions for error messages: `offset` is a 0-based index into the JS string (UTF-16 code units), `line` and
 * `column` are 1-based (column counted in the same units, as editors such as Monaco do). */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** Position of a JS string index. */
export function positionAt(sql: string, index: number): SourcePosition {
  const offset = Math.max(0, Math.min(index, sql.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (sql.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/**
 * Parse-tree `location`s are byte offsets into the UTF-8 text the parser saw; turn one into a JS string index.
 */
export function indexOfUtf8Offset(sql: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < sql.length && bytes < byteOffset) {
    const c = sql.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < sql.length) {
      bytes += 4; // surrogate pair: one code point, 4 bytes, 2 code units
      i++;
    } else bytes += 3;
    i++;
  }
  return i;
}

/**
 * The parser's error cursor counts characters (code points, PostgreSQL's pg_mbstrlen), 0-based after libpg-query's
 * conversion; turn it into a JS string index.
 */
export function indexOfCodePointOffset(sql: string, codePoints: number): number {
  let n = 0;
  let i = 0;
  while (i < sql.length && n < codePoints) {
    const c = sql.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < sql.length ? 2 : 1;
    n++;
  }
  return i;
}
