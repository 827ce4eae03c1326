// A text column that may hold only the values of one list, in TypeScript and in the database: the list (from
// src/domain, its one source) types the column through drizzle's `enum`, and `oneOf` adds the CHECK constraint that
// keeps any other writer (a migration, psql, a future bug) from storing anything else.
import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core';

/** CHECK (column IN (…)): the values are code constants, inlined as SQL literals. */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list: SQL = sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));
  return check(name, sql`${column} IN (${list})`);
}
