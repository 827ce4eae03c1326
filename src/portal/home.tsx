/** @jsxImportSource hono/jsx */
// The portal home, as the best district portals have it: the newest items, 重点领域 blocks, normative documents
// and interpretations, and the ways in (指南, 年报, 依申请公开, 互动交流). Data from the disclosure module's face.
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { ART20_CATEGORIES } from '../domain/disclosure/catalog';
import { portalHome } from '../server/modules/disclosure';
import { districtName } from '../server/modules/org';
import type { AppEnv, Platform } from '../server/platform/context';
import { a11yOf } from './a11y';
import { Layout } from './layout';
import { page } from './routes';
import { FAVICON_SVG } from './style';
import { ItemList } from './xxgk/view';

/** 重点领域 on the home page: standard columns of 第二十条 that citizens look for most. */
export const HOME_AREAS = ['art20_3', 'art20_7', 'art20_10', 'art20_11', 'art20_9', 'art20_6'] as const;

type Row = { id: string; title: string; publishDate: string | null };

function Block(props: { id: string; title: string; more: string; rows: Row[] }) {
  return (
    <section class="block" aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.title}
        <a class="more" href={props.more} aria-label={`${props.title}：更多`}>
          更多
        </a>
      </h2>
      <ItemList rows={props.rows} empty="暂无信息" />
    </section>
  );
}

function Entry(props: { href: string; title: string; children: Child }) {
  return (
    <li>
      <a class="card" href={props.href}>
        {props.title}
        <small>{props.children}</small>
      </a>
    </li>
  );
}

export function homePortal(app: Hono<AppEnv>, p: Platform): void {
  app.get('/favicon.svg', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(FAVICON_SVG);
  });
  // Browsers ask for /favicon.ico by themselves.
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

  app.get('/', async (c) => {
    const db = p.database.db;
    const district = await districtName(db, p.config.districtName);
    const home = await portalHome(p.database, HOME_AREAS);
    c.header('Cache-Control', 'public, max-age=60');
    c.header('Vary', 'Cookie');
    return page(
      c,
      <Layout title="首页" district={district} a11y={a11yOf(c)}>
        <h1>{district}政务公开</h1>
        <p class="lead">公开是常态、不公开是例外。在这里查阅{district}的政府信息，或依法申请公开。</p>
        <div class="blocks">
          <Block id="h-latest" title="最新信息" more="/xxgk/fdzdgknr" rows={home.latest} />
          <section class="block" aria-labelledby="h-entries">
            <h2 id="h-entries">办事与互动</h2>
            <ul class="grid">
              <Entry href="/ysqgk/apply" title="依申请公开">
                在线提交政府信息公开申请
              </Entry>
              <Entry href="/ysqgk/query" title="办理进度查询">
                凭查询码查看申请办理情况
              </Entry>
              <Entry href="/hdjl" title="互动交流">
                咨询、留言与回应
              </Entry>
              <Entry href="/xxgk/zn" title="政府信息公开指南">
                公开方式、申请渠道与办理流程
              </Entry>
            </ul>
          </section>
        </div>
        <h2 class="sr-only">重点领域信息公开</h2>
        <div class="blocks three">
          {home.areas.map((a) => {
            const cat = ART20_CATEGORIES.find((x) => x.code === a.code);
            return (
              <Block
                id={`h-${a.code}`}
                title={cat?.name ?? a.code}
                more={a.columnId ? `/xxgk/column/${a.columnId}` : '/xxgk/fdzdgknr'}
                rows={a.rows}
              />
            );
          })}
        </div>
        <div class="blocks">
          <Block id="h-normative" title="规范性文件" more="/xxgk/gfxwj" rows={home.normative} />
          <Block id="h-interp" title="政策解读" more="/xxgk/zcjd" rows={home.interpretations} />
        </div>
        <section aria-labelledby="h-xxgk" class="cards">
          <h2 id="h-xxgk">政府信息公开</h2>
          <ul class="grid">
            <Entry href="/xxgk/zd" title="政府信息公开制度">
              公开工作的制度规定
            </Entry>
            <Entry href="/xxgk/fdzdgknr" title="法定主动公开内容">
              按《条例》第二十条、第二十一条公开
            </Entry>
            <Entry href="/xxgk/nb" title="政府信息公开年报">
              历年政府信息公开工作年度报告
            </Entry>
            <Entry href="/xxgk/units" title="部门和镇街信息公开">
              各部门、镇街的公开目录
            </Entry>
          </ul>
        </section>
      </Layout>,
    );
  });
}
