// 依申请公开 cases: intake (portal and staff), the clock through the platform calendar, actions, reply.
import { randomInt } from 'node:crypto';
import { and, desc, eq, ilike, inArray, isNull, like, not, or, type SQL, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../contracts/api';
import type { CaseDetail, CaseStatus, CaseSummary, RequestStats } from '../../../contracts/requests';
import { BUILTIN_ROLES } from '../../../contracts/roles';
import type { WorkingDayCalendar } from '../../../domain/calendar';
import { chinaDate } from '../../../domain/calendar';
import { maskName } from '../../../domain/privacy/mask';
import {
  allowedActions,
  CLOCK_EVENT_LABELS,
  type ClockEvent,
  type ClockOptions,
  type ConsultationKind,
  computeDueDates,
  DEFAULT_CLOCK_OPTIONS,
  validateTransition,
} from '../../../domain/requests/clock';
import {
  applicationFee,
  FEE_METHOD_LABELS,
  type FeeMethod,
  kthApplicationInMonth,
} from '../../../domain/requests/fees';
import { applicantKey, checkIdCardNumber } from '../../../domain/requests/identity';
import { checkIntake, INTAKE_FIELD_LABELS, type IntakeCheck } from '../../../domain/requests/intake';
import {
  type ApplicantKind,
  checkOutcomeBasis,
  type LegalBasisCode,
  OUTCOME_FAMILY_LABELS,
  OUTCOME_LABELS,
  type OutcomeCode,
  type OutcomeFamily,
  outcomeFamily,
} from '../../../domain/requests/outcomes';
import { determineReceiptDate, type SubmissionChannel } from '../../../domain/requests/receipt';
import type { Database, DbOrTx } from '../../db/client';
import {
  type ApplicantData,
  requestCases,
  requestLetters,
  requestRemedies,
  rolePermissions,
  type TimelineEntry,
  units,
  userRoles,
  users,
} from '../../db/schema';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor, Clock } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify/service';
import { getSetting } from '../../platform/settings';
import { assertUnitInScope, scopeFilter } from '../org/org.scope';

export type CaseRow = typeof requestCases.$inferSelect;
type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;

/** Clock settings (REGULATIONS §1.2, §3; APP-12 [I], FEE-6/FEE-7 [M]) stored under `requests.clock`. */
export async function clockOptions(db: Database | DbOrTx): Promise<ClockOptions> {
  const stored = await getSetting<Partial<ClockOptions>>(db, 'requests.clock');
  return { ...DEFAULT_CLOCK_OPTIONS, ...stored };
}

export function today(clock: Clock): string {
  return chinaDate(clock.now());
}

export function clockEvents(row: Pick<CaseRow, 'timeline'>): ClockEvent[] {
  return row.timeline.flatMap((t) => (t.event ? [t.event] : []));
}

