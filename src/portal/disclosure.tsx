/** @jsxImportSource hono/jsx */
// Public 政府信息公开 pages (issue 5 part 7): catalog navigation, item pages with metadata and attachments, the
// normative-document query, the 指南, search. Server-rendered, no JavaScript; cacheable (ETag/Last-Modified);
// withdrawn items answer 410 with a plain explanation; 适老化 large-font and high-contrast modes by cookie.
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { chinaDate } from '../domain/calendar';
import { ART20_CATEGORIES, columnChain, STANDARD_CODES } from '../domain/disclosure/catalog';
import {
  INTERPRETATION_FORM_LABELS,
  type InterpretationForm,
  VALIDITY_LABELS,
  type Validity,
  validityOn,
} from '../domain/disclosure/rules';
import {
  disclosureAttachments,
  disclosureColumns,
  disclosureItems,
  disclosureUnitSettings,
  units,
} from '../server/db/schema';
import { ensureUnitCatalog, listColumns, rootUnitId } from '../server/modules/disclosure/catalog.service';
import { attachmentFile } from '../server/modules/disclosure/items.service';
import { searchItems } from '../server/modules/disclosure/search.service';
import { publishedReports } from '../server/modules/reports/reports.service';
import type { AppEnv, Platform } from '../server/platform/context';
import { AppError } from '../server/platform/errors';
import { sameSitePath } from '../server/platform/http/guard';
import { attachment } from '../server/platform/http/upload';
import { type Crumb, Layout, XXGK_COLUMNS, XxgkNav } from './layout';

const EXTRA_CSS = `
.meta th{width:8em;background:#f1f3f6;font-weight:600}
.meta{margin:12px 0 20px}
.item-body{font-size:1.05rem;line-height:1.9}
.item-body li p,.item-body td p,.item-body th p{margin:0}
.item-body table{margin:12px 0}
.list{list-style:none;padding:0;margin:0}
.list li{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;padding:10px 0;border-bottom:1px dashed #c9ced6}
.list .date{color:#444;white-space:nowrap}
.subcols{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.subcols a{display:inline-block;padding:4px 10px;border:1px solid #c9ced6;border-radius:4px;text-decoration:none}
.search-form{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:12px 0}
.search-form label{display:flex;flex-direction:column;font-size:.95rem}
.search-form input,.search-form select,.search-form button{font-size:1rem;padding:6px 8px;min-height:40px}
.search-form button{background:#0b4f9c;color:#fff;border:0;border-radius:4px;padding:6px 18px}
mark{background:#ffe58f;color:#1a1a1a}
.hit{padding:12px 0;border-bottom:1px solid #e3e6ea}
.hit h2{font-size:1.1rem;margin:0 0 4px}
.hit .src{color:#444;font-size:.9rem}
.a11y{display:flex;gap:12px;justify-content:flex-end;font-size:.95rem;margin:8px 0}
.badge{display:inline-block;padding:0 8px;border-radius:10px;background:#e6f4ea;color:#14532d;font-size:.85rem}
.badge.off{background:#fde8e8;color:#7f1d1d}
.pager{display:flex;gap:12px;margin:16px 0}
@media(max-width:600px){.meta th{width:6em}.list li{flex-direction:column}}
`;
const LARGE_CSS = 'html{font-size:22px}';
const CONTRAST_CSS =
  'body,main,.card,.xxgk-nav li a{background:#000 !important;color:#fff !important}a{color:#ffeb3b !important}th,td{border-color:#fff !important}.meta th{background:#222 !important}mark{background:#ffeb3b;color:#000}.notice{background:#000;color:#fff}';

type Mode = 'large' | 'contrast';

function modes(c: Context<AppEnv>): Mode[] {
  const v = getCookie(c, 'gk_a11y') ?? '';
  return v.split(',').filter((m): m is Mode => m === 'large' || m === 'contrast');
}

