// The one fetch wrapper of the console. Every API response is an envelope ({ data } or { error }); see
// src/contracts/api.ts. Unsafe methods carry the CSRF token read from the `gk_csrf` cookie.
import type { ErrorCode } from '../contracts/api';
import { type CallArgs, type Endpoint, fillPath, type ResponseOf } from '../contracts/http';
import { takeEarly } from './early';
import { buildQuery } from './query-string';

export { buildQuery, LIST_PAGE_SIZE } from './query-string';

export const API_BASE = '/api';
export const LOGIN_PATH = '/admin/login';
export const PASSWORD_PATH = '/admin/password';
export const TWO_STEP_PATH = '/admin/two-step';

export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly details: unknown;
  constructor(code: ErrorCode | 'NETWORK', message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Row errors of an all-or-nothing import (400 VALIDATION, details.rows). */
export interface RowError {
  row: number;
  message: string;
}

export function rowErrorsOf(err: unknown): RowError[] {
  if (!(err instanceof ApiError) || typeof err.details !== 'object' || err.details === null) return [];
  const rows = (err.details as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (r): r is RowError =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as RowError).row === 'number' &&
      typeof (r as RowError).message === 'string',
  );
}

export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || typeof err.details !== 'object' || err.details === null) return {};
  const fields = (err.details as { fields?: unknown }).fields;
  if (typeof fields !== 'object' || fields === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/**
 * File name from a Content-Disposition header. RFC 6266: `filename*` (RFC 5987, UTF-8 percent-encoded) wins over
 * the plain `filename`, which is what carries Chinese names.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (star?.[1]) {
    const value = star[1].trim().replace(/^"(.*)"$/, '$1');
    const m = /^([^']*)'[^']*'(.*)$/.exec(value);
    const encoded = m ? m[2]! : value;
    const charset = m ? m[1]!.toLowerCase() : 'utf-8';
    try {
      if (charset === 'utf-8' || charset === '') return decodeURIComponent(encoded);
      // ISO-8859-1: percent-escapes are bytes, each one a code point.
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, h: string) =>
        String.fromCharCode(Number.parseInt(h, 16)),
      );
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header);
  if (plain) {
    if (plain[2] !== undefined) return plain[2].replace(/\\(.)/g, '$1');
    return plain[1]!.trim();
  }
  return null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where the wrapper sends the browser on 401 / forced password change; replaceable for tests and the router. */
export interface ApiHooks {
  navigate: (path: string) => void;
  currentPath: () => string;
  cookies: () => string;
}
const defaultHooks: ApiHooks = {
  navigate: (path) => window.location.assign(path),
  currentPath: () => window.location.pathname,
  cookies: () => document.cookie,
};
let hooks: ApiHooks = defaultHooks;
export function setApiHooks(h: Partial<ApiHooks>): void {
  hooks = { ...hooks, ...h };
}
export function resetApiHooks(): void {
  hooks = defaultHooks;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The CSRF token for unsafe methods: the readable `gk_csrf` cookie, which login sets beside the session. Without it
 * there is no session (the sign-in page: the server checks those posts by their Origin), so nothing is fetched, which
 * would only be refused with 401; when the server rejects the token (`refresh`: a new session, the cookie cleared), a
 * fresh one is fetched from /auth/csrf.
 */
async function csrfHeaders(method: string, refresh = false): Promise<Record<string, string>> {
  if (!UNSAFE.has(method)) return {};
  let token = refresh ? null : readCookie(hooks.cookies(), 'gk_csrf');
  if (refresh) {
    try {
      const res = await fetch(`${API_BASE}/auth/csrf`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (res.ok) {
        const body = (await res.json()) as { data?: { token?: string } };
        token = body.data?.token ?? readCookie(hooks.cookies(), 'gk_csrf');
      }
    } catch {
      // the request itself will report the network failure
    }
  }
  return token ? { 'X-CSRF-Token': token } : {};
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code: ErrorCode | 'NETWORK' = res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL';
  let message = `请求失败（HTTP ${res.status}）`;
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: ErrorCode; message?: string; details?: unknown } };
    if (body.error) {
      if (body.error.code) code = body.error.code;
      if (body.error.message) message = body.error.message;
      details = body.error.details;
    }
  } catch {
    // not JSON (proxy error page etc.): keep the generic message
  }
  return new ApiError(code, message, res.status, details);
}

