// Rendered portal pages kept in memory (issue 15 part 4). A page is cached when its handler marks it
// `Cache-Control: public` (status 200, no Set-Cookie); the entry keeps its ETag and its gzip and brotli forms, made
// once. Every instance LISTENs on the channel the database's triggers notify at commit (migration 0014) and drops
// all its pages on a change, so a publish, withdrawal or edit shows at once everywhere. A page rendered while a
// change arrived is not kept (it may predate the change).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import pg from 'pg';
import type { Database } from '../../db/client';

export const PORTAL_CHANNEL = 'gongkai_portal';

interface Entry {
  status: number;
  headers: [string, string][];
  etag: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
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

/** A response from an entry: 304 when the client has it, else the best encoding it accepts. */
export function respond(e: Entry, req: { header(n: string): string | undefined; method: string }): Response {
  const headers = new Headers(e.headers);
  headers.set('ETag', e.etag);
  headers.set('Vary', [headers.get('Vary'), 'Accept-Encoding'].filter(Boolean).join(', '));
  const inm = req.header('If-None-Match');
  if (inm?.split(/\s*,\s*/).includes(e.etag)) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  const type = headers.get('Content-Type') ?? '';
  const enc =
    COMPRESSIBLE.test(type) && e.body.length > 256 ? pickEncoding(req.header('Accept-Encoding')) : null;
  const body = enc ? compressed(e, enc) : e.body;
  if (enc) headers.set('Content-Encoding', enc);
  headers.set('Content-Length', String(body.length));
  const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length);
  return new Response(req.method === 'HEAD' ? null : bytes, { status: e.status, headers });
}

/** Pages: GET and HEAD outside /api and /admin, keyed by URL and the 适老化 cookie (the only cookie pages read). */
export function pageCache(cache: PageCache): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (
      (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
      path.startsWith('/api/') ||
      path.startsWith('/admin')
    ) {
      await next();
      return;
    }
    const mode = (getCookie(c, 'gk_a11y') ?? '').split(',').filter(Boolean).sort().join(',');
    const key = `${path}${new URL(c.req.url).search}|${mode}`;
    const hit = cache.get(key);
    if (hit) return respond(hit, c.req);
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
    const entry = { status: 200, headers: [...res.headers.entries()], etag, body };
    const kept = cache.generation === generation ? cache.set(key, entry) : { ...entry, at: 0 };
    // Assigning c.res merges the old response's headers into the new one; start from none.
    c.res = undefined as unknown as Response;
    c.res = respond(kept, c.req);
  };
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
    await c.query(`LISTEN ${PORTAL_CHANNEL}`);
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
