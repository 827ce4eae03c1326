// Use case: 行政执法公示 (issue 13 part 6). Each 执法机关 records its decisions (entered or imported from .xlsx, all
// or nothing), publishes them within 7 / 20 working days of the decision (settings), withdraws a revoked one with
// its reason; the portal lists what is published, natural persons masked. A person's ID number is sealed at rest.
import type {
  EnforcementInputBody,
  EnforcementPreview,
  EnforcementRow,
} from '../../../contracts/enforcement';
import { chinaDate } from '../../../domain/calendar';
import {
  DEFAULT_PUBLICATION_DAYS,
  ENFORCEMENT_HEADERS,
  ENFORCEMENT_KIND_LABELS,
  type EnforcementKind,
  type EnforcementStatus,
  PARTY_TYPE_LABELS,
  PUBLICATION_STATE_LABELS,
  type PublicationDays,
  type PublicationState,
  publicationDue,
  publicParty,
  readEnforcementRow,
} from '../../../domain/disclosure/enforcement';
import { maskIdCard, maskPersonalData } from '../../../domain/privacy/mask';
import { maskAddresses } from '../../../domain/review/checks';
import type { DbOrTx } from '../../db/client';
import { enforcementDecisions } from '../../db/schema/disclosure';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor, Platform } from '../../platform/context';
import { seal, unseal } from '../../platform/crypto/fields';
import { AppError, conflict, invalid } from '../../platform/errors';
import { lockFound } from '../../platform/lock-found';
import { getSetting, putAuditedSetting } from '../../platform/settings';
import { readTable, writeTable } from '../../platform/xlsx';
import { assertUnitInScope, resolveNames, scopeFilter, unitNames } from '../org';
import {
  deleteDecision,
  type EnforcementFilter,
  type EnforcementRecord,
  existingDocNumbers,
  insertDecisions,
  listDecisions,
  publishingEnforcementUnits,
  summaryByKind,
  updateDecision,
} from './repo/enforcement';
import type { StaffUser } from './scope';

const SETTING = 'disclosure.enforcementDays';
const MAX_IMPORT_ROWS = 5000;

export async function enforcementDays(db: DbOrTx): Promise<PublicationDays> {
  return { ...DEFAULT_PUBLICATION_DAYS, ...((await getSetting<PublicationDays>(db, SETTING)) ?? {}) };
}

export async function putEnforcementDays(
  p: Platform,
  actor: Actor,
  days: PublicationDays,
): Promise<PublicationDays> {
  await putAuditedSetting(p.database, actor, SETTING, days, {
    action: 'disclosure.enforcement.settings',
    objectType: 'setting',
    detail: days,
  });
  return days;
}

const today = (p: Platform) => chinaDate(p.clock.now());

/** Seals a person's ID number; an organisation's 统一社会信用代码 is public and stays plain. */
const storedCode = (p: Platform, partyType: string, code: string | null | undefined) =>
  code ? (partyType === 'person' ? seal(p.fieldKeys, code) : code) : null;

function toRow(p: Platform, r: EnforcementRecord, state: PublicationState, unitName: string): EnforcementRow {
  const code = r.partyCode
    ? r.partyType === 'person'
      ? maskIdCard(unseal(p.fieldKeys, r.partyCode))
      : r.partyCode
    : null;
  return {
    id: r.id,
    unitId: r.unitId,
    unitName,
    kind: r.kind,
    docNumber: r.docNumber,
    partyType: r.partyType,
    partyName: r.partyName,
    partyCode: code,
    decisionDate: r.decisionDate,
    dueDate: r.dueDate,
    dueProvisional: r.dueProvisional,
    conclusion: r.conclusion,
    basis: r.basis,
    status: r.status,
    publishedOn: r.publishedOn,
    state,
    withdrawReason: r.withdrawReason,
    createdAt: r.createdAt.toISOString(),
  };
}

async function rowsOf(p: Platform, list: { row: EnforcementRecord; state: PublicationState }[]) {
  const names = await unitNames(
    p.database.db,
    list.map((x) => x.row.unitId),
  );
  return list.map((x) => toRow(p, x.row, x.state, names.get(x.row.unitId) ?? ''));
}

