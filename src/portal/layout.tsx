/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

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

export function Layout(props: { title: string; district: string; crumbs?: Crumb[]; children: Child }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${props.district}人民政府`}</title>
        <link rel="stylesheet" href="/static/portal.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <header class="site">
          <div class="wrap">
            <p class="brand">
              <a href="/">{props.district}人民政府</a>
            </p>
            <nav aria-label="主导航">
              <ul class="nav">
                <li>
                  <a href="/">首页</a>
                </li>
                <li>
                  <a href="/xxgk">政府信息公开</a>
                </li>
                <li>
                  <a href="/ysqgk">依申请公开</a>
                </li>
                <li>
                  <a href="/hdjl">互动交流</a>
                </li>
              </ul>
            </nav>
          </div>
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
