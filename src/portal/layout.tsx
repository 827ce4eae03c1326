/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { A11yState } from './a11y';

export interface Crumb {
  label: string;
  href?: string;
}

export const XXGK_COLUMNS = [
  { slug: 'zn', label: '政府信息公开指南' },
  { slug: 'zd', label: '政府信息公开制度' },
  { slug: 'fdzdgknr', label: '法定主动公开内容' },
  { slug: 'nb', label: '政府信息公开年报' },
] as const;

/** The main navigation; 互动交流 (/hdjl) is served by the interaction pages. */
const NAV = [
  { href: '/', label: '首页' },
  { href: '/xxgk', label: '政府信息公开' },
  { href: '/xxgk/gfxwj', label: '规范性文件' },
  { href: '/ysqgk', label: '依申请公开' },
  { href: '/hdjl', label: '互动交流' },
] as const;

/**
 * Every portal page's frame: the 适老化 switches (as classes on <html>, honoured by portal.css), the site search
 * box in the header, the main navigation and the crumbs.
 */
export function Layout(props: {
  title: string;
  district: string;
  a11y: A11yState;
  crumbs?: Crumb[];
  /** The query shown in the header's search box (the search page). */
  q?: string;
  children: Child;
}) {
  const m = props.a11y.modes;
  const back = encodeURIComponent(props.a11y.back);
  return (
    <html lang="zh-CN" class={m.map((x) => `gk-${x}`).join(' ') || undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${props.district}人民政府`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/portal.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <div class="topbar">
          <div class="wrap">
            <span>欢迎访问{props.district}人民政府政务公开平台</span>
            <span class="a11y">
              <a href={`/xxgk/a11y?mode=large&back=${back}`}>
                {m.includes('large') ? '标准字号' : '大字模式'}
              </a>
              <a href={`/xxgk/a11y?mode=contrast&back=${back}`}>
                {m.includes('contrast') ? '标准配色' : '高对比度'}
              </a>
            </span>
          </div>
        </div>
        <header class="site">
          <div class="wrap head">
            <p class="brand">
              <a href="/">{props.district}人民政府</a>
              <span class="sub">政务公开</span>
            </p>
            <search class="site-search">
              <form method="get" action="/xxgk/search">
                <label for="site-q" class="sr-only">
                  站内检索
                </label>
                <input id="site-q" name="q" type="search" value={props.q ?? ''} placeholder="搜索政府信息" />
                <button type="submit">搜索</button>
              </form>
            </search>
          </div>
          <nav aria-label="主导航" class="wrap">
            <ul class="nav">
              {NAV.map((n) => (
                <li>
                  <a href={n.href}>{n.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {props.crumbs && props.crumbs.length > 0 && (
          <nav aria-label="当前位置" class="crumbs wrap">
            <ol>
              <li>
                <a href="/">首页</a>
              </li>
              {props.crumbs.map((c) => (
                <li>
                  {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>主办：{props.district}人民政府办公室</p>
            <p>本网站由 Gongkai 政务公开平台提供支持</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/**
 * Wide tables scroll inside their own box (a 年报 table on a phone) instead of widening the page; the box is
 * keyboard-reachable. For HTML the platform wrote (item bodies after the editor's sanitiser, frozen 年报).
 */
export function scrollTables(html: string): string {
  return html
    .replace(
      /<table\b/gi,
      '<section class="table-scroll" tabindex="0" aria-label="表格（可左右滚动）"><table',
    )
    .replace(/<\/table>/gi, '</table></section>');
}

/** Two columns on wide screens with the side menu on the left; on phones the content comes first. */
export function TwoCol(props: { side: Child; children: Child }) {
  return (
    <div class="two-col">
      <section class="content">{props.children}</section>
      <div class="side">{props.side}</div>
    </div>
  );
}

/**
 * The four standard columns of one unit's catalog (default: the district government's at /xxgk/zn …), and the way to
 * every other unit's catalog.
 */
export function XxgkNav(props: { current?: string; unit?: { id: string; name: string } }) {
  const base = props.unit ? `/xxgk/unit/${props.unit.id}` : '/xxgk';
  return (
    <nav aria-label="政府信息公开栏目" class="xxgk-nav">
      <h2>{props.unit ? props.unit.name : '政府信息公开'}</h2>
      <ul>
        {XXGK_COLUMNS.map((col) => (
          <li key={col.slug}>
            <a href={`${base}/${col.slug}`} aria-current={props.current === col.slug ? 'page' : undefined}>
              {col.label}
            </a>
          </li>
        ))}
        <li>
          <a href="/xxgk/units" aria-current={props.current === 'units' ? 'page' : undefined}>
            部门和镇街信息公开
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** A row of link cards (a column's entry points), each [href, label]. */
export function CardLinks(props: { links: readonly (readonly [string, string])[] }) {
  return (
    <ul class="grid">
      {props.links.map(([href, label]) => (
        <li>
          <a class="card" href={href}>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The confirmation of a submission: what was received, the query code to keep, and what follows. */
export function QueryCodeNotice(props: { received: Child; queryCode: string; children: Child }) {
  return (
    <div class="ok" role="status">
      <p>
        {props.received}。您的查询码是：
        <span class="code" data-testid="query-code">
          {props.queryCode}
        </span>
      </p>
      {props.children}
    </div>
  );
}

/**
 * A table of records in a box that scrolls sideways on a narrow screen: a caption, one heading per column (null
 * leaves a column out) and the rows. `captionHidden` keeps the caption for screen readers only, where the page
 * already says what the table is.
 */
export function DataTable(props: {
  caption?: string;
  captionHidden?: boolean;
  heads: readonly (string | null)[];
  children: Child;
}) {
  return (
    <div class="table-scroll">
      <table>
        {props.caption ? (
          <caption class={props.captionHidden ? 'skip' : undefined}>{props.caption}</caption>
        ) : null}
        <thead>
          <tr>{props.heads.map((h) => (h === null ? null : <th scope="col">{h}</th>))}</tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** A select's options as [value, label] pairs (a label table's entries), the one whose value is `selected` marked. */
export function Options(props: {
  options: readonly (readonly [string, string])[];
  selected: string | undefined;
}) {
  return (
    <>
      {props.options.map(([value, label]) => (
        <option value={value} selected={value === props.selected}>
          {label}
        </option>
      ))}
    </>
  );
}
