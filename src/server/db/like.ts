// Keyword search by ILIKE: the keyword's own wildcards (% _ \) are dropped, so it matches as the text typed.
import { ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** The ILIKE pattern of text containing the keyword. */
export const containing = (keyword: string) => `%${keyword.replace(/[%_\\]/g, '')}%`;

/** Any of the columns contains the keyword. */
export const anyContains = (keyword: string, ...columns: PgColumn[]): SQL | undefined =>
  or(...columns.map((c) => ilike(c, containing(keyword))));
