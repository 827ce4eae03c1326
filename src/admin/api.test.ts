import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eachReturns } from '../../test/table';
import {
  ApiError,
  api,
  buildQuery,
  fieldErrorsOf,
  filenameFromDisposition,
  readCookie,
  resetApiHooks,
  rowErrorsOf,
  setApiHooks,
  upload,
} from './api';
import { startEarly } from './early';

describe('readCookie', () => {
  it.each([
    ['gk_csrf=abc; other=1', 'gk_csrf', 'abc'],
    ['other=1;gk_csrf=abc', 'gk_csrf', 'abc'],
    ['x_gk_csrf=no; gk_csrf=yes', 'gk_csrf', 'yes'],
    ['gk_csrf=a%2Bb', 'gk_csrf', 'a+b'],
    ['gk_csrf=%E0%A4%A', 'gk_csrf', '%E0%A4%A'], // malformed escape: returned raw
    ['other=1', 'gk_csrf', null],
    ['', 'gk_csrf', null],
  ])('%j -> %s', (header, name, expected) => {
    expect(readCookie(header, name)).toBe(expected);
  });
});

describe('buildQuery', () => {
  eachReturns(
    buildQuery,
    [
      [{}, ''],
      [{ keyword: '', kind: undefined, parentId: null }, ''],
      [{ page: 1, pageSize: 20 }, '?page=1&pageSize=20'],
      [{ keyword: '教育 局' }, '?keyword=%E6%95%99%E8%82%B2+%E5%B1%80'],
      [{ from: '2026-01-01T00:00:00+08:00' }, '?from=2026-01-01T00%3A00%3A00%2B08%3A00'],
    ],
    '%j -> %s',
  );
});

describe('filenameFromDisposition', () => {
  eachReturns(
    filenameFromDisposition,
    [
      // RFC 5987 filename* wins over the ASCII fallback
      [`attachment; filename="units.xlsx"; filename*=UTF-8''%E5%8D%95%E4%BD%8D.xlsx`, '单位.xlsx'],
      [`attachment; filename*=utf-8''%E7%94%A8%E6%88%B7%202026.xlsx`, '用户 2026.xlsx'],
      [`attachment; filename*=UTF-8'zh-CN'%E5%AE%A1%E8%AE%A1.xlsx`, '审计.xlsx'],
      [`attachment; filename*=ISO-8859-1''caf%E9.txt`, 'café.txt'],
      ['attachment; filename="plain name.xlsx"', 'plain name.xlsx'],
      ['attachment; filename="a\\"b.xlsx"', 'a"b.xlsx'],
      ['attachment; filename=bare.xlsx', 'bare.xlsx'],
      ['attachment', null],
      [null, null],
    ],
    '%s -> %s',
  );
});

describe('error details', () => {
  it('rowErrorsOf keeps well-formed rows only', () => {
    const err = new ApiError('VALIDATION', '导入失败', 400, {
      rows: [{ row: 3, message: '单位不存在' }, { row: 'x' }, { row: 5, message: '重复' }],
    });
    expect(rowErrorsOf(err)).toEqual([
      { row: 3, message: '单位不存在' },
      { row: 5, message: '重复' },
    ]);
    expect(rowErrorsOf(new Error('x'))).toEqual([]);
    expect(rowErrorsOf(new ApiError('VALIDATION', 'x', 400))).toEqual([]);
  });
  it('fieldErrorsOf keeps string messages', () => {
    const err = new ApiError('VALIDATION', 'x', 400, { fields: { name: '必填', sort: 3 } });
    expect(fieldErrorsOf(err)).toEqual({ name: '必填' });
  });
});

interface Call {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('api()', () => {
  let calls: Call[];
  let responses: Response[];
  let navigated: string[];
  let cookie: string;
  let path: string;

  beforeEach(() => {
    calls = [];
    responses = [];
    navigated = [];
    cookie = 'gk_csrf=tok1';
    path = '/admin/org/users';
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const r = responses.shift();
      if (!r) throw new Error(`unexpected fetch ${url}`);
      return r;
    });
    setApiHooks({ navigate: (p) => navigated.push(p), currentPath: () => path, cookies: () => cookie });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    resetApiHooks();
  });

  const header = (c: Call | undefined, name: string) =>
    (c?.init.headers as Record<string, string> | undefined)?.[name];

  it('GET unwraps data, sends cookies, no CSRF header', async () => {
    responses.push(json(200, { data: { items: [], total: 0 } }));
    await expect(api('/org/units')).resolves.toEqual({ items: [], total: 0 });
    expect(calls[0]?.url).toBe('/api/org/units');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
  });

