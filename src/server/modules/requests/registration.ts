// Use case: an application comes in — from the portal (stored as 'submitted' until staff confirm receipt) or
// registered by staff by channel (received at once, Art. 31). Duplicates of an open case are detected.
import type { IntakeCheck } from '../../../domain/requests/intake';
import type { ApplicantKind } from '../../../domain/requests/outcomes';
import { applicantIdProblem } from '../../../domain/requests/portal-form';
import { determineReceiptDate, type ReceiptRecord } from '../../../domain/requests/receipt';
import type { Database, DbOrTx } from '../../db/client';
import type { ApplicantData, TimelineEntry } from '../../db/schema/requests';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import { newQueryCode } from '../../platform/codes';
import type { Actor, Clock } from '../../platform/context';
import type { FieldKeys } from '../../platform/crypto/fields';
import { invalid } from '../../platform/errors';
import { storeFile } from '../../platform/files/service';
import { once, priorResult } from '../../platform/idempotency';
import { assertUnitInScope, getUnit } from '../org';
import { clockOptions, dueOf, intakeOf, receivedEntry, saveRecomputed, today } from './case-clock';
import { hashedApplicantKey, sealApplicant } from './personal-data';
import { type CaseRow, insertCase, nextCaseNo, openCasesOfApplicant, type Scoped } from './requests.repo';

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
  extends Omit<IntakeInput, 'description' | 'deliveryForm' | 'deliveryChannel'>,
    ReceiptRecord {
  description?: string | null;
  deliveryForm?: string | null;
  deliveryChannel?: string | null;
}

function checkApplicant(a: ApplicantInput, asOf: string): void {
  const p = applicantIdProblem({ ...a, today: asOf });
  if (p) throw invalid(p.message, { fields: { [`applicant.${p.field}`]: p.message } });
}

