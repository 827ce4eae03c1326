// Letters as .docx: built from the pure letter text (domain/requests/letters), stored as files, versioned.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { FEE_METHOD_LABELS, type FeeMethod } from '../../../domain/requests/fees';
import {
  checkLetter,
  DEFAULT_REMEDY_SETTINGS,
  LETTER_KIND_LABELS,
  type LetterCase,
  type LetterContent,
  type LetterKind,
  letterContent,
  type RemedySettings,
} from '../../../domain/requests/letters';
import type { LegalBasisCode, OutcomeCode } from '../../../domain/requests/outcomes';
import type { Database } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor, Clock } from '../../platform/context';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { readFile, storeFile } from '../../platform/files/service';
import { getSetting } from '../../platform/settings';
import { assertUnitInScope, unitCodes } from '../org';
import { clockOptions, dueOf, today } from './case-clock';
import { inScope, type Reader, seesPersonalData } from './reads';
import {
  type CaseRow,
  caseById,
  insertLetter,
  letterWithUnit,
  loadCase,
  lockCase,
  nextLetterVersion,
  type Scoped,
  updateCase,
} from './requests.repo';

export async function letterCaseOf(
  database: Database,
  row: CaseRow,
  unitName: string,
  asOf: string,
): Promise<LetterCase> {
  const cal = await getCalendar(database);
  const due = dueOf(row, cal, await clockOptions(database.db), asOf);
  const st = due.state;
  const corrEntry = [...row.timeline].reverse().find((t) => t.event?.type === 'correction_requested');
  const third = [...st.consultations].reverse().find((c) => c.kind === 'third_party');
  return {
    caseNo: row.caseNo,
    unitName,
    applicantName: row.applicant.name,
    applicantIsPerson: row.applicantKind === 'natural_person',
    receivedOn: row.receivedOn ?? row.submittedOn ?? asOf,
    description: row.description,
    replyDue: row.replyDue,
    outcome: row.outcome as OutcomeCode | null,
    legalBasis: row.legalBasis as LegalBasisCode | null,
    replyText: row.replyText,
    hasExtension: st.extension !== null,
    extension: st.extension ? { ...st.extension, newDue: due.statutoryReplyDue ?? row.replyDue } : null,
    // The correction notice stays printable after the clock restarted (state.correction is kept).
    correction: st.correction
      ? {
          requestedOn: st.correction.requestedOn,
          correctBy: st.correction.correctBy,
          missing: corrEntry?.meta?.missing ? String(corrEntry.meta.missing) : null,
        }
      : null,
    thirdParty: third
      ? {
          startedOn: third.startedOn,
          answerDue: third.answerDue,
          party: (() => {
            const e = [...row.timeline]
              .reverse()
              .find((t) => t.event?.type === 'consultation_started' && t.meta?.party);
            return e?.meta?.party ? String(e.meta.party) : null;
          })(),
        }
      : null,
    fee:
      st.fee && row.feeAmount !== null
        ? {
            method: FEE_METHOD_LABELS[st.fee.method as FeeMethod],
            amount: row.feeAmount,
            payBy: st.fee.payBy,
          }
        : null,
  };
}

