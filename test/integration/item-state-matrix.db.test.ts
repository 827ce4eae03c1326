// SECURITY.md 9, the object-state dimension: every console route on a disclosure item (its id, an attachment's id
// or a normative document's root id in the path) × every state an item can be in × the demo roles of the author's
// unit, the district and another unit, each with its declared answer class. The items are 区发展改革委's, drafted
// by its liaison and taken to each state through the routes themselves (submit, approve by level, return, override,
// withdraw, correct), never by writing a status. A call expected to succeed that changes something gets an item of
// its own; every other call uses one shared item per state, and after it that item, its versions, attachments,
// review steps, PIA records, 三同步 plan, 合法性审核 mark and search row are exactly as before. A new item route
// fails here until it has a row (derived from the route registry, like permission-matrix.db.test.ts).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteMeta, routeRegistry } from '../../src/server/platform/http/route';
import { type ApiResponse, type Client, setupApi, type TestApi } from '../api';
import { ok } from '../unit-records';

/**
 * The columns of the table. 区发展改革委: its liaison (the author of every item here) and its reviewer; the
 * district: 政务公开科 (office), its reviewer (office + reviewer), the leader (leader + reviewer); another unit:
 * 区教委's liaison; and the two separated roles that hold no disclosure permission.
 */
const ROLES = [
  'fgw_liaison',
  'fgw_reviewer',
  'office',
  'office_reviewer',
  'leader',
  'jw_liaison',
  'auditor',
  'secadmin',
] as const;
type Role = (typeof ROLES)[number];

/**
 * The item states, from the status union (domain/disclosure/workflow.ts ITEM_STATUSES), with 审核中 split by the
 * level awaiting approval under the default 三审 (初审, 复审, 终审).
 */
const STATES = {
  draft: { status: 'draft', level: 0 },
  returned: { status: 'returned', level: 0 },
  review1: { status: 'in_review', level: 1 },
  review2: { status: 'in_review', level: 2 },
  review3: { status: 'in_review', level: 3 },
  scheduled: { status: 'scheduled', level: 3 },
  published: { status: 'published', level: 3 },
  withdrawn: { status: 'withdrawn', level: 3 },
  superseded: { status: 'superseded', level: 3 },
} as const;
type State = keyof typeof STATES;

/**
 * Answer classes: ok = 2xx; 409 = refused by the item's state; 403 = the role lacks the permission, or the
 * workflow refuses this person (the author, or a reviewer of an earlier level: each level by another person);
 * 404 = another unit's item, answered like an unknown id (and, for the 合法性审核 register, a document with no
 * published version).
 */
type Answer = 'ok' | '403' | '404' | '409';

/**
 * One row per item route: each group of states (space-separated) → the answers in ROLES order:
 *                       fgw_liaison fgw_reviewer office office_reviewer leader jw_liaison auditor secadmin
 * The items reach 复审 through 区发展改革委's reviewer and 终审 through the office's reviewer, as in the demo: so
 * at 复审 the unit's reviewer, and at 终审 both, have approved a level already. A level is not tied to a role:
 * any reviewer whose scope holds the item may take any level (disclosure-three-review.db.test.ts).
 */
