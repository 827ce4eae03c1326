/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { districtName } from '../server/modules/org';
import type { AppEnv, Platform } from '../server/platform/context';
import type { RateLimiter } from '../server/platform/ratelimit';
import { a11yOf } from './a11y';
import { type Crumb, Layout, XxgkNav } from './layout';
import { PORTAL_CSS } from './style';

// The public portal: server-rendered HTML, no JavaScript needed. Later modules fill the columns.
/** Full HTML document (with the doctype, so browsers use standards mode). */
export async function page(c: Context<AppEnv>, body: Child, status = 200): Promise<Response> {
  return c.html(
    `<!DOCTYPE html>${await (body as { toString(): string | Promise<string> }).toString()}`,
    status as 200,
  );
}

/** A renderer of pages in the portal's frame: title, crumbs and body (the district name read per page). */
export const framedPage =
  (districtName: () => Promise<string>) =>
  async (c: Context<AppEnv>, title: string, crumbs: Crumb[], body: Child, status = 200) =>
    page(
      c,
      <Layout title={title} district={await districtName()} a11y={a11yOf(c)} crumbs={crumbs}>
        {body}
      </Layout>,
      status,
    );

export function portalRoutes(app: Hono<AppEnv>, p: Platform, _limiter: RateLimiter): void {
  app.get('/static/portal.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(PORTAL_CSS);
  });

  app.get('/xxgk', async (c) => {
    const district = await districtName(p.database.db, p.config.districtName);
    return page(
      c,
      <Layout title="政府信息公开" district={district} a11y={a11yOf(c)} crumbs={[{ label: '政府信息公开' }]}>
        <h1>政府信息公开</h1>
        <XxgkNav />
      </Layout>,
    );
  });

  // The four standard columns (/xxgk/zn, /xxgk/zd, /xxgk/fdzdgknr, /xxgk/nb) are served by the disclosure module.
}