export async function renderLetterDocx(c: LetterContent): Promise<Uint8Array> {
  const font = { ascii: 'FangSong', eastAsia: '仿宋_GB2312' };
  const para = (
    text: string,
    opts: {
      bold?: boolean;
      align?: (typeof AlignmentType)[keyof typeof AlignmentType];
      indent?: boolean;
      size?: number;
    } = {},
  ) =>
    new Paragraph({
      alignment: opts.align ?? AlignmentType.LEFT,
      spacing: { line: 560 },
      indent: opts.indent ? { firstLine: 640 } : undefined,
      children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 32, font })],
    });
  const doc = new Document({
    sections: [
      {
        children: [
          para(c.title, { bold: true, align: AlignmentType.CENTER, size: 40 }),
          para(c.reference, { align: AlignmentType.CENTER }),
          para(c.addressee),
          ...c.paragraphs.map((p) => para(p, { indent: true })),
          para(c.signature, { align: AlignmentType.RIGHT }),
          para(c.date, { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function remedySettings(database: Database): Promise<RemedySettings> {
  return {
    ...DEFAULT_REMEDY_SETTINGS,
    ...(await getSetting<Partial<RemedySettings>>(database, 'requests.remedy')),
  };
}

/** Generates the letter, refusing a kind that contradicts the case or a reply dated after the due date. */
export async function generateLetter(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & { name?: string },
  caseId: string,
  kind: LetterKind,
  date: string,
): Promise<{ id: string; version: number }> {
  const asOf = today(clock);
  if (date > asOf) throw invalid(`落款日期 ${date} 晚于今天（${asOf}）`);
  const r = await caseById(database.db, caseId);
  const row = await inScope(database.db, user, r?.c ?? null);
  if (!row.receivedOn) throw invalid('尚未确认收到申请，不能生成文书');
  // The one who generates the letter handles the case: named under the text.
  // Signed with the unit's 全称 when set.
  const unitName = (await unitCodes(database.db, row.unitId))?.fullName || (r?.unitName ?? '');
  const lc = { ...(await letterCaseOf(database, row, unitName, asOf)), handler: user.name ?? null };
  const err = checkLetter(kind, lc, date);
  if (err) throw invalid(err);
  const content = letterContent(kind, lc, date, await remedySettings(database));
  // The .docx is built before the transaction: only the writes hold the case's lock.
  const bytes = await renderLetterDocx(content);
  return database.db.transaction(async (tx) => {
    const locked = (await lockCase(tx, caseId)) ?? row;
    const version = await nextLetterVersion(tx, caseId, kind);
    const file = await storeFile(
      tx,
      { name: `${row.caseNo}-${LETTER_KIND_LABELS[kind]}-v${version}.docx`, bytes, uploadedBy: actor.userId },
      { allowed: ['docx'], maxBytes: 10 * 1024 * 1024 },
    );
    const id = await insertLetter(tx, {
      caseId,
      kind,
      version,
      letterDate: date,
      fileId: file.id,
      createdBy: actor.username ?? '工作人员',
    });
    await updateCase(tx, caseId, {
      timeline: [
        ...locked.timeline,
        {
          at: clock.now().toISOString(),
          by: actor.username ?? '工作人员',
          text: `生成${LETTER_KIND_LABELS[kind]}（第 ${version} 版，落款 ${date}）`,
        },
      ],
    });
    await audit(tx, actor, {
      action: 'requests.letter',
      objectType: 'request_case',
      objectId: caseId,
      detail: `${kind} v${version}`,
    });
    return { id, version };
  });
}

export async function letterFile(database: Database, user: Scoped, letterId: string) {
  const r = await letterWithUnit(database.db, letterId);
  if (!r) throw notFound('文书');
  await assertUnitInScope(database.db, user, r.unitId, '文书');
  const f = await readFile(database.db, r.l.fileId);
  if (!f) throw notFound('文书文件');
  return f;
}

/** The identity proof shows the full ID number: only for holders of the field-level permission, and audited. */
export async function idProofFile(database: Database, actor: Actor, user: Reader, caseId: string) {
  const row = await loadCase(database.db, caseId);
  if (!row?.idProofFileId) throw notFound('身份证明');
  await assertUnitInScope(database.db, user, row.unitId, '身份证明');
  if (!seesPersonalData(user)) throw forbidden('没有查看申请人完整个人信息的权限');
  const f = await readFile(database.db, row.idProofFileId);
  if (!f) throw notFound('身份证明');
  await database.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'requests.pii.view',
      objectType: 'request_case',
      objectId: row.id,
      detail: '身份证明',
    }),
  );
  return f;
}
