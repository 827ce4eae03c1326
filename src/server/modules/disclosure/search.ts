// Use case: full-text search (issue 5 part 8): jieba tokens → tsvector('simple') with a GIN index; title weight A, the
// rest B; rank × recency; filters; highlighted snippets; suggestions for misspelled unit names.
import { eq, sql } from 'drizzle-orm';
import type { SearchResult } from '../../../contracts/disclosure';
import { highlight, snippet } from '../../../domain/disclosure/snippet';
import { resolveUnit } from '../../../domain/units';
import type { Database, DbOrTx } from '../../db/client';
import { disclosureItems } from '../../db/schema/disclosure';
import { addWords, queryTokens, tokensText } from '../../platform/text/segmenter';
import { loadUnitIndex, unitNameSql, unitVocabulary } from '../org';

let unitWordsLoaded = false;

/** Unit names and aliases join the jieba dictionary (DESIGN.md: custom dictionary of unit names). */
export async function loadUnitWords(db: DbOrTx, force = false): Promise<void> {
  if (unitWordsLoaded && !force) return;
  addWords(await unitVocabulary(db));
  unitWordsLoaded = true;
}

/** (Re)builds one item's search vector from its title, metadata, body and attachment text. */
export async function indexItem(tx: DbOrTx, id: string): Promise<void> {
  await loadUnitWords(tx);
  const r = await tx.execute<{ title: string; rest: string }>(sql`
    SELECT i.title,
           concat_ws(' ', i.doc_number, i.index_no, ${unitNameSql(sql`i.unit_id`)}, i.topic, i.summary, i.body_text,
                     (SELECT string_agg(a.name || ' ' || a.text, ' ') FROM disclosure_attachments a WHERE a.item_id = i.id)) AS rest
    FROM disclosure_items i WHERE i.id = ${id}`);
  const row = r.rows[0];
  if (!row) return;
  await tx.execute(sql`
    UPDATE disclosure_items SET search_vector =
      setweight(to_tsvector('simple', ${tokensText(row.title)}), 'A') ||
      setweight(to_tsvector('simple', ${tokensText(row.rest ?? '')}), 'B')
    WHERE id = ${id}`);
}

export async function unindexItem(tx: DbOrTx, id: string): Promise<void> {
  await tx.update(disclosureItems).set({ searchVector: null }).where(eq(disclosureItems.id, id));
}

/** `gongkai search reindex`: every published item, in batches; others are cleared. */
export async function reindexAll(database: Database, onProgress?: (done: number) => void): Promise<number> {
  await loadUnitWords(database.db, true);
  await database.db.execute(
    sql`UPDATE disclosure_items SET search_vector = NULL WHERE status <> 'published' AND search_vector IS NOT NULL`,
  );
  const ids = await database.db.execute<{ id: string }>(
    sql`SELECT id FROM disclosure_items WHERE status = 'published' ORDER BY id`,
  );
  let done = 0;
  for (const { id } of ids.rows) {
    await indexItem(database.db, id);
    done++;
    if (done % 1000 === 0) onProgress?.(done);
  }
  return done;
}

/** Matches ranked per query, most recent first [I]. */
export const CANDIDATES = 2000;
/** Counting stops here; the portal then shows "10000+" [I]. */
export const COUNT_CAP = 10_000;

export interface SearchFilters {
  unitId?: string;
  columnId?: string;
  /** A standard column (STANDARD_CODES) in every unit's catalog, with what lies below it. */
  columnCode?: string;
  year?: number;
  validity?: 'in_force' | 'expired' | 'repealed';
  kind?: 'general' | 'normative' | 'interpretation';
  page?: number;
  pageSize?: number;
}

/**
 * Ranking [I]: ts_rank with weights {D 0.1, C 0.2, B 0.4, A 1.0} (a title hit counts 2.5× a body hit), divided by
 * (1 + age in years) so that of two equally relevant items the recent one comes first.
 */