/** Status, due date and trace of an open case from its events. Closed and unconfirmed cases keep theirs. */
export function recompute(
  row: CaseRow,
  cal: WorkingDayCalendar,
  opts: ClockOptions,
  asOf: string,
): { status: CaseStatus; replyDue: string | null; trace: string[]; due: ReturnType<typeof computeDueDates> } {
  const due = computeDueDates({ events: clockEvents(row), options: opts, asOf }, cal);
  if (row.status === 'closed' || row.status === 'submitted') {
    return { status: row.status, replyDue: row.replyDue, trace: due.trace, due };
  }
  // A paused clock has no due date: it is only known once the pause ends (remainingWorkingDays says how many).
  return {
    status: due.status,
    replyDue: due.replyDue,
    trace: due.trace,
    due,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Intake

export interface ApplicantInput {
  kind: ApplicantKind;
  name: string;
  idType: ApplicantData['idType'];
  idNumber: string;
  phone: string;
  email?: string | null;
  address?: string | null;
  contactPerson?: string | null;
}

export interface IntakeInput {
  unitId: string;
  applicant: ApplicantInput;
  description: string;
  purpose?: string | null;
  deliveryForm: string;
  deliveryChannel: string;
  idProofFileId?: string | null;
}

/** Staff may register an incomplete letter or oral application: missing items go to 补正 (APP-1). */
export interface StaffIntakeInput
  extends Omit<IntakeInput, 'description' | 'deliveryForm' | 'deliveryChannel'> {
  description?: string | null;
  deliveryForm?: string | null;
  deliveryChannel?: string | null;
  channel: SubmissionChannel;
  handedInOn?: string | null;
  signedForOn?: string | null;
  arrivedOn?: string | null;
  confirmedOn?: string | null;
  submittedOn?: string | null;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

function checkApplicant(a: ApplicantInput, asOf: string): void {
  if (a.kind === 'natural_person') {
    if (a.idType === 'credit_code') throw invalid('自然人应提供身份证件号码');
    if (a.idType === 'id_card') {
      const err = checkIdCardNumber(a.idNumber, asOf);
      if (err) throw invalid(err, { fields: { 'applicant.idNumber': err } });
    }
  } else {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(a.idNumber.trim().toUpperCase())) {
      const err = '统一社会信用代码应为 18 位数字或大写字母';
      throw invalid(err, { fields: { 'applicant.idNumber': err } });
    }
    if (!a.contactPerson?.trim())
      throw invalid('法人或其他组织应填写联系人', { fields: { 'applicant.contactPerson': '必填' } });
  }
}

async function nextCaseNo(tx: DbOrTx, year: string): Promise<string> {
  const r = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(requestCases)
    .where(like(requestCases.caseNo, `${year}-%`));
  return `${year}-${String((r[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

function normaliseDescription(s: string): string {
  return s.replace(/[\s，。、,.；;：:“”"'‘’（）()]/g, '');
}

/** An open case of the same applicant asking for the same information, if any. */
export async function findDuplicate(db: DbOrTx, key: string, description: string): Promise<CaseRow | null> {
  const rows = await db
    .select()
    .from(requestCases)
    .where(and(eq(requestCases.applicantKey, key), not(eq(requestCases.status, 'closed'))));
  const norm = normaliseDescription(description);
  return rows.find((r) => normaliseDescription(r.description) === norm) ?? null;
}

async function assertUnitExists(db: DbOrTx, unitId: string): Promise<string> {
  const u = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  if (!u[0]) throw invalid('受理机关不存在');
  return u[0].name;
}

function applicantData(a: ApplicantInput): ApplicantData {
  return {
    name: a.name.trim(),
    idType: a.idType,
    idNumber: a.idNumber.trim().toUpperCase(),
    phone: a.phone.trim(),
    email: a.email?.trim() || null,
    address: a.address?.trim() || null,
    contactPerson: a.contactPerson?.trim() || null,
  };
}

/** A portal application: stored as 'submitted' until staff confirm receipt (Art. 31(三): 双方确认之日). */
export async function submitOnline(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  input: IntakeInput,
): Promise<{ id: string; queryCode: string; caseNo: string }> {
  const asOf = today(clock);
  checkApplicant(input.applicant, asOf);
  await assertUnitExists(tx, input.unitId);
  const key = applicantKey(input.applicant.idNumber, input.applicant.name);
  const dup = await findDuplicate(tx, key, input.description);
  if (dup) {
    throw invalid(
      `您已于 ${dup.submittedOn ?? dup.receivedOn ?? ''} 提交过内容相同的申请，正在办理中，请勿重复提交；可使用当时获得的查询码查询进度`,
    );
  }
  const queryCode = newQueryCode();
  const caseNo = await nextCaseNo(tx, asOf.slice(0, 4));
  const [row] = await tx
    .insert(requestCases)
    .values({
      caseNo,
      queryCode,
      unitId: input.unitId,
      channel: 'online',
      applicantKind: input.applicant.kind,
      applicant: applicantData(input.applicant),
      applicantKey: key,
      idProofFileId: input.idProofFileId ?? null,
      description: input.description.trim(),
      purpose: input.purpose?.trim() || null,
      deliveryForm: input.deliveryForm,
      deliveryChannel: input.deliveryChannel,
      submittedOn: asOf,
      status: 'submitted',
      timeline: [
        { at: clock.now().toISOString(), by: '申请人', text: `网上提交申请（${asOf}），待双方确认` },
      ],
    })
    .returning({ id: requestCases.id });
  await audit(tx, actor, {
    action: 'requests.submit',
    objectType: 'request_case',
    objectId: row!.id,
    detail: caseNo,
  });
  return { id: row!.id, queryCode, caseNo };
}

function receivedEntry(clock: Clock, by: string, date: string, rule: string): TimelineEntry {
  return {
    at: clock.now().toISOString(),
    by,
    text: `确认收到申请日期 ${date}：${rule}`,
    event: { type: 'received', date },
  };
}

async function finish(
  database: Database,
  tx: DbOrTx,
  row: CaseRow,
  patch: Partial<CaseRow>,
  asOf: string,
): Promise<void> {
  const cal = await getCalendar(database);
  const next = { ...row, ...patch } as CaseRow;
  const r = recompute(next, cal, await clockOptions(tx), asOf);
  await tx
    .update(requestCases)
    .set({ ...patch, status: r.status, replyDue: r.replyDue, trace: r.trace, updatedAt: new Date() })
    .where(eq(requestCases.id, row.id));
}

/** Art. 29 completeness of a stored case (APP-1); the applicant's identity and phone are validated at entry. */
export function intakeOf(
  row: Pick<CaseRow, 'applicant' | 'description' | 'deliveryForm' | 'deliveryChannel'>,
): IntakeCheck {
  return checkIntake({
    applicant_name: row.applicant.name,
    id_proof: row.applicant.idNumber,
    contact: row.applicant.phone || row.applicant.email || row.applicant.address,
    info_description: row.description,
    delivery_form: row.deliveryForm,
    delivery_channel: row.deliveryChannel,
  });
}

/**
 * Staff register an application by channel; the receipt date follows Art. 31 and records who confirmed it.
 * An application missing items of Art. 29 is still registered (its clock runs from receipt) and flagged so the
 * clerk sends the single correction notice within 7 working days (Art. 30, REGULATIONS §1.2 APP-1).
 */
export async function registerByStaff(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  input: StaffIntakeInput,
): Promise<{
  id: string;
  queryCode: string;
  caseNo: string;
  duplicateOf: string | null;
  intake: IntakeCheck;
  correctionNoticeDue: string | null;
}> {
  const asOf = today(clock);
  checkApplicant(input.applicant, asOf);
  const receipt = determineReceiptDate(input, asOf);
  if (!receipt.ok) throw invalid(receipt.error);
  const fields = {
    description: input.description?.trim() ?? '',
    deliveryForm: input.deliveryForm?.trim() ?? '',
    deliveryChannel: input.deliveryChannel?.trim() ?? '',
  };
  const intake = intakeOf({ applicant: applicantData(input.applicant), ...fields });
  if (intake.route === 'reject') throw invalid(intake.message ?? '申请缺少联系方式');
  return database.db.transaction(async (tx) => {
    await assertUnitExists(tx, input.unitId);
    await assertUnitInScope(tx, user, input.unitId);
    const key = applicantKey(input.applicant.idNumber, input.applicant.name);
    // Without a description there is nothing to compare: no duplicate is inferred.
    const dup = fields.description ? await findDuplicate(tx, key, fields.description) : null;
    const queryCode = newQueryCode();
    const caseNo = await nextCaseNo(tx, asOf.slice(0, 4));
    const by = actor.username ?? '工作人员';
    const timeline: TimelineEntry[] = [receivedEntry(clock, by, receipt.date, receipt.rule)];
    if (intake.route === 'correction' && intake.message) {
      timeline.push({ at: clock.now().toISOString(), by, text: `登记时发现：${intake.message}` });
    }
    const [row] = await tx
      .insert(requestCases)
      .values({
        caseNo,
        queryCode,
        unitId: input.unitId,
        channel: input.channel,
        applicantKind: input.applicant.kind,
        applicant: applicantData(input.applicant),
        applicantKey: key,
        idProofFileId: input.idProofFileId ?? null,
        ...fields,
        purpose: input.purpose?.trim() || null,
        submittedOn: input.submittedOn ?? null,
        receivedOn: receipt.date,
        receiptRule: receipt.rule,
        receiptConfirmedBy: by,
        duplicateOf: dup?.id ?? null,
        status: 'running',
        timeline,
      })
      .returning();
    await finish(database, tx, row!, {}, asOf);
    await audit(tx, actor, {
      action: 'requests.register',
      objectType: 'request_case',
      objectId: row!.id,
      detail: `${caseNo} ${input.channel} ${receipt.date}${intake.missing.length ? ` 缺 ${intake.missing.join(',')}` : ''}`,
    });
    const cal = await getCalendar(database);
    const due = computeDueDates(
      { events: clockEvents({ timeline }), options: await clockOptions(tx), asOf },
      cal,
    );
    return {
      id: row!.id,
      queryCode,
      caseNo,
      duplicateOf: dup?.id ?? null,
      intake,
      correctionNoticeDue: intake.route === 'correction' ? due.correctionNoticeDue : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading

async function loadScoped(db: DbOrTx, user: Scoped, id: string): Promise<CaseRow> {
  const rows = await db.select().from(requestCases).where(eq(requestCases.id, id));
  const row = rows[0];
  if (!row) throw notFound('申请');
  await assertUnitInScope(db, user, row.unitId);
  return row;
}

function workingDaysLeft(
  cal: WorkingDayCalendar,
  asOf: string,
  due: string | null,
  status: string,
): number | null {
  if (!due || status === 'closed' || status === 'submitted') return null;
  if (due >= asOf) return cal.countWorkingDays(asOf, due).count;
  return -cal.countWorkingDays(due, asOf).count;
}

function summary(row: CaseRow, unitName: string, cal: WorkingDayCalendar, asOf: string): CaseSummary {
  return {
    id: row.id,
    caseNo: row.caseNo,
    unitId: row.unitId,
    unitName,
    channel: row.channel as SubmissionChannel,
    applicantKind: row.applicantKind as ApplicantKind,
    applicantName: row.applicantKind === 'natural_person' ? maskName(row.applicant.name) : row.applicant.name,
    description: row.description,
    receivedOn: row.receivedOn,
    status: row.status as CaseStatus,
    replyDue: row.replyDue,
    workingDaysLeft: workingDaysLeft(cal, asOf, row.replyDue, row.status),
    outcome: row.outcome as OutcomeCode | null,
    closedOn: row.closedOn,
    duplicateOf: row.duplicateOf,
  };
}

export interface ListQuery {
  keyword?: string;
  status?: string;
  unitId?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export async function listCases(database: Database, clock: Clock, user: Scoped, q: ListQuery) {
  const conds: (SQL | undefined)[] = [scopeFilter(user, requestCases.unitId)];
  if (q.keyword) {
    const k = `%${q.keyword.replace(/[%_]/g, '')}%`;
    conds.push(
      or(ilike(requestCases.caseNo, k), ilike(requestCases.description, k), ilike(requestCases.queryCode, k)),
    );
  }
  if (q.status === 'extension_pending') {
    // The approver's queue: open cases whose extension request awaits a decision.
    conds.push(sql`${requestCases.extensionRequest}->>'status' = 'pending'`);
    conds.push(not(eq(requestCases.status, 'closed')));
  } else if (q.status === 'open') conds.push(not(inArray(requestCases.status, ['closed', 'submitted'])));
  else if (q.status) conds.push(eq(requestCases.status, q.status));
  if (q.unitId) conds.push(eq(requestCases.unitId, q.unitId));
  const asOf = today(clock);
  if (q.overdue) {
    conds.push(not(inArray(requestCases.status, ['closed', 'submitted'])));
    conds.push(sql`${requestCases.replyDue} < ${asOf}`);
  }
  const where = and(...conds);
  const [total] = await database.db.select({ n: sql<number>`count(*)::int` }).from(requestCases).where(where);
  const rows = await database.db
    .select({ c: requestCases, unitName: units.name })
    .from(requestCases)
    .innerJoin(units, eq(units.id, requestCases.unitId))
    .where(where)
    .orderBy(
      sql`${requestCases.status} = 'closed'`,
      sql`${requestCases.replyDue} ASC NULLS LAST`,
      desc(requestCases.createdAt),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const cal = await getCalendar(database);
  return { items: rows.map((r) => summary(r.c, r.unitName, cal, asOf)), total: total?.n ?? 0 };
}

export async function getCase(
  database: Database,
  clock: Clock,
  user: Scoped,
  id: string,
): Promise<CaseDetail> {
  const row = await loadScoped(database.db, user, id);
  const [unit] = await database.db.select({ name: units.name }).from(units).where(eq(units.id, row.unitId));
  const cal = await getCalendar(database);
  const asOf = today(clock);
  const r = recompute(row, cal, await clockOptions(database.db), asOf);
  const letters = await database.db
    .select()
    .from(requestLetters)
    .where(eq(requestLetters.caseId, id))
    .orderBy(requestLetters.createdAt);
  const remedies = await database.db.select().from(requestRemedies).where(eq(requestRemedies.caseId, id));
  const actions: CaseDetail['allowedActions'] =
    row.status === 'submitted'
      ? ['confirm_receipt']
      : row.status === 'closed'
        ? []
        : allowedActions(r.due.state, asOf).filter(
            // A pending request waits for the approver; a second request would be refused.
            (x) => x !== 'extend' || row.extensionRequest?.status !== 'pending',
          );
  const d = r.due;
  return {
    ...summary(row, unit?.name ?? '', cal, asOf),
    applicantName: row.applicant.name,
    queryCode: row.queryCode,
    applicant: row.applicant,
    idProofFileId: row.idProofFileId,
    purpose: row.purpose,
    deliveryForm: row.deliveryForm,
    deliveryChannel: row.deliveryChannel,
    submittedOn: row.submittedOn,
    receiptRule: row.receiptRule,
    receiptConfirmedBy: row.receiptConfirmedBy,
    legalBasis: row.legalBasis as LegalBasisCode | null,
    replyText: row.replyText,
    feeMethod: row.feeMethod,
    feeAmount: row.feeAmount,
    onTime: row.onTime,
    trace: row.status === 'closed' ? row.trace : r.trace,
    hints: row.status === 'closed' ? [] : [...intakeHints(row, d.correctionNoticeDue), ...d.hints],
    timeline: row.timeline.map((t) => ({ at: t.at, by: t.by, text: t.text })),
    allowedActions: actions,
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind as CaseDetail['letters'][number]['kind'],
      version: l.version,
      letterDate: l.letterDate,
      createdBy: l.createdBy,
      createdAt: l.createdAt.toISOString(),
    })),
    intake: intakeOf(row),
    extensionRequest: row.extensionRequest ?? null,
    remedies: remedies.map((m) => ({
      id: m.id,
      kind: m.kind,
      afterReconsideration: m.afterReconsideration,
      result: m.result,
      filedOn: m.filedOn,
      note: m.note,
    })),
    dueDates: {
      correctionNoticeDue: d.correctionNoticeDue,
      ...(d.correctBy ? { correctBy: d.correctBy } : {}),
      ...(d.thirdPartyAnswerDue ? { thirdPartyAnswerDue: d.thirdPartyAnswerDue } : {}),
      ...(d.otherAgencyAnswerDue ? { otherAgencyAnswerDue: d.otherAgencyAnswerDue } : {}),
      ...(d.feePayBy ? { feePayBy: d.feePayBy } : {}),
      ...(d.remainingWorkingDays !== undefined ? { remainingWorkingDays: d.remainingWorkingDays } : {}),
    },
  };
}

function intakeHints(row: CaseRow, noticeDue: string | null): string[] {
  const intake = intakeOf(row);
  if (intake.route !== 'correction' || !intake.message) return [];
  const asked = clockEvents(row).some((e) => e.type === 'correction_requested');
  if (asked) return [];
  return [`${intake.message}${noticeDue ? `；补正告知应于 ${noticeDue} 前发出` : ''}`];
}

/** Public status by query code: no personal data (only unit, dates, status, outcome family). */
export async function publicStatus(db: DbOrTx, code: string) {
  const rows = await db
    .select({ c: requestCases, unitName: units.name })
    .from(requestCases)
    .innerJoin(units, eq(units.id, requestCases.unitId))
    .where(eq(requestCases.queryCode, code.trim().toUpperCase()));
  const r = rows[0];
  if (!r) return null;
  return {
    caseNo: r.c.caseNo,
    unitName: r.unitName,
    submittedOn: r.c.submittedOn,
    receivedOn: r.c.receivedOn,
    status: r.c.status as CaseStatus,
    replyDue: r.c.replyDue,
    closedOn: r.c.closedOn,
    outcomeFamily: r.c.outcome ? OUTCOME_FAMILY_LABELS[outcomeFamily(r.c.outcome as OutcomeCode)] : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Actions

export type CaseAction =
  | { action: 'confirm_receipt'; confirmedOn: string }
  | { action: 'request_correction'; date: string; correctBy?: string | null; missing?: string | null }
  | {
      action: 'receive_correction';
      date: string;
      description?: string | null;
      deliveryForm?: string | null;
      deliveryChannel?: string | null;
    }
  | { action: 'expire_correction'; date: string }
  | {
      action: 'start_consultation';
      date: string;
      kind: ConsultationKind;
      servedOn?: string | null;
      party: string;
    }
  | { action: 'end_consultation'; date: string; kind?: ConsultationKind; opinion?: string | null }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'charge_fee'; date: string; method: FeeMethod; pages?: number | null; servedOn?: string | null }
  | { action: 'record_fee_paid'; date: string }
  | { action: 'request_excessive_reasons'; date: string }
  | { action: 'set_custom_deadline'; date: string; reason: string }
  | {
      action: 'reply';
      date: string;
      outcome: OutcomeCode;
      legalBasis?: LegalBasisCode | null;
      replyText?: string | null;
    };

function label(e: ClockEvent): string {
  return CLOCK_EVENT_LABELS[e.type];
}

export async function applyAction(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  a: CaseAction,
): Promise<void> {
  const asOf = today(clock);
  const by = actor.username ?? '工作人员';
  const at = clock.now().toISOString();
  await database.db.transaction(async (tx) => {
    // Row lock: two clerks acting on one case at once must not both append.
    await tx.execute(sql`SELECT 1 FROM request_cases WHERE id = ${id} FOR UPDATE`);
    const row = await loadScoped(tx, user, id);
    const cal = await getCalendar(database);
    const opts = await clockOptions(tx);
    if (row.status === 'closed') throw invalid('申请已办结，不能再办理');

    if (a.action === 'confirm_receipt') {
      if (row.status !== 'submitted') throw invalid('已确认收到申请');
      const rec = determineReceiptDate(
        { channel: 'online', confirmedOn: a.confirmedOn, submittedOn: row.submittedOn },
        asOf,
      );
      if (!rec.ok) throw invalid(rec.error);
      await finish(
        database,
        tx,
        row,
        {
          status: 'running',
          receivedOn: rec.date,
          receiptRule: rec.rule,
          receiptConfirmedBy: by,
          timeline: [...row.timeline, receivedEntry(clock, by, rec.date, rec.rule)],
        },
        asOf,
      );
      await audit(tx, actor, {
        action: 'requests.confirm',
        objectType: 'request_case',
        objectId: id,
        detail: rec.date,
      });
      return;
    }
    if (row.status === 'submitted') throw invalid('请先确认收到申请的日期（条例第三十一条）');
    const state = computeDueDates({ events: clockEvents(row), options: opts, asOf }, cal);
    if (state.status === 'abandoned_unpaid' || state.status === 'abandoned_no_correction') {
      throw invalid('申请已视为放弃，不再处理');
    }

    if (a.action === 'reply') {
      if (state.state.phase !== 'open')
        throw invalid(
          state.status === 'awaiting_correction' ? '等待补正期间不能作出答复' : '当前不能作出答复',
        );
      if (state.state.fee && !state.state.fee.paidOn) throw invalid('申请人尚未缴纳信息处理费，不能作出答复');
      const intake = intakeOf(row);
      if (intake.route !== 'accept')
        throw invalid(`申请内容不完整（缺少${intake.missing.length}项），应先一次性告知补正（条例第三十条）`);
      const basisErr = checkOutcomeBasis(a.outcome, a.legalBasis ?? null);
      if (basisErr) throw invalid(basisErr);
      if (a.date > asOf) throw invalid(`答复日期 ${a.date} 晚于今天（${asOf}）`);
      if (state.state.lastEventDate && a.date < state.state.lastEventDate)
        throw invalid('答复日期早于前一办理事项的日期');
      // A late reply is still recorded (the case must be able to close) and counts as not on time; the letter
      // itself is refused when dated after the due date without an extension (letters.service).
      const due = state.replyDue;
      await tx
        .update(requestCases)
        .set({
          status: 'closed',
          outcome: a.outcome,
          legalBasis: a.legalBasis ?? null,
          replyText: a.replyText?.trim() || null,
          closedOn: a.date,
          replyDue: due,
          onTime: due ? a.date <= due : null,
          trace: state.trace,
          timeline: [...row.timeline, { at, by, text: `${a.date} 作出答复：${OUTCOME_LABELS[a.outcome]}` }],
          updatedAt: new Date(),
        })
        .where(eq(requestCases.id, id));
      await audit(tx, actor, {
        action: 'requests.reply',
        objectType: 'request_case',
        objectId: id,
        detail: a.outcome,
      });
      return;
    }

    let event: ClockEvent;
    let text: string;
    const meta: Record<string, string | number> = {};
    const patch: Partial<CaseRow> = {};
    switch (a.action) {
      case 'request_correction': {
        // Without a text, the notice asks for the Art. 29 items missing at registration (APP-1).
        const missing =
          a.missing?.trim() ||
          intakeOf(row)
            .missing.map((f) => INTAKE_FIELD_LABELS[f])
            .join('；');
        if (!missing) throw invalid('请写明需要补正的事项');
        event = { type: 'correction_requested', date: a.date, correctBy: a.correctBy ?? null };
        text = `${a.date} 发出补正告知：${missing}${a.correctBy ? `，补正期限 ${a.correctBy}` : ''}`;
        meta.missing = missing;
        break;
      }
      case 'receive_correction':
        event = { type: 'correction_received', date: a.date };
        text = `${a.date} 收到补正后的申请`;
        if (a.description?.trim()) patch.description = a.description.trim();
        if (a.deliveryForm?.trim()) patch.deliveryForm = a.deliveryForm.trim();
        if (a.deliveryChannel?.trim()) patch.deliveryChannel = a.deliveryChannel.trim();
        {
          // The corrected application must supply what the notice asked for (APP-1, Art. 30).
          const after = intakeOf({ ...row, ...patch });
          if (after.route !== 'accept') throw invalid(`补正后的申请仍不完整：${after.message ?? ''}`);
        }
        break;
      case 'expire_correction':
        event = { type: 'correction_expired', date: a.date };
        text = `${a.date} 登记逾期未补正`;
        break;
      case 'start_consultation':
        if (!a.party.trim()) throw invalid('请填写征求意见的对象');
        event = { type: 'consultation_started', kind: a.kind, date: a.date, servedOn: a.servedOn ?? null };
        text = `${a.date} ${label(event)}：${a.party}`;
        meta.party = a.party.trim();
        break;
      case 'end_consultation':
        event = a.kind
          ? { type: 'consultation_ended', date: a.date, kind: a.kind }
          : { type: 'consultation_ended', date: a.date };
        text = `${a.date} 征求意见结束${a.opinion ? `：${a.opinion}` : ''}`;
        break;
      case 'extend': {
        // Art. 33 ¶2: the clerk only asks; the clock moves when an approver decides (decideExtension).
        if (row.extensionRequest?.status === 'pending') throw invalid('已有待审批的延期申请');
        const check = validateTransition(
          state.state,
          // Checked as if approved and notified today, so a hopeless request is refused at once.
          { type: 'extension', approvedBy: '待审批', notifiedOn: asOf, days: a.days },
          cal,
          opts,
          asOf,
        );
        if (check) throw invalid(check);
        if (!a.reason.trim()) throw invalid('请填写延期理由');
        const request = {
          days: a.days,
          reason: a.reason.trim(),
          requestedBy: by,
          requestedOn: asOf,
          status: 'pending' as const,
        };
        await tx
          .update(requestCases)
          .set({
            extensionRequest: request,
            timeline: [
              ...row.timeline,
              {
                at,
                by,
                text: `${asOf} 申请延期答复 ${a.days} 个工作日，待工作机构负责人审批：${request.reason}`,
              },
            ],
            updatedAt: new Date(),
          })
          .where(eq(requestCases.id, id));
        await notifyApprovers(tx, row, request.days);
        await audit(tx, actor, {
          action: 'requests.extend_request',
          objectType: 'request_case',
          objectId: id,
          detail: `${a.days} ${request.reason}`,
        });
        return;
      }
      case 'charge_fee': {
        if (row.feeMethod && row.feeMethod !== a.method) {
          throw invalid(
            `本申请已选择${FEE_METHOD_LABELS[row.feeMethod as FeeMethod]}，不得再${FEE_METHOD_LABELS[a.method]}（国办函〔2020〕109号）`,
          );
        }
        let amount: number;
        if (a.method === 'per_volume') {
          if (!a.pages || a.pages < 1) throw invalid('按量计收须填写页数');
          amount = applicationFee({ method: 'per_volume', pages: a.pages });
        } else {
          const same = await tx
            .select({
              id: requestCases.id,
              applicantId: requestCases.applicantKey,
              unitId: requestCases.unitId,
              receivedOn: requestCases.receivedOn,
            })
            .from(requestCases)
            .where(and(eq(requestCases.applicantKey, row.applicantKey), not(isNull(requestCases.receivedOn))))
            .orderBy(requestCases.receivedOn, requestCases.createdAt);
          const k = kthApplicationInMonth(
            same.map((s) => ({ ...s, receivedOn: s.receivedOn ?? '' })),
            row.id,
          );
          amount = applicationFee({ method: 'per_piece', k: k ?? 1 });
          meta.k = k ?? 1;
          if (amount === 0) throw invalid(`该申请人本月第 ${k} 件申请，按件计收在 10 件以内免费，无需收费`);
        }
        if (amount === 0) throw invalid('按量计收 30 页以内免费，无需收费');
        event = { type: 'fee_notice', date: a.date, method: a.method, servedOn: a.servedOn ?? null };
        text = `${a.date} 发出收费通知：${FEE_METHOD_LABELS[a.method]} ${amount} 元`;
        patch.feeMethod = a.method;
        patch.feeAmount = amount;
        break;
      }
      case 'record_fee_paid':
        event = { type: 'fee_paid', date: a.date };
        text = `${a.date} 申请人缴费`;
        break;
      case 'request_excessive_reasons':
        event = { type: 'excessive_reasons_requested', date: a.date };
        text = `${a.date} 要求申请人说明理由（条例第三十五条）`;
        break;
      case 'set_custom_deadline':
        event = { type: 'custom_deadline', date: a.date, reason: a.reason };
        text = `另行确定答复期限 ${a.date}：${a.reason}`;
        break;
    }
    const err = validateTransition(state.state, event, cal, opts, asOf);
    if (err) throw invalid(err);
    const entry: TimelineEntry = { at, by, text, event, ...(Object.keys(meta).length ? { meta } : {}) };
    const timeline = [...row.timeline, entry];
    await finish(database, tx, row, { ...patch, timeline }, asOf);
    // An applicant who never corrected ends in row （六）1 (条例 Art. 30).
    if (a.action === 'expire_correction') await closeAbandoned(tx, id, 'r6_1', a.date);
    await audit(tx, actor, {
      action: `requests.${a.action}`,
      objectType: 'request_case',
      objectId: id,
      detail: text,
    });
  });
}

/** Tells every active user who may approve the extension of this case (by role permission and data scope). */
async function notifyApprovers(tx: DbOrTx, row: CaseRow, days: number): Promise<void> {
  const granted = await tx.select().from(rolePermissions);
  const codes = granted
    .filter((r) => (r.permissions as string[]).includes('requests:extension:approve'))
    .map((r) => r.roleCode);
  if (codes.length === 0) return;
  const allScope = new Set(BUILTIN_ROLES.filter((r) => r.dataScope === 'all').map((r) => r.code as string));
  const rows = await tx
    .select({ id: users.id, unitId: users.unitId, role: userRoles.roleCode })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.status, 'active'), inArray(userRoles.roleCode, codes)));
  const ids = new Set(rows.filter((u) => allScope.has(u.role) || u.unitId === row.unitId).map((u) => u.id));
  await notify(
    tx,
    [...ids].map((userId) => ({
      userId,
      title: `延期答复待审批：${row.caseNo}`,
      body: `申请延长 ${days} 个工作日（条例第三十三条第二款）`,
      link: `/admin/requests/cases/${row.id}`,
      dedupeKey: `requests.extension.${row.id}.${row.timeline.length}.${userId}`,
    })),
  );
}

/**
 * The approver (工作机构负责人: a user holding requests:extension:approve) decides a pending extension request.
 * Approval records the extension as a clock event with the approver's name and the date the applicant is told;
 * the due date moves and the 延期答复告知书 can be generated (条例第三十三条第二款, REGULATIONS §1.2 APP-10).
 */
export async function decideExtension(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & Pick<CurrentUser, 'name' | 'username'>,
  id: string,
  input: { decision: 'approve' | 'reject'; notifiedOn?: string | null; comment?: string | null },
): Promise<void> {
  const asOf = today(clock);
  const at = clock.now().toISOString();
  const approver = user.name || user.username;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM request_cases WHERE id = ${id} FOR UPDATE`);
    const row = await loadScoped(tx, user, id);
    const req = row.extensionRequest;
    if (row.status === 'closed') throw invalid('申请已办结，不能再审批延期');
    if (req?.status !== 'pending') throw invalid('没有待审批的延期申请');
    const comment = input.comment?.trim() || null;
    const decided = { ...req, decidedBy: approver, decidedOn: asOf, comment };
    if (input.decision === 'reject') {
      await tx
        .update(requestCases)
        .set({
          extensionRequest: { ...decided, status: 'rejected' },
          timeline: [
            ...row.timeline,
            {
              at,
              by: user.username,
              text: `${asOf} ${approver} 不同意延期答复${comment ? `：${comment}` : ''}`,
            },
          ],
          updatedAt: new Date(),
        })
        .where(eq(requestCases.id, id));
      await audit(tx, actor, {
        action: 'requests.extend_reject',
        objectType: 'request_case',
        objectId: id,
        detail: comment ?? '',
      });
      return;
    }
    if (!input.notifiedOn) throw invalid('请填写告知申请人的日期', { fields: { notifiedOn: '必填' } });
    const cal = await getCalendar(database);
    const opts = await clockOptions(tx);
    const state = computeDueDates({ events: clockEvents(row), options: opts, asOf }, cal);
    const event: ClockEvent = {
      type: 'extension',
      approvedBy: approver,
      notifiedOn: input.notifiedOn,
      days: req.days,
    };
    const err = validateTransition(state.state, event, cal, opts, asOf);
    if (err) throw invalid(err);
    const text = `延期答复 ${req.days} 个工作日，经 ${approver} 批准（${asOf}），${input.notifiedOn} 告知申请人`;
    await finish(
      database,
      tx,
      row,
      {
        extensionRequest: { ...decided, status: 'approved' },
        timeline: [...row.timeline, { at, by: user.username, text, event }],
      },
      asOf,
    );
    await audit(tx, actor, {
      action: 'requests.extend_approve',
      objectType: 'request_case',
      objectId: id,
      detail: text,
    });
  });
}

