/** @jsxImportSource hono/jsx */
// What every 政府信息公开 page shares: the page frame with the 适老化 switches (large font, high contrast by
// cookie), the cache headers (ETag, Last-Modified, 304), the not-found page, crumbs down to a unit's catalog, the
// item list and the pager.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { districtName, getUnit, rootUnit } from '../../server/modules/org';
import type { AppEnv, Platform } from '../../server/platform/context';
import { type Crumb, Layout, XxgkNav } from '../layout';

export const EXTRA_CSS = `
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

export type Mode = 'large' | 'contrast';

export function modes(c: Context<AppEnv>): Mode[] {
  const v = getCookie(c, 'gk_a11y') ?? '';
  return v.split(',').filter((m): m is Mode => m === 'large' || m === 'contrast');
}

export const ITEM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const xxgk: Crumb = { label: '政府信息公开', href: '/xxgk' };

export interface SendOptions {
  status?: number;
  lastModified?: Date | null;
  nav?: string | undefined;
  /** A unit other than the district government: the side navigation shows its catalog. */
  unit?: { id: string; name: string } | null;
}

export type UnitRef = { id: string; name: string; root: boolean };

export interface View {
  /** Renders, then answers 304 when the ETag matches; Last-Modified when known. */
  send(
    c: Context<AppEnv>,
    title: string,
    crumbs: Crumb[],
    body: Child,
    opts?: SendOptions,
  ): Promise<Response>;
  notFound(c: Context<AppEnv>): Promise<Response>;
  /** The unit and whether it is the district government (whose catalog is 政府信息公开 itself). */
  unitRef(unitId: string): Promise<UnitRef | null>;
}

export function createView(p: Platform): View {
  const db = p.database.db;
  async function send(
    c: Context<AppEnv>,
    title: string,
    crumbs: Crumb[],
    body: Child,
    opts: SendOptions = {},
  ): Promise<Response> {
    const m = modes(c);
    const back = c.req.path + (new URL(c.req.url).search || '');
    const doc = (
      <Layout title={title} district={await districtName(db, p.config.districtName)} crumbs={crumbs}>
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

  return {
    send,
    notFound: (c) =>
      send(
        c,
        '页面不存在',
        [xxgk, { label: '页面不存在' }],
        <>
          <h1>页面不存在</h1>
          <p>您访问的信息不存在或尚未发布。</p>
        </>,
        { status: 404 },
      ),
    async unitRef(unitId) {
      const u = await getUnit(db, unitId);
      if (!u) return null;
      return { id: u.id, name: u.name, root: u.id === (await rootUnit(db))?.id };
    },
  };
}

/** Crumbs down to a unit's catalog: the district government's is 政府信息公开 itself. */
export const unitCrumbs = (u: UnitRef | null): Crumb[] =>
  u && !u.root ? [xxgk, { label: u.name, href: `/xxgk/unit/${u.id}` }] : [xxgk];

/** The side navigation's unit: none for the district government. */
export const navUnit = (u: UnitRef | null) => (u && !u.root ? u : null);

/** One row of a metadata table (信息属性, the 指南's office). */
export function MetaRow(props: { label: string; children?: Child }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children}</td>
    </tr>
  );
}

type Row = { id: string; title: string; publishDate: string | null };
export function ItemList(props: { rows: Row[] }) {
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

export function Pager(props: { page: number; total: number; size: number; base: string }) {
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

/** `?page=` as a page number (1 when missing or not a number). */
export const pageOf = (c: Context<AppEnv>) => Math.max(1, Number(c.req.query('page') ?? 1) || 1);

/** One labelled <select> of a search form; the empty value means 全部. */
export function Choice(props: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">全部</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
