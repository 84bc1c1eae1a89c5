/**
 * The rows of a `db.execute(sql`…`)` result: the one way the app reads them. Drizzle hands back each driver's
 * own result object, PGlite's `Results` and node-postgres's `QueryResult`: different classes (`affectedRows`
 * against `rowCount`, their own `fields`), each with the rows in `rows`. Anything else (a driver that returns
 * the bare array, or node-postgres's array of results for several statements in one string) is refused
 * rather than guessed at, so a wrong shape fails loudly instead of reading as "no rows".
 * Typed queries through the query builder (`db.select()…`) need none of this.
 */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  const rows = result !== null && typeof result === "object" && !Array.isArray(result) ? (result as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(rows)) throw new TypeError("rowsOf: not the result of one statement (no rows array)");
  return rows as T[];
}