/** Side effects of auth errors: 401 sends the user to the login page, a pending password change to /password. */
function redirectFor(err: ApiError, path: string): void {
  const here = hooks.currentPath();
  if (err.code === 'UNAUTHENTICATED' && !path.startsWith('/auth/login') && !here.startsWith(LOGIN_PATH)) {
    const back = here.startsWith('/admin') ? `?redirect=${encodeURIComponent(here)}` : '';
    hooks.navigate(`${LOGIN_PATH}${back}`);
  } else if (err.code === 'PASSWORD_CHANGE_REQUIRED' && !here.startsWith(PASSWORD_PATH)) {
    hooks.navigate(PASSWORD_PATH);
  } else if (err.code === 'MFA_ENROLMENT_REQUIRED' && !here.startsWith(TWO_STEP_PATH)) {
    hooks.navigate(TWO_STEP_PATH);
  }
}

async function send(path: string, init: RequestInit, method: string, retried = false): Promise<Response> {
  let res: Response;
  // A GET boot.ts already started (the signed-in user) is answered by that request.
  const early = method === 'GET' && !retried ? takeEarly(path) : undefined;
  try {
    res = await (early ??
      fetch(`${API_BASE}${path}`, {
        ...init,
        method,
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json',
          ...(await csrfHeaders(method, retried)),
          ...(init.headers ?? {}),
        },
      }));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0);
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    // A stale token (new session, cookie cleared): fetch a fresh one and try once more.
    if (err.code === 'CSRF' && !retried) return send(path, init, method, true);
    redirectFor(err, path);
    throw err;
  }
  return res;
}

/** JSON request; resolves to the envelope's `data`. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const init: RequestInit = { signal: opts.signal };
  if (opts.body !== undefined) {
    init.body = JSON.stringify(opts.body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  const res = await send(path, init, method);
  if (res.status === 204) return undefined as T;
  const body = (await res.json()) as { data: T };
  return body.data;
}

/** `call`'s arguments: none at all when the endpoint takes no path parameters and no body. */
export type CallParams<E extends Endpoint> =
  Record<string, never> extends CallArgs<E>
    ? [args?: CallArgs<E>, signal?: AbortSignal]
    : [args: CallArgs<E>, signal?: AbortSignal];

/** The API path (without /api) of an endpoint for these arguments, query string included. */
export function pathFor<E extends Endpoint>(e: E, args?: CallArgs<E>): string {
  const path = fillPath(e.path, args?.params as Record<string, string> | undefined).replace(/^\/api/, '');
  const query = (args?.query ?? {}) as Record<string, string | number | boolean | null | undefined>;
  return `${path}${buildQuery(query)}`;
}

/** Calls an endpoint contract: typed by the contract, so a renamed field fails `tsc` here as on the server. */
export function call<const E extends Endpoint>(
  e: E,
  ...[args, signal]: CallParams<E>
): Promise<ResponseOf<E>> {
  return api<ResponseOf<E>>(pathFor(e, args), {
    method: e.method.toUpperCase() as RequestOptions['method'],
    body: args?.body,
    signal,
  });
}

/** Upload to an endpoint contract with `upload: true` (field `file`), typed by its response. */
export function uploadTo<const E extends Endpoint>(
  e: E,
  file: File | Blob,
  args?: CallArgs<E>,
  onProgress?: (percent: number) => void,
): Promise<ResponseOf<E>> {
  return upload<ResponseOf<E>>(pathFor(e, args), file, onProgress);
}

/** Download from an endpoint contract that answers with a file. */
export function downloadFrom<const E extends Endpoint>(e: E, fallbackName: string, args?: CallArgs<E>) {
  return download(pathFor(e, args), fallbackName);
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>(path, { signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/**
 * multipart upload of one file (field `file`). Uses XMLHttpRequest because fetch has no upload progress.
 */
export async function upload<T>(
  path: string,
  file: File | Blob,
  onProgress?: (percent: number) => void,
): Promise<T> {
  // Uploads happen only inside a session, and have no retry: a missing cookie means fetching the token first.
  const headers = await csrfHeaders('POST', !readCookie(hooks.cookies(), 'gk_csrf'));
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0));
    xhr.onload = () => {
      const res = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        res
          .json()
          .then((b: { data: T }) => resolve(b.data))
          .catch(() => reject(new ApiError('INTERNAL', '服务器返回了无法识别的内容', xhr.status)));
        return;
      }
      errorFrom(res).then((err) => {
        redirectFor(err, path);
        reject(err);
      }, reject);
    };
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'upload');
    xhr.send(form);
  });
}

/** GET a file and hand it to the browser with the server's file name. */
export async function download(path: string, fallbackName: string): Promise<string> {
  const res = await send(path, {}, 'GET');
  const blob = await res.blob();
  const name = filenameFromDisposition(res.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Revoke later: some browsers start the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
  return name;
}
