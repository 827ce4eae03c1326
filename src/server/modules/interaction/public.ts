// The portal's reads of the Q&A base: only published entries, by topic and unit, with search (the matcher's ranking
// first, then plain text matches).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { qaEntries } from '../../db/schema/interaction';
import { unitNameSql } from '../org';
import { suggest } from './matching';
import { qaRows, topics } from './repo/qa';

export interface PublicEntry {
  id: string;
  question: string;
  answer: string;
  unitName: string;
  topic: string | null;
}

export const PUBLIC_PAGE_SIZE = 20;

export async function publicEntries(
  db: DbOrTx,
  q: { topic?: string; unitId?: string; search?: string; page: number },
): Promise<{ items: PublicEntry[]; total: number }> {
  const rows = await qaRows(db, { status: 'published', topic: q.topic, unitId: q.unitId });
  let list: PublicEntry[] = rows.map(({ e, unitName }) => ({
    id: e.id,
    question: e.question,
    answer: e.answer,
    unitName,
    topic: e.topic,
  }));
  const search = q.search?.trim();
  if (search) {
    const ranked = (await suggest(db, search)).map((s) => s.id);
    const text = list
      .filter((e) => e.question.includes(search) || e.answer.includes(search))
      .map((e) => e.id);
    const order = [...new Set([...ranked, ...text])];
    const byId = new Map(list.map((e) => [e.id, e]));
    list = order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }
  const from = (q.page - 1) * PUBLIC_PAGE_SIZE;
  return { items: list.slice(from, from + PUBLIC_PAGE_SIZE), total: list.length };
}

export const publicTopics = (db: DbOrTx) => topics(db);

/** Units with published entries, for the browse-by-unit list. */
export function publicUnits(db: DbOrTx): Promise<{ id: string; name: string; n: number }[]> {
  return db
    .select({
      id: qaEntries.unitId,
      name: unitNameSql(qaEntries.unitId),
      n: sql<number>`count(*)::int`,
    })
    .from(qaEntries)
    .where(sql`${qaEntries.status} = 'published'`)
    .groupBy(qaEntries.unitId)
    .orderBy(unitNameSql(qaEntries.unitId));
}
