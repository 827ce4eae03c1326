// In-process API harness: a real database (cloned template), the real Hono app, a client that keeps cookies and
// sends the CSRF header like the console does. A movable clock tests timeouts without waiting.
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app';
import { bootstrap } from '../src/server/bootstrap';
import type { Config } from '../src/server/config';
import { users } from '../src/server/db/schema';
import type { AppEnv, Platform } from '../src/server/platform/context';
import { fieldKeysOf } from '../src/server/platform/crypto/fields';
import { ADMIN_PASSWORD, DEMO_PASSWORD, seedKey, testConfig } from './config';
import { createTestDatabase, type TestDatabase } from './db';

export { ADMIN_PASSWORD, DEMO_PASSWORD };
export const NEW_PASSWORD = 'Changed#2026ok';

export interface ApiResponse<T = unknown> {
  status: number;
  body: { data?: T; error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;
  headers: Headers;
  raw: Response;
}

// A normative document takes (一) on the server; the others (十五) unless they have a column or a category.
const withCategory = (body: Record<string, unknown>) =>
  'art20' in body || 'columnId' in body || body.kind === 'normative' ? body : { ...body, art20: 'art20_15' };

export class Client {
  cookies = new Map<string, string>();
  constructor(private app: Hono<AppEnv>) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    opts: { csrf?: boolean; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.csrf !== false && this.cookies.has('gk_csrf'))
      headers['x-csrf-token'] = this.cookies.get('gk_csrf')!;
    let reqBody: BodyInit | undefined;
    if (opts.form) reqBody = opts.form;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      reqBody = JSON.stringify(body);
    }
    const res = await this.app.request(path, { method, headers, body: reqBody });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/Max-Age=0/i.test(c) || v === '') this.cookies.delete(k!);
      else this.cookies.set(k!, v!);
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : {};
    return { status: res.status, body: parsed as ApiResponse<T>['body'], headers: res.headers, raw: res };
  }
  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  /** Logs in like a person would: answers the arithmetic challenge when the server asks for one. */
  async login<T = unknown>(username: string, password: string, extra: Record<string, string> = {}) {
    const first = await this.post<T>('/api/auth/login', { username, password, ...extra });
    if (first.body.error?.code !== 'CHALLENGE_REQUIRED') return first;
    return this.post<T>('/api/auth/login', {
      username,
      password,
      ...extra,
      ...(await this.solveChallenge()),
    });
  }
  async solveChallenge(): Promise<{ challengeId: string; challengeAnswer: string }> {
    const ch = await this.post<{ id: string; question: string }>('/api/auth/challenge');
    const [, a, op, b] = /^(\d+) ([+×]) (\d+)/.exec(ch.body.data!.question)!;
    const answer = op === '+' ? Number(a) + Number(b) : Number(a) * Number(b);
    return { challengeId: ch.body.data!.id, challengeAnswer: String(answer) };
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  del<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }
  /**
   * Drafts a 公开信息 item. Every item needs a 公开类别 (PUB-6): without a column or a category of its own a draft
   * other than a normative document takes (十五) 其他应主动公开的信息, so tests about something else need not choose.
   */
  draftItem<T = { id: string }>(body: Record<string, unknown>) {
    return this.post<T>('/api/disclosure/items', withCategory(body));
  }
  /** Saves a draft item (the whole form, like the console), with the same default 公开类别 as draftItem. */
  saveItem<T = unknown>(id: string, body: Record<string, unknown>) {
    return this.put<T>(`/api/disclosure/items/${id}`, withCategory(body));
  }
  upload<T = unknown>(path: string, name: string, bytes: Uint8Array, field = 'file') {
    const form = new FormData();
    form.append(field, new File([bytes as BlobPart], name));
    return this.request<T>('POST', path, undefined, { form });
  }
}

export interface TestApi {
  tdb: TestDatabase;
  platform: Platform;
  app: Hono<AppEnv>;
  config: Config;
  clock: { now(): Date; set(d: Date): void; advance(ms: number): void };
  /** A fresh client, not logged in. */
  anon(): Client;
  /** Logs a (demo or created) user in, skipping the first-login password change. */
  loginAs(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export async function setupApi(opts: { demo?: boolean; config?: Partial<Config> } = {}): Promise<TestApi> {
  const config = testConfig(opts);
  // The usual configuration starts from the seeded template; the bootstrap below then finds its rows in place.
  const tdb = await createTestDatabase({ seeded: seedKey(config) === inject('pgSeedKey') });
  let now = new Date('2026-03-02T09:00:00+08:00');
  const clock = {
    now: () => new Date(now),
    set: (d: Date) => {
      now = d;
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
  await bootstrap(tdb.database, config, () => {});
  const platform: Platform = {
    database: tdb.database,
    config,
    clock,
    fieldKeys: fieldKeysOf(config.fieldKeysFile),
    log: () => {},
  };
  const app = buildApp(platform);
  const api: TestApi = {
    tdb,
    platform,
    app,
    config,
    clock,
    anon: () => new Client(app),
    async loginAs(username, password) {
      await tdb.database.db
        .update(users)
        .set({ mustChangePassword: false })
        .where(eq(users.username, username));
      const c = new Client(app);
      const r = await c.login(username, password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD));
      if (r.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(r.body)}`);
      return c;
    },
    close: () => tdb.drop(),
  };
  return api;
}
