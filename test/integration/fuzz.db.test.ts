// SECURITY.md 20: every route with a body or query schema, walked from the route registry, is sent seeded random
// inputs derived from its zod contract (test/fuzz.ts): valid ones, mutated ones (wrong types, missing and unknown
// fields, huge strings, NUL, odd Unicode, nested junk, numbers out of range, arrays for objects), pure junk and
// bodies that are not JSON, by a user who holds the route's permission, with a valid CSRF token. Path parameters
// get junk too. Every answer is below 500; every refusal is the error envelope with a Chinese message and no
// stack, within 5 seconds (a hang fails). Unknown fields are refused with 「不支持的字段：…」. The seeds are fixed:
// a failure names the route and the input, and reruns the same. The portal's forms: portal-fuzz.db.test.ts.
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PermissionCode } from '../../src/contracts/permissions';
import { BUILTIN_ROLES, type RoleCode } from '../../src/contracts/roles';
import { unknownFields } from '../../src/contracts/unknown-fields';
import { units, users } from '../../src/server/db/schema';
import { DEMO_USERS } from '../../src/server/demo';
import { type RouteMeta, routeRegistry } from '../../src/server/platform/http/route';
import { type ApiResponse, type Client, DEMO_PASSWORD, setupApi, type TestApi } from '../api';
import {
  around,
  bodies,
  FUZZ_LIMIT_MS,
  junkParams,
  notJson,
  queries,
  type Seeds,
  seedOf,
  validOf,
  within,
} from '../fuzz';
import { ok, staffCaseBody, unitRecords } from '../unit-records';

/** Inputs per route (body or query): about 3,100 requests with the not-JSON bodies, 900 more for path parameters. */
const RUNS = 20;
const SEED = 20_260_302;
const FAKE = '00000000-0000-4000-8000-000000000000';

const USERS: { username: string; roles: RoleCode[] }[] = [
  ...DEMO_USERS,
  { username: 'admin', roles: ['sysadmin'] },
];
const holds = (roles: RoleCode[], p: PermissionCode) =>
  roles.some((r) => BUILTIN_ROLES.find((b) => b.code === r)?.permissions.includes(p));

let api: TestApi;
const clients = new Map<string, Client>();
let seeds: Seeds;
/** Errors the server logged as unhandled (with their stacks), by request path. */
const unhandled: string[] = [];

beforeAll(async () => {
  api = await setupApi();
  api.platform.log = (_level, msg, extra) => {
    if (msg === 'unhandled error') unhandled.push(`${String(extra?.path)}: ${String(extra?.stack)}`);
  };
  for (const u of USERS) clients.set(u.username, await api.loginAs(u.username));
  const db = api.tdb.database.db;
  real.push(...(await realRecords()));
  seeds = {
    uuids: [
      FAKE,
      ...(await db.select({ id: units.id }).from(units)).slice(0, 4).map((r) => r.id),
      ...(await db.select({ id: users.id }).from(users)).slice(0, 2).map((r) => r.id),
    ],
  };
}, 120_000);
afterAll(() => api.close());

