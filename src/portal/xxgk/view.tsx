/** @jsxImportSource hono/jsx */
// What every 政府信息公开 page shares: the page frame (layout.tsx, with the 适老化 switches), the cache headers
// (ETag, Last-Modified, 304), the not-found page, crumbs down to a unit's catalog, the item list, a document's
// cells in a table and the pager.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { districtName, getUnit, rootUnit } from '../../server/modules/org';
import type { AppEnv, Platform } from '../../server/platform/context';
import { a11yOf } from '../a11y';
import { type Crumb, Layout, Options, TwoCol, XxgkNav } from '../layout';

export const ITEM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const xxgk: Crumb = { label: '政府信息公开', href: '/xxgk' };

export interface SendOptions {
  status?: number;
  lastModified?: Date | null;
  nav?: string | undefined;
  /** A unit other than the district government: the side navigation shows its catalog. */
  unit?: { id: string; name: string } | null;
  /** The query for the header's search box. */
  q?: string;
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
    const doc = (
      <Layout
        title={title}
        district={await districtName(db, p.config.districtName)}
        crumbs={crumbs}
        a11y={a11yOf(c)}
        q={opts.q}
      >
        <TwoCol side={<XxgkNav current={opts.nav} unit={opts.unit ?? undefined} />}>{body}</TwoCol>
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
export function ItemList(props: { rows: Row[]; empty?: string }) {
  if (props.rows.length === 0) return <p class="notice">{props.empty ?? '本栏目暂无已发布的信息。'}</p>;
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

/**
 * A normative document's first cells in a table of documents (the query, a cleanup result): its linked title,
 * 发文字号 and 制发单位.
 */
export function DocCells(props: {
  doc: { id: string; title: string; docNumber: string | null; unitName: string };
}) {
  const d = props.doc;
  return (
    <>
      <td>
        <a href={`/xxgk/info/${d.id}`}>{d.title}</a>
      </td>
      <td>{d.docNumber ?? ''}</td>
      <td>{d.unitName}</td>
    </>
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
        <Options options={props.options.map((o) => [o.value, o.label] as const)} selected={props.value} />
      </select>
    </label>
  );
}
