// Reading cases: the staff list (masked) and detail within the user's data scope, and the portal's status by
// query code, which shows no personal data.
import type { CurrentUser } from '../../../contracts/api';
import type { CaseDetail, CaseStatus, CaseSummary } from '../../../contracts/requests';
import type { WorkingDayCalendar } from '../../../domain/calendar';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../domain/privacy/mask';
import { allowedActions } from '../../../domain/requests/clock';
import {
  type ApplicantKind,
  type LegalBasisCode,
  OUTCOME_FAMILY_LABELS,
  type OutcomeCode,
  outcomeFamily,
} from '../../../domain/requests/outcomes';
import type { SubmissionChannel } from '../../../domain/requests/receipt';
import type { Database, DbOrTx } from '../../db/client';
import type { ApplicantData } from '../../db/schema/requests';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor, Clock } from '../../platform/context';
import type { FieldKeys } from '../../platform/crypto/fields';
import { notFound } from '../../platform/errors';
import { assertUnitInScope } from '../org';
import { clockEvents, clockOptions, intakeOf, recompute, today } from './case-clock';
import { openApplicant } from './personal-data';
import {
  type CaseFilter,
  type CaseRow,
  caseById,
  caseByQueryCode,
  casePage,
  lettersOf,
  loadCase,
  remediesOf,
  type Scoped,
} from './requests.repo';

/** The case, if it is in the user's data scope (404 when there is none, 403 outside the scope). */
export async function inScope(db: DbOrTx, user: Scoped, row: CaseRow | null): Promise<CaseRow> {
  if (!row) throw notFound('申请');
  await assertUnitInScope(db, user, row.unitId, '申请');
  return row;
}

export async function loadScoped(db: DbOrTx, user: Scoped, id: string): Promise<CaseRow> {
  return inScope(db, user, await loadCase(db, id));
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

export type ListQuery = CaseFilter;

export async function listCases(database: Database, clock: Clock, user: Scoped, q: ListQuery) {
  const asOf = today(clock);
  const { rows, total } = await casePage(database.db, user, q, asOf);
  const cal = await getCalendar(database);
  return { items: rows.map((r) => summary(r.c, r.unitName, cal, asOf)), total };
}

function intakeHints(row: CaseRow, noticeDue: string | null): string[] {
  const intake = intakeOf(row);
  if (intake.route !== 'correction' || !intake.message) return [];
  const asked = clockEvents(row).some((e) => e.type === 'correction_requested');
  if (asked) return [];
  return [`${intake.message}${noticeDue ? `；补正告知应于 ${noticeDue} 前发出` : ''}`];
}

/** Who may see an applicant's full ID number, phone and address (the case handlers' field-level permission). */
export type Reader = Scoped & Pick<CurrentUser, 'permissions'>;
export const seesPersonalData = (user: Pick<CurrentUser, 'permissions'>) =>
  user.permissions.includes('requests:applicant:unmasked');

/** The applicant as `user` may see it: masked ID number, phone and address without the field-level permission. */
export function applicantFor(user: Pick<CurrentUser, 'permissions'>, a: ApplicantData): ApplicantData {
  if (seesPersonalData(user)) return a;
  return {
    ...a,
    idNumber: maskIdNumber(a.idNumber),
    phone: maskPhone(a.phone) ?? '',
    address: a.address ? maskAddress(a.address) : null,
  };
}

export async function getCase(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Reader,
  id: string,
): Promise<CaseDetail> {
  const found = await caseById(database.db, id);
  const row = await inScope(database.db, user, found?.c ?? null);
  // Viewing a record's unmasked personal data is audited (SECURITY.md 15).
  if (seesPersonalData(user)) {
    await database.db.transaction((tx) =>
      audit(tx, actor, { action: 'requests.pii.view', objectType: 'request_case', objectId: row.id }),
    );
  }
  const cal = await getCalendar(database);
  const asOf = today(clock);
  const r = recompute(row, cal, await clockOptions(database.db), asOf);
  const letters = await lettersOf(database.db, id);
  const remedies = await remediesOf(database.db, [id]);
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
    ...summary(row, found?.unitName ?? '', cal, asOf),
    applicantName: row.applicant.name,
    queryCode: row.queryCode,
    applicant: applicantFor(user, openApplicant(keys, row.applicant)),
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

/** Public status by query code: no personal data (only unit, dates, status, outcome family). */
export async function publicStatus(db: DbOrTx, code: string) {
  const r = await caseByQueryCode(db, code.trim().toUpperCase());
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

export type PublicStatus = NonNullable<Awaited<ReturnType<typeof publicStatus>>>;