/** route path prefix → IDs of records of 区发展改革委 that exist, so that valid bodies reach the handlers' work. */
const real: [RegExp, Record<string, string>][] = [];
async function realRecords(): Promise<[RegExp, Record<string, string>][]> {
  const db = api.tdb.database.db;
  const office = clients.get('office')!;
  const liaison = clients.get('fgw_liaison')!;
  fgwUnit = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  const user = await ok(
    clients.get('admin')!.post<{ id: string }>('/api/org/users', {
      username: 'fuzz_target',
      name: '赵测试',
      unitId: fgwUnit,
      roles: ['liaison'],
      password: DEMO_PASSWORD,
    }),
    'user',
  );
  const item = await ok(liaison.draftItem({ title: '发改委草稿' }), 'item');
  const kase = await ok(office.post<{ id: string }>('/api/requests/cases', staffCaseBody(fgwUnit)), 'case');
  const { enforcement, decision, consult, qa, call, opinion, commitment } = await unitRecords(
    liaison,
    office,
    fgwUnit,
  );
  return [
    [/^\/api\/org\/units\//, { id: fgwUnit }],
    [/^\/api\/org\/users\//, { id: user.id }],
    [/^\/api\/requests\/cases\//, { id: kase.id }],
    [/^\/api\/reports\//, { unitId: fgwUnit }],
    [/^\/api\/disclosure\/units\//, { unitId: fgwUnit }],
    [/^\/api\/disclosure\/items\//, { id: item.id }],
    [/^\/api\/disclosure\/enforcement\//, { id: enforcement.id }],
    [/^\/api\/disclosure\/decisions\/:id/, { id: decision.id }],
    [/^\/api\/interaction\/consultations\//, { id: consult.id }],
    [/^\/api\/interaction\/qa\//, { id: qa.id }],
    [/^\/api\/interaction\/calls\//, { id: call.id }],
    [/^\/api\/interaction\/opinions\//, { id: opinion.id }],
    [/^\/api\/interaction\/commitments\//, { id: commitment.id }],
  ];
}

/**
 * Path parameters: a real record's ID where one is made above (so that a valid body reaches the handler's work),
 * a year, an unknown role code (a valid body must not rewrite a role the fuzzing users hold), otherwise an
 * unknown ID: the handler still validates the body before it looks the record up.
 */
const pathOf = (r: RouteMeta, value?: string) => {
  const ids = real.find(([re]) => re.test(r.path))?.[1] ?? {};
  return r.path.replace(/:(\w+)/g, (_m, name: string) =>
    value !== undefined
      ? value
      : (ids[name] ?? (name === 'year' ? '2026' : name === 'code' ? 'fuzz_role' : FAKE)),
  );
};

/** The client of a user who holds the route's permission (any signed-in user for a route without one). */
function clientFor(r: RouteMeta): Client {
  if (r.auth === 'public') return api.anon();
  const u = r.permission
    ? USERS.find((x) => holds(x.roles, r.permission!))
    : USERS.find((x) => x.username === 'leader');
  return clients.get(u!.username)!;
}

/** What is wrong with an answer, or null: a 5xx, a refusal without the envelope or Chinese text, a stack. */
function fault(res: ApiResponse): string | null {
  if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 400) {
    if (!type.includes('json')) return `${res.status} not JSON (${type})`;
    const message = res.body.error?.message;
    if (typeof res.body.error?.code !== 'string' || typeof message !== 'string')
      return `${res.status} without the error envelope: ${JSON.stringify(res.body).slice(0, 200)}`;
    if (
      !/[\u4e00-\u9fff]/.test(message) ||
      /Invalid input|Too (big|small)|expected \w+, received/.test(message)
    )
      return `${res.status} message not Chinese: ${message.slice(0, 200)}`;
  }
  if (type.includes('json') && /\n\s+at |node_modules\/|\.ts:\d+:\d+/.test(JSON.stringify(res.body)))
    return `${res.status} carries a stack: ${JSON.stringify(res.body).slice(0, 300)}`;
  return null;
}

/** Sends text as the body as it is (not JSON), with the client's cookies and CSRF token. */
async function sendRaw(c: Client, method: string, path: string, text: string): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (c.cookies.size) headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (c.cookies.has('gk_csrf')) headers['x-csrf-token'] = c.cookies.get('gk_csrf')!;
  const res = await api.app.request(path, { method, headers, body: text });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: type.includes('json') ? await res.json() : {},
    headers: res.headers,
    raw: res,
  };
}

/**
 * Bodies known to be accepted, for routes whose contract has refinements a JSON schema cannot say (so that random
 * valid bodies rarely pass): inputs are also drawn around them (test/fuzz.ts `around`).
 */
const KNOWN_GOOD: Record<string, (fgwUnit: string) => Record<string, unknown>> = {
  'post /api/requests/cases': staffCaseBody,
  'post /api/interaction/calls': (unitId) => ({
    channel: 'local',
    calledAt: '2026-03-02T08:30:00+08:00',
    callerName: '王小明',
    callerPhone: '13800138000',
    question: '小微企业技术改造补贴什么时候开始申报？',
    unitId,
  }),
  'post /api/interaction/opinions': (unitId) => ({
    source: '本地论坛',
    summary: '网传公交票价上涨',
    level: 'general',
    unitId,
    foundAt: '2026-03-01T08:00:00+08:00',
  }),
  'post /api/disclosure/normative/campaigns': () => ({ year: 2026, dueDate: '2026-04-30' }),
  'post /api/tasks/import/preview-text': () => ({
    text: [
      '关于印发2026年政务公开工作要点的通知',
      '发布日期：2026-03-02',
      '工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
      '1.公开重大建设项目批准和实施信息。 | 区发展改革委 | 区发展改革委 | 2026年6月底前 |',
    ].join('\n'),
  }),
};
let fgwUnit = '';
const bodiesOf = (key: string, schema: z.ZodType) => {
  const known = KNOWN_GOOD[key];
  return known ? fc.oneof(bodies(schema, seeds), around(known(fgwUnit))) : bodies(schema, seeds);
};

const withQuery = (path: string, q: Record<string, string> | undefined) =>
  q && Object.keys(q).length ? `${path}?${new URLSearchParams(q)}` : path;
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 160 ? `${s.slice(0, 160)}…(${s.length})` : s;
};

// The sign-in routes last: their failures count against the source, never against the fuzzing users' sessions.
const fuzzed = () =>
  routeRegistry
    .filter((r) => r.body || r.query)
    .sort((a, b) => Number(a.path.startsWith('/api/auth/')) - Number(b.path.startsWith('/api/auth/')));

describe('fuzzing every route gives only 4xx with a Chinese message (SECURITY.md 20)', () => {
  it('random, mutated and junk bodies and queries derived from each contract: never a 500, never a stack', {
    timeout: 240_000,
  }, async () => {
    const routes = fuzzed();
    expect(routes.length).toBeGreaterThan(140);
    const bad: string[] = [];
    const statuses = { ok: 0, refused: 0 };
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      const c = clientFor(r);
      const seed = seedOf(key, SEED);
      const qs = r.query ? fc.sample(queries(r.query, seeds), { seed, numRuns: RUNS }) : [];
      const bs = r.body ? fc.sample(bodiesOf(key, r.body), { seed: seed + 1, numRuns: RUNS }) : [];
      for (let i = 0; i < RUNS; i++) {
        const path = withQuery(pathOf(r), qs[i]);
        const body = r.method === 'get' ? undefined : r.body ? bs[i] : {};
        const res = await within(c.request(r.method.toUpperCase(), path, body));
        if (res === 'hang') {
          bad.push(`${key} query ${show(qs[i])} body ${show(body)} → no answer within ${FUZZ_LIMIT_MS} ms`);
          continue;
        }
        res.status < 400 ? statuses.ok++ : statuses.refused++;
        const f = fault(res);
        if (f) bad.push(`${key} query ${show(qs[i])} body ${show(body)} → ${f}`);
      }
      if (r.body) {
        const text = notJson[seed % notJson.length]!;
        const res = await within(sendRaw(c, r.method.toUpperCase(), pathOf(r), text));
        if (res === 'hang') {
          bad.push(`${key} raw ${show(text)} → no answer within ${FUZZ_LIMIT_MS} ms`);
          continue;
        }
        const f = fault(res) ?? (res.status === 400 ? null : `${res.status}, expected 400`);
        if (f) bad.push(`${key} raw ${show(text)} → ${f}`);
      }
    }
    expect([...bad, ...unhandled]).toEqual([]);
    // The inputs reach the handlers (accepted) as well as the schemas (refused).
    expect(statuses.ok).toBeGreaterThan(300);
    expect(statuses.refused).toBeGreaterThan(1500);
  });

  it('a field the contract does not declare is refused by name, in the body, the query and an upload', {
    timeout: 120_000,
  }, async () => {
    const bad: string[] = [];
    let checked = 0;
    // Inputs the contract accepts as they are: parsed, nothing unknown, no control characters (the web guard's).
    const clean = (schema: z.ZodType, v: unknown) => {
      const json = JSON.stringify(v) ?? '';
      return (
        schema.safeParse(v).success &&
        unknownFields(schema, v).length === 0 &&
        !/\\u00[01][0-9a-f]|\\[nrtbf]/.test(json) &&
        !json.includes('\u007f')
      );
    };
    for (const r of fuzzed()) {
      const c = clientFor(r);
      const seed = seedOf(`${r.method} ${r.path} extra`, SEED);
      const q = r.query
        ? fc.sample(queries(r.query, seeds), { seed, numRuns: 60 }).find((v) => clean(r.query!, v))
        : undefined;
      const b =
        r.body && r.body.safeParse(Symbol()).success === false
          ? fc
              .sample(validOf(r.body, seeds), { seed, numRuns: 30 })
              .find((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && clean(r.body!, v))
          : undefined;
      const cases: [string, Record<string, string> | undefined, unknown][] = [];
      if (r.query && q) cases.push(['query', { ...q, zzExtra: '1' }, r.body ? b : undefined]);
      if (r.body && b && (!r.query || q)) cases.push(['body', q, { ...(b as object), zzExtra: '1' }]);
      for (const [where, query, body] of cases) {
        if (r.body && body === undefined) continue;
        const res = await c.request(
          r.method.toUpperCase(),
          withQuery(pathOf(r), query),
          r.method === 'get' ? undefined : (body ?? {}),
        );
        checked++;
        if (res.status !== 400 || res.body.error?.message !== '不支持的字段：zzExtra')
          bad.push(`${r.method} ${r.path} (${where}) → ${res.status} ${res.body.error?.message ?? ''}`);
      }
    }
    // Uploads: the multipart form has one field, `file`.
    const uploads = routeRegistry.filter((r) => r.upload);
    expect(uploads.length).toBeGreaterThan(15);
    for (const r of uploads) {
      const form = new FormData();
      form.append('file', new File([new TextEncoder().encode('a,b\n')], 'a.csv'));
      form.append('zzExtra', '1');
      const q = r.query
        ? fc
            .sample(queries(r.query, seeds), { seed: seedOf(`${r.path} upload`, SEED), numRuns: 60 })
            .find((v) => clean(r.query!, v))
        : undefined;
      const res = await clientFor(r).request('POST', withQuery(pathOf(r), q), undefined, { form });
      if (res.status !== 400 || res.body.error?.message !== '不支持的字段：zzExtra')
        bad.push(`${r.method} ${r.path} (upload) → ${res.status} ${res.body.error?.message ?? ''}`);
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(120);
  });

  it('junk path parameters (text, NUL, traversal, overlong, a nil uuid) are a 4xx on every route with one', {
    timeout: 120_000,
  }, async () => {
    const routes = routeRegistry.filter((r) => r.path.includes('/:'));
    expect(routes.length).toBeGreaterThan(80);
    const bad: string[] = [];
    for (const r of routes) {
      const c = clientFor(r);
      const seed = seedOf(`${r.method} ${r.path}`, SEED);
      // A body the schema accepts, so that the parameter is what is judged.
      const body =
        r.method === 'get'
          ? undefined
          : r.body
            ? fc.sample(validOf(r.body, seeds), { seed, numRuns: 1 })[0]
            : {};
      for (const junk of junkParams) {
        const res = await within(c.request(r.method.toUpperCase(), pathOf(r, junk), body));
        if (res === 'hang') {
          bad.push(`${r.method} ${pathOf(r, junk)} → no answer within ${FUZZ_LIMIT_MS} ms`);
          continue;
        }
        const f = fault(res) ?? (res.status >= 400 ? null : `${res.status}, expected a refusal`);
        if (f) bad.push(`${r.method} ${pathOf(r, junk)} → ${f}`);
      }
    }
    expect([...bad, ...unhandled]).toEqual([]);
  });
});