async function closeAbandoned(tx: DbOrTx, id: string, outcome: 'r6_1' | 'r6_2', on: string): Promise<void> {
  await tx
    .update(requestCases)
    .set({ status: 'closed', outcome, closedOn: on, onTime: true, updatedAt: new Date() })
    .where(eq(requestCases.id, id));
}

/**
 * Daily job: an unpaid fee past its pay-by date ends as （六）2, an uncorrected application past its correction
 * deadline as （六）1 (REGULATIONS §1.2, §3 FEE-6).
 */
export async function closeLapsedCases(database: Database, asOf: string): Promise<{ closed: number }> {
  const cal = await getCalendar(database);
  const opts = await clockOptions(database.db);
  const rows = await database.db
    .select()
    .from(requestCases)
    .where(inArray(requestCases.status, ['paused_fee', 'awaiting_correction']));
  let closed = 0;
  for (const row of rows) {
    const due = computeDueDates({ events: clockEvents(row), options: opts, asOf }, cal);
    let outcome: 'r6_1' | 'r6_2' | null = null;
    let on = asOf;
    let text = '';
    if (due.status === 'abandoned_unpaid' && due.feePayBy) {
      outcome = 'r6_2';
      text = `缴费期限 ${due.feePayBy} 已过仍未缴费，视为放弃申请，自动办结（其他处理-2）`;
    } else if (due.status === 'awaiting_correction' && due.correctBy && asOf > due.correctBy) {
      outcome = 'r6_1';
      on = asOf;
      text = `补正期限 ${due.correctBy} 已过仍未补正，视为放弃申请，自动办结（其他处理-1）`;
    }
    if (!outcome) continue;
    await database.db.transaction(async (tx) => {
      const entry: TimelineEntry = { at: new Date(`${asOf}T00:00:00+08:00`).toISOString(), by: '系统', text };
      if (outcome === 'r6_1') entry.event = { type: 'correction_expired', date: on };
      await tx
        .update(requestCases)
        .set({
          status: 'closed',
          outcome,
          closedOn: on,
          onTime: true,
          timeline: [...row.timeline, entry],
          updatedAt: new Date(),
        })
        .where(eq(requestCases.id, row.id));
      await audit(
        tx,
        {
          userId: null,
          username: 'requests.autoclose',
          unitId: null,
          unitName: null,
          ip: null,
          requestId: null,
        },
        {
          action: 'requests.autoclose',
          objectType: 'request_case',
          objectId: row.id,
          detail: text,
        },
      );
    });
    closed += 1;
  }
  return { closed };
}

