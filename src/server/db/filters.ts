// SQL conditions the modules' queries share: a keyword search by ILIKE (the keyword's own wildcards % _ \ are
// dropped, or escaped by the *Literally forms, so it matches as the text typed), a column limited to a list of ids,
// and a date column within a calendar year.
import { type AnyColumn, and, gte, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** The ILIKE pattern of text containing the keyword. */
export const containing = (keyword: string) => `%${keyword.replace(/[%_\\]/g, '')}%`;

/** The ILIKE pattern of text containing the keyword, its wildcards % _ \ escaped: they match themselves. */
export const containingLiterally = (keyword: string) => `%${keyword.replace(/[%_\\]/g, '\\$&')}%`;

/** Any of the columns contains the keyword, its wildcards matched literally (containingLiterally). */
export const anyContainsLiterally = (keyword: string, ...columns: PgColumn[]): SQL | undefined =>
  or(...columns.map((c) => ilike(c, containingLiterally(keyword))));

/** Any of the columns contains the keyword. */
export const anyContains = (keyword: string, ...columns: PgColumn[]): SQL | undefined =>
  or(...columns.map((c) => ilike(c, containing(keyword))));

/** The column holds one of the ids; null: no condition; an empty list matches no row. */
export const inIds = (col: AnyColumn, ids: readonly string[] | null): SQL | undefined =>
  ids === null ? undefined : inArray(col, ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000']);

/**
 * The date (a 'YYYY-MM-DD' column or expression) falls in the calendar year, both ends included: the yearly figures
 * of the assessment and the annual reports all count a year this way.
 */
export const inYear = (col: AnyColumn | SQL, year: number): SQL => {
  // gte and lte take a column or an expression alike; their overloads just do not accept the union.
  const c = col as AnyColumn;
  return and(gte(c, `${year}-01-01`), lte(c, `${year}-12-31`))!;
};