export interface EnforcementQuery {
  page?: number;
  pageSize?: number;
  unitId?: string;
  kind?: EnforcementKind;
  state?: PublicationState;
  status?: EnforcementStatus;
  q?: string;
}

const filterOf = (p: Platform, user: StaffUser, q: EnforcementQuery): EnforcementFilter => ({
  scope: scopeFilter(user, enforcementDecisions.unitId),
  unitId: q.unitId,
  kind: q.kind,
  state: q.state,
  status: q.status,
  q: q.q,
  today: today(p),
});

export async function listEnforcement(p: Platform, user: StaffUser, q: EnforcementQuery) {
  const size = q.pageSize ?? 20;
  const { rows, total } = await listDecisions(p.database.db, filterOf(p, user, q), {
    limit: size,
    offset: ((q.page ?? 1) - 1) * size,
  });
  return { items: await rowsOf(p, rows), total };
}

export async function enforcementSummary(p: Platform, user: StaffUser, year: number) {
  const rows = await summaryByKind(
    p.database.db,
    scopeFilter(user, enforcementDecisions.unitId),
    year,
    today(p),
  );
  const byKind = (Object.keys(ENFORCEMENT_KIND_LABELS) as EnforcementKind[]).map(
    (kind) => rows.find((r) => r.kind === kind) ?? { kind, total: 0, published: 0, overdue: 0, late: 0 },
  );
  return { byKind, overdue: byKind.reduce((n, r) => n + r.overdue, 0) };
}

/** The calendar and the settings a due date is computed with (read once per request). */
async function clockOf(p: Platform) {
  return { cal: await getCalendar(p.database), days: await enforcementDays(p.database.db) };
}

function valuesOf(
  p: Platform,
  clock: Awaited<ReturnType<typeof clockOf>>,
  user: StaffUser,
  input: EnforcementInputBody & { publishedOn?: string | null },
) {
  const due = publicationDue(clock.cal, input.kind, input.decisionDate, clock.days);
  return {
    unitId: input.unitId,
    kind: input.kind,
    docNumber: input.docNumber,
    partyType: input.partyType,
    partyName: input.partyName,
    partyCode: storedCode(p, input.partyType, input.partyCode),
    decisionDate: input.decisionDate,
    dueDate: due.date,
    dueProvisional: due.provisional,
    conclusion: input.conclusion,
    basis: input.basis ?? null,
    status: (input.publishedOn ? 'published' : 'draft') as EnforcementStatus,
    publishedOn: input.publishedOn ?? null,
    createdBy: user.id,
  };
}

export async function createEnforcement(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  input: EnforcementInputBody,
) {
  await assertUnitInScope(p.database.db, user, input.unitId);
  if (input.decisionDate > today(p)) throw invalid('决定日期不能晚于今天');
  const values = valuesOf(p, await clockOf(p), user, input);
  const row = await p.database.db.transaction(async (tx) => {
    if ((await existingDocNumbers(tx, input.unitId, [input.docNumber])).size)
      throw conflict(`决定文书号「${input.docNumber}」已录入，请勿重复录入`);
    const [r] = await insertDecisions(tx, [values]);
    await audit(tx, actor, {
      action: 'disclosure.enforcement.create',
      objectType: 'enforcement',
      objectId: r!.id,
      detail: { docNumber: r!.docNumber, kind: r!.kind },
    });
    return r!;
  });
  return (await rowsOf(p, [{ row, state: stateOf(p, row) }]))[0]!;
}

const stateOf = (p: Platform, r: EnforcementRecord): PublicationState => {
  if (r.publishedOn) return r.publishedOn <= r.dueDate ? 'on_time' : 'late';
  return today(p) > r.dueDate ? 'overdue' : 'pending';
};

/** Lock the decision for a change, once it is in the user's scope. */
async function lockScopedDecision(tx: DbOrTx, user: StaffUser, id: string) {
  const r = await lockFound(tx, enforcementDecisions, id, '执法决定');
  await assertUnitInScope(tx, user, r.unitId, '执法决定');
  return r;
}

