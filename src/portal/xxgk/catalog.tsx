/** @jsxImportSource hono/jsx */
// The catalogs: the district government's four standard columns (/xxgk/zn …), every unit's catalog, and a
// column's page with its sub-columns and published items.
import type { Context, Hono } from 'hono';
import { ART20_CATEGORIES } from '../../domain/disclosure/catalog';
import {
  catalogUnits,
  listColumns,
  columnPage as readColumnPage,
  standardColumnId,
} from '../../server/modules/disclosure';
import { rootUnit } from '../../server/modules/org';
import { publishedReports } from '../../server/modules/reports';
import type { AppEnv, Platform } from '../../server/platform/context';
import { type Crumb, XXGK_COLUMNS } from '../layout';
import { ITEM_ID, ItemList, navUnit, Pager, pageOf, unitCrumbs, type View, xxgk } from './view';

const PAGE_SIZE = 20;
const UNIT_KIND_LABELS = {
  government: '区人民政府',
  department: '区政府部门',
  township: '镇（街道）',
} as const;

export function xxgkCatalog(app: Hono<AppEnv>, p: Platform, v: View): void {
  const db = p.database.db;

  /** One of the four standard columns of a unit's catalog (created on first visit). */
  async function standardColumn(c: Context<AppEnv>, unitId: string, slug: string) {
    const id = await standardColumnId(p.database, unitId, slug);
    return id ? columnPage(c, id, slug) : v.notFound(c);
  }

  async function columnPage(c: Context<AppEnv>, columnId: string, navSlug?: string) {
    const page = pageOf(c);
    const data = await readColumnPage(p.database, columnId, page, PAGE_SIZE);
    if (!data) return v.notFound(c);
    const { col, chain, kids, total, rows } = data;
    const unit = await v.unitRef(data.unitId);
    const top = chain[0]!;
    const slug = navSlug ?? XXGK_COLUMNS.find((s) => s.slug === top.code)?.slug;
    // A unit's 年报 column also lists its published annual reports (the reports module's pages).
    const reports =
      top.code === 'nb' && chain.length === 1
        ? (await publishedReports(db)).filter((r) => r.unitId === data.unitId)
        : [];
    const crumbs: Crumb[] = [
      ...unitCrumbs(unit),
      ...chain.map((x, i) =>
        i === chain.length - 1 ? { label: x.name } : { label: x.name, href: `/xxgk/column/${x.id}` },
      ),
    ];
    const art20 = ART20_CATEGORIES.find((a) => a.code === col.code);
    const other = unit && !unit.root;
    return v.send(
      c,
      other ? `${unit.name} ${col.name}` : col.name,
      crumbs,
      <>
        <h1>{col.name}</h1>
        {other && <p>发布机构：{unit.name}</p>}
        {art20 && <p>《政府信息公开条例》第二十条第{art20.no}项</p>}
        {col.code?.startsWith('art21') && <p>《政府信息公开条例》第二十一条</p>}
        {kids.length > 0 && (
          <nav aria-label="下级栏目">
            <ul class="subcols">
              {kids.map((k) => (
                <li>
                  <a href={`/xxgk/column/${k.id}`}>{k.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {top.code === 'fdzdgknr' && chain.length === 1 && (
          <p>
            <a href={other ? `/xxgk/gfxwj?unit=${unit.id}` : '/xxgk/gfxwj'}>行政规范性文件统一查询</a>
          </p>
        )}
        {top.code === 'fdzdgknr' && chain.length === 1 && !other && (
          <p>
            <a href="/xxgk/wzjc">政府网站和政务新媒体检查通报</a>
          </p>
        )}
        {top.code === 'fdzdgknr' && chain.length === 1 && !other && (
          <p>
            <a href="/xxgk/wzndbb">政府网站工作年度报表</a>
          </p>
        )}
        {top.code === 'zn' && chain.length === 1 && (
          <p>
            <a href={other ? `/xxgk/guide?unit=${unit.id}` : '/xxgk/guide'}>
              {other ? '查看本单位政府信息公开指南' : '查看本级政府信息公开指南'}
            </a>
          </p>
        )}
        {reports.length > 0 && (
          <>
            <h2>年度报告</h2>
            <ul class="list">
              {reports.map((r) => (
                <li>
                  <a href={`/xxgk/nb/${r.id}`}>{`${r.unitName}${r.year}年政府信息公开工作年度报告`}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2>信息列表（共 {total} 条）</h2>
        <ItemList rows={rows} />
        <Pager page={page} total={total} size={PAGE_SIZE} base={`/xxgk/column/${col.id}?`} />
      </>,
      { nav: slug, lastModified: rows[0]?.publishedAt ?? null, unit: navUnit(unit) },
    );
  }

  // The district government's four standard columns (replacing the foundation's placeholders); /xxgk/nb is the
  // reports module's (annual reports), registered first.
  for (const s of XXGK_COLUMNS) {
    app.get(`/xxgk/${s.slug}`, async (c) => {
      const root = await rootUnit(db);
      return root ? standardColumn(c, root.id, s.slug) : v.notFound(c);
    });
  }

  // ---- every unit's catalog ----
  app.get('/xxgk/units', async (c) => {
    const { units, lastModified } = await catalogUnits(p.database);
    return v.send(
      c,
      '部门和镇街信息公开',
      [xxgk, { label: '部门和镇街信息公开' }],
      <>
        <h1>部门和镇街信息公开</h1>
        <p>各单位分别编制政府信息公开目录，设政府信息公开指南、制度、法定主动公开内容和年报四个栏目。</p>
        {(['government', 'department', 'township'] as const).map((kind) => {
          const list = units.filter((r) => r.kind === kind);
          return (
            list.length > 0 && (
              <section>
                <h2>{UNIT_KIND_LABELS[kind]}</h2>
                <ul class="subcols">
                  {list.map((u) => (
                    <li>
                      <a href={kind === 'government' ? '/xxgk' : `/xxgk/unit/${u.id}`}>
                        {u.name}
                        {u.items > 0 ? `（${u.items}）` : ''}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            )
          );
        })}
      </>,
      { nav: 'units', lastModified },
    );
  });

  /** A unit's catalog on one page: its four columns with their sub-columns. */
  app.get('/xxgk/unit/:unitId', async (c) => {
    const unitId = c.req.param('unitId');
    if (!ITEM_ID.test(unitId)) return v.notFound(c);
    const unit = await v.unitRef(unitId);
    if (!unit) return v.notFound(c);
    if (unit.root) return c.redirect('/xxgk', 301);
    const cols = await listColumns(p.database, unitId);
    return v.send(
      c,
      `${unit.name}信息公开目录`,
      [xxgk, { label: '部门和镇街信息公开', href: '/xxgk/units' }, { label: unit.name }],
      <>
        <h1>{unit.name}信息公开目录</h1>
        {cols
          .filter((x) => !x.parentId)
          .map((top) => {
            const kids = cols.filter((k) => k.parentId === top.id);
            return (
              <section>
                <h2>
                  <a href={`/xxgk/column/${top.id}`}>{top.name}</a>
                </h2>
                {kids.length > 0 && (
                  <ul class="subcols">
                    {kids.map((k) => (
                      <li>
                        <a href={`/xxgk/column/${k.id}`}>
                          {k.name}
                          {k.itemCount > 0 ? `（${k.itemCount}）` : ''}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        <p>
          <a href={`/xxgk/guide?unit=${unit.id}`}>本单位政府信息公开指南</a>
        </p>
      </>,
      { unit },
    );
  });

  for (const s of XXGK_COLUMNS)
    app.get(`/xxgk/unit/:unitId/${s.slug}`, async (c) => {
      const unitId = c.req.param('unitId');
      if (!ITEM_ID.test(unitId) || !(await v.unitRef(unitId))) return v.notFound(c);
      return standardColumn(c, unitId, s.slug);
    });

  app.get('/xxgk/column/:id', (c) => {
    const id = c.req.param('id');
    return ITEM_ID.test(id) ? columnPage(c, id) : v.notFound(c);
  });
}