  it.each(['POST', 'PUT', 'DELETE'] as const)(
    '%s sends X-CSRF-Token from gk_csrf and a JSON body',
    async (m) => {
      responses.push(json(200, { data: { ok: true } }));
      await api('/org/units/1', { method: m, body: { name: '区教育局' } });
      expect(header(calls[0], 'X-CSRF-Token')).toBe('tok1');
      expect(header(calls[0], 'Content-Type')).toBe('application/json');
      expect(calls[0]?.init.body).toBe('{"name":"区教育局"}');
      expect(calls[0]?.init.method).toBe(m);
    },
  );

  it('sends a post without a token when there is no session cookie (sign-in), asking nothing first', async () => {
    cookie = '';
    responses.push(json(200, { data: { ok: true } }));
    await api('/auth/login', { method: 'POST', body: { username: 'a', password: 'b' } });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/login']);
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
  });

  it.each([
    ['gk_csrf=tok1', [], 'tok1'],
    ['', ['/api/auth/csrf'], 'fresh'],
  ])('an upload with cookie %j asks %j first and sends token %s', async (c, fetched, sent) => {
    cookie = c;
    if (fetched.length) responses.push(json(200, { data: { token: 'fresh' } }));
    const xhrHeaders: Record<string, string> = {};
    class FakeXhr {
      status = 200;
      responseText = '{"data":{"id":"1"}}';
      upload = {};
      onload?: () => void;
      open() {}
      setRequestHeader(k: string, v: string) {
        xhrHeaders[k] = v;
      }
      getResponseHeader() {
        return 'application/json';
      }
      send() {
        this.onload?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    await expect(upload('/tasks/import', new Blob(['x']))).resolves.toEqual({ id: '1' });
    expect(calls.map((x) => x.url)).toEqual(fetched);
    expect(xhrHeaders['X-CSRF-Token']).toBe(sent);
  });

  it('retries once with a fresh token on a CSRF error', async () => {
    responses.push(
      json(403, { error: { code: 'CSRF', message: '安全令牌无效' } }),
      json(200, { data: { token: 'tok2' } }),
      json(200, { data: { ok: true } }),
    );
    await expect(api('/org/units', { method: 'POST', body: {} })).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/org/units', '/api/auth/csrf', '/api/org/units']);
    expect(header(calls[2], 'X-CSRF-Token')).toBe('tok2');
  });

  it('throws ApiError with the server’s Chinese message and details', async () => {
    responses.push(
      json(409, {
        error: { code: 'CONFLICT', message: '单位名称已存在', details: { fields: { name: '重复' } } },
      }),
    );
    const err = await api('/org/units', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'CONFLICT', status: 409, message: '单位名称已存在' });
    expect(navigated).toEqual([]);
  });

  it('non-JSON error body gives a generic message with the status', async () => {
    responses.push(new Response('<html>Bad Gateway</html>', { status: 502 }));
    await expect(api('/org/units')).rejects.toMatchObject({
      code: 'INTERNAL',
      message: '请求失败（HTTP 502）',
    });
  });

  it('network failure becomes a NETWORK ApiError', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api('/org/units')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('401 redirects to the login page with the current path', async () => {
    responses.push(json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    await expect(api('/org/users')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(navigated).toEqual(['/admin/login?redirect=%2Fadmin%2Forg%2Fusers']);
  });

  it('a GET started early (boot.ts) answers the first call for its path, once, errors and redirects included', async () => {
    responses.push(json(200, { data: { id: 'u1' } }), json(200, { data: { id: 'u2' } }));
    startEarly('/auth/me');
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/me']);
    await expect(api('/auth/me')).resolves.toEqual({ id: 'u1' });
    await expect(api('/auth/me')).resolves.toEqual({ id: 'u2' });
    expect(calls).toHaveLength(2);
    // An early 401 still sends the user to the login page.
    responses.push(json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    startEarly('/auth/me');
    await expect(api('/auth/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(navigated).toEqual(['/admin/login?redirect=%2Fadmin%2Forg%2Fusers']);
  });

  it('401 from the login call itself (wrong password) does not redirect', async () => {
    path = '/admin/login';
    responses.push(json(401, { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } }));
    await expect(api('/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({
      message: '用户名或密码错误',
    });
    expect(navigated).toEqual([]);
  });

  it('PASSWORD_CHANGE_REQUIRED goes to the change-password page', async () => {
    responses.push(json(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' } }));
    await expect(api('/org/units')).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(navigated).toEqual(['/admin/password']);
  });

  it('PASSWORD_CHANGE_REQUIRED on the password page does not navigate again', async () => {
    path = '/admin/password';
    responses.push(json(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' } }));
    await expect(api('/org/units')).rejects.toBeInstanceOf(ApiError);
    expect(navigated).toEqual([]);
  });
});
