// The search index (issue 15 part 2): one disclosure_search row per published item, written when it is published
// and removed when it is withdrawn or superseded. `grams` (character bigrams) decide what matches, so nothing a
// substring scan finds is missed; `words` (jieba, weighted) decide the order.
import { eq, sql } from 'drizzle-orm';
import { bigramCodes, monthCode } from '../../../domain/disclosure/grams';
import type { Database, DbOrTx } from '../../db/client';
import { disclosureSearch } from '../../db/schema/disclosure';
import { addWords, tokensText } from '../../platform/text/segmenter';
import { unitNameSql, unitVocabulary } from '../org';

let unitWordsLoaded = false;

/** Unit names and aliases join the jieba dictionary (DESIGN.md: custom dictionary of unit names). */
export async function loadUnitWords(db: DbOrTx, force = false): Promise<void> {
  if (unitWordsLoaded && !force) return;
  addWords(await unitVocabulary(db));
  unitWordsLoaded = true;
}

/** Ranking reads this much of the metadata, body and attachments; matching (the bigrams) reads all of it. */
const RANKED_CHARS = 100_000;

export interface IndexSource {
  title: string;
  /** Document number, index number, unit name, topic, summary, body, attachment names and text. */
  rest: string;
  /** The column and the columns above it ("法定主动公开内容 规划信息"). */
  columnPath: string;
  publishedAt: Date;
}

/** An int4[] parameter (one text parameter, not one per element). */
export const intArray = (xs: readonly number[]) => sql`${`{${xs.join(',')}}`}::int4[]`;

/** The two index columns of one item, as SQL values. */
export function indexValues(src: IndexSource) {
  const grams = [...bigramCodes(`${src.title}\n${src.rest}\n${src.columnPath}`), monthCode(src.publishedAt)];
  const words = sql`setweight(to_tsvector('simple', ${tokensText(src.title)}), 'A')
      || setweight(to_tsvector('simple', ${tokensText(src.rest.slice(0, RANKED_CHARS))}), 'B')
      || setweight(to_tsvector('simple', ${tokensText(src.columnPath)}), 'C')`;
  return { grams: intArray(grams), words };
}

/** (Re)builds one item's index row; an item that is not published has none. */
export async function indexItem(tx: DbOrTx, id: string): Promise<void> {
  await loadUnitWords(tx);
  const r = await tx.execute<{
    title: string;
    rest: string | null;
    column_path: string | null;
    column_code: string | null;
    unit_id: string;
    column_id: string | null;
    kind: string;
    year: number | null;
    published_at: string | null;
    status: string;
  }>(sql`
    WITH RECURSIVE up AS (
      SELECT c.id, c.parent_id, c.name, c.code, 0 AS depth FROM disclosure_columns c
        WHERE c.id = (SELECT column_id FROM disclosure_items WHERE id = ${id})
      UNION ALL
      SELECT c.id, c.parent_id, c.name, c.code, up.depth + 1 FROM disclosure_columns c JOIN up ON c.id = up.parent_id
    )
    SELECT i.title, i.unit_id, i.column_id, i.kind, i.status, i.published_at,
           extract(year FROM i.publish_date)::int AS year,
           concat_ws(' ', i.doc_number, i.index_no, ${unitNameSql(sql`i.unit_id`)}, i.topic, i.summary, i.body_text,
                     (SELECT string_agg(a.name || ' ' || a.text, ' ') FROM disclosure_attachments a WHERE a.item_id = i.id)) AS rest,
           (SELECT string_agg(name, ' ' ORDER BY depth DESC) FROM up) AS column_path,
           (SELECT code FROM up WHERE code IS NOT NULL ORDER BY depth LIMIT 1) AS column_code
    FROM disclosure_items i WHERE i.id = ${id}`);
  const row = r.rows[0];
  if (row?.status !== 'published') {
    await unindexItem(tx, id);
    return;
  }
  const publishedAt = row.published_at ? new Date(row.published_at) : new Date(0);
  const v = indexValues({
    title: row.title,
    rest: row.rest ?? '',
    columnPath: row.column_path ?? '',
    publishedAt,
  });
  await tx.execute(sql`
    INSERT INTO disclosure_search (item_id, unit_id, column_id, column_code, kind, year, published_at, grams, words)
    VALUES (${id}, ${row.unit_id}, ${row.column_id}, ${row.column_code}, ${row.kind}, ${row.year},
            ${publishedAt.toISOString()}::timestamptz, ${v.grams}, ${v.words})
    ON CONFLICT (item_id) DO UPDATE SET unit_id = excluded.unit_id, column_id = excluded.column_id,
      column_code = excluded.column_code, kind = excluded.kind, year = excluded.year,
      published_at = excluded.published_at, grams = excluded.grams, words = excluded.words`);
}

export async function unindexItem(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(disclosureSearch).where(eq(disclosureSearch.itemId, id));
}

async function indexEach(database: Database, ids: string[], onProgress?: (done: number) => void) {
  let done = 0;
  for (const id of ids) {
    await indexItem(database.db, id);
    done++;
    if (done % 1000 === 0) onProgress?.(done);
  }
  return done;
}

/** `gongkai search reindex`: every published item, one at a time; rows of other items are removed. */
export async function reindexAll(database: Database, onProgress?: (done: number) => void): Promise<number> {
  await loadUnitWords(database.db, true);
  await database.db.execute(
    sql`DELETE FROM disclosure_search s USING disclosure_items i WHERE i.id = s.item_id AND i.status <> 'published'`,
  );
  const ids = await database.db.execute<{ id: string }>(
    sql`SELECT id FROM disclosure_items WHERE status = 'published' ORDER BY id`,
  );
  return indexEach(
    database,
    ids.rows.map((r) => r.id),
    onProgress,
  );
}

/** At start: published items without an index row (e.g. published before this index existed) get one. */
export async function indexMissing(database: Database): Promise<number> {
  const ids = await database.db.execute<{ id: string }>(sql`
    SELECT i.id FROM disclosure_items i
    WHERE i.status = 'published' AND NOT EXISTS (SELECT 1 FROM disclosure_search s WHERE s.item_id = i.id)`);
  return indexEach(
    database,
    ids.rows.map((r) => r.id),
  );
}