export async function searchItems(
  database: Database,
  districtName: string,
  q: string,
  f: SearchFilters,
  now: Date,
): Promise<SearchResult> {
  const t0 = performance.now();
  await loadUnitWords(database.db);
  const tokens = queryTokens(q.slice(0, 100));
  const suggestions: string[] = [];
  // Misspelled unit names: a query word the registry reads as a typo of a unit gets a "did you mean".
  if (q.trim().length >= 3) {
    const index = await loadUnitIndex(database.db, districtName);
    for (const word of [q.trim(), ...q.trim().split(/\s+/u)]) {
      const r = resolveUnit(index, word);
      const s = r.suggestions[0];
      if (r.status === 'suggestion' && s && s.unitName !== word) {
        const fixed = q.replace(word, s.unitName);
        if (!suggestions.includes(fixed)) suggestions.push(fixed);
      }
    }
  }
  if (tokens.length === 0)
    return { total: 0, totalIsLowerBound: false, hits: [], tokens, suggestions, tookMs: 0 };
  const tsq = sql`plainto_tsquery('simple', ${tokens.join(' ')})`;
  const conds = [sql`i.status = 'published'`, sql`i.search_vector @@ ${tsq}`];
  if (f.unitId) conds.push(sql`i.unit_id = ${f.unitId}::uuid`);
  if (f.columnId)
    conds.push(
      sql`i.column_id IN (WITH RECURSIVE t AS (SELECT id FROM disclosure_columns WHERE id = ${f.columnId}::uuid UNION ALL SELECT c.id FROM disclosure_columns c JOIN t ON c.parent_id = t.id) SELECT id FROM t)`,
    );
  if (f.columnCode)
    conds.push(
      sql`i.column_id IN (WITH RECURSIVE t AS (SELECT id FROM disclosure_columns WHERE code = ${f.columnCode} UNION ALL SELECT c.id FROM disclosure_columns c JOIN t ON c.parent_id = t.id) SELECT id FROM t)`,
    );
  if (f.year) conds.push(sql`extract(year from i.publish_date) = ${f.year}`);
  if (f.validity) conds.push(sql`i.kind = 'normative' AND i.validity = ${f.validity}`);
  if (f.kind) conds.push(sql`i.kind = ${f.kind}`);
  const where = sql.join(conds, sql` AND `);
  const pageSize = f.pageSize ?? 10;
  const offset = ((f.page ?? 1) - 1) * pageSize;
  // Frequent words match most of the corpus: counting stops at COUNT_CAP and only the CANDIDATES most recent
  // matches are ranked [I], which keeps a one-character-class query from reading every vector (bench/README.md).
  const total = await database.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM disclosure_items i WHERE ${where} LIMIT ${COUNT_CAP + 1}) t`,
  );
  const rows = await database.db.execute<{
    id: string;
    title: string;
    body_text: string;
    summary: string;
    unit_name: string;
    column_name: string | null;
    publish_date: string | null;
    index_no: string;
    kind: string;
    validity: string | null;
    rank: number;
  }>(sql`
    SELECT i.id, i.title, left(i.body_text, 20000) AS body_text, i.summary, ${unitNameSql(sql`i.unit_id`)} AS unit_name,
           c.name AS column_name,
           i.publish_date, i.index_no, i.kind, i.validity,
           ts_rank('{0.1,0.2,0.4,1.0}', i.search_vector, ${tsq})
             / (1 + greatest(0, extract(epoch from (${now.toISOString()}::timestamptz - coalesce(i.published_at, i.created_at))) / 31557600.0)) AS rank
    FROM (SELECT i.id, i.title, i.body_text, i.summary, i.unit_id, i.column_id, i.publish_date, i.index_no, i.kind,
                 i.validity, i.published_at, i.created_at, i.search_vector
          FROM disclosure_items i WHERE ${where}
          ORDER BY i.published_at DESC NULLS LAST LIMIT ${CANDIDATES}) i
    LEFT JOIN disclosure_columns c ON c.id = i.column_id
    ORDER BY rank DESC, i.published_at DESC
    LIMIT ${pageSize} OFFSET ${offset}`);
  const n = total.rows[0]?.n ?? 0;
  return {
    total: Math.min(n, COUNT_CAP),
    totalIsLowerBound: n > COUNT_CAP,
    tokens,
    suggestions,
    tookMs: Math.round(performance.now() - t0),
    hits: rows.rows.map((r) => ({
      id: r.id,
      title: r.title,
      titleHtml: highlight(r.title, tokens),
      // A summary that merely repeats the body's opening is not shown twice.
      snippet: snippet(
        r.summary && !r.body_text.startsWith(r.summary.trim()) ? `${r.summary} ${r.body_text}` : r.body_text,
        tokens,
      ),
      unitName: r.unit_name,
      columnName: r.column_name,
      publishDate: r.publish_date,
      indexNo: r.index_no,
      kind: r.kind,
      validity: r.validity,
      rank: Number(r.rank),
    })),
  };
}
