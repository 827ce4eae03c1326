/** @jsxImportSource hono/jsx */
// The 政府信息公开年报 column: published annual reports (frozen HTML at publication).

import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { raw } from 'hono/html';
import type { DbOrTx } from '../server/db/client';
import { publishedReport, publishedReports } from '../server/modules/reports/reports.service';
import type { AppEnv, Platform } from '../server/platform/context';
import { Layout, XxgkNav } from './layout';
import { districtNameOf } from './requests';
import { page } from './routes';

const crumbs = [{ label: '政府信息公开', href: '/xxgk' }];

async function districtNbColumnWithItems(db: DbOrTx): Promise<string | null> {
  const r = await db.execute<{ id: string }>(sql`
    SELECT c.id FROM disclosure_columns c
    WHERE c.code = 'nb' AND c.parent_id IS NULL
      AND c.unit_id = (SELECT id FROM units WHERE parent_id IS NULL ORDER BY sort, name LIMIT 1)
      AND EXISTS (SELECT 1 FROM disclosure_items i WHERE i.column_id = c.id AND i.status = 'published')`);
  return r.rows[0]?.id ?? null;
}

export function reportsPortal(app: Hono<AppEnv>, p: Platform): void {
  const districtName = districtNameOf(p);
  app.get('/xxgk/nb', async (c) => {
    const district = await districtName();
    const list = await publishedReports(p.database.db);
    // The district government's own 年报 column, when items were filed there besides the reports.
    const nbColumn = await districtNbColumnWithItems(p.database.db);
    return page(
      c,
      <Layout
        title="政府信息公开年报"
        district={district}
        crumbs={[...crumbs, { label: '政府信息公开年报' }]}
      >
        <div class="two-col">
          <XxgkNav current="nb" />
          <section>
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
          </section>
        </div>
      </Layout>,
    );
  });
  app.get('/xxgk/nb/:id', async (c) => {
    const id = c.req.param('id');
    const district = await districtName();
    const r = /^[0-9a-f-]{36}$/.test(id) ? await publishedReport(p.database.db, id) : null;
    if (!r?.html) return c.text('页面不存在', 404);
    const title = `${r.unitName}${r.year}年政府信息公开工作年度报告`;
    return page(
      c,
      <Layout
        title={title}
        district={district}
        crumbs={[...crumbs, { label: '政府信息公开年报', href: '/xxgk/nb' }, { label: title }]}
      >
        <article class="report">{raw(r.html)}</article>
      </Layout>,
    );
  });
}
