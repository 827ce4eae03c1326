// Rendered portal pages kept in memory (issue 15 part 4). A page is cached when its handler marks it
// `Cache-Control: public` (status 200, no Set-Cookie); the entry keeps its ETag and its gzip and brotli forms, made
// once. Every instance LISTENs on the channel the database's triggers notify at commit (migration 0014) and drops
// all its pages on a change, so a publish, withdrawal or edit shows at once everywhere. A page rendered while a
// change arrived is not kept (it may predate the change).
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import pg from 'pg';
import type { Database } from '../../db/client';

export const PORTAL_CHANNEL = 'gongkai_portal';

interface Entry {
  status: number;
  /** Lower-case names, as sent (security headers included), without the request id and length. */
  headers: Record<string, string>;
  etag: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  /** Flat header lists per encoding ('' for none), built on first use by the raw path. */
  raw?: Map<string, string[]>;
  at: number;
}

export interface PageCacheOptions {
  /** Bytes of uncompressed pages kept before the least recently used go [I]. */
  maxBytes?: number;
  /** A safety net for what no table change announces (e.g. a date passing): entries older than this re-render [I]. */
  ttlMs?: number;
  now?: () => number;
}

export class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every clear: a render that started before it is not stored. */
  generation = 0;
  readonly maxBytes: number;
  readonly ttlMs: number;
  private readonly now: () => number;

  constructor(opts: PageCacheOptions = {}) {
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation++;
  }

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.drop(key, e);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, e: Omit<Entry, 'at'>): Entry {
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const entry = { ...e, at: this.now() };
    this.entries.set(key, entry);
    this.bytes += e.body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(k, v);
    }
    return entry;
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.body.length;
  }
}

const picked = new Map<string, 'br' | 'gzip' | null>();

/** pickEncoding for the few Accept-Encoding values browsers send, remembered. */
function pickRemembered(accept: string | undefined): 'br' | 'gzip' | null {
  const k = accept ?? '';
  let enc = picked.get(k);
  if (enc === undefined) {
    enc = pickEncoding(k);
    if (picked.size < 64) picked.set(k, enc);
  }
  return enc;
}

/** The encoding a client takes, best first (brotli, gzip), or null. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const given = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    given.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (n: string) => (given.get(n) ?? given.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml))/;

function compressed(e: Entry, enc: 'br' | 'gzip'): Buffer {
  if (enc === 'gzip') {
    e.gzip ??= gzipSync(e.body, { level: 6 });
    return e.gzip;
  }
  // Quality 8: nearly the size of 11 at a fraction of the time; made once per page and change.
  e.br ??= brotliCompressSync(e.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 8 } });
  return e.br;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/**
 * What to send for an entry: 304 when the client has it, else the best encoding it accepts. Its headers are the
 * stored ones (security headers included) with a fresh request id.
 */
function answer(
  e: Entry,
  method: string,
  ifNoneMatch: string | undefined,
  accept: string | undefined,
): Answer {
  const headers: Record<string, string> = { ...e.headers, 'x-request-id': randomUUID() };
  if (ifNoneMatch?.split(/\s*,\s*/).includes(e.etag)) {
    delete headers['content-type'];
    delete headers['content-length'];
    return { status: 304, headers, body: null };
  }
  const enc = encodingFor(e, accept);
  const body = enc ? compressed(e, enc) : e.body;
  if (enc) headers['content-encoding'] = enc;
  headers['content-length'] = String(body.length);
  return { status: e.status, headers, body: method === 'HEAD' ? null : body };
}

function encodingFor(e: Entry, accept: string | undefined): 'br' | 'gzip' | null {
  return e.body.length > 256 && COMPRESSIBLE.test(e.headers['content-type'] ?? '')
    ? pickRemembered(accept)
    : null;
}

/** The key of a page: the path and query as sent, and the 适老化 cookie (the only cookie pages read). */
function keyOf(pathAndQuery: string, cookie: string | undefined): string {
  const m = /(?:^|;\s*)gk_a11y=([^;]*)/.exec(cookie ?? '');
  const mode = decodeURIComponent(m?.[1] ?? '')
    .split(',')
    .filter(Boolean)
    .sort()
    .join(',');
  return `${pathAndQuery}|${mode}`;
}

const cacheable = (method: string, pathAndQuery: string) =>
  (method === 'GET' || method === 'HEAD') &&
  !pathAndQuery.startsWith('/api/') &&
  !pathAndQuery.startsWith('/admin');

/**
 * Pages: GET and HEAD outside /api and /admin. Registered before every other middleware, so that what is kept is
 * the response as sent (security headers included).
 */
