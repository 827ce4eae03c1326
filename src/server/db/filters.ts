// SQL conditions the modules' queries share: a keyword search by ILIKE (the keyword's own wildcards % _ \ are
// dropped, or escaped by the *Literally forms, so it matches as the text typed) and a column limited to a list of ids.
import { type AnyColumn, ilike, inArray, or, type SQL } from 'drizzle-orm';
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
