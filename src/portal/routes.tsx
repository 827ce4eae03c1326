/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { districtName } from '../server/modules/org';
import type { AppEnv, Platform } from '../server/platform/context';
import type { RateLimiter } from '../server/platform/ratelimit';
import { Layout, XXGK_COLUMNS, XxgkNav } from './layout';
import { PORTAL_CSS } from './style';

// The public portal: server-rendered HTML, no JavaScript needed. Later modules fill the columns.
/** Full HTML document (with the doctype, so browsers use standards mode). */
export async function page(c: Context<AppEnv>, body: Child, status = 200): Promise<Response> {
  return c.html(
    `<!DOCTYPE html>${await (body as { toString(): string | Promise<string> }).toString()}`,
    status as 200,
  );
}

export function portalRoutes(app: Hono<AppEnv>, p: Platform, _limiter: RateLimiter): void {
  app.get('/static/portal.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(PORTAL_CSS);
  });

  app.get('/', async (c) => {
    const district = await districtName(p.database.db, p.config.districtName);
    c.header('Cache-Control', 'public, max-age=60');
    return page(
      c,
      <Layout title="首页" district={district}>
        <h1>{district}政务公开</h1>
        <p class="lead">公开是常态、不公开是例外。在这里查阅{district}的政府信息，或依法申请公开。</p>
        <section aria-labelledby="xxgk-title" class="cards">
          <h2 id="xxgk-title">政府信息公开</h2>
          <ul class="grid">
            {XXGK_COLUMNS.map((col) => (
              <li key={col.slug}>
                <a class="card" href={`/xxgk/${col.slug}`}>
                  {col.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </Layout>,
    );
  });

  app.get('/xxgk', async (c) => {
    const district = await districtName(p.database.db, p.config.districtName);
    return page(
      c,
      <Layout title="政府信息公开" district={district} crumbs={[{ label: '政府信息公开' }]}>
        <h1>政府信息公开</h1>
        <XxgkNav />
      </Layout>,
    );
  });

  // The four standard columns (/xxgk/zn, /xxgk/zd, /xxgk/fdzdgknr, /xxgk/nb) are served by the disclosure module.
}
