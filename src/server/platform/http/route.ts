// Mounts an endpoint contract (src/contracts/http.ts): authenticates, checks the permission code, validates the
// query and body with the contract's zod schemas (unknown fields refused), runs the handler and wraps the result
// in the envelope. In tests (GONGKAI_CHECK_RESPONSES=1) the answer is also checked against the contract's
// response schema, so a handler and its contract cannot drift apart. Every mounted endpoint is recorded in `routeRegistry`, which feeds the OpenAPI
// document and the permission-matrix test.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { BodyOf, Endpoint, Method, PathParams, QueryOf, ResponseOf } from '../../../contracts/http';
import { unknownFields, unknownFieldsMessage } from '../../../contracts/unknown-fields';
import type { AppEnv, SessionUser } from '../context';
import { AppError } from '../errors';

export { zDate, zPage, zUuid } from '../../../contracts/http';
export type { Method };

/**
 * What a handler may return for a response type: the JSON shape, where any string may also be a Date (a
 * timestamptz column; JSON makes it an ISO string) — or a Response of its own (downloads).
 */
export type ServerValue<T> = T extends string
  ? T | Date
  : T extends Date
    ? T | string
    : T extends readonly (infer U)[]
      ? readonly ServerValue<U>[]
      : T extends object
        ? { [K in keyof T]: ServerValue<T[K]> }
        : T;

export interface HandlerArgs<E extends Endpoint> {
  c: Context<AppEnv>;
  body: BodyOf<E>;
  query: QueryOf<E>;
  /** The signed-in user; on `auth: 'public'` endpoints it may be null at run time. */
  user: SessionUser;
  params: PathParams<E['path']>;
}

export type Handler<E extends Endpoint> = (
  args: HandlerArgs<E>,
) => Promise<ServerValue<ResponseOf<E>> | Response>;

export interface RouteMeta {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: 'public' | 'session';
  permission?: Endpoint['permission'];
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  upload: boolean;
  status?: number;
}

export const routeRegistry: RouteMeta[] = [];

function zodMessage(err: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  return {
    message: first ? `输入有误：${first[0] === '_' ? '' : `${first[0]} `}${first[1]}` : '输入有误',
    fields,
  };
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const { message, fields } = zodMessage(r.error);
    throw new AppError('VALIDATION', message, { fields });
  }
  return r.data;
}

/**
 * parseWith, and a field the schema does not declare is refused instead of dropped (SECURITY.md 20): a misspelt
 * or smuggled field must not look accepted.
 */
export function parseStrict<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const data = parseWith(schema, value);
  const extra = unknownFields(schema, value);
  if (extra.length) {
    throw new AppError('VALIDATION', unknownFieldsMessage(extra), {
      fields: Object.fromEntries(extra.map((f) => [f, '不支持的字段'])),
    });
  }
  return data;
}

const checkResponses = (): boolean => process.env.GONGKAI_CHECK_RESPONSES === '1';

/** Mounts one endpoint contract with its handler. */
export function route<const E extends Endpoint>(app: Hono<AppEnv>, e: E, handler: Handler<E>): void {
  const auth = e.auth ?? 'session';
  if (!routeRegistry.some((r) => r.method === e.method && r.path === e.path)) {
    routeRegistry.push({
      method: e.method,
      path: e.path,
      summary: e.summary,
      tag: e.tag,
      auth,
      permission: e.permission,
      body: e.body,
      query: e.query,
      response: e.response,
      upload: e.upload ?? false,
      status: e.status,
    });
  }
  app.on(e.method.toUpperCase(), e.path, async (c) => {
    let user = c.get('user');
    if (auth === 'session') {
      if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (user.mustChangePassword && !e.allowPasswordChange) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录、密码已重置或已过期，请先修改密码');
      }
      if (user.mustEnrollTotp && !e.allowPasswordChange) {
        throw new AppError('MFA_ENROLMENT_REQUIRED', '该账号须先设置两步验证');
      }
      if (e.permission && !user.permissions.includes(e.permission)) {
        throw new AppError('FORBIDDEN', '没有权限执行此操作');
      }
    }
    const query = e.query ? parseStrict(e.query, c.req.query()) : undefined;
    let body: unknown;
    if (e.body) {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new AppError('VALIDATION', '请求内容不是有效的 JSON');
      }
      body = parseStrict(e.body, raw);
    }
    user ??= null as unknown as SessionUser;
    const result = await handler({
      c,
      body: body as BodyOf<E>,
      query: query as QueryOf<E>,
      user,
      params: c.req.param() as PathParams<E['path']>,
    });
    if (result instanceof Response) return result;
    const data = result ?? null;
    if (checkResponses()) {
      const wire: unknown = JSON.parse(JSON.stringify(data));
      const r = e.response.safeParse(wire);
      if (!r.success) {
        throw new Error(
          `响应与契约不符：${e.method.toUpperCase()} ${e.path}: ${JSON.stringify(r.error.issues.slice(0, 5))}`,
        );
      }
    }
    return c.json({ data }, (e.status ?? 200) as 200);
  });
}