async function change(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  id: string,
  action: string,
  apply: (tx: DbOrTx, r: EnforcementRecord) => Promise<EnforcementRecord | null>,
) {
  const row = await p.database.db.transaction(async (tx) => {
    const before = await lockScopedDecision(tx, user, id);
    const after = await apply(tx, before);
    await audit(tx, actor, {
      action: `disclosure.enforcement.${action}`,
      objectType: 'enforcement',
      objectId: id,
      detail: { docNumber: before.docNumber },
    });
    return after;
  });
  return row ? (await rowsOf(p, [{ row, state: stateOf(p, row) }]))[0]! : null;
}

export function publishEnforcement(p: Platform, user: StaffUser, actor: Actor, id: string) {
  return change(p, user, actor, id, 'publish', async (tx, r) => {
    if (r.status === 'published') throw conflict('该执法决定已公示');
    if (r.status === 'withdrawn') throw conflict('已撤下的执法决定不能再次公示，请录入更正后的决定');
    return updateDecision(tx, id, { status: 'published', publishedOn: today(p) });
  }) as Promise<EnforcementRow>;
}

export function withdrawEnforcement(p: Platform, user: StaffUser, actor: Actor, id: string, reason: string) {
  return change(p, user, actor, id, 'withdraw', async (tx, r) => {
    if (r.status !== 'published') throw conflict('只有已公示的执法决定可以撤下');
    return updateDecision(tx, id, {
      status: 'withdrawn',
      withdrawnAt: p.clock.now(),
      withdrawReason: reason,
    });
  }) as Promise<EnforcementRow>;
}

export async function removeEnforcement(p: Platform, user: StaffUser, actor: Actor, id: string) {
  await change(p, user, actor, id, 'delete', async (tx, r) => {
    if (r.status !== 'draft') throw conflict('已公示的执法决定不能删除，请使用“撤下”并说明原因');
    await deleteDecision(tx, id);
    return null;
  });
}

// ---------- import and export ----------

/** Reads the sheet: every row parsed, its unit resolved and checked against scope and duplicates. */
export async function previewEnforcementImport(
  p: Platform,
  user: StaffUser,
  bytes: Uint8Array,
): Promise<EnforcementPreview> {
  const table = await readTable(bytes, [...ENFORCEMENT_HEADERS.required], [...ENFORCEMENT_HEADERS.optional]);
  if (table.length === 0) throw invalid('表格中没有数据行');
  if (table.length > MAX_IMPORT_ROWS) throw invalid(`一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`);
  const db = p.database.db;
  const written = [...new Set(table.map((r) => (r.values.执法机关 ?? '').trim()).filter(Boolean))];
  const resolved = new Map(
    (await resolveNames(db, p.config.districtName, written)).map((r) => [r.written, r] as const),
  );
  const parsed = table.map((t) => ({ t, r: readEnforcementRow(t.values) }));
  const seen = new Set<string>();
  const rows: EnforcementPreview['rows'] = [];
  for (const { t, r } of parsed) {
    if (!r.ok) {
      rows.push({ row: t.row, errors: r.errors, value: null });
      continue;
    }
    const errors: string[] = [];
    let unitId: string | null = null;
    let unitName: string | null = null;
    if (r.value.unitName) {
      const m = resolved.get(r.value.unitName);
      const sure = m?.unitId && ['exact', 'alias', 'normalized'].includes(m.status);
      if (!sure) errors.push(`执法机关「${r.value.unitName}」不在单位名录中`);
      else {
        unitId = m.unitId!;
        unitName = m.unitName ?? r.value.unitName;
      }
    } else if (user.dataScope === 'all') errors.push('请填写执法机关');
    else {
      unitId = user.unitId;
      unitName = user.unitName;
    }
    if (unitId) {
      try {
        await assertUnitInScope(db, user, unitId);
      } catch {
        errors.push(`无权为「${unitName}」导入执法决定`);
      }
      const key = `${unitId}|${r.value.docNumber}`;
      if (seen.has(key)) errors.push(`决定文书号「${r.value.docNumber}」在表中重复`);
      else if ((await existingDocNumbers(db, unitId, [r.value.docNumber])).size)
        errors.push(`决定文书号「${r.value.docNumber}」已录入`);
      seen.add(key);
    }
    if (r.value.decisionDate > today(p)) errors.push('决定日期晚于今天');
    const { unitName: _written, ...rest } = r.value;
    rows.push({ row: t.row, errors, value: { ...rest, unitId, unitName } });
  }
  const invalidRows = rows.filter((x) => x.errors.length > 0).length;
  return { rows, valid: rows.length - invalidRows, invalid: invalidRows };
}

