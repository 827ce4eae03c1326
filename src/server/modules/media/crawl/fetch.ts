// One bounded HTTP request for the website checker: guarded address (SSRF), a timeout for the whole exchange, the
// body streamed and cut at `maxBytes` (a 50 MB page never sits in memory), no redirect followed here.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Blocked, guardedLookup, isPrivateAddress } from '../../../platform/net/guard';

export interface FetchOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  method?: 'GET' | 'HEAD';
}

export type FetchResult =
  | { ok: true; status: number; contentType: string; location?: string; body: Buffer; truncated: boolean }
  | { ok: false; error: 'blocked' | 'timeout' | 'refused' | 'dns' | 'failed' };

export function fetchOnce(url: URL, o: FetchOptions): Promise<FetchResult> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host) && !o.allowPrivate && isPrivateAddress(host))
      return resolve({ ok: false, error: 'blocked' });
    const mod = url.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (r: FetchResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = mod.request(
      url,
      {
        method: o.method ?? 'GET',
        lookup: guardedLookup(o.allowPrivate),
        headers: {
          'user-agent': 'Gongkai site check',
          accept: 'text/html,application/xhtml+xml,*/*;q=0.5',
          'accept-encoding': 'identity',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = (truncated: boolean) =>
          done({
            ok: true,
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            ...(res.headers.location ? { location: res.headers.location } : {}),
            body: Buffer.concat(chunks),
            truncated,
          });
        res.on('data', (c: Buffer) => {
          const room = o.maxBytes - size;
          if (c.length >= room) {
            chunks.push(c.subarray(0, room));
            size = o.maxBytes;
            finish(true);
            res.destroy();
            return;
          }
          chunks.push(c);
          size += c.length;
        });
        res.on('end', () => finish(false));
        res.on('error', () => finish(true));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ ok: false, error: 'timeout' });
    }, o.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) =>
      done({
        ok: false,
        error:
          e instanceof Blocked
            ? 'blocked'
            : e.code === 'ECONNREFUSED'
              ? 'refused'
              : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN'
                ? 'dns'
                : 'failed',
      }),
    );
    req.end();
  });
}

/** Text of an HTML body: charset from the header, else from a meta tag, else UTF-8 if it decodes, else GB18030. */
export function decodeHtml(body: Buffer, contentType: string): string {
  const sniff = body.subarray(0, 4096).toString('latin1');
  const declared =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(sniff)?.[1];
  const label = declared?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      // gb2312 and gbk pages often hold GB18030 characters; its decoder reads all three.
      return new TextDecoder(/^(gb2312|gbk|gb18030|x-gbk)$/.test(label) ? 'gb18030' : label).decode(body);
    } catch {
      /* unknown label: fall through to detection */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // A page cut at the size cap may end inside a character: keep UTF-8 when only the tail fails.
    if (label === 'utf-8' || label === 'utf8') return new TextDecoder('utf-8').decode(body);
    return new TextDecoder('gb18030').decode(body);
  }
}
