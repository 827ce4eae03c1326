// One endpoint = one contract: method, path, permission, request and response schemas. The server mounts it
// (platform/http/route.ts `route`), the OpenAPI document is built from it, and the console calls it by value
// (admin/api.ts `call`), so a renamed field fails `tsc` on both sides.
import { z } from 'zod';
import { codesOf } from '../domain/codes';
import type { PermissionCode } from './permissions';

// zod's own messages (a wrong type, a missing field, an unknown enum value) in Chinese, wherever a schema has no
// message of its own: the server's 400s and the console show them as they are.
z.config(z.locales.zhCN());

export type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface Endpoint {
  method: Method;
  /** '/api/…' with ':name' path parameters. */
  path: string;
  summary: string;
  /** OpenAPI tag (Chinese group name). */
  tag: string;
  /** 'public' routes need no session. Otherwise a session is required and, when given, this permission. */
  auth?: 'public' | 'session';
  permission?: PermissionCode;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The `data` of a success envelope; `zFile` for a download (the handler returns a Response). */
  response: z.ZodType;
  /** multipart/form-data with a `file` field (read with platform `readUpload`). */
  upload?: boolean;
  /** Allowed even while the user must change their password. */
  allowPasswordChange?: boolean;
  status?: number;
}

/** Declares an endpoint keeping its literal types (path, schemas) for both sides. */
export function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

type EndpointExtra = Omit<Endpoint, 'method' | 'path' | 'tag' | 'summary' | 'permission'>;

/**
 * The endpoints of one group (one OpenAPI tag), one call each: `api.get(path, summary, permission, { query,
 * response })`. A null permission: any signed-in user, or nobody's session with `auth: 'public'` in the rest.
 */
export function endpointsOf(tag: string) {
  const as =
    <const M extends Method>(method: M) =>
    <const P extends string, const X extends EndpointExtra>(
      path: P,
      summary: string,
      permission: PermissionCode | null,
      extra: X,
    ) =>
      endpoint({ method, path, tag, summary, ...(permission === null ? {} : { permission }), ...extra });
  return { get: as('get'), post: as('post'), put: as('put'), delete: as('delete'), patch: as('patch') };
}

/** ':id' parameters of a path as an object type. */
export type PathParams<P extends string> = string extends P
  ? Record<string, string>
  : P extends `${string}:${infer Name}/${infer Rest}`
    ? { [K in Name | keyof PathParams<`/${Rest}`>]: string }
    : P extends `${string}:${infer Name}`
      ? { [K in Name]: string }
      : Record<never, never>;

type SchemaIn<S> = S extends z.ZodType ? z.input<S> : undefined;
type SchemaOut<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends: the path parameters, the query and the body, each only when the endpoint has one. */
export type CallArgs<E extends Endpoint> = (keyof PathParams<E['path']> extends never
  ? { params?: undefined }
  : { params: PathParams<E['path']> }) &
  (E['query'] extends z.ZodType ? { query?: SchemaIn<E['query']> } : { query?: undefined }) &
  (E['body'] extends z.ZodType ? { body: SchemaIn<E['body']> } : { body?: undefined });

/** What the endpoint answers (the envelope's `data`), as JSON on the wire. */
export type ResponseOf<E extends Endpoint> = z.output<E['response']>;
export type QueryOf<E extends Endpoint> = SchemaOut<E['query']>;
export type BodyOf<E extends Endpoint> = SchemaOut<E['body']>;

/** A file download: the handler answers with a Response (Content-Disposition), not an envelope. */
export const zFile = z.file().meta({ id: 'File', description: '文件下载' });

/** '/api/disclosure/items/:id' + { id } → '/api/disclosure/items/…' (parameters URI-encoded). */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`缺少路径参数 ${name}（${path}）`);
    return encodeURIComponent(v);
  });
}

// ---- shared schemas (Chinese messages) ----
export const zPage = {
  page: z.coerce.number().int().min(1, '页码应从 1 开始').max(100_000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, '每页最多 500 条').default(20),
};
export const zDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');
export const zUuid = z.string().uuid('编号格式不正确');
/** A yes/no filter in a query string: 'true' is on; 'false' or missing is off. */
export const zQueryFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');
/** An optional month filter in a query string ('2026-03'). */
export const zQueryMonth = z
  .string()
  .regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM')
  .optional();
/**
 * A web address a page shows as a link: http:// or https:// only. `z.string().url()` alone accepts
 * `javascript:alert(1)`, which a link would run when clicked (stored XSS).
 */