export function pageCache(cache: PageCache): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const pathAndQuery = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    if (!cacheable(c.req.method, pathAndQuery)) {
      await next();
      return;
    }
    const key = keyOf(pathAndQuery, c.req.header('Cookie'));
    const hit = cache.get(key);
    if (hit)
      return toResponse(
        answer(hit, c.req.method, c.req.header('If-None-Match'), c.req.header('Accept-Encoding')),
      );
    const generation = cache.generation;
    // Render in full (no conditional answer) so that the page can be kept.
    const inm = c.req.raw.headers.get('If-None-Match');
    if (inm) c.req.raw.headers.delete('If-None-Match');
    await next();
    if (inm) c.req.raw.headers.set('If-None-Match', inm);
    const res = c.res;
    const cc = res.headers.get('Cache-Control') ?? '';
    const type = res.headers.get('Content-Type') ?? '';
    if (
      res.status !== 200 ||
      !/\bpublic\b/.test(cc) ||
      res.headers.has('Set-Cookie') ||
      !COMPRESSIBLE.test(type)
    )
      return;
    const body = Buffer.from(await res.arrayBuffer());
    const etag =
      res.headers.get('ETag') ?? `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
    const headers: Record<string, string> = {};
    for (const [k, v] of res.headers) if (k !== 'x-request-id' && k !== 'content-length') headers[k] = v;
    headers.etag = etag;
    headers.vary = [headers.vary, 'Accept-Encoding'].filter(Boolean).join(', ');
    const entry = { status: 200, headers, etag, body };
    const kept = cache.generation === generation ? cache.set(key, entry) : { ...entry, at: 0 };
    // Assigning c.res merges the old response's headers into the new one; start from none.
    c.res = undefined as unknown as Response;
    c.res = toResponse(answer(kept, c.req.method, inm ?? undefined, c.req.header('Accept-Encoding')));
  };
}

function toResponse(a: Answer): Response {
  const body = a.body ? new Uint8Array(a.body.buffer as ArrayBuffer, a.body.byteOffset, a.body.length) : null;
  return new Response(body, { status: a.status, headers: a.headers });
}

/**
 * The same cache in front of the web framework: a kept page is written straight to the socket (the framework's
 * request and response objects cost more than the page). Returns false when the request is not a kept page.
 */
export function servePageFromCache(cache: PageCache, req: IncomingMessage, res: ServerResponse): boolean {
  const pathAndQuery = req.url ?? '';
  if (!cacheable(req.method ?? '', pathAndQuery)) return false;
  const e = cache.get(keyOf(pathAndQuery, req.headers.cookie));
  if (!e) return false;
  const inm = req.headers['if-none-match'];
  if (inm || req.method === 'HEAD') {
    const a = answer(
      e,
      req.method ?? 'GET',
      Array.isArray(inm) ? inm.join(',') : inm,
      req.headers['accept-encoding'],
    );
    res.writeHead(a.status, a.headers);
    res.end(a.body ?? undefined);
    return true;
  }
  // The common case, a full page: its header list is built once per encoding.
  const enc = encodingFor(e, req.headers['accept-encoding']);
  const body = enc ? compressed(e, enc) : e.body;
  e.raw ??= new Map();
  let raw = e.raw.get(enc ?? '');
  if (!raw) {
    raw = Object.entries(e.headers).flat();
    if (enc) raw.push('content-encoding', enc);
    raw.push('content-length', String(body.length));
    e.raw.set(enc ?? '', raw);
  }
  res.writeHead(e.status, [...raw, 'x-request-id', randomUUID()]);
  res.end(body);
  return true;
}

export interface ChangeListener {
  stop(): Promise<void>;
}

/**
 * LISTENs for portal changes on a connection of its own and calls `onChange` for each; reconnects after a lost
 * connection (and calls `onChange` then too: notifications may have been missed meanwhile).
 */
export async function listenForChanges(
  database: Database,
  onChange: (table: string) => void,
  log: (msg: string, extra?: Record<string, unknown>) => void = () => {},
): Promise<ChangeListener> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const open = async (): Promise<void> => {
    const c = new pg.Client(database.pool.options);
    c.on('notification', (n) => {
      if (n.channel === PORTAL_CHANNEL) onChange(n.payload ?? '');
    });
    c.on('error', (e) => {
      log('门户缓存的变更通知连接中断，稍后重连', { error: String(e) });
      void c.end().catch(() => {});
      if (client === c) client = null;
      if (!stopped) retry = setTimeout(() => void reopen(), 1000);
    });
    await c.connect();
    await c.query(`LISTEN gongkai_portal`); // PORTAL_CHANNEL: a constant, not pasted (test/boundaries/sql-strings)
    client = c;
  };
  const reopen = async () => {
    try {
      await open();
      onChange('*');
    } catch (e) {
      log('门户缓存的变更通知连接失败，稍后重试', { error: String(e) });
      if (!stopped) retry = setTimeout(() => void reopen(), 5000);
    }
  };
  await open();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
