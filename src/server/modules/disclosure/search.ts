// Use case: the portal's search (issue 5 part 8, issue 15 parts 2–3). An item matches when it holds every bigram of
// every query word (search-index.ts): never fewer items than a substring scan. Matches are ranked by jieba words
// (title A, text B, column C) × recency; counted up to a cap with facets; "您是不是要找" offers only corrected
// queries that find something, and an empty result offers fewer words.
import { type SQL, sql } from 'drizzle-orm';
import type { SearchFacet, SearchResult } from '../../../contracts/disclosure';
import { STANDARD_CODES } from '../../../domain/disclosure/catalog';
import { monthCodes, queryGrams, queryWords } from '../../../domain/disclosure/grams';
import { ITEM_KIND_LABELS, type ItemKind } from '../../../domain/disclosure/rules';
import { highlight, snippet } from '../../../domain/disclosure/snippet';
import { resolveUnit, type UnitIndex } from '../../../domain/units';
import type { Database, DbOrTx } from '../../db/client';
import { queryTokens } from '../../platform/text/segmenter';
import { loadUnitIndex, unitNameSql } from '../org';
import { intArray, loadUnitWords } from './search-index';

export { indexItem, indexMissing, loadUnitWords, reindexAll, unindexItem } from './search-index';

/** How much of the matches a search reads [I]. Tests and the bench may pass smaller figures to reach every path. */
export interface SearchLimits {
  /** The most recent matches that are ranked: a word in every item must not rank the whole corpus. */
  candidates: number;
  /** Counting (and facets) stop here; the portal then shows "10000+". */
  countCap: number;
  /**
   * Beyond countCap matches the candidates come from the months of the recent[0] most recent items, then of the
   * recent[1], and only when neither holds `candidates` matches from all of them.
   */
  recent: readonly [number, number];
}

const SEARCH_LIMITS: SearchLimits = { candidates: 300, countCap: 10_000, recent: [5_000, 50_000] };

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

const below = (root: SQL) =>
  sql`s.column_id IN (WITH RECURSIVE t AS (SELECT id FROM disclosure_columns WHERE ${root} UNION ALL SELECT c.id FROM disclosure_columns c JOIN t ON c.parent_id = t.id) SELECT id FROM t)`;

/** The WHERE clause on disclosure_search `s` for a query's bigrams and the filters. */
export function matchWhere(grams: number[], f: SearchFilters): SQL {
  const conds = [sql`s.grams @> ${intArray(grams)}`];
  if (f.unitId) conds.push(sql`s.unit_id = ${f.unitId}::uuid`);
  if (f.columnId) conds.push(below(sql`id = ${f.columnId}::uuid`));
  if (f.columnCode) conds.push(below(sql`code = ${f.columnCode}`));
  if (f.year) conds.push(sql`s.year = ${f.year}`);
  if (f.kind) conds.push(sql`s.kind = ${f.kind}`);
  if (f.validity)
    conds.push(
      sql`s.item_id IN (SELECT id FROM disclosure_items WHERE kind = 'normative' AND validity = ${f.validity})`,
    );
  return sql.join(conds, sql` AND `);
}

/**
 * Runs `fn` with the bigram GIN index as the way in. The planner does not price reading a row's bigram array (stored
 * out of line): left alone it picks a sequential scan that unpacks every array (≈ 30× slower for a word in every
 * item). The GIN answer needs no recheck, so the arrays are never read. JIT is off as well: with sequential scans
 * priced out, any small table read in the transaction looks expensive enough to be compiled (150–400 ms each on the
 * bench machine, issue 15 part 3); nothing else but index-only work should run inside.
 */
async function viaIndex<T>(database: Database, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`);
    return fn(tx);
  });
}

/** Items the search finds for `q` (no cap): what the bench compares with a substring scan. */
export async function countMatches(database: Database, q: string, f: SearchFilters = {}): Promise<number> {
  const grams = queryGrams(q);
  if (grams.length === 0) return 0;
  const r = await viaIndex(database, (tx) =>
    tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM disclosure_search s WHERE ${matchWhere(grams, f)}`,
    ),
  );
  return r.rows[0]?.n ?? 0;
}

async function hasMatches(db: DbOrTx, q: string, f: SearchFilters): Promise<boolean> {
  const grams = queryGrams(q);
  if (grams.length === 0) return false;
  const r = await db.execute(sql`SELECT 1 FROM disclosure_search s WHERE ${matchWhere(grams, f)} LIMIT 1`);
  return r.rows.length > 0;
}

/**
 * Misspelled unit names: a query word the registry reads as a typo of a public unit, when that finds something.
 * `index` is read before the search transaction (its small tables are read by sequential scans).
 */