const PRE = 'draft returned review1 review2 review3';
const POST = 'scheduled published withdrawn superseded';
const ALL = `${PRE} ${POST}`;
const READ = { [ALL]: 'ok ok ok ok ok 404 403 403' };
/** Content changes: a draft or a returned item only (更正 makes a new version of a published one). */
const EDIT = {
  'draft returned': 'ok 403 ok ok 403 404 403 403',
  'review1 review2 review3 scheduled published withdrawn superseded': '409 403 409 409 403 404 403 403',
};
const TABLE: Record<string, Record<string, string>> = {
  'get /api/disclosure/items/:id': READ,
  'put /api/disclosure/items/:id': EDIT,
  'post /api/disclosure/items/:id/attachments': EDIT,
  'delete /api/disclosure/items/:id/attachments/:attId': EDIT,
  'get /api/disclosure/attachments/:attId': READ,
  // Masking rewrites the text under review too; after 终审 it is refused (更正).
  'post /api/disclosure/items/:id/mask': {
    [PRE]: 'ok 403 ok ok 403 404 403 403',
    [POST]: '409 403 409 409 403 404 403 403',
  },
  // A reviewer releases a blocking finding (never the author: the author holds no override permission here).
  'post /api/disclosure/items/:id/override': {
    [PRE]: '403 ok 403 ok ok 403 403 403',
    [POST]: '403 409 403 409 409 403 403 403',
  },
  'post /api/disclosure/items/:id/submit': {
    'draft returned': 'ok 403 ok ok 403 404 403 403',
    'review1 review2 review3 scheduled published withdrawn superseded': '409 403 409 409 403 404 403 403',
  },
  'post /api/disclosure/items/:id/approve': {
    review1: '403 ok 403 ok ok 403 403 403',
    review2: '403 403 403 ok ok 403 403 403',
    review3: '403 403 403 403 ok 403 403 403',
    'draft returned scheduled published withdrawn superseded': '403 409 403 409 409 403 403 403',
  },
  // A scheduled item (终审 passed, not yet public) may still be sent back.
  'post /api/disclosure/items/:id/return': {
    'review1 review2 review3 scheduled': '403 ok 403 ok ok 403 403 403',
    'draft returned published withdrawn superseded': '403 409 403 409 409 403 403 403',
  },
  'post /api/disclosure/items/:id/withdraw': {
    'scheduled published': '403 ok ok ok ok 403 403 403',
    'draft returned review1 review2 review3 withdrawn superseded': '403 409 409 409 409 403 403 403',
  },
  'post /api/disclosure/items/:id/correct': {
    published: 'ok 403 ok ok 403 404 403 403',
    'draft returned review1 review2 review3 scheduled withdrawn superseded':
      '409 403 409 409 403 404 403 403',
  },
  'get /api/disclosure/items/:id/interpretation-plan': READ,
  // The 三同步 plan is what 终审 passed on.
  'put /api/disclosure/items/:id/interpretation-plan': {
    [PRE]: 'ok 403 ok ok 403 404 403 403',
    [POST]: '409 403 409 409 403 404 403 403',
  },
  // The 合法性审核/备案 register holds the published normative documents (by root: a superseded version's root
  // has its correction published); another document id is unknown to it.
  'put /api/disclosure/normative/legal/:rootId': {
    'published superseded': 'ok 403 ok ok 403 404 403 403',
    'draft returned review1 review2 review3 scheduled withdrawn': '404 403 404 404 403 404 403 403',
  },
};

