// Column groups many tables share, spread into a table's columns (`...authored()`): who made a row and when. Like
// the builders in columns.ts, each call makes new builders, and the SQL is the same as writing the columns out.
import { text } from 'drizzle-orm/pg-core';
import { createdAt, instant, ref, updatedAt } from './columns';
import { users } from './org';

/** created_at and updated_at, both set by the database. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** Who created the row (optional: imports and jobs have no user) and when. */
export const created = () => ({ createdBy: ref('created_by', () => users.id), createdAt: createdAt() });

/** created() and updated_at. */
export const authored = () => ({ ...created(), updatedAt: updatedAt() });

/** A withdrawal (撤回) of something published: when and why. */
export const withdrawal = () => ({
  withdrawnAt: instant('withdrawn_at'),
  withdrawReason: text('withdraw_reason'),
});