const ITEM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function disclosurePortal(app: Hono<AppEnv>, p: Platform): void {
  const db = p.database.db;
  const district = async (): Promise<string> => {
    const r = await db
      .select({ name: units.name })
      .from(units)
      .where(sql`${units.parentId} IS NULL`)
      .orderBy(asc(units.sort))
      .limit(1);
    return r[0]?.name.replace(/人民政府$/, '') || p.config.districtName;
  };

  /** Renders, then answers 304 when the ETag matches; Last-Modified when known. */
  async function send(
    c: Context<AppEnv>,
    title: string,
    crumbs: Crumb[],
    body: Child,
    opts: {
      status?: number;
      lastModified?: Date | null;
      nav?: string;
      /** A unit other than the district government: the side navigation shows its catalog. */
      unit?: { id: string; name: string } | null;
    } = {},
  ): Promise<Response> {
    const m = modes(c);
    const back = c.req.path + (new URL(c.req.url).search || '');
    const doc = (
      <Layout title={title} district={await district()} crumbs={crumbs}>
        <link rel="stylesheet" href="/static/disclosure.css" />
        {m.includes('large') && <style>{raw(LARGE_CSS)}</style>}
        {m.includes('contrast') && <style>{raw(CONTRAST_CSS)}</style>}
        <p class="a11y">
          <a href={`/xxgk/a11y?mode=large&back=${encodeURIComponent(back)}`}>
            {m.includes('large') ? '标准字号' : '大字模式'}
          </a>
          <a href={`/xxgk/a11y?mode=contrast&back=${encodeURIComponent(back)}`}>
            {m.includes('contrast') ? '标准配色' : '高对比度'}
          </a>
        </p>
        <div class="two-col">
          <XxgkNav current={opts.nav} unit={opts.unit ?? undefined} />
          <section>{body}</section>
        </div>
      </Layout>
    );
    const html = `<!DOCTYPE html>${await (doc as unknown as { toString(): string | Promise<string> }).toString()}`;
    const etag = `W/"${createHash('sha1').update(html).digest('base64url').slice(0, 27)}"`;
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=UTF-8',
      ETag: etag,
      'Cache-Control': 'public, max-age=60',
      Vary: 'Cookie',
    };
    if (opts.lastModified) headers['Last-Modified'] = opts.lastModified.toUTCString();
    const status = opts.status ?? 200;
    if (status === 200) {
      const inm = c.req.header('If-None-Match');
      const ims = c.req.header('If-Modified-Since');
      if (
        inm?.split(/\s*,\s*/).includes(etag) ||
        (!inm &&
          ims &&
          opts.lastModified &&
          Math.floor(opts.lastModified.getTime() / 1000) <= Date.parse(ims) / 1000)
      )
        return new Response(null, { status: 304, headers });
    }
    return new Response(html, { status, headers });
  }

  const xxgk: Crumb = { label: '政府信息公开', href: '/xxgk' };

  app.get('/static/disclosure.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(EXTRA_CSS);
  });

  app.get('/xxgk/a11y', (c) => {
    const mode = c.req.query('mode');
    const cur = modes(c);
    const next =
      mode === 'large' || mode === 'contrast'
        ? cur.includes(mode)
          ? cur.filter((x) => x !== mode)
          : [...cur, mode]
        : cur;
    setCookie(c, 'gk_a11y', next.join(','), { path: '/', maxAge: 365 * 86400, sameSite: 'Lax' });
    // Only same-site relative paths: no open redirect.
    return c.redirect(sameSitePath(c.req.query('back'), '/xxgk'), 303);
  });

  // ---- item list helpers ----
  type Row = { id: string; title: string; publishDate: string | null; indexNo: string; summary: string };
  function ItemList(props: { rows: Row[] }) {
    if (props.rows.length === 0) return <p class="notice">本栏目暂无已发布的信息。</p>;
    return (
      <ul class="list">
        {props.rows.map((r) => (
          <li>
            <a href={`/xxgk/info/${r.id}`}>{r.title}</a>
            <span class="date">{r.publishDate ?? ''}</span>
          </li>
        ))}
      </ul>
    );
  }

  type UnitRef = { id: string; name: string; root: boolean };
  async function unitRef(unitId: string): Promise<UnitRef | null> {
    const [u] = await db
      .select({ id: units.id, name: units.name, parentId: units.parentId })
      .from(units)
      .where(eq(units.id, unitId));
    if (!u) return null;
    return { id: u.id, name: u.name, root: u.id === (await rootUnitId(db)) };
  }
  /** Crumbs down to a unit's catalog: the district government's is 政府信息公开 itself. */
  const unitCrumbs = (u: UnitRef | null): Crumb[] =>
    u && !u.root ? [xxgk, { label: u.name, href: `/xxgk/unit/${u.id}` }] : [xxgk];

  /** One of the four standard columns of a unit's catalog (created on first visit). */
  async function standardColumn(c: Context<AppEnv>, unitId: string, slug: string) {
    await db.transaction((tx) => ensureUnitCatalog(tx, unitId));
    const [col] = await db
      .select({ id: disclosureColumns.id })
      .from(disclosureColumns)
      .where(
        and(
          eq(disclosureColumns.unitId, unitId),
          eq(disclosureColumns.code, slug),
          sql`${disclosureColumns.parentId} IS NULL`,
        ),
      );
    return col ? columnPage(c, col.id, slug) : notFoundPage(c);
  }

  async function columnPage(c: Context<AppEnv>, columnId: string, navSlug?: string) {
    const [one] = await db
      .select({ unitId: disclosureColumns.unitId })
      .from(disclosureColumns)
      .where(eq(disclosureColumns.id, columnId));
    if (!one) return notFoundPage(c);
    const unit = await unitRef(one.unitId);
    const cols = await db
      .select()
      .from(disclosureColumns)
      .where(eq(disclosureColumns.unitId, one.unitId))
      .orderBy(asc(disclosureColumns.sort), asc(disclosureColumns.name));
    const col = cols.find((x) => x.id === columnId)!;
    const chain = columnChain(cols, col.id);
    const top = chain[0]!;
    const slug = navSlug ?? XXGK_COLUMNS.find((s) => s.slug === top.code)?.slug;
    const subtree = new Set([col.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const x of cols)
        if (x.parentId && subtree.has(x.parentId) && !subtree.has(x.id)) {
          subtree.add(x.id);
          grew = true;
        }
    }
    const page = Math.max(1, Number(c.req.query('page') ?? 1) || 1);
    const where = and(
      eq(disclosureItems.status, 'published'),
      inArray(disclosureItems.columnId, [...subtree]),
    );
    const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(disclosureItems).where(where);
    const rows = await db
      .select({
        id: disclosureItems.id,
        title: disclosureItems.title,
        publishDate: disclosureItems.publishDate,
        indexNo: disclosureItems.indexNo,
        summary: disclosureItems.summary,
        publishedAt: disclosureItems.publishedAt,
      })
      .from(disclosureItems)
      .where(where)
      .orderBy(desc(disclosureItems.publishDate), desc(disclosureItems.publishedAt))
      .limit(20)
      .offset((page - 1) * 20);
    const kids = cols.filter((x) => x.parentId === col.id);
    // A unit's 年报 column also lists its published annual reports (the reports module's pages).
    const reports =
      top.code === 'nb' && chain.length === 1
        ? (await publishedReports(db)).filter((r) => r.unitId === one.unitId)
        : [];
    const crumbs: Crumb[] = [
      ...unitCrumbs(unit),
      ...chain.map((x, i) =>
        i === chain.length - 1 ? { label: x.name } : { label: x.name, href: `/xxgk/column/${x.id}` },
      ),
    ];
    const art20 = ART20_CATEGORIES.find((a) => a.code === col.code);
    return send(
      c,
      unit && !unit.root ? `${unit.name} ${col.name}` : col.name,
      crumbs,
      <>
        <h1>{col.name}</h1>
        {unit && !unit.root && <p>发布机构：{unit.name}</p>}
        {art20 && <p>《政府信息公开条例》第二十条第{art20.no}项</p>}
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
            <a href={unit && !unit.root ? `/xxgk/gfxwj?unit=${unit.id}` : '/xxgk/gfxwj'}>
              行政规范性文件统一查询
            </a>
          </p>
        )}
        {top.code === 'zn' && chain.length === 1 && (
          <p>
            <a href={unit && !unit.root ? `/xxgk/guide?unit=${unit.id}` : '/xxgk/guide'}>
              {unit && !unit.root ? '查看本单位政府信息公开指南' : '查看本级政府信息公开指南'}
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
        <h2>信息列表（共 {n} 条）</h2>
        <ItemList rows={rows} />
        <Pager page={page} total={n} size={20} base={`/xxgk/column/${col.id}?`} />
      </>,
      { nav: slug, lastModified: rows[0]?.publishedAt ?? null, unit: unit && !unit.root ? unit : null },
    );
  }

  function Pager(props: { page: number; total: number; size: number; base: string }) {
    const last = Math.max(1, Math.ceil(props.total / props.size));
    if (last === 1) return null;
    return (
      <nav class="pager" aria-label="分页">
        {props.page > 1 && <a href={`${props.base}page=${props.page - 1}`}>上一页</a>}
        <span>
          第 {props.page} / {last} 页
        </span>
        {props.page < last && <a href={`${props.base}page=${props.page + 1}`}>下一页</a>}
      </nav>
    );
  }

  function notFoundPage(c: Context<AppEnv>) {
    return send(
      c,
      '页面不存在',
      [xxgk, { label: '页面不存在' }],
      <>
        <h1>页面不存在</h1>
        <p>您访问的信息不存在或尚未发布。</p>
      </>,
      { status: 404 },
    );
  }

  // The district government's four standard columns (replacing the foundation's placeholders); /xxgk/nb is the
  // reports module's (annual reports), registered first.
  for (const s of XXGK_COLUMNS) {
    app.get(`/xxgk/${s.slug}`, async (c) => {
      const root = await rootUnitId(db);
      return root ? standardColumn(c, root, s.slug) : notFoundPage(c);
    });
  }

  // ---- every unit's catalog ----
  const UNIT_KIND_LABELS = {
    government: '区人民政府',
    department: '区政府部门',
    township: '镇（街道）',
  } as const;
  app.get('/xxgk/units', async (c) => {
    const rows = await db
      .select({
        id: units.id,
        name: units.name,
        kind: units.kind,
        items: sql<number>`(SELECT count(*)::int FROM disclosure_items i WHERE i.unit_id = units.id AND i.status = 'published')`,
      })
      .from(units)
      .where(inArray(units.kind, ['government', 'department', 'township']))
      .orderBy(asc(units.sort), asc(units.name));
    const latest = await db
      .select({ at: sql<Date | null>`max(${disclosureItems.publishedAt})` })
      .from(disclosureItems)
      .where(eq(disclosureItems.status, 'published'));
    return send(
      c,
      '部门和镇街信息公开',
      [xxgk, { label: '部门和镇街信息公开' }],
      <>
        <h1>部门和镇街信息公开</h1>
        <p>各单位分别编制政府信息公开目录，设政府信息公开指南、制度、法定主动公开内容和年报四个栏目。</p>
        {(['government', 'department', 'township'] as const).map((kind) => {
          const list = rows.filter((r) => r.kind === kind);
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
      { nav: 'units', lastModified: latest[0]?.at ? new Date(latest[0].at) : null },
    );
  });

  /** A unit's catalog on one page: its four columns with their sub-columns. */
  app.get('/xxgk/unit/:unitId', async (c) => {
    const unitId = c.req.param('unitId');
    if (!ITEM_ID.test(unitId)) return notFoundPage(c);
    const unit = await unitRef(unitId);
    if (!unit) return notFoundPage(c);
    if (unit.root) return c.redirect('/xxgk', 301);
    const cols = await listColumns(p.database, unitId);
    return send(
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
      if (!ITEM_ID.test(unitId) || !(await unitRef(unitId))) return notFoundPage(c);
      return standardColumn(c, unitId, s.slug);
    });

  app.get('/xxgk/column/:id', (c) => {
    const id = c.req.param('id');
    return ITEM_ID.test(id) ? columnPage(c, id) : notFoundPage(c);
  });

  // ---- item page ----
  app.get('/xxgk/info/:id', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) return notFoundPage(c);
    const [item] = await db.select().from(disclosureItems).where(eq(disclosureItems.id, id));
    if (!item || !['published', 'withdrawn', 'superseded'].includes(item.status)) return notFoundPage(c);
    if (item.status === 'withdrawn')
      return send(
        c,
        '信息已撤回',
        [xxgk, { label: '信息已撤回' }],
        <>
          <h1>该信息已撤回</h1>
          <p>
            您访问的「{item.title}」已于 {item.withdrawnAt ? chinaDate(item.withdrawnAt) : ''}{' '}
            由发布机关撤回，不再公开。
          </p>
          {item.withdrawReason && <p>撤回说明：{item.withdrawReason}</p>}
          <p>
            如需了解相关情况，可<a href="/xxgk/zn">查阅政府信息公开指南</a>或依申请公开。
          </p>
        </>,
        { status: 410 },
      );
    let newer: { id: string } | undefined;
    if (item.status === 'superseded')
      [newer] = await db
        .select({ id: disclosureItems.id })
        .from(disclosureItems)
        .where(and(eq(disclosureItems.rootId, item.rootId), eq(disclosureItems.status, 'published')));
    const unitR = await unitRef(item.unitId);
    const unit = unitR ? { name: unitR.name } : undefined;
    const cols = await db.select().from(disclosureColumns).where(eq(disclosureColumns.unitId, item.unitId));
    const chain = columnChain(cols, item.columnId);
    const atts = await db
      .select({
        id: disclosureAttachments.id,
        name: disclosureAttachments.name,
        size: disclosureAttachments.size,
      })
      .from(disclosureAttachments)
      .where(eq(disclosureAttachments.itemId, id))
      .orderBy(asc(disclosureAttachments.sort));
    const interps = await db
      .select({
        id: disclosureItems.id,
        title: disclosureItems.title,
        form: disclosureItems.interpretationForm,
      })
      .from(disclosureItems)
      .where(and(eq(disclosureItems.policyRootId, item.rootId), eq(disclosureItems.status, 'published')));
    const [policy] = item.policyRootId
      ? await db
          .select({ id: disclosureItems.id, title: disclosureItems.title })
          .from(disclosureItems)
          .where(and(eq(disclosureItems.rootId, item.policyRootId), eq(disclosureItems.status, 'published')))
      : [];
    const art20 = ART20_CATEGORIES.find((a) => a.code === item.art20);
    // 废止/替代 links of normative documents (issue 5 part 3): to the published version of the other document.
    const links: { label: string; id: string; title: string }[] = [];
    for (const [label, ref] of [
      ['废止本文件的文件', item.repealedById],
      ['替代本文件的文件', item.replacedById],
    ] as const) {
      if (!ref) continue;
      const [other] = await db
        .select({ id: disclosureItems.id, title: disclosureItems.title })
        .from(disclosureItems)
        .where(
          and(
            sql`${disclosureItems.rootId} = (SELECT root_id FROM disclosure_items WHERE id = ${ref})`,
            eq(disclosureItems.status, 'published'),
          ),
        );
      if (other) links.push({ label, ...other });
    }
    const validity: Validity | null =
      item.kind === 'normative' && item.validity
        ? validityOn(
            { ...item, validity: item.validity, issuedDate: item.writtenDate },
            chinaDate(p.clock.now()),
          )
        : null;
    const slug = XXGK_COLUMNS.find((s) => s.slug === chain[0]?.code)?.slug;
    const lastMod = new Date(
      Math.max(item.updatedAt.getTime(), (item.publishedAt ?? item.updatedAt).getTime()),
    );
    return send(
      c,
      item.title,
      [
        ...unitCrumbs(unitR),
        ...chain.map((x) => ({ label: x.name, href: `/xxgk/column/${x.id}` })),
        { label: '正文' },
      ],
      <article>
        {newer && (
          <p class="notice">
            本信息已更正，<a href={`/xxgk/info/${newer.id}`}>查看更正后的版本</a>。
          </p>
        )}
        <table class="meta">
          <caption class="skip">信息属性</caption>
          <tbody>
            <tr>
              <th scope="row">索引号</th>
              <td>{item.indexNo}</td>
            </tr>
            <tr>
              <th scope="row">发布机构</th>
              <td>{unit?.name}</td>
            </tr>
            <tr>
              <th scope="row">名称</th>
              <td>{item.title}</td>
            </tr>
            {item.docNumber && (
              <tr>
                <th scope="row">发文字号</th>
                <td>{item.docNumber}</td>
              </tr>
            )}
            <tr>
              <th scope="row">成文日期</th>
              <td>{item.writtenDate ?? ''}</td>
            </tr>
            <tr>
              <th scope="row">发布日期</th>
              <td>{item.publishDate ?? ''}</td>
            </tr>
            {(item.topic || art20) && (
              <tr>
                <th scope="row">主题分类</th>
                <td>
                  {[art20 ? `第二十条${art20.no}${art20.name}` : '', item.topic ?? '']
                    .filter(Boolean)
                    .join('；')}
                </td>
              </tr>
            )}
            {validity && (
              <tr>
                <th scope="row">有效性</th>
                <td>
                  <span class={validity === 'in_force' ? 'badge' : 'badge off'}>
                    {VALIDITY_LABELS[validity]}
                  </span>
                  {item.effectiveDate ? ` 施行日期 ${item.effectiveDate}` : ''}
                  {item.expiryDate ? ` 有效期至 ${item.expiryDate}` : ''}
                </td>
              </tr>
            )}
            {item.summary && (
              <tr>
                <th scope="row">内容概述</th>
                <td>{item.summary}</td>
              </tr>
            )}
          </tbody>
        </table>
        <h1>{item.title}</h1>
        <div class="item-body">{raw(item.bodyHtml)}</div>
        {atts.length > 0 && (
          <section aria-labelledby="att-title">
            <h2 id="att-title">附件</h2>
            <ul>
              {atts.map((a) => (
                <li>
                  <a href={`/xxgk/file/${a.id}`}>{a.name}</a>（{Math.max(1, Math.round(a.size / 1024))} KB）
                </li>
              ))}
            </ul>
          </section>
        )}
        {interps.length > 0 && (
          <section aria-labelledby="interp-title">
            <h2 id="interp-title">政策解读</h2>
            <ul>
              {interps.map((i) => (
                <li>
                  <a href={`/xxgk/info/${i.id}`}>{i.title}</a>（
                  {INTERPRETATION_FORM_LABELS[(i.form ?? 'text') as InterpretationForm]}）
                </li>
              ))}
            </ul>
          </section>
        )}
        {policy && (
          <p>
            解读的政策：<a href={`/xxgk/info/${policy.id}`}>{policy.title}</a>
          </p>
        )}
        {links.map((l) => (
          <p>
            {l.label}：<a href={`/xxgk/info/${l.id}`}>{l.title}</a>
          </p>
        ))}
      </article>,
      { nav: slug, lastModified: lastMod, unit: unitR && !unitR.root ? unitR : null },
    );
  });

  app.get('/xxgk/file/:id', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) return notFoundPage(c);
    try {
      const f = await attachmentFile(db, id, null);
      const etag = `"${createHash('sha1').update(f.bytes).digest('hex')}"`;
      if (c.req.header('If-None-Match') === etag)
        return new Response(null, { status: 304, headers: { ETag: etag } });
      return new Response(f.bytes as BodyInit, {
        headers: {
          'Content-Type': f.mime,
          'Content-Disposition': attachment(f.name),
          ETag: etag,
          'Last-Modified': f.updatedAt.toUTCString(),
          'Cache-Control': 'public, max-age=300',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'GONE')
        return send(
          c,
          '附件已撤回',
          [xxgk, { label: '附件已撤回' }],
          <>
            <h1>附件已撤回</h1>
            <p>{e.message}。</p>
          </>,
          { status: 410 },
        );
      return notFoundPage(c);
    }
  });

  // ---- normative documents: unified query ----
  app.get('/xxgk/gfxwj', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 50);
    const unitId = c.req.query('unit') ?? '';
    const year = Number(c.req.query('year') ?? '') || null;
    const validity = (c.req.query('validity') ?? '') as Validity | '';
    const today = chinaDate(p.clock.now());
    const conds = [eq(disclosureItems.kind, 'normative'), eq(disclosureItems.status, 'published')];
    if (ITEM_ID.test(unitId)) conds.push(eq(disclosureItems.unitId, unitId));
    if (year)
      conds.push(
        sql`extract(year from coalesce(${disclosureItems.writtenDate}, ${disclosureItems.publishDate})) = ${year}`,
      );
    if (q)
      conds.push(
        sql`(${disclosureItems.title} ILIKE ${`%${q}%`} OR ${disclosureItems.docNumber} ILIKE ${`%${q}%`})`,
      );
    const rows = await db
      .select({
        id: disclosureItems.id,
        title: disclosureItems.title,
        docNumber: disclosureItems.docNumber,
        writtenDate: disclosureItems.writtenDate,
        unitName: units.name,
        validity: disclosureItems.validity,
        expiryDate: disclosureItems.expiryDate,
        effectiveDate: disclosureItems.effectiveDate,
        repealedDate: disclosureItems.repealedDate,
        publishDate: disclosureItems.publishDate,
      })
      .from(disclosureItems)
      .innerJoin(units, eq(units.id, disclosureItems.unitId))
      .where(and(...conds))
      .orderBy(desc(disclosureItems.writtenDate))
      .limit(500);
    const shown = rows
      .map((r) => ({
        ...r,
        now: validityOn({ ...r, validity: r.validity ?? 'in_force', issuedDate: r.writtenDate }, today),
      }))
      .filter((r) => !validity || r.now === validity);
    const unitRows = await db.execute<{ id: string; name: string }>(
      sql`SELECT DISTINCT u.id, u.name, u.sort FROM units u JOIN disclosure_items i ON i.unit_id = u.id WHERE i.kind = 'normative' AND i.status = 'published' ORDER BY u.sort, u.name`,
    );
    return send(
      c,
      '行政规范性文件',
      [xxgk, { label: '法定主动公开内容', href: '/xxgk/fdzdgknr' }, { label: '行政规范性文件查询' }],
      <>
        <h1>行政规范性文件统一查询</h1>
        <form class="search-form" method="get" action="/xxgk/gfxwj">
          <label>
            关键词
            <input name="q" value={q} />
          </label>
          <label>
            制发单位
            <select name="unit">
              <option value="">全部</option>
              {unitRows.rows.map((u) => (
                <option value={u.id} selected={u.id === unitId}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            年份
            <input name="year" inputmode="numeric" size={6} value={year ? String(year) : ''} />
          </label>
          <label>
            有效性
            <select name="validity">
              <option value="">全部</option>
              {(['in_force', 'expired', 'repealed'] as const).map((v) => (
                <option value={v} selected={v === validity}>
                  {VALIDITY_LABELS[v]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">查询</button>
        </form>
        <p>共 {shown.length} 件</p>
        <table>
          <caption class="skip">行政规范性文件</caption>
          <thead>
            <tr>
              <th scope="col">文件名称</th>
              <th scope="col">发文字号</th>
              <th scope="col">制发单位</th>
              <th scope="col">成文日期</th>
              <th scope="col">有效性</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr>
                <td>
                  <a href={`/xxgk/info/${r.id}`}>{r.title}</a>
                </td>
                <td>{r.docNumber ?? ''}</td>
                <td>{r.unitName}</td>
                <td>{r.writtenDate ?? ''}</td>
                <td>{VALIDITY_LABELS[r.now]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
      { nav: 'fdzdgknr' },
    );
  });

  // ---- 指南 (Art. 12) ----
  // One page per unit (`?unit=<id>`, default the district government): the office's edited guide when there is one,
  // otherwise a generated outline. Units with an edited guide are listed so citizens can reach them.
  app.get('/xxgk/guide', async (c) => {
    const name = await district();
    const q = c.req.query('unit') ?? '';
    const edited = await db
      .select({
        id: units.id,
        name: units.name,
        parentId: units.parentId,
        guide: disclosureUnitSettings.guide,
      })
      .from(disclosureUnitSettings)
      .innerJoin(units, eq(units.id, disclosureUnitSettings.unitId))
      .where(sql`${disclosureUnitSettings.guide} IS NOT NULL`)
      .orderBy(asc(units.sort), asc(units.name));
    let unit: { id: string; name: string; parentId: string | null } | undefined;
    if (q) {
      if (!ITEM_ID.test(q)) return notFoundPage(c);
      [unit] = await db
        .select({ id: units.id, name: units.name, parentId: units.parentId })
        .from(units)
        .where(eq(units.id, q));
      if (!unit) return notFoundPage(c);
    } else {
      [unit] = await db
        .select({ id: units.id, name: units.name, parentId: units.parentId })
        .from(units)
        .where(sql`${units.parentId} IS NULL`)
        .orderBy(asc(units.sort))
        .limit(1);
    }
    const isRoot = !unit || unit.parentId === null;
    const title = isRoot ? `${name}人民政府政府信息公开指南` : `${unit!.name}政府信息公开指南`;
    const guide = unit ? (edited.find((e) => e.id === unit.id)?.guide ?? null) : null;
    if (unit) await db.transaction((tx) => ensureUnitCatalog(tx, unit!.id));
    const cols = unit
      ? await db
          .select({ name: disclosureColumns.name, parentId: disclosureColumns.parentId })
          .from(disclosureColumns)
          .where(eq(disclosureColumns.unitId, unit.id))
          .orderBy(asc(disclosureColumns.sort))
      : [];
    const others = edited.filter((e) => e.id !== unit?.id);
    const paras = (t: string) => t.split(/\n+/).map((line) => <p>{line}</p>);
    return send(
      c,
      title,
      [
        ...(isRoot ? [xxgk] : [xxgk, { label: unit!.name, href: `/xxgk/unit/${unit!.id}` }]),
        { label: '政府信息公开指南', href: isRoot ? '/xxgk/zn' : `/xxgk/unit/${unit!.id}/zn` },
        { label: title },
      ],
      <>
        <h1>{title}</h1>
        <p>根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。</p>
        {guide ? (
          <>
            <h2>一、政府信息的分类与编排</h2>
            {paras(guide.classification)}
            <h2>二、获取政府信息的方式</h2>
            {paras(guide.howToObtain)}
            <h2>三、政府信息公开工作机构</h2>
            <table class="meta" data-testid="guide-office">
              <tbody>
                <tr>
                  <th scope="row">名称</th>
                  <td>{guide.officeName}</td>
                </tr>
                <tr>
                  <th scope="row">办公地址</th>
                  <td>{guide.address}</td>
                </tr>
                <tr>
                  <th scope="row">办公时间</th>
                  <td>{guide.hours}</td>
                </tr>
                <tr>
                  <th scope="row">联系电话</th>
                  <td>{guide.phone}</td>
                </tr>
                <tr>
                  <th scope="row">传真</th>
                  <td>{guide.fax || '无'}</td>
                </tr>
                <tr>
                  <th scope="row">互联网联系方式</th>
                  <td>
                    {guide.website && /^https?:\/\//i.test(guide.website) ? (
                      <a href={guide.website}>{guide.website}</a>
                    ) : (
                      guide.website
                    )}
                    {guide.website && guide.email ? '；' : ''}
                    {guide.email ? <a href={`mailto:${guide.email}`}>{guide.email}</a> : ''}
                    {!guide.website && !guide.email ? '无' : ''}
                  </td>
                </tr>
              </tbody>
            </table>
          </>
        ) : (
          <>
            <h2>一、政府信息的分类与编排</h2>
            <p>
              本级政府信息公开平台设以下栏目：
              {cols
                .filter((x) => !x.parentId)
                .map((x) => x.name)
                .join('、')}
              。法定主动公开内容按条例第二十条、第二十一条分类编排，每条信息标注索引号、名称、内容概述和生成日期。
            </p>
            <h2>二、获取政府信息的方式</h2>
            <p>
              主动公开的信息通过本平台发布，可浏览、检索和下载；也可依照条例第二十七条向行政机关申请获取政府信息。
            </p>
            <p>
              <a href="/xxgk/search">检索政府信息</a>
            </p>
            <h2>三、政府信息公开工作机构</h2>
            <p>
              名称：{isRoot ? `${name}人民政府办公室（政务公开科）` : unit!.name}
              。办公地址、办公时间、联系电话、传真和电子邮箱以本栏目发布的最新指南为准。
            </p>
          </>
        )}
        {others.length > 0 && (
          <nav aria-label="各单位政府信息公开指南">
            <h2>各单位政府信息公开指南</h2>
            <ul class="subcols">
              {others.map((o) => (
                <li>
                  <a href={o.parentId === null ? '/xxgk/guide' : `/xxgk/guide?unit=${o.id}`}>{o.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </>,
      { nav: 'zn', unit: isRoot ? null : unit },
    );
  });

  // ---- search ----
  app.get('/xxgk/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const year = Number(c.req.query('year') ?? '') || undefined;
    const validity = c.req.query('validity');
    const unitId = c.req.query('unit');
    const columnId = c.req.query('column');
    const page = Math.max(1, Number(c.req.query('page') ?? 1) || 1);
    // Filter choices: units that have published something, and the catalog down to its second level.
    const unitOpts = await db
      .selectDistinct({ id: units.id, name: units.name, sort: units.sort })
      .from(units)
      .innerJoin(disclosureItems, eq(disclosureItems.unitId, units.id))
      .where(eq(disclosureItems.status, 'published'))
      .orderBy(asc(units.sort), asc(units.name));
    // Columns by their standard code, so one choice covers the same column in every unit's catalog.
    const colOpts = STANDARD_CODES.map((x) => ({
      id: x.code,
      label: x.name.includes(' › ') ? `　${x.name.split(' › ')[1]}` : x.name,
    }));
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
            ...(validity === 'in_force' || validity === 'expired' || validity === 'repealed'
              ? { validity }
              : {}),
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
    return send(
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
          <label>
            单位
            <select name="unit">
              <option value="">全部</option>
              {unitOpts.map((u) => (
                <option value={u.id} selected={filters.unit === u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            栏目
            <select name="column">
              <option value="">全部</option>
              {colOpts.map((o) => (
                <option value={o.id} selected={filters.column === o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            效力（规范性文件）
            <select name="validity">
              <option value="">全部</option>
              {(['in_force', 'expired', 'repealed'] as const).map((v) => (
                <option value={v} selected={filters.validity === v}>
                  {VALIDITY_LABELS[v]}
                </option>
              ))}
            </select>
          </label>
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
    );
  });
}