function normaliseDescription(s: string): string {
  return s.replace(/[\s，。、,.；;：:“”"'‘’（）()]/g, '');
}

/** An open case of the same applicant asking for the same information, if any. */
export async function findDuplicate(db: DbOrTx, key: string, description: string): Promise<CaseRow | null> {
  const rows = await openCasesOfApplicant(db, key);
  const norm = normaliseDescription(description);
  return rows.find((r) => normaliseDescription(r.description) === norm) ?? null;
}

async function assertUnitExists(db: DbOrTx, unitId: string): Promise<string> {
  const u = await getUnit(db, unitId);
  if (!u) throw invalid('受理机关不存在');
  return u.name;
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

/** What every new case shares: its numbers, the applicant and the application's text. */
async function newCase(
  tx: DbOrTx,
  keys: FieldKeys,
  asOf: string,
  input: Omit<IntakeInput, 'description' | 'deliveryForm' | 'deliveryChannel'>,
) {
  const key = hashedApplicantKey(keys, input.applicant.idNumber, input.applicant.name);
  return {
    caseNo: await nextCaseNo(tx, asOf.slice(0, 4)),
    queryCode: newQueryCode(),
    unitId: input.unitId,
    applicantKind: input.applicant.kind,
    applicant: sealApplicant(keys, applicantData(input.applicant)),
    applicantKey: key,
    idProofFileId: input.idProofFileId ?? null,
    purpose: input.purpose?.trim() || null,
  };
}

/** A portal application: stored as 'submitted' until staff confirm receipt (Art. 31(三): 双方确认之日). */
export async function submitOnline(
  tx: DbOrTx,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  input: IntakeInput,
): Promise<{ id: string; queryCode: string; caseNo: string }> {
  const asOf = today(clock);
  checkApplicant(input.applicant, asOf);
  await assertUnitExists(tx, input.unitId);
  const key = hashedApplicantKey(keys, input.applicant.idNumber, input.applicant.name);
  const dup = await findDuplicate(tx, key, input.description);
  if (dup) {
    throw invalid(
      `您已于 ${dup.submittedOn ?? dup.receivedOn ?? ''} 提交过内容相同的申请，正在办理中，请勿重复提交；可使用当时获得的查询码查询进度`,
    );
  }
  const row = await insertCase(tx, {
    ...(await newCase(tx, keys, asOf, input)),
    channel: 'online',
    description: input.description.trim(),
    deliveryForm: input.deliveryForm,
    deliveryChannel: input.deliveryChannel,
    submittedOn: asOf,
    status: 'submitted',
    timeline: [{ at: clock.now().toISOString(), by: '申请人', text: `网上提交申请（${asOf}），待双方确认` }],
  });
  await audit(tx, actor, {
    action: 'requests.submit',
    objectType: 'request_case',
    objectId: row.id,
    detail: row.caseNo,
  });
  return { id: row.id, queryCode: row.queryCode, caseNo: row.caseNo };
}

/** The portal form: the identity proof (read before the transaction) stored with the application. */
export async function submitFromPortal(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  input: Omit<IntakeInput, 'idProofFileId'>,
  idProof: { name: string; bytes: Uint8Array } | null,
  /** The form's one-time request id: a resubmission with it answers the first case and stores nothing. */
  requestKey: string | null = null,
): Promise<{ id: string; queryCode: string; caseNo: string }> {
  return database.db.transaction(async (tx) => {
    const { value } = await once(tx, PORTAL_SCOPE, requestKey, clock.now(), async () => {
      let idProofFileId: string | null = null;
      if (idProof) {
        const stored = await storeFile(
          tx,
          { ...idProof, uploadedBy: null },
          { allowed: ['pdf', 'jpeg', 'png'], maxBytes: 5 * 1024 * 1024 },
        );
        idProofFileId = stored.id;
      }
      const r = await submitOnline(tx, clock, keys, actor, { ...input, idProofFileId });
      await audit(tx, actor, { action: 'requests.portal', objectType: 'request_case', objectId: r.id });
      return { id: r.id, queryCode: r.queryCode, caseNo: r.caseNo };
    });
    return value;
  });
}

const PORTAL_SCOPE = 'ysqgk';

/** The case a portal form's request id already created (a resubmitted form), or null. */
export const priorPortalSubmission = (database: Database, requestKey: string | null) =>
  priorResult<{ id: string; queryCode: string; caseNo: string }>(database.db, PORTAL_SCOPE, requestKey);

/**
 * Staff register an application by channel; the receipt date follows Art. 31 and records who confirmed it.
 * An application missing items of Art. 29 is still registered (its clock runs from receipt) and flagged so the
 * clerk sends the single correction notice within 7 working days (Art. 30, REGULATIONS §1.2 APP-1).
 */
export async function registerByStaff(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped,
  input: StaffIntakeInput,
  /** The client's Idempotency-Key: a retry with it answers the first registration and stores nothing. */
  requestKey: string | null = null,
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
    const { value } = await once(tx, `staff:${actor.userId}`, requestKey, clock.now(), () =>
      registerInTx(tx, clock, keys, actor, user, input, { asOf, receipt, fields, intake }),
    );
    return value;
  });
}

async function registerInTx(
  tx: DbOrTx,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped,
  input: StaffIntakeInput,
  checked: {
    asOf: string;
    receipt: { date: string; rule: string };
    fields: { description: string; deliveryForm: string; deliveryChannel: string };
    intake: IntakeCheck;
  },
) {
  const { asOf, receipt, fields, intake } = checked;
  await assertUnitExists(tx, input.unitId);
  await assertUnitInScope(tx, user, input.unitId);
  const key = hashedApplicantKey(keys, input.applicant.idNumber, input.applicant.name);
  // Without a description there is nothing to compare: no duplicate is inferred.
  const dup = fields.description ? await findDuplicate(tx, key, fields.description) : null;
  const by = actor.username ?? '工作人员';
  const timeline: TimelineEntry[] = [receivedEntry(clock, by, receipt.date, receipt.rule)];
  if (intake.route === 'correction' && intake.message) {
    timeline.push({ at: clock.now().toISOString(), by, text: `登记时发现：${intake.message}` });
  }
  const row = await insertCase(tx, {
    ...(await newCase(tx, keys, asOf, input)),
    channel: input.channel,
    ...fields,
    submittedOn: input.submittedOn ?? null,
    receivedOn: receipt.date,
    receiptRule: receipt.rule,
    receiptConfirmedBy: by,
    duplicateOf: dup?.id ?? null,
    status: 'running',
    timeline,
  });
  await saveRecomputed(tx, row, {}, asOf);
  await audit(tx, actor, {
    action: 'requests.register',
    objectType: 'request_case',
    objectId: row.id,
    detail: `${row.caseNo} ${input.channel} ${receipt.date}${intake.missing.length ? ` 缺 ${intake.missing.join(',')}` : ''}`,
  });
  const cal = await getCalendar(tx);
  const due = dueOf({ timeline }, cal, await clockOptions(tx), asOf);
  return {
    id: row.id,
    queryCode: row.queryCode,
    caseNo: row.caseNo,
    duplicateOf: dup?.id ?? null,
    intake,
    correctionNoticeDue: intake.route === 'correction' ? due.correctionNoticeDue : null,
  };
}