/** Calendar hook: every open case's due date is recomputed with the edited calendar. */
export async function recomputeOpenCases(
  database: Database,
  cal: WorkingDayCalendar,
  asOf: string,
): Promise<number> {
  const opts = await clockOptions(database.db);
  const rows = await database.db
    .select()
    .from(requestCases)
    .where(not(inArray(requestCases.status, ['closed', 'submitted'])));
  let changed = 0;
  for (const row of rows) {
    const r = recompute(row, cal, opts, asOf);
    if (r.replyDue === row.replyDue && r.status === row.status) continue;
    await database.db
      .update(requestCases)
      .set({ status: r.status, replyDue: r.replyDue, trace: r.trace, updatedAt: new Date() })
      .where(eq(requestCases.id, row.id));
    changed += 1;
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------------------
// Remedies and statistics

export async function addRemedy(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  input: {
    kind: 'reconsideration' | 'litigation';
    afterReconsideration: boolean;
    result: 'upheld' | 'corrected' | 'other' | 'pending';
    filedOn: string;
    note?: string | null;
  },
): Promise<{ id: string }> {
  if (input.filedOn > today(clock)) throw invalid(`日期 ${input.filedOn} 晚于今天`);
  return database.db.transaction(async (tx) => {
    const row = await loadScoped(tx, user, id);
    if (!row.receivedOn) throw invalid('尚未确认收到的申请不能登记复议诉讼');
    const [m] = await tx
      .insert(requestRemedies)
      .values({
        caseId: id,
        kind: input.kind,
        afterReconsideration: input.kind === 'litigation' ? input.afterReconsideration : false,
        result: input.result,
        filedOn: input.filedOn,
        note: input.note?.trim() || null,
      })
      .returning({ id: requestRemedies.id });
    await audit(tx, actor, {
      action: 'requests.remedy',
      objectType: 'request_case',
      objectId: id,
      detail: `${input.kind} ${input.result}`,
    });
    return { id: m!.id };
  });
}

export async function stats(
  database: Database,
  clock: Clock,
  user: Scoped,
  year: number,
): Promise<RequestStats> {
  const scope = scopeFilter(user, requestCases.unitId);
  const rows = await database.db.select().from(requestCases).where(scope);
  const asOf = today(clock);
  const y = String(year);
  const byMonth = Array.from({ length: 12 }, (_, i) => ({
    month: `${y}-${String(i + 1).padStart(2, '0')}`,
    received: 0,
    closed: 0,
  }));
  const fam = new Map<OutcomeFamily, number>();
  let closed = 0;
  let onTime = 0;
  let withDue = 0;
  let open = 0;
  let overdue = 0;
  for (const r of rows) {
    if (r.receivedOn?.startsWith(y)) byMonth[Number(r.receivedOn.slice(5, 7)) - 1]!.received += 1;
    if (r.closedOn?.startsWith(y) && r.outcome) {
      byMonth[Number(r.closedOn.slice(5, 7)) - 1]!.closed += 1;
      closed += 1;
      const f = outcomeFamily(r.outcome as OutcomeCode);
      fam.set(f, (fam.get(f) ?? 0) + 1);
      if (r.onTime !== null && r.outcome !== 'r6_1' && r.outcome !== 'r6_2') {
        withDue += 1;
        if (r.onTime) onTime += 1;
      }
    }
    if (r.status !== 'closed' && r.status !== 'submitted') {
      open += 1;
      if (r.replyDue && r.replyDue < asOf) overdue += 1;
    }
  }
  return {
    year,
    byMonth,
    byFamily: (Object.keys(OUTCOME_FAMILY_LABELS) as OutcomeFamily[]).map((f) => ({
      family: f,
      label: OUTCOME_FAMILY_LABELS[f],
      count: fam.get(f) ?? 0,
    })),
    closed,
    onTime,
    onTimeRate: withDue ? onTime / withDue : null,
    open,
    overdue,
  };
}
