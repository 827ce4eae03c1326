// The 适老化 switches of every portal page: large font and high contrast, kept in a cookie for a year and set by a
// plain link (no JavaScript). The page frame (layout.tsx) reads them and puts them on <html> as classes.
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../server/platform/context';
import { sameSitePath } from '../server/platform/http/guard';

export type Mode = 'large' | 'contrast';

export const A11Y_COOKIE = 'gk_a11y';

export function modes(c: Context<AppEnv>): Mode[] {
  const v = getCookie(c, A11Y_COOKIE) ?? '';
  return v.split(',').filter((m): m is Mode => m === 'large' || m === 'contrast');
}

/** What the frame needs to draw the switches: the modes on, and the page to come back to. */
export interface A11yState {
  modes: Mode[];
  back: string;
}

export function a11yOf(c: Context<AppEnv>): A11yState {
  return { modes: modes(c), back: c.req.path + (new URL(c.req.url).search || '') };
}

export function a11yRoutes(app: Hono<AppEnv>): void {
  app.get('/xxgk/a11y', (c) => {
    const mode = c.req.query('mode');
    const cur = modes(c);
    const next =
      mode === 'large' || mode === 'contrast'
        ? cur.includes(mode)
          ? cur.filter((x) => x !== mode)
          : [...cur, mode]
        : cur;
    setCookie(c, A11Y_COOKIE, next.join(','), { path: '/', maxAge: 365 * 86400, sameSite: 'Lax' });
    // Only same-site relative paths: no open redirect.
    return c.redirect(sameSitePath(c.req.query('back'), '/xxgk'), 303);
  });
}
