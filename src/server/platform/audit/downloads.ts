// Every file that leaves the console API (exports: .xlsx/.docx/.csv/.html, and stored attachments) is an audit
// row: who took which file with which filters. One middleware on /api/* sees every download whatever route made
// it. Fail-closed: when the row cannot be written the file is not sent.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Platform } from '../context';
import { actorOf } from '../context';
import { AppError } from '../errors';
import { alertAuditFailure } from './alert';
import { audit } from './audit';

/** The file name of a Content-Disposition: attachment header (RFC 6266 filename* first), or null. */
export function attachmentName(disposition: string | null): string | null {
  if (!disposition || !/^\s*attachment\b/i.test(disposition)) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1] ?? '';
}

export function auditDownloads(p: Pick<Platform, 'database' | 'clock' | 'log'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status >= 300) return;
    const filename = attachmentName(c.res.headers.get('content-disposition'));
    if (filename === null) return;
    const url = new URL(c.req.url);
    try {
      await p.database.db.transaction((tx) =>
        audit(
          tx,
          actorOf(c.get('user'), c),
          {
            action: 'export',
            objectType: 'file',
            objectId: url.pathname.slice(0, 200),
            detail: {
              filename,
              route: c.req.routePath,
              type: c.res.headers.get('content-type'),
              ...(url.search ? { query: url.search.slice(0, 500) } : {}),
            },
          },
          p.clock.now(),
        ),
      );
    } catch (e) {
      await alertAuditFailure(p, { requestId: c.get('requestId'), path: url.pathname }, e);
      // Drop the file's response first: Hono would carry its headers (Content-Disposition) onto the error.
      c.res = undefined as unknown as Response;
      throw new AppError('INTERNAL', '无法记录导出审计日志，文件未发送，请稍后再试');
    }
  };
}
