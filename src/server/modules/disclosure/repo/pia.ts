// SQL of the PIA records (个人信息保护影响评估) written with reviewers' overrides: insert, and the newest first
// within the reader's scope.
import { and, desc, gte, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { anyContainsLiterally } from '../../../db/filters';
import { countWhere } from '../../../db/pages';
import { disclosurePiaRecords as t } from '../../../db/schema/disclosure';

export type NewPiaRecord = typeof t.$inferInsert;

export async function insertPiaRecord(tx: DbOrTx, values: NewPiaRecord): Promise<string> {
  const [row] = await tx.insert(t).values(values).returning({ id: t.id });
  return row!.id;
}

export interface PiaFilter {
  scope?: SQL;
  from?: Date;
  to?: Date;
  q?: string;
}

function where(f: PiaFilter): SQL | undefined {
  return and(
    f.scope,
    f.from ? gte(t.assessedAt, f.from) : undefined,
    f.to ? lte(t.assessedAt, f.to) : undefined,
    f.q ? anyContainsLiterally(f.q, t.itemTitle, t.assessedByName, t.purpose) : undefined,
  );
}

export async function piaPage(db: DbOrTx, f: PiaFilter, page?: { limit: number; offset: number }) {
  const q = db.select().from(t).where(where(f)).orderBy(desc(t.assessedAt), desc(t.id));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q.limit(100_000);
  return { rows, total: await countWhere(db, t, where(f)) };
}
