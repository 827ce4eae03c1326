/** @jsxImportSource hono/jsx */
// The 政府信息公开年报 column: published annual reports (frozen HTML at publication).

import type { Hono } from 'hono';
import { raw } from 'hono/html';
import { districtColumnWithItems } from '../server/modules/disclosure';
import { rootUnit } from '../server/modules/org';
import { publishedReport, publishedReports } from '../server/modules/reports';
import type { AppEnv, Platform } from '../server/platform/context';
import { scrollTables, TwoCol, XxgkNav } from './layout';
import { districtNameOf } from './requests';
import { framedPage } from './routes';

const crumbs = [{ label: '政府信息公开', href: '/xxgk' }];

export function reportsPortal(app: Hono<AppEnv>, p: Platform): void {
  const districtName = districtNameOf(p);
  const render = framedPage(districtName);
  app.get('/xxgk/nb', async (c) => {
    // The district government's own reports first (newest first), then the others by year.
    const rootId = (await rootUnit(p.database.db))?.id;
    const all = await publishedReports(p.database.db);
    const list = [...all.filter((r) => r.unitId === rootId), ...all.filter((r) => r.unitId !== rootId)];
    // The district government's own 年报 column, when items were filed there besides the reports.
    const nbColumn = await districtColumnWithItems(p.database.db, 'nb');
    return render(
      c,
      '政府信息公开年报',
      [...crumbs, { label: '政府信息公开年报' }],
      <TwoCol side={<XxgkNav current="nb" />}>
        <h1>政府信息公开年报</h1>
        {nbColumn && (
          <p>
            <a href={`/xxgk/column/${nbColumn}`}>本栏目发布的其他信息</a>
          </p>
        )}
        {list.length === 0 ? (
          <p class="notice">目前暂无已发布的年度报告。</p>
        ) : (
          <ul data-testid="report-list">
            {list.map((r) => (
              <li>
                <a href={`/xxgk/nb/${r.id}`}>{`${r.unitName}${r.year}年政府信息公开工作年度报告`}</a>
              </li>
            ))}
          </ul>
        )}
      </TwoCol>,
    );
  });
  app.get('/xxgk/nb/:id', async (c) => {
    const id = c.req.param('id');
    const r = /^[0-9a-f-]{36}$/.test(id) ? await publishedReport(p.database.db, id) : null;
    if (!r?.html) return c.text('页面不存在', 404);
    const title = `${r.unitName}${r.year}年政府信息公开工作年度报告`;
    return render(
      c,
      title,
      [...crumbs, { label: '政府信息公开年报', href: '/xxgk/nb' }, { label: title }],
      <article class="report">{raw(scrollTables(r.html))}</article>,
    );
  });
}
