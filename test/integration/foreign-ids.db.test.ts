// SECURITY.md 10 (no IDOR), walked from the route registry. An insider of 区教委 holding every unit-scoped role
// (联络员 + 审核人, the union of what a unit-scoped account can do) calls every console route with an ID in its path,
// using the IDs of 区发展改革委's own records: each answer is the same 404 as for an ID that never existed, nothing
// changes, and the insider's lists and counts are the same before and after 区发展改革委 filled its records. A
// twin account of 区发展改革委 with the same roles reads the same IDs (200), so each ID is real and reachable. A new
// route with an ID fails here until it has a record below (or a reason it is not a unit's).
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commitBody, initialChoices } from '../../src/admin/features/tasks/importState';
import type { PermissionCode } from '../../src/contracts/permissions';
import { BUILTIN_ROLES } from '../../src/contracts/roles';
import type { ImportPreview } from '../../src/contracts/tasks';
import {
  letters,
  mediaAccounts,
  mediaWebsites,
  requestCases,
  taskAssignments,
  units,
} from '../../src/server/db/schema';
import { portalMailboxes, writeOnPortal } from '../../src/server/modules/interaction';
import { systemActor } from '../../src/server/platform/context';
import { type RouteMeta, routeRegistry } from '../../src/server/platform/http/route';
import { type ApiResponse, type Client, DEMO_PASSWORD, setupApi, type TestApi } from '../api';
import { applyOnPortal } from '../portal-apply';
import { ok, unitRecords } from '../unit-records';

const FAKE = '00000000-0000-4000-8000-000000000000';
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const UNIT_ROLES = BUILTIN_ROLES.filter((r) => r.dataScope === 'unit');
const unitScoped = new Set<PermissionCode>(UNIT_ROLES.flatMap((r) => r.permissions));

/**
 * Routes with an ID whose object belongs to no unit (the district's, or the caller's own): a unit-scoped user
 * reads or acts on them whatever its unit, so there is no foreign ID to try. The unknown ID is still a 404.
 */
const NOT_A_UNITS: Record<string, string> = {
  'get /api/disclosure/normative/campaigns/:id':
    'a 清理 campaign is the district’s; each unit sees only its own marks in it (normative-review.db.test.ts)',
  'get /api/media/bulletins/:id/file': 'a 检查通报 is the district’s published bulletin',
  'post /api/disclosure/decisions/comments/:id/moderate':
    'a comment is reached through its draft, whose foreign ID is walked (decisions/:id/…)',
};

/** Lists of the district's own documents, which every unit reads: they grow when the office adds one. */
const DISTRICT_LISTS: Record<string, string> = {
  '/api/tasks/plans': 'the district’s 任务分工 notices (their task and assignment totals are the notice’s)',
  '/api/tasks/ledger/tasks': 'names the current plan; its items stay the insider’s own (none here)',
  '/api/disclosure/normative/campaigns':
    'the district’s 清理 campaigns (counting published, public documents)',
};

type Json = Record<string, unknown>;
/** The smallest value a JSON schema accepts: required fields, first of a choice, lower bounds. */
function sample(s: Json, root: Json): unknown {
  if (typeof s.$ref === 'string') return sample((root.$defs as Json)[s.$ref.split('/').pop()!] as Json, root);
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const choice = (s.anyOf ?? s.oneOf ?? s.allOf) as Json[] | undefined;
  if (choice) return sample(choice.find((c) => c.type !== 'null') ?? choice[0]!, root);
  switch (s.type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(((s.required ?? []) as string[]).map((k) => [k, sample(props[k]!, root)]));
    }
    case 'array':
      return Array.from({ length: Number(s.minItems ?? 0) }, () => sample(s.items as Json, root));
    case 'string':
      if (s.format === 'uuid') return FAKE;
      if (s.format === 'date-time') return '2026-03-02T08:00:00+08:00';
      if (s.format === 'date' || /\\d\{4\}-/.test(String(s.pattern ?? ''))) return '2026-03-02';
      return '测试内容'.padEnd(Math.max(4, Number(s.minLength ?? 0)), '文');
    case 'integer':
    case 'number':
      return Number(s.minimum ?? 1);
    case 'boolean':
      return false;
    default:
      return null;
  }
}
/** Bodies the schema sample misses (a refinement the JSON schema cannot say). */
const BODIES: Record<string, unknown> = {
  'post /api/interaction/opinions/:id/actions': {
    action: 'respond',
    response: '已回应',
    channel: '官方微博',
    respondedAt: '2026-03-02T08:00:00+08:00',
  },
};
function bodyOf(r: RouteMeta): unknown {
  const given = BODIES[`${r.method} ${r.path}`];
  if (given !== undefined) return given;
  if (r.method === 'get') return undefined;
  if (!r.body) return {};
  const schema = z.toJSONSchema(r.body as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
  return sample(schema, schema);
}
const call = (c: Client, r: RouteMeta, params: Record<string, string>): Promise<ApiResponse> => {
  const path = r.path.replace(
    /:(\w+)/g,
    (_m, name: string) => params[name] ?? (name === 'year' ? '2026' : FAKE),
  );
  if (r.upload) return c.upload(path, '证明.png', PNG);
  return c.request(r.method.toUpperCase(), path, bodyOf(r));
};
const answer = (res: ApiResponse) => ({ status: res.status, error: res.body.error ?? null });

let api: TestApi;
let office: Client;
let insider: Client;
let twin: Client;
/** route path prefix → the 区发展改革委 IDs of its path parameters */
const foreign: [RegExp, Record<string, string>][] = [];
let listsBefore: Map<string, unknown>;

const db = () => api.tdb.database.db;
const unitId = async (name: string) => (await db().select().from(units).where(eq(units.name, name)))[0]!.id;

/** What an answer says: its JSON, the cells of a workbook (whose zip carries the time it was written), or text. */
async function content(res: ApiResponse): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return res.body;
  if (!type.includes('spreadsheetml')) return res.raw.text();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.raw.arrayBuffer());
  return wb.worksheets.map((ws) => ws.getSheetValues());
}