async function unitSuggestions(db: DbOrTx, index: UnitIndex | null, q: string, f: SearchFilters) {
  const out: string[] = [];
  if (!index) return out;
  for (const word of [q, ...q.split(/\s+/u)]) {
    const r = resolveUnit(index, word);
    // 科室 (subdivisions) are internal: never offered to the public.
    const s = r.suggestions.find((x) => (x.unitId && index.units.get(x.unitId)?.kind) !== 'subdivision');
    if (r.status !== 'suggestion' || !s || s.unitName === word) continue;
    const fixed = q.replace(word, s.unitName);
    if (!out.includes(fixed) && (await hasMatches(db, fixed, f))) out.push(fixed);
  }
  return out;
}

/** For an empty result: the words apart (one long word), then each word left out, keeping those that find items. */
async function fewerWords(db: DbOrTx, q: string, f: SearchFilters): Promise<string[]> {
  const words = queryWords(q);
  const tries: string[] = [];
  if (words.length === 1) {
    const parts = queryTokens(q).filter((t) => t.length >= 2);
    if (parts.length > 1) tries.push(parts.join(' '));
  } else {
    for (let k = 0; k < words.length && k < 6; k++) tries.push(words.filter((_, j) => j !== k).join(' '));
  }
  const out: string[] = [];
  for (const t of tries) if (!out.includes(t) && (await hasMatches(db, t, f))) out.push(t);
  return out.slice(0, 5);
}

type FacetRow = {
  unit_id: string | null;
  unit_name: string | null;
  year: number | null;
  kind: string | null;
  column_code: string | null;
  n: number;
  g: number;
};

function facetsOf(rows: FacetRow[]): SearchResult['facets'] {
  // grouping(unit_id, year, kind, column_code): the bit of each set's column is 0.
  const of = (bit: number) => rows.filter((r) => r.g === 15 - bit);
  const sorted = (xs: SearchFacet[]) =>
    xs.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const codes = new Map(STANDARD_CODES.map((c) => [c.code, c.name.split(' › ').at(-1)!]));
  return {
    units: sorted(of(8).map((r) => ({ value: r.unit_id!, label: r.unit_name ?? '', count: r.n }))),
    years: of(4)
      .filter((r) => r.year !== null)
      .map((r) => ({ value: String(r.year), label: `${r.year}年`, count: r.n }))
      .sort((a, b) => b.value.localeCompare(a.value)),
    kinds: sorted(
      of(2).map((r) => ({
        value: r.kind!,
        label: ITEM_KIND_LABELS[r.kind as ItemKind] ?? r.kind!,
        count: r.n,
      })),
    ),
    columns: sorted(
      of(1)
        .filter((r) => r.column_code && codes.has(r.column_code))
        .map((r) => ({ value: r.column_code!, label: codes.get(r.column_code!)!, count: r.n })),
    ),
  };
}

interface RankInput {
  where: SQL;
  limits: SearchLimits;
  tsq: SQL;
  now: Date;
  pageSize: number;
  offset: number;
}

const rankOf = (r: RankInput) =>
  sql`ts_rank('{0.1,0.2,0.4,1.0}', words, ${r.tsq})
    / (1 + greatest(0, extract(epoch FROM (${r.now.toISOString()}::timestamptz - published_at)) / 31557600.0))`;

type Ranked = { item_id: string; rank: number };

/**
 * One pass over at most countCap + 1 matches gives their number and, when that is within the cap, the facets and
 * the `candidates` most recent, whose word vectors (only theirs) are then read for the rank. Over the cap (a word in
 * most items) neither is computed here: rankCandidates takes over. (Every match costs a heap page: the GIN answer
 * for arrays is always flagged for recheck, so even a bare count reads the rows.)
 */
async function countRankFacets(
  tx: DbOrTx,
  r: RankInput,
): Promise<{ n: number; ranked: Ranked[]; facets: FacetRow[] }> {
  const cap = r.limits.countCap;
  const out = await tx.execute<{ n: number; ranked: Ranked[] | null; facets: FacetRow[] | null }>(sql`
    WITH m AS MATERIALIZED (SELECT s.item_id, s.published_at, s.unit_id, s.year, s.kind, s.column_code
                            FROM disclosure_search s WHERE ${r.where} LIMIT ${cap + 1}),
    n AS (SELECT count(*)::int AS n FROM m),
    c AS (SELECT item_id FROM m WHERE (SELECT n FROM n) <= ${cap} ORDER BY published_at DESC LIMIT ${r.limits.candidates}),
    r AS (SELECT s.item_id, ${rankOf(r)} AS rank FROM c JOIN disclosure_search s ON s.item_id = c.item_id
          ORDER BY rank DESC, s.published_at DESC LIMIT ${r.pageSize} OFFSET ${r.offset}),
    f AS (SELECT unit_id, ${unitNameSql(sql`unit_id`)} AS unit_name, year, kind, column_code, count(*)::int AS n,
                 grouping(unit_id, year, kind, column_code)::int AS g
          FROM m WHERE (SELECT n FROM n) <= ${cap} GROUP BY GROUPING SETS ((unit_id), (year), (kind), (column_code)))
    SELECT (SELECT n FROM n) AS n, (SELECT json_agg(r ORDER BY r.rank DESC) FROM r) AS ranked,
           (SELECT json_agg(f) FROM f) AS facets`);
  const row = out.rows[0];
  return { n: row?.n ?? 0, ranked: row?.ranked ?? [], facets: row?.facets ?? [] };
}