/** Disclosure routes with a path parameter that names something other than an item, and what it names. */
const NOT_ITEMS: [RegExp, string][] = [
  [/^\/api\/disclosure\/columns\/:id$/, '公开目录的栏目'],
  [/^\/api\/disclosure\/units\/:unitId\//, '单位的审核级别与公开指南'],
  [/^\/api\/disclosure\/enforcement\/:id(\/|$)/, '行政执法决定 (enforcement.db.test.ts)'],
  [/^\/api\/disclosure\/decisions\//, '重大行政决策草案与意见 (decisions.db.test.ts)'],
  [/^\/api\/disclosure\/normative\/campaigns\/:id(\/|$)/, '规范性文件清理工作 (normative-review.db.test.ts)'],
];

const keyOf = (r: Pick<RouteMeta, 'method' | 'path'>) => `${r.method} ${r.path}`;
/** The rows of a route, state by state. */
function rowsOf(key: string): [State, Answer[]][] {
  return Object.entries(TABLE[key]!).flatMap(([states, line]) =>
    states.split(' ').map((s) => [s as State, line.split(/\s+/) as Answer[]] as [State, Answer[]]),
  );
}

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);
// An ID number: a blocking finding, so that an override has something to release and 终审 needs it released.
const BODY = '<p>申请人身份证号 11010519491231002X，予以公示。</p>';
const LATER = '2026-03-09T09:00:00+08:00'; // the test clock stands at 2026-03-02 09:00
const PIA = {
  reason: '依法公示，已告知本人',
  purpose: '依据《社会救助暂行办法》公示救助对象',
  impact: '身份证号公开可能被冒用',
  measures: '公示期满后撤下',
};
/** A valid body for each route, so that the answer is about the item's state and the caller, not the input. */
const bodies = (n: number): Record<string, unknown> => ({
  'put /api/disclosure/items/:id': {
    kind: 'normative',
    title: `状态矩阵第${n}号（修改）`,
    docNumber: `潼发改规〔2026〕${n}号`,
    writtenDate: '2026-02-20',
    bodyHtml: BODY,
  },
  'post /api/disclosure/items/:id/mask': {},
  'post /api/disclosure/items/:id/override': { key: overrideKey, ...PIA },
  'post /api/disclosure/items/:id/submit': {},
  'post /api/disclosure/items/:id/approve': { comment: '同意' },
  'post /api/disclosure/items/:id/return': { comment: '请补充依据' },
  'post /api/disclosure/items/:id/withdraw': { reason: '内容有误，予以撤回' },
  'post /api/disclosure/items/:id/correct': {},
  'put /api/disclosure/items/:id/interpretation-plan': {
    majorPolicy: false,
    firstInterpreter: '区发展改革委主任',
    exemptionReason: null,
  },
  'put /api/disclosure/normative/legal/:rootId': {
    legalityReviewedOn: '2026-02-25',
    legalityOpinion: '经审核，合法',
    filingNumber: '潼备〔2026〕1号',
    filedOn: '2026-02-27',
  },
});

interface Fixture {
  id: string;
  rootId: string;
  attId: string;
  n: number;
}

let api: TestApi;
const as = {} as Record<Role, Client>;
const shared = {} as Record<State, Fixture>;
let overrideKey = '';
let made = 0;

const itemPath = (id: string) => `/api/disclosure/items/${id}`;
const step = (who: Role, id: string, action: string, body: unknown = {}) =>
  ok(as[who].post(`${itemPath(id)}/${action}`, body), `${who} ${action}`);

/** Takes a fresh draft to `state` through the workflow routes, as the demo accounts would. */
async function advance(id: string, state: State): Promise<void> {
  if (state === 'draft') return;
  await step('fgw_liaison', id, 'submit');
  if (state === 'review1') return;
  if (state === 'returned') {
    await step('fgw_reviewer', id, 'return', { comment: '请修改' });
    return;
  }
  await step('fgw_reviewer', id, 'approve', { comment: '同意' });
  if (state === 'review2') return;
  await step('office_reviewer', id, 'approve', { comment: '同意' });
  // The ID number blocks 终审: the 复审 reviewer releases it with a reason and the PIA.
  await step('office_reviewer', id, 'override', { key: overrideKey, ...PIA });
  if (state === 'review3') return;
  // Published at once, or scheduled when the draft carries a later 预定发布时间.
  await step('leader', id, 'approve', { comment: '同意' });
  if (state === 'scheduled' || state === 'published') return;
  if (state === 'withdrawn') {
    await step('office', id, 'withdraw', { reason: '内容有误，撤回' });
    return;
  }
  // superseded: a correction goes through the same review and replaces this version.
  const v2 = await ok(as.fgw_liaison.post<{ id: string }>(`${itemPath(id)}/correct`, {}), 'correct');
  await advance(v2.id, 'published');
}

/** A new item of 区发展改革委 in `state` (with an attachment when asked), checked to be in that state. */
async function build(state: State, withAttachment: boolean): Promise<Fixture> {
  const n = ++made;
  const { id } = await ok(
    as.fgw_liaison.draftItem({
      kind: 'normative',
      title: `状态矩阵第${n}号`,
      docNumber: `潼发改规〔2026〕${n}号`,
      writtenDate: '2026-02-20',
      bodyHtml: BODY,
      ...(state === 'scheduled' ? { publishAt: LATER } : {}),
    }),
    `draft ${n}`,
  );
  const attId = withAttachment
    ? (
        await ok(
          as.fgw_liaison.upload<{ id: string }>(`${itemPath(id)}/attachments`, '附件.png', PNG),
          'upload',
        )
      ).id
    : '';
  if (!overrideKey) {
    const d = await ok(
      as.office.get<{ findings: { kind: string; start: number; text: string; source?: string }[] }>(
        itemPath(id),
      ),
      'detail',
    );
    const f = d.findings.find((x) => x.kind === 'id_card')!;
    overrideKey = `${f.source ?? ''}|${f.kind}|${f.start}|${f.text}`;
  }
  await advance(id, state);
  const d = await ok(as.office.get<{ status: string; level: number; rootId: string }>(itemPath(id)), 'state');
  if (d.status !== STATES[state].status || d.level !== STATES[state].level)
    throw new Error(`item ${n} should be ${state}: ${d.status} level ${d.level}`);
  return { id, rootId: d.rootId, attId, n };
}

/** Everything of the item's document: its versions, attachments, steps, PIA records, plan, legal mark, search row. */
async function snapshot(f: Fixture): Promise<Record<string, string | null>> {
  const r = await api.tdb.database.db.execute<Record<string, string | null>>(sql`
    WITH v AS (SELECT * FROM disclosure_items WHERE root_id = ${f.rootId})
    SELECT
      (SELECT string_agg(v::text, '|' ORDER BY v.version) FROM v) AS versions,
      (SELECT string_agg(a::text, '|' ORDER BY a.id) FROM disclosure_attachments a
        WHERE a.item_id IN (SELECT id FROM v)) AS attachments,
      (SELECT string_agg(s::text, '|' ORDER BY s.id) FROM disclosure_review_steps s
        WHERE s.item_id IN (SELECT id FROM v)) AS steps,
      (SELECT string_agg(p::text, '|' ORDER BY p.id) FROM disclosure_pia_records p
        WHERE p.item_id IN (SELECT id FROM v)) AS pia,
      (SELECT p::text FROM disclosure_interpretation_plans p WHERE p.policy_root_id = ${f.rootId}) AS plan,
      (SELECT m::text FROM normative_legal_marks m WHERE m.item_root_id = ${f.rootId}) AS legal,
      (SELECT string_agg(s.item_id::text || s.published_at::text, '|' ORDER BY s.item_id)
        FROM disclosure_search s WHERE s.item_id IN (SELECT id FROM v)) AS search`);
  return r.rows[0]!;
}

function call(r: RouteMeta, who: Role, f: Fixture): Promise<ApiResponse> {
  const path = r.path.replace(/:(\w+)/g, (_m, name: string) => {
    const v = { id: f.id, attId: f.attId, rootId: f.rootId }[name];
    if (!v) throw new Error(`no value for :${name} of ${r.path}`);
    return v;
  });
  if (r.upload) return as[who].upload(path, '附件二.png', PNG);
  const body = r.method === 'get' ? undefined : (bodies(f.n)[keyOf(r)] ?? {});
  return as[who].request(r.method.toUpperCase(), path, body);
}
const classOf = (status: number): string => (status >= 200 && status < 300 ? 'ok' : String(status));

beforeAll(async () => {
  api = await setupApi();
  for (const u of ROLES) as[u] = await api.loginAs(u);
  for (const s of Object.keys(STATES) as State[]) shared[s] = await build(s, true);
}, 300_000);
afterAll(() => api?.close());

/** The session routes on an item: those with a row must be exactly these. */
const disclosureIdRoutes = () =>
  routeRegistry.filter(
    (r) => r.auth === 'session' && r.path.startsWith('/api/disclosure/') && r.path.includes('/:'),
  );

describe('item routes × state × role: the declared table (SECURITY.md 9)', () => {
  it('every disclosure route with a path parameter has a row, unless it names no item; every row a route', () => {
    const routes = disclosureIdRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes
      .filter((r) => !TABLE[keyOf(r)] && !NOT_ITEMS.some(([re]) => re.test(r.path)))
      .map(keyOf);
    expect(missing).toEqual([]);
    // An item route is never waved through as "not an item".
    const itemLike = routes.filter((r) => /\/items\/:id|\/attachments\/:attId|\/legal\/:rootId/.test(r.path));
    expect(itemLike.map(keyOf).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it('each row gives every state exactly once and an answer for every role', () => {
    for (const key of Object.keys(TABLE)) {
      const rows = rowsOf(key);
      expect(rows.map(([s]) => s).sort(), key).toEqual(Object.keys(STATES).sort());
      for (const [s, answers] of rows) {
        expect(answers.length, `${key} ${s}`).toBe(ROLES.length);
        for (const a of answers) expect(['ok', '403', '404', '409'], `${key} ${s}`).toContain(a);
      }
    }
  });

  for (const key of Object.keys(TABLE))
    it(`${key}: each state × role answers as declared; a refused call changes nothing`, async () => {
      const route = routeRegistry.find((r) => keyOf(r) === key);
      expect(route, key).toBeDefined();
      const bad: string[] = [];
      for (const [state, answers] of rowsOf(key))
        for (const [i, who] of ROLES.entries()) {
          const want = answers[i]!;
          // A call that should change the item gets one of its own: the shared one stays in its state.
          const own = want === 'ok' && route!.method !== 'get';
          const f = own ? await build(state, route!.path.includes(':attId')) : shared[state];
          const before = own ? null : await snapshot(f);
          const res = await call(route!, who, f);
          const got = classOf(res.status);
          if (got !== want)
            bad.push(`${state} ${who}: ${res.status} ${res.body.error?.message ?? ''} (expected ${want})`);
          if (before) {
            const after = await snapshot(f);
            const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
            if (changed.length) bad.push(`${state} ${who}: ${got} but changed ${changed.join(', ')}`);
          }
        }
      expect(bad).toEqual([]);
    }, 300_000);
});
