/** @jsxImportSource hono/jsx */
// Full-text search of published items, with filters (year, unit, standard column, validity) and "did you mean".
import type { Hono } from 'hono';
import { raw } from 'hono/html';
import type { SearchResult } from '../../contracts/disclosure';
import { STANDARD_CODES } from '../../domain/disclosure/catalog';
import { type ItemKind, VALIDITY_LABELS, type Validity } from '../../domain/disclosure/rules';
import { publishingUnits, searchItems } from '../../server/modules/disclosure';
import type { AppEnv, Platform } from '../../server/platform/context';
import { VALIDITY_OPTIONS } from './normative';
import { Choice, ITEM_ID, Pager, pageOf, type View, xxgk } from './view';

// Columns by their standard code, so one choice covers the same column in every unit's catalog.
const COLUMN_OPTIONS = STANDARD_CODES.map((x) => ({
  value: x.code,
  label: x.name.includes(' › ') ? `　${x.name.split(' › ')[1]}` : x.name,
}));

export function xxgkSearch(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const year = Number(c.req.query('year') ?? '') || undefined;
    const validity = c.req.query('validity');
    const unitId = c.req.query('unit');
    const columnId = c.req.query('column');
    const kind = c.req.query('kind');
    const page = pageOf(c);
    // Filter choices: units that have published something, and the catalog down to its second level.
    const unitOpts = await publishingUnits(p.database.db);
    const filters: Record<string, string> = {
      ...(year ? { year: String(year) } : {}),
      ...(unitId && ITEM_ID.test(unitId) ? { unit: unitId } : {}),
      ...(columnId && (ITEM_ID.test(columnId) || STANDARD_CODES.some((x) => x.code === columnId))
        ? { column: columnId }
        : {}),
      ...(validity === 'in_force' || validity === 'expired' || validity === 'repealed' ? { validity } : {}),
      ...(kind === 'general' || kind === 'normative' || kind === 'interpretation' ? { kind } : {}),
    };
    const result = q
      ? await searchItems(
          p.database,
          p.config.districtName,
          q,
          {
            ...(year ? { year } : {}),
            ...(filters.validity ? { validity: filters.validity as Validity } : {}),
            ...(filters.kind ? { kind: filters.kind as ItemKind } : {}),
            ...(filters.unit ? { unitId: filters.unit } : {}),
            ...(filters.column
              ? ITEM_ID.test(filters.column)
                ? { columnId: filters.column }
                : { columnCode: filters.column }
              : {}),
            page,
          },
          p.clock.now(),
        )
      : null;
    const qs = (extra: Record<string, string>) =>
      `/xxgk/search?${new URLSearchParams({ q, ...filters, ...extra }).toString()}`;
    return v.send(
      c,
      q ? `检索：${q}` : '信息检索',
      [xxgk, { label: '信息检索' }],
      <>
        <h1>政府信息检索</h1>
        <form class="search-form" method="get" action="/xxgk/search">
          <label>
            检索词
            <input name="q" value={q} type="search" />
          </label>
          <label>
            年份
            <input name="year" inputmode="numeric" size={6} value={year ? String(year) : ''} />
          </label>
          <Choice
            label="单位"
            name="unit"
            value={filters.unit}
            options={unitOpts.map((u) => ({ value: u.id, label: u.name }))}
          />
          <Choice label="栏目" name="column" value={filters.column} options={COLUMN_OPTIONS} />
          <Choice
            label="效力（规范性文件）"
            name="validity"
            value={filters.validity}
            options={VALIDITY_OPTIONS}
          />
          <button type="submit">检索</button>
        </form>
        {result && result.suggestions.length > 0 && (
          <p class="notice">
            您是不是要找：
            {result.suggestions.map((s) => (
              <a href={qs({ q: s })}>{s}</a>
            ))}
          </p>
        )}
        {result && result.total === 0 && (
          <NoResults q={q} fewer={result.fewerWords} href={(x) => qs({ q: x })} />
        )}
        {result?.facetsOmitted && (
          <p class="notice">结果很多：可以增加检索词，或用上面的年份、单位、栏目缩小范围。</p>
        )}
        {result && result.total > 0 && (
          <Facets result={result} filters={filters} href={(extra) => qs(extra)} />
        )}
        {result && result.total > 0 && (
          <>
            <p>
              找到 {result.total}
              {result.totalIsLowerBound ? '+' : ''} 条结果（用时 {result.tookMs} 毫秒）
            </p>
            {result.hits.map((h) => (
              <div class="hit">
                <h2>
                  <a href={`/xxgk/info/${h.id}`}>{raw(h.titleHtml)}</a>
                </h2>
                <p>{raw(h.snippet)}</p>
                <p class="src">
                  {h.unitName}
                  {h.columnName ? ` · ${h.columnName}` : ''} · {h.publishDate ?? ''}
                  {h.validity ? ` · ${VALIDITY_LABELS[h.validity as Validity]}` : ''}
                </p>
              </div>
            ))}
            <Pager page={page} total={result.total} size={10} base={`${qs({})}&`} />
          </>
        )}
      </>,
      { q },
    );
  });
}

/** An empty result still helps: fewer words that do find something, the catalog, and where to ask. */
function NoResults(props: { q: string; fewer: string[]; href: (q: string) => string }) {
  return (
    <div class="notice" role="status">
      <p>没有找到包含“{props.q}”的已公开信息。您可以：</p>
      <ul>
        {props.fewer.length > 0 && (
          <li>
            减少或拆分检索词：
            {props.fewer.map((x) => (
              <a href={props.href(x)}>{x}</a>
            ))}
          </li>
        )}
        <li>检查检索词是否有错别字，或换一个说法（如“低保”与“最低生活保障”）；</li>
        <li>
          按栏目浏览<a href="/xxgk">政府信息公开目录</a>；
        </li>
        <li>
          仍未找到所需信息的，可以<a href="/ysqgk">提出政府信息公开申请</a>。
        </li>
      </ul>
    </div>
  );
}

const FACET_GROUPS = [
  ['units', 'unit', '单位'],
  ['columns', 'column', '栏目'],
  ['years', 'year', '年份'],
  ['kinds', 'kind', '类别'],
] as const;

/** Counts per unit, column, year and kind; each links to the results narrowed to it. */
function Facets(props: {
  result: SearchResult;
  filters: Record<string, string>;
  href: (extra: Record<string, string>) => string;
}) {
  return (
    <nav class="facets" aria-label="按分类筛选检索结果">
      {FACET_GROUPS.map(([key, param, label]) => {
        const list = props.result.facets[key];
        if (list.length === 0) return null;
        return (
          <div>
            <h2>{label}</h2>
            <ul>
              {list.slice(0, 12).map((f) => (
                <li>
                  {props.filters[param] === f.value ? (
                    <span aria-current="true">{f.label}</span>
                  ) : (
                    <a href={props.href({ [param]: f.value })}>{f.label}</a>
                  )}{' '}
                  <span class="count">({f.count})</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