/** The month marks (grams) of the `window` most recent items; null when there are fewer items. */
type RecentMonths = (window: number) => Promise<SQL | null>;

/** recentMonths for one search: each window is looked up once (the count and the candidates may both ask). */
function recentMonthsOf(tx: DbOrTx): RecentMonths {
  const seen = new Map<number, Promise<SQL | null>>();
  return (window) => {
    let months = seen.get(window);
    if (!months) {
      months = (async () => {
        const w = await tx.execute<{ cut: string | null; top: string | null }>(sql`
          SELECT (SELECT published_at FROM disclosure_search ORDER BY published_at DESC NULLS LAST OFFSET ${window} LIMIT 1) AS cut,
                 (SELECT max(published_at) FROM disclosure_search) AS top`);
        const { cut, top } = w.rows[0] ?? {};
        return cut && top ? sql`s.grams && ${intArray(monthCodes(new Date(cut), new Date(top)))}` : null;
      })();
      seen.set(window, months);
    }
    return months;
  };
}

/**
 * Whether the matches are known to be over countCap without counting them all. Counting reads the whole posting
 * list of every query bigram (a word in every item: 54 ms at a million items, growing with the corpus), while the
 * same count among the recent[1] most recent items is a GIN scan driven by their month marks (≈ 9 ms): reaching the
 * cap there proves the total is over it. Tried only when the planner's estimate says the cap is likely passed.
 */
async function overCapByRecent(tx: DbOrTx, r: RankInput, recentMonths: RecentMonths): Promise<boolean> {
  const { where, limits } = r;
  const plan = await tx.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM disclosure_search s WHERE ${where}`,
  );
  const estimate = plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
  if (estimate <= 5 * limits.countCap) return false;
  const months = await recentMonths(limits.recent[1]);
  if (!months) return false;
  const c = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM disclosure_search s WHERE ${where} AND ${months} LIMIT ${limits.countCap + 1}) x`,
  );
  return (c.rows[0]?.n ?? 0) > limits.countCap;
}

