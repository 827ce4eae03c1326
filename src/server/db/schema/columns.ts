// Column builders every schema file uses, so that one kind of column is declared one way (the generated SQL is
// the same as writing them out: `drizzle-kit generate` reports no change). Each is a function: a drizzle builder
// must not be shared between two columns.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';

type Target = () => AnyPgColumn;

/** Random uuid primary key. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** A point in time (timestamptz). */
export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** A point in time set by the database when the row is written. */
export const nowAt = (name: string) => instant(name).notNull().defaultNow();

export const createdAt = () => nowAt('created_at');
export const updatedAt = () => nowAt('updated_at');

/** A calendar date as 'YYYY-MM-DD' (legal dates: no time zone). */
export const day = (name: string) => date(name, { mode: 'string' });

/** An optional reference (e.g. who did something). */
export const ref = (name: string, target: Target) => uuid(name).references(target);

/** A required reference to a row that must outlive this one. */
export const refTo = (name: string, target: Target) => uuid(name).notNull().references(target);

/** A required reference to the row this one belongs to: deleted with it. */
export const ownedBy = (name: string, target: Target) =>
  uuid(name).notNull().references(target, { onDelete: 'cascade' });

/** text[] NOT NULL DEFAULT '{}'. */
export const textList = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** jsonb array NOT NULL DEFAULT '[]'. */
export const jsonList = <T>(name: string) => jsonb(name).$type<T[]>().notNull().default(sql`'[]'::jsonb`);