/** All or nothing: any row with an error and nothing is stored. */
export async function importEnforcement(p: Platform, user: StaffUser, actor: Actor, bytes: Uint8Array) {
  const preview = await previewEnforcementImport(p, user, bytes);
  const bad = preview.rows.filter((r) => r.errors.length);
  if (bad.length)
    throw new AppError('VALIDATION', `导入失败：${bad.length} 行有错误，未导入任何数据`, {
      rows: bad.map((r) => ({ row: r.row, message: r.errors.join('；') })),
    });
  const clock = await clockOf(p);
  const values = preview.rows.map((r) => {
    const v = r.value!;
    return valuesOf(p, clock, user, { ...v, unitId: v.unitId!, basis: v.basis ?? null });
  });
  await p.database.db.transaction(async (tx) => {
    await insertDecisions(tx, values);
    await audit(tx, actor, {
      action: 'disclosure.enforcement.import',
      objectType: 'enforcement',
      detail: { created: values.length },
    });
  });
  return { created: values.length };
}

export async function exportEnforcement(
  p: Platform,
  user: StaffUser,
  q: EnforcementQuery,
): Promise<Uint8Array> {
  const { rows } = await listDecisions(p.database.db, filterOf(p, user, q));
  const list = await rowsOf(p, rows);
  return writeTable(
    '行政执法决定',
    [
      '执法机关',
      ...ENFORCEMENT_HEADERS.required,
      '当事人类型',
      '证件号码',
      '执法依据',
      '公示时限',
      '公示日期',
      '公示状态',
    ],
    list.map((r) => [
      r.unitName,
      ENFORCEMENT_KIND_LABELS[r.kind],
      r.docNumber,
      r.partyName,
      r.decisionDate,
      r.conclusion,
      PARTY_TYPE_LABELS[r.partyType],
      r.partyCode,
      r.basis,
      r.dueDate,
      r.publishedOn,
      r.status === 'withdrawn' ? '已撤下' : PUBLICATION_STATE_LABELS[r.state],
    ]),
  );
}

// ---------- the portal ----------

export interface PublicEnforcement {
  id: string;
  unitName: string;
  kind: EnforcementKind;
  docNumber: string;
  party: string;
  partyCode: string | null;
  decisionDate: string;
  conclusion: string;
  basis: string | null;
  publishedOn: string;
}

/** What the public sees: published decisions only, natural persons masked. */
export async function publicEnforcementList(
  p: Platform,
  q: { kind?: EnforcementKind; unitId?: string; q?: string; page: number; pageSize: number },
): Promise<{ items: PublicEnforcement[]; total: number; units: { id: string; name: string }[] }> {
  const { rows, total } = await listDecisions(
    p.database.db,
    { status: 'published', kind: q.kind, unitId: q.unitId, q: q.q, today: today(p) },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const unitIds = await publishingEnforcementUnits(p.database.db);
  const names = await unitNames(p.database.db, [...unitIds, ...rows.map((x) => x.row.unitId)]);
  return {
    total,
    units: unitIds
      .map((id) => ({ id, name: names.get(id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    items: rows.map(({ row: r }) => {
      const party = publicParty({
        partyType: r.partyType,
        partyName: r.partyName,
        partyCode: r.partyCode && r.partyType === 'person' ? unseal(p.fieldKeys, r.partyCode) : r.partyCode,
      });
      return {
        id: r.id,
        unitName: names.get(r.unitId) ?? '',
        kind: r.kind,
        docNumber: r.docNumber,
        party: party.name,
        partyCode: party.code,
        decisionDate: r.decisionDate,
        // A conclusion may quote an ID or phone number or a party's home address: the public never reads one.
        conclusion: maskPersonalData(maskAddresses(r.conclusion)),
        basis: r.basis,
        publishedOn: r.publishedOn!,
      };
    }),
  };
}
