// One way to declare an API route: it validates input with zod, authenticates, checks the permission code,
// runs the handler and wraps the result in the envelope. Every route is recorded in `routeRegistry`, which
// feeds the OpenAPI document and the permission-matrix test.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { PermissionCode } from '../../../contracts/permissions';
import type { AppEnv, SessionUser } from '../context';
import { AppError } from '../errors';

export type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** 'public' routes need no session. Otherwise a session is required and, when given, this permission. */
  auth?: 'public' | 'session';
  permission?: PermissionCode;
  body?: B;
  query?: Q;
  /** multipart/form-data upload with a `file` field (read with `readUpload`). */
  upload?: boolean;
  /** Allowed even while the user must change their password. */
  allowPasswordChange?: boolean;
  status?: number;
  handler: (args: {
    c: Context<AppEnv>;
    body: z.infer<B>;
    query: z.infer<Q>;
    user: SessionUser;
    params: Record<string, string>;
  }) => Promise<unknown>;
}

export interface RouteMeta {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: 'public' | 'session';
  permission?: PermissionCode;
  body?: z.ZodType;
  query?: z.ZodType;
  upload: boolean;
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

export function defineRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  app: Hono<AppEnv>,
  spec: RouteSpec<B, Q>,
): void {
  const auth = spec.auth ?? 'session';
  if (!routeRegistry.some((r) => r.method === spec.method && r.path === spec.path)) {
    routeRegistry.push({
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      tag: spec.tag,
      auth,
      permission: spec.permission,
      body: spec.body,
      query: spec.query,
      upload: spec.upload ?? false,
    });
  }
  app.on(spec.method.toUpperCase(), spec.path, async (c) => {
    let user = c.get('user');
    if (auth === 'session') {
      if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (user.mustChangePassword && !spec.allowPasswordChange) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码已重置，请先修改密码');
      }
      if (spec.permission && !user.permissions.includes(spec.permission)) {
        throw new AppError('FORBIDDEN', '没有权限执行此操作');
      }
    }
    const query = spec.query ? parseWith(spec.query, c.req.query()) : undefined;
    let body: unknown;
    if (spec.body) {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new AppError('VALIDATION', '请求内容不是有效的 JSON');
      }
      body = parseWith(spec.body, raw);
    }
    user ??= null as unknown as SessionUser;
    const result = await spec.handler({
      c,
      body: body as z.infer<B>,
      query: query as z.infer<Q>,
      user,
      params: c.req.param(),
    });
    if (result instanceof Response) return result;
    return c.json({ data: result ?? null }, (spec.status ?? 200) as 200);
  });
}

// Shared zod pieces with Chinese messages.
export const zPage = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};
export const zDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');
export const zUuid = z.string().uuid('编号格式不正确');