export const zWebUrl = (message: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, `链接不超过 ${max} 个字符`)
    .refine((u) => /^https?:\/\/[^\s/]+\S*$/i.test(u) && URL.canParse(u), message);
/** A list's free-text search filter (optional, at most 100 characters). */
export const zKeyword = z.string().trim().max(100).optional();
/** A console list's query: the keyword first, then the list's own filters, then the page. */
export const zListQuery = <F extends z.ZodRawShape>(filters: F) =>
  z.object({ keyword: zKeyword, ...filters, ...zPage });
/**
 * A list's query with the page first: the page, then the list's own filters, then `q`, its free-text search (the
 * disclosure, decision, enforcement and media lists).
 */
export const zPagedQuery = <F extends z.ZodRawShape>(filters: F) =>
  z.object({ ...zPage, ...filters, q: zKeyword });
/** Integer counts of a statistics row, one field per name in that order. */
export const zCounts = <const K extends string>(...names: K[]) =>
  Object.fromEntries(names.map((name) => [name, z.number().int()])) as { [N in K]: z.ZodNumber };
/** The unit a record belongs to, with its name for display. */
export const zUnitRef = { unitId: z.string(), unitName: z.string() };
/** An uploaded file a record keeps (an attachment, a piece of evidence): its stored id, name and size in bytes. */
export const zStoredFile = z.object({ fileId: z.string(), name: z.string(), size: z.number().int() });
/** One entry of a record's history: when, by whom, what was done. */
export const zHistoryEntry = z.object({ at: z.string(), by: z.string(), text: z.string() });
/** The year of a statistics query (the 条例's first year, 2008, to 2100). */
export const zStatsYearQuery = z.object({ year: z.coerce.number().int().min(2008).max(2100) });
/** What an import preview says of each row it refuses; nothing is imported while there is one. */
export const zRowErrors = z.array(z.object({ row: z.number().int(), message: z.string() }));
/** An import preview: the rows read (each with its row number and `fields`) and the blocking errors. */
export const zImportPreview = <F extends z.ZodRawShape>(fields: F) =>
  z.object({
    total: z.number().int(),
    rows: z.array(z.object({ row: z.number().int(), ...fields })),
    errors: zRowErrors,
  });
/** What an all-or-nothing import answers: how many records it created. */
export const zImported = z.object({ created: z.number().int() });
/**
 * The two steps of an upload import under `${path}/import`: `preview` reads the file and saves nothing, `commit`
 * saves every row or none (answering `zImported` unless told otherwise).
 */
export function importEndpoints<
  const P extends string,
  const V extends z.ZodType,
  const C extends z.ZodType = typeof zImported,
>(
  api: ReturnType<typeof endpointsOf>,
  path: P,
  permission: PermissionCode,
  summary: { preview: string; commit: string },
  preview: V,
  commit?: C,
) {
  return {
    preview: api.post(`${path}/import/preview`, summary.preview, permission, {
      upload: true,
      response: preview,
    }),
    commit: api.post(`${path}/import`, summary.commit, permission, {
      upload: true,
      response: (commit ?? zImported) as C,
    }),
  };
}
/** A settings document at `path`: `get` reads it, `put` replaces it and answers what was saved. */
export function settingsEndpoints<const P extends string, const S extends z.ZodType>(
  api: ReturnType<typeof endpointsOf>,
  path: P,
  schema: S,
  read: { summary: string; permission: PermissionCode },
  write: { summary: string; permission: PermissionCode },
) {
  return {
    get: api.get(path, read.summary, read.permission, { response: schema }),
    put: api.put(path, write.summary, write.permission, { body: schema, response: schema }),
  };
}
/** An instant on the wire (JSON of a timestamptz): an ISO date-time string. */
export const zInstant = z.string().meta({ format: 'date-time' });
export const zOk = z.object({ ok: z.literal(true) });
/** A page of a list: `{ items, total }`. */
export function zPaged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** A closed code list read from its label table, with the Chinese message for any other value. */
export const zEnumOf = <K extends string>(labels: Record<K, string>, message: string) =>
  z.enum(codesOf(labels), { message });

/** Required text, trimmed, with Chinese messages for empty and too long ("请填写标题", "标题不超过 200 字"). */
export const zText = (max: number, what: string) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不超过 ${max} 字`);

/** Optional text, trimmed; empty or missing is stored as null. */
export const zNullableText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}不超过 ${max} 字`)
    .nullish()
    .transform((v) => v || null);
