// The pages' stylesheet and the 适老化 switches: large font and high contrast, kept in a cookie for a year.
import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../server/platform/context';
import { sameSitePath } from '../../server/platform/http/guard';
import { EXTRA_CSS, modes } from './view';

export function xxgkA11y(app: Hono<AppEnv>): void {
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
}
