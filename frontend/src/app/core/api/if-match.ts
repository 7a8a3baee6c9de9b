/**
 * The `If-Match` header of a write: the record version the user saw (the API's optimistic lock answers
 * 409 VERSION_CONFLICT when it changed).
 */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
