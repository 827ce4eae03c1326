/** @jsxImportSource hono/jsx */
// Full-text search of published items, with filters (year, unit, standard column, validity) and "did you mean".
import type { Hono } from 'hono';
import { raw } from 'hono/html';
import { STANDARD_CODES } from '../../domain/disclosure/catalog';
import { VALIDITY_LABELS, type Validity } from '../../domain/disclosure/rules';
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
    };
    const result = q
      ? await searchItems(
          p.database,
          p.config.districtName,
          q,
          {
            ...(year ? { year } : {}),
            ...(filters.validity ? { validity: filters.validity as Validity } : {}),
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
        {result && (
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