/** The rows in the index, from the planner's statistics (0 when not yet known). */
async function indexedRows(tx: DbOrTx): Promise<number> {
  const r = await tx.execute<{ n: number }>(
    sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'disclosure_search'::regclass`,
  );
  return Math.max(0, Number(r.rows[0]?.n ?? 0));
}

/**
 * Over countCap matches: the `candidates` most recent, looked for in recent months first. `share` is the part of the
 * items known to match at least: a window it says holds fewer than `candidates` matches is not tried (two words at a
 * million items: over 10,000 matches, at least 1 %, would hold 50 among the 5,000 most recent: its 50,000 are asked
 * at once).
 * Skipping a window only costs time, never a candidate: the last resort is all matches.
 */
async function rankCandidates(
  tx: DbOrTx,
  r: RankInput,
  recentMonths: RecentMonths,
  share: number,
): Promise<Ranked[]> {
  const run = async (extra: SQL) =>
    (
      await tx.execute<Ranked & { candidates: number }>(sql`
    WITH c AS (SELECT s.item_id, s.published_at, s.words FROM disclosure_search s WHERE ${r.where} ${extra}
               ORDER BY s.published_at DESC LIMIT ${r.limits.candidates})
    SELECT item_id, count(*) OVER ()::int AS candidates, ${rankOf(r)} AS rank
    FROM c ORDER BY rank DESC, published_at DESC LIMIT ${r.pageSize} OFFSET ${r.offset}`)
    ).rows;
  for (const window of r.limits.recent) {
    if (share * window < r.limits.candidates) continue;
    const months = await recentMonths(window);
    if (!months) break;
    const rows = await run(sql`AND ${months}`);
    if ((rows[0]?.candidates ?? 0) >= r.limits.candidates) return rows;
  }
  return run(sql``);
}

const noFacets = (): SearchResult['facets'] => ({ units: [], years: [], kinds: [], columns: [] });

/**
 * Ranking [I]: ts_rank of the query's jieba words (OR) with weights {D 0.1, C 0.2, B 0.4, A 1.0} (a title hit
 * counts 2.5× a body hit), divided by (1 + age in years), over the `candidates` most recent matches.
 */
export async function searchItems(
  database: Database,
  districtName: string,
  q: string,
  f: SearchFilters,
  now: Date,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<SearchResult> {
  const t0 = performance.now();
  await loadUnitWords(database.db);
  const query = q.trim().slice(0, 100);
  const grams = queryGrams(query);
  const tokens = queryTokens(query);
  // Highlighting: the words as typed, and jieba's words within them.
  const terms = [...new Set([...queryWords(query).filter((w) => w.length >= 2), ...tokens])];
  const empty = {
    total: 0,
    totalIsLowerBound: false,
    hits: [],
    tokens: terms,
    suggestions: [],
    fewerWords: [],
    facets: noFacets(),
    facetsOmitted: false,
  };
  if (grams.length === 0) return { ...empty, tookMs: 0 };
  const where = matchWhere(grams, f);
  const pageSize = f.pageSize ?? 10;
  const offset = ((f.page ?? 1) - 1) * pageSize;
  const tsq = sql`replace(plainto_tsquery('simple', ${tokens.join(' ')})::text, '&', '|')::tsquery`;
  const unitIndex = query.length >= 3 ? await loadUnitIndex(database.db, districtName) : null;
  const found = await viaIndex(database, async (tx) => {
    const r = { where, limits, tsq, now, pageSize, offset };
    const cap = limits.countCap;
    const recentMonths = recentMonthsOf(tx);
    // Over the cap: the number shown is a lower bound, the facets are left out (they would describe an arbitrary
    // part of the matches) and the candidates come from recent months.
    const overCap = await overCapByRecent(tx, r, recentMonths);
    const first = overCap ? { n: cap + 1, ranked: [], facets: [] } : await countRankFacets(tx, r);
    const { n } = first;
    let ranked = first.ranked;
    if (n > cap) {
      // At least cap + 1 of all items match, or of the recent[1] most recent ones when overCapByRecent said so.
      const items = overCap ? limits.recent[1] : await indexedRows(tx);
      ranked = await rankCandidates(tx, r, recentMonths, items > 0 ? n / items : 1);
    }
    const grouped = first.facets;
    // Help that is checked to lead somewhere: corrected unit names, and fewer words when nothing was found.
    const suggestions = await unitSuggestions(tx, unitIndex, query, f);
    const fewer = n === 0 ? await fewerWords(tx, query, f) : [];
    return { grouped, n, ranked, suggestions, fewer };
  });
  const { n, ranked, suggestions, fewer } = found;
  const details = ranked.length
    ? await database.db.execute<{
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
      }>(sql`
    SELECT i.id, i.title, left(i.body_text, 20000) AS body_text, i.summary, ${unitNameSql(sql`i.unit_id`)} AS unit_name,
           c.name AS column_name, i.publish_date, i.index_no, i.kind, i.validity
    FROM disclosure_items i LEFT JOIN disclosure_columns c ON c.id = i.column_id
    WHERE i.id IN (${sql.join(
      ranked.map((r) => sql`${r.item_id}::uuid`),
      sql`, `,
    )})`)
    : { rows: [] };
  const byId = new Map(details.rows.map((r) => [r.id, r]));
  const facets = found.grouped.length === 0 ? noFacets() : facetsOf(found.grouped);
  return {
    ...empty,
    total: Math.min(n, limits.countCap),
    totalIsLowerBound: n > limits.countCap,
    suggestions,
    fewerWords: fewer,
    facets,
    facetsOmitted: n > limits.countCap,
    tookMs: Math.round(performance.now() - t0),
    hits: ranked.flatMap(({ item_id, rank }) => {
      const r = byId.get(item_id);
      if (!r) return [];
      return [
        {
          id: r.id,
          title: r.title,
          titleHtml: highlight(r.title, terms),
          // A summary that merely repeats the body's opening is not shown twice.
          snippet: snippet(
            r.summary && !r.body_text.startsWith(r.summary.trim())
              ? `${r.summary} ${r.body_text}`
              : r.body_text,
            terms,
          ),
          unitName: r.unit_name,
          columnName: r.column_name,
          publishDate: r.publish_date,
          indexNo: r.index_no,
          kind: r.kind,
          validity: r.validity,
          rank: Number(rank),
        },
      ];
    }),
  };
}