/** Every list and count route the insider may call, with its answer. */
async function insiderLists(): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const r of routeRegistry) {
    if (r.method !== 'get' || r.auth !== 'session' || r.path.includes(':')) continue;
    if (r.permission && !unitScoped.has(r.permission)) continue;
    const res = await insider.request('GET', r.path);
    out.set(r.path, await content(res));
  }
  return out;
}

/** A digest of every business table (the logs and sessions aside): equal digests, nothing changed. */
async function digest(): Promise<Record<string, string>> {
  const tables = await db().execute<{ t: string }>(
    sql`SELECT quote_ident(table_name) AS t FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('audit_log', 'login_log', 'sessions', 'rate_limits', 'login_counters',
                                 'auth_tokens', '__drizzle_migrations')
        ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables.rows) {
    const r = await db().execute<{ h: string | null }>(
      sql.raw(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${t} x`),
    );
    out[t] = r.rows[0]!.h ?? '';
  }
  return out;
}

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  const fgwUnit = await unitId('区发展改革委');
  const jwUnit = await unitId('区教委');
  for (const [username, unit] of [
    ['jw_insider', jwUnit],
    ['fgw_twin', fgwUnit],
  ] as const)
    await ok(
      office.post('/api/org/users', {
        username,
        name: username === 'jw_insider' ? '钱进' : '孙莉',
        unitId: unit,
        roles: UNIT_ROLES.map((r) => r.code),
        password: DEMO_PASSWORD,
      }),
      username,
    );
  insider = await api.loginAs('jw_insider');
  twin = await api.loginAs('fgw_twin');
  listsBefore = await insiderLists();

  // 区发展改革委's records, one of each kind, made by its own staff (the office where only it may).
  const fgwUser = (
    await db().execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'fgw_liaison'`)
  ).rows[0]!.id;
  const item = await ok(twin.draftItem({ title: '发改委草稿' }), 'item');
  const att = await ok(
    twin.upload<{ id: string }>(`/api/disclosure/items/${item.id}/attachments`, '附件.png', PNG),
    'attachment',
  );
  // A portal application, so that the case also holds an identity proof.
  const applied = await applyOnPortal(
    api.anon(),
    {
      unitId: fgwUnit,
      kind: 'commercial',
      name: '某某科技有限公司',
      idType: 'credit_code',
      idNumber: '91500000MA5U000000',
      contactPerson: '钱七',
      phone: '023-12345678',
      description: '企业扶持资金拨付情况',
      deliveryForm: 'electronic',
      deliveryChannel: 'email',
    },
    { file: new File([PNG], '营业执照.png') },
  );
  if (applied.status !== 201) throw new Error(`portal application: ${applied.status}`);
  const code = /data-testid="query-code">([A-Z0-9]+)</.exec(applied.html)![1]!;
  const kase = (await db().select().from(requestCases).where(eq(requestCases.queryCode, code)))[0]!;
  await ok(
    twin.post(`/api/requests/cases/${kase.id}/actions`, {
      action: 'confirm_receipt',
      confirmedOn: '2026-03-02',
    }),
    'receipt',
  );
  await ok(
    twin.post(`/api/requests/cases/${kase.id}/actions`, {
      action: 'request_correction',
      date: '2026-03-02',
      missing: '身份证明',
    }),
    'correction',
  );
  const letter = await ok(
    twin.post<{ id: string }>(`/api/requests/cases/${kase.id}/letters`, {
      kind: 'correction',
      date: '2026-03-02',
    }),
    'case letter',
  );
  const {
    enforcement,
    decision,
    consult,
    qa,
    call: callRow,
    opinion,
    commitment,
  } = await unitRecords(twin, office, fgwUnit);
  const progress = await ok(
    twin.post<{ progress: { id: string }[] }>(`/api/interaction/commitments/${commitment.id}/progress`, {
      on: '2026-03-01',
      text: '已受理 12 个项目',
    }),
    'progress',
  );
  const pid = progress.progress[0]!.id;
  const withEvidence = await ok(
    twin.upload<{ progress: { evidence: { fileId: string }[] }[] }>(
      `/api/interaction/commitments/${commitment.id}/progress/${pid}/evidence`,
      '审批清单.png',
      PNG,
    ),
    'evidence',
  );
  const boxes = await portalMailboxes(db());
  const written = await writeOnPortal(
    api.tdb.database,
    api.clock,
    api.platform.fieldKeys,
    systemActor('portal'),
    {
      mailboxId: boxes.find((b) => b.name === '区发展改革委信箱')!.id,
      type: 'complaint',
      subject: '停车收费不合理',
      body: '红星路停车场收费过高。',
      writerName: '张建国',
      writerPhone: '13912345678',
      writerIdNo: null,
      consent: true,
    },
  );
  const letterId = (await db().select().from(letters).where(eq(letters.letterNo, written.letterNo)))[0]!.id;
  const [account] = await db()
    .insert(mediaAccounts)
    .values({ unitId: fgwUnit, platform: 'wechat', name: '柳塘发改', accountId: 'gh_fgw' })
    .returning();
  const shot = await ok(office.upload<{ fileId: string }>('/api/media/evidence', '截图.png', PNG), 'shot');
  await ok(
    office.post(`/api/media/accounts/${account!.id}/spot-checks`, {
      interactionWorks: true,
      evidenceFileIds: [shot.fileId],
    }),
    'spot check',
  );
  const [site] = await db()
    .insert(mediaWebsites)
    .values({
      unitId: fgwUnit,
      name: '区发改委网站',
      url: 'http://fgw.example.gov.cn/',
      urlKey: 'fgw.example.gov.cn',
    })
    .returning();

  // A work plan whose one task 区发展改革委 leads and carries alone; a progress report citing a file.
  const notice = [
    '关于印发2026年政务公开工作要点的通知',
    '发布日期：2026-03-02',
    '工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
    '1.公开重大建设项目批准和实施信息。 | 区发展改革委 | 区发展改革委 | 2026年6月底前 |',
  ].join('\n');
  const preview = await ok(
    office.post<ImportPreview>('/api/tasks/import/preview-text', { text: notice }),
    'plan',
  );
  // The console's own helpers build the commit body, as the import page does.
  await ok(
    office.post(
      '/api/tasks/import/commit',
      commitBody(preview, preview.plan, initialChoices(preview.units), {
        year: 2026,
        cadence: 'quarter',
        replace: false,
      }),
    ),
    'plan commit',
  );
  const assignment = (
    await db().select().from(taskAssignments).where(eq(taskAssignments.unitId, fgwUnit))
  )[0]!;
  const file = await ok(
    twin.upload<{ fileId: string }>('/api/tasks/attachments', '截图.txt', new TextEncoder().encode('已公开')),
    'task file',
  );
  await ok(
    twin.post(`/api/tasks/assignments/${assignment.id}/reports`, {
      text: '已在网站公开',
      fileIds: [file.fileId],
    }),
    'task report',
  );
  // A published 规范性文件 of 区发展改革委 (three levels of review) and the district's 清理 campaign.
  const normative = await ok(
    twin.draftItem({
      kind: 'normative',
      title: '产业扶持资金管理办法',
      docNumber: '潼发改规〔2024〕1号',
      writtenDate: '2024-03-01',
      bodyHtml: '<p>正文。</p>',
    }),
    'normative',
  );
  await ok(twin.post(`/api/disclosure/items/${normative.id}/submit`, {}), 'submit');
  for (const u of ['fgw_reviewer', 'office_reviewer', 'leader'])
    await ok(
      (await api.loginAs(u)).post(`/api/disclosure/items/${normative.id}/approve`, { comment: '同意' }),
      u,
    );
  const campaign = await ok(
    office.post<{ id: string }>('/api/disclosure/normative/campaigns', { year: 2026, dueDate: '2026-04-30' }),
    'campaign',
  );
  const marks = await ok(
    twin.get<{ marks: { id: string }[] }>(`/api/disclosure/normative/campaigns/${campaign.id}`),
    'marks',
  );

  foreign.push(
    [/^\/api\/org\/units\//, { id: fgwUnit }],
    [/^\/api\/org\/users\//, { id: fgwUser }],
    [/^\/api\/requests\/cases\//, { id: kase.id }],
    [/^\/api\/tasks\/assignments\//, { id: assignment.id }],
    [/^\/api\/tasks\/attachments\//, { id: file.fileId }],
    [/^\/api\/disclosure\/normative\/campaigns\/:id\/marks/, { id: campaign.id, markId: marks.marks[0]!.id }],
    [/^\/api\/disclosure\/normative\/legal\//, { rootId: normative.id }],
    [/^\/api\/requests\/letters\//, { id: letter.id }],
    [/^\/api\/reports\//, { unitId: fgwUnit, year: '2026' }],
    [/^\/api\/disclosure\/units\//, { unitId: fgwUnit }],
    [/^\/api\/disclosure\/items\//, { id: item.id, attId: att.id }],
    [/^\/api\/disclosure\/attachments\//, { attId: att.id }],
    [/^\/api\/disclosure\/enforcement\//, { id: enforcement.id }],
    [/^\/api\/disclosure\/decisions\/:id/, { id: decision.id }],
    [/^\/api\/media\/websites\//, { id: site!.id }],
    [/^\/api\/media\/accounts\//, { id: account!.id }],
    [/^\/api\/media\/evidence\//, { fileId: shot.fileId }],
    [/^\/api\/interaction\/consultations\//, { id: consult.id }],
    [/^\/api\/interaction\/qa\//, { id: qa.id }],
    [/^\/api\/interaction\/calls\//, { id: callRow.id }],
    [/^\/api\/interaction\/opinions\//, { id: opinion.id }],
    [
      /^\/api\/interaction\/commitments\//,
      { id: commitment.id, pid, fileId: withEvidence.progress[0]!.evidence[0]!.fileId },
    ],
    [/^\/api\/interaction\/letters\//, { id: letterId }],
  );
}, 120_000);
afterAll(() => api.close());

/** The routes with an ID that a unit-scoped account may call. */
const idRoutes = () =>
  routeRegistry.filter(
    (r) => r.auth === 'session' && r.path.includes('/:') && (!r.permission || unitScoped.has(r.permission)),
  );
const foreignOf = (r: RouteMeta) => foreign.find(([re]) => re.test(r.path))?.[1];

describe('another unit’s records answer like IDs that never existed (SECURITY.md 10)', () => {
  it('every ID route a unit-scoped account may call has a 区发展改革委 record (or a reason it is no unit’s)', () => {
    expect(idRoutes().length).toBeGreaterThan(60);
    const missing = idRoutes()
      .filter((r) => !foreignOf(r) && !NOT_A_UNITS[`${r.method} ${r.path}`])
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('the twin in 区发展改革委 reads each of those records (the IDs are real)', async () => {
    const bad: string[] = [];
    for (const r of idRoutes().filter((x) => x.method === 'get')) {
      const ids = foreignOf(r);
      if (!ids) continue;
      const res = await call(twin, r, ids);
      if (res.status !== 200) bad.push(`${r.path} → ${res.status} ${JSON.stringify(res.body.error)}`);
    }
    expect(bad).toEqual([]);
  });

  it('the insider of 区教委 gets the unknown ID’s 404 for each of them, reads and writes, and changes nothing', async () => {
    const before = await digest();
    const bad: string[] = [];
    let walked = 0;
    for (const r of idRoutes()) {
      const key = `${r.method} ${r.path}`;
      const unknown = answer(await call(insider, r, {}));
      if (unknown.status !== 404)
        bad.push(`${key} unknown ID → ${unknown.status} ${JSON.stringify(unknown.error)}`);
      const ids = foreignOf(r);
      if (!ids) continue;
      walked++;
      const theirs = answer(await call(insider, r, ids));
      if (JSON.stringify(theirs) !== JSON.stringify(unknown))
        bad.push(`${key} 区发展改革委's ID → ${theirs.status} ${JSON.stringify(theirs.error)}`);
    }
    expect(bad).toEqual([]);
    expect(walked).toBeGreaterThan(55);
    expect(await digest()).toEqual(before);
  });

  it('the insider’s lists and counts are the same as before 区发展改革委 made its records', async () => {
    const after = await insiderLists();
    expect(after.size).toBeGreaterThan(30);
    const changed = [...after].filter(
      ([path, body]) =>
        !DISTRICT_LISTS[path] && JSON.stringify(body) !== JSON.stringify(listsBefore.get(path)),
    );
    expect(changed.map(([path]) => path)).toEqual([]);
  });
});
