// Use case: 公开承诺 (issue 11 part 6; seed 001 "舆情回应时的公开承诺，要实行台账管理，认真检查承诺事项落实及公开
// 情况"): the ledger (unit-scoped), progress entries with evidence files (public with the entry on /hdjl/cn),
// completion, the daily overdue reminders in the bell and the to-do centre's group; the portal's reads.

import type { CurrentUser } from '../../../contracts/api';
import type { CommitmentBody, CommitmentInfo, ProgressBody } from '../../../contracts/hotline';
import { TODO_TOP, type TodoGroup, todoGroup } from '../../../contracts/todo';
import {
  COMMITMENT_STATUS_LABELS,
  commitmentOverdue,
  commitmentReminder,
  progressRefusal,
} from '../../../domain/interaction/commitments';
import type { Database, DbOrTx } from '../../db/client';
import type { EvidenceFile } from '../../db/schema/interaction';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { readFile, storeFile } from '../../platform/files/service';
import type { Upload } from '../../platform/http/upload';
import { dueBellTitle, ringUnitHandlers } from '../org';
import { today } from './clock';
import { assertRecordUnit, inScope } from './records';
import {
  type CommitmentFilter,
  type CommitmentRow,
  type CommitmentWithUnit,
  commitmentById,
  commitmentPage,
  insertCommitment,
  insertProgress,
  lockCommitment,
  nextCommitNo,
  ongoingCommitments,
  type ProgressRow,
  progressById,
  progressOf,
  updateCommitment,
  updateProgress,
} from './repo/commitments';
import type { Scoped } from './repo/consultations';

/** Evidence is published with its entry: documents and pictures only [I]. */
const EVIDENCE_KINDS = ['pdf', 'png', 'jpeg', 'docx', 'xlsx'] as const;
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

function info({ c, unitName }: CommitmentWithUnit, progress: ProgressRow[], asOf: string): CommitmentInfo {
  const mine = progress.filter((p) => p.commitmentId === c.id);
  return {
    id: c.id,
    commitNo: c.commitNo,
    content: c.content,
    place: c.place,
    unitId: c.unitId,
    unitName,
    promisedOn: c.promisedOn,
    dueOn: c.dueOn,
    status: c.status,
    completedOn: c.completedOn,
    overdue: commitmentOverdue(c.status, c.dueOn, asOf),
    lastProgress: mine.at(-1)?.on ?? null,
    progress: mine.map((p) => ({ id: p.id, on: p.on, text: p.text, by: p.by, evidence: p.evidence })),
  };
}

async function withProgress(db: DbOrTx, rows: CommitmentWithUnit[], asOf: string): Promise<CommitmentInfo[]> {
  const progress = await progressOf(
    db,
    rows.map((r) => r.c.id),
  );
  return rows.map((r) => info(r, progress, asOf));
}

export async function listCommitments(
  database: Database,
  clock: Clock,
  user: Scoped,
  q: CommitmentFilter & { page: number; pageSize: number },
) {
  const asOf = today(clock);
  const { rows, total } = await commitmentPage(database.db, user, q, asOf);
  return { items: await withProgress(database.db, rows, asOf), total };
}

const commitmentInScope = async (db: DbOrTx, user: Scoped, id: string): Promise<CommitmentWithUnit> =>
  inScope(db, user, '承诺事项', await commitmentById(db, id), (r) => r.c.unitId);

export async function getCommitment(database: Database, clock: Clock, user: Scoped, id: string) {
  const r = await commitmentInScope(database.db, user, id);
  return (await withProgress(database.db, [r], today(clock)))[0]!;
}

export async function createCommitment(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & { id: string },
  body: CommitmentBody,
): Promise<CommitmentInfo> {
  const asOf = today(clock);
  if (body.promisedOn > asOf) throw invalid('承诺日期不能晚于今天');
  const id = await database.db.transaction(async (tx) => {
    await assertRecordUnit(tx, user, body.unitId, '责任单位');
    const row = await insertCommitment(tx, {
      commitNo: await nextCommitNo(tx, body.promisedOn.slice(0, 4)),
      content: body.content.trim(),
      place: body.place.trim(),
      unitId: body.unitId,
      opinionEventId: body.opinionEventId ?? null,
      promisedOn: body.promisedOn,
      dueOn: body.dueOn,
      createdBy: user.id,
    });
    await audit(tx, actor, {
      action: 'interaction.commitment.create',
      objectType: 'commitment',
      objectId: row.id,
      detail: row.commitNo,
    });
    return row.id;
  });
  return getCommitment(database, clock, user, id);
}

/**
 * A change to a commitment in the user's scope: the row locked, `apply` run on it and the audit row written in one
 * transaction (what progress, cancel and evidence share); `apply` names the audit action and its detail. Returns
 * the commitment as it now reads.
 */
async function changeCommitment(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  apply: (tx: DbOrTx, c: CommitmentRow) => Promise<{ action: string; detail: string }>,
): Promise<CommitmentInfo> {
  await database.db.transaction(async (tx) => {
    await commitmentInScope(tx, user, id);
    const c = (await lockCommitment(tx, id))!;
    const { action, detail } = await apply(tx, c);
    await audit(tx, actor, { action, objectType: 'commitment', objectId: c.id, detail });
  });
  return getCommitment(database, clock, user, id);
}

export async function addProgress(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & { id: string },
  id: string,
  body: ProgressBody,
): Promise<CommitmentInfo> {
  const asOf = today(clock);
  return changeCommitment(database, clock, actor, user, id, async (tx, c) => {
    const refusal = progressRefusal(c.status, body.on, c.promisedOn, asOf);
    if (refusal) throw invalid(refusal);
    const p = await insertProgress(tx, {
      commitmentId: c.id,
      on: body.on,
      text: body.text.trim(),
      by: actor.unitName ?? actor.username ?? '工作人员',
      createdBy: user.id,
    });
    if (body.complete) await updateCommitment(tx, c.id, { status: 'done', completedOn: body.on });
    else await updateCommitment(tx, c.id, {});
    return {
      action: body.complete ? 'interaction.commitment.complete' : 'interaction.commitment.progress',
      detail: `${c.commitNo} ${body.on} ${p.id}`,
    };
  });
}

/** Withdraws an ongoing commitment with a reason (kept as its last entry); it leaves the portal. */
export async function cancelCommitment(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & { id: string },
  id: string,
  reason: string,
): Promise<CommitmentInfo> {
  const asOf = today(clock);
  return changeCommitment(database, clock, actor, user, id, async (tx, c) => {
    if (c.status !== 'ongoing') throw invalid(`承诺事项${COMMITMENT_STATUS_LABELS[c.status]}，不能撤销`);
    await insertProgress(tx, {
      commitmentId: c.id,
      on: asOf,
      text: `撤销：${reason.trim()}`,
      by: actor.unitName ?? actor.username ?? '工作人员',
      createdBy: user.id,
    });
    await updateCommitment(tx, c.id, { status: 'cancelled' });
    return { action: 'interaction.commitment.cancel', detail: `${c.commitNo} ${reason.trim()}` };
  });
}

/** An evidence file for a progress entry of a commitment in scope (stored through the upload gateway). */
export function uploadEvidence(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & { id: string },
  id: string,
  progressId: string,
  upload: Upload,
): Promise<CommitmentInfo> {
  return changeCommitment(database, clock, actor, user, id, async (tx, c) => {
    const p = await progressById(tx, progressId);
    if (!p || p.commitmentId !== c.id) throw notFound('进展记录');
    if (p.evidence.length >= 10) throw invalid('每条进展最多 10 个佐证材料');
    const f = await storeFile(
      tx,
      { name: upload.name, bytes: upload.bytes, uploadedBy: user.id },
      { allowed: [...EVIDENCE_KINDS], maxBytes: EVIDENCE_MAX_BYTES },
    );
    const evidence: EvidenceFile[] = [...p.evidence, { fileId: f.id, name: f.name, size: f.size }];
    await updateProgress(tx, p.id, { evidence });
    await updateCommitment(tx, c.id, {});
    return { action: 'interaction.commitment.evidence', detail: `${c.commitNo} ${f.name}` };
  });
}

/** An evidence file cited by a progress entry of the commitment (null when it is not one of them). */
async function evidenceOf(db: DbOrTx, commitmentId: string, fileId: string) {
  const cited = (await progressOf(db, [commitmentId])).some((p) =>
    p.evidence.some((e) => e.fileId === fileId),
  );
  return cited ? readFile(db, fileId) : null;
}

export async function readEvidence(database: Database, user: Scoped, id: string, fileId: string) {
  await commitmentInScope(database.db, user, id);
  const f = await evidenceOf(database.db, id, fileId);
  if (!f) throw notFound('佐证材料');
  return f;
}

// ---- reminders and to-dos ----

/** Daily: the handlers of the unit get a bell for each ongoing commitment due within 7 days or overdue. */
export async function remindCommitments(database: Database, asOf: string): Promise<{ sent: number }> {
  return ringUnitHandlers(
    database,
    'interaction:commitment:edit',
    await ongoingCommitments(database.db),
    (c) => {
      const kind = commitmentReminder(c.status, c.dueOn, asOf);
      if (!kind) return null;
      return {
        title: dueBellTitle(kind === 'overdue', `公开承诺 ${c.commitNo}`, '完成期限', c.dueOn),
        body: kind === 'overdue' ? '请尽快落实并填报进展；逾期情况在门户公开' : '请及时填报落实进展',
        link: `/interaction/commitments?id=${c.id}`,
        dedupeKey: `interaction.commitment.${kind}:${c.id}:${c.dueOn}`,
      };
    },
  );
}

/** The to-do centre's group: ongoing commitments of the user's scope due within 7 days or overdue. */
export async function commitmentsTodo(
  database: Database,
  clock: Clock,
  user: Scoped & Pick<CurrentUser, 'permissions'>,
): Promise<TodoGroup[]> {
  if (!user.permissions.includes('interaction:commitment:edit')) return [];
  const asOf = today(clock);
  const { rows } = await commitmentPage(
    database.db,
    user,
    { status: 'ongoing', page: 1, pageSize: 500 },
    asOf,
  );
  const due = rows.filter((r) => commitmentReminder(r.c.status, r.c.dueOn, asOf));
  return [
    todoGroup(
      'interaction.commitmentDue',
      '/interaction/commitments',
      due.length,
      due.slice(0, TODO_TOP).map(({ c }) => ({
        id: c.id,
        title: `${c.commitNo} ${c.content.slice(0, 40)}`,
        due: c.dueOn,
        overdue: commitmentOverdue(c.status, c.dueOn, asOf),
        link: `/interaction/commitments?id=${c.id}`,
      })),
      due.filter((r) => commitmentOverdue(r.c.status, r.c.dueOn, asOf)).length,
    ),
  ];
}

// ---- the portal (/hdjl/cn) ----

export interface PublicCommitment {
  id: string;
  commitNo: string;
  content: string;
  place: string;
  unitName: string;
  promisedOn: string;
  dueOn: string;
  status: string;
  statusLabel: string;
  completedOn: string | null;
  overdue: boolean;
  progress: { on: string; text: string; evidence: { fileId: string; name: string }[] }[];
}

/** Every unit's commitments, ongoing first (cancelled ones are not shown). */
export async function publicCommitments(
  db: DbOrTx,
  clock: Clock,
  q: { status?: 'ongoing' | 'done'; page: number; pageSize: number },
): Promise<{ items: PublicCommitment[]; total: number }> {
  const asOf = today(clock);
  const { rows, total } = await commitmentPage(
    db,
    null,
    { status: q.status, page: q.page, pageSize: q.pageSize, excludeCancelled: true },
    asOf,
  );
  const progress = await progressOf(
    db,
    rows.map((r) => r.c.id),
  );
  return {
    total,
    items: rows.map((r) => {
      const c = info(r, progress, asOf);
      return {
        ...c,
        statusLabel: c.overdue ? '已逾期' : COMMITMENT_STATUS_LABELS[c.status],
        progress: c.progress.map((p) => ({
          on: p.on,
          text: p.text,
          evidence: p.evidence.map((e) => ({ fileId: e.fileId, name: e.name })),
        })),
      };
    }),
  };
}

/** An evidence file of a public (not cancelled) commitment, for the portal's download link. */
export async function publicEvidence(db: DbOrTx, commitmentId: string, fileId: string) {
  const r = await commitmentById(db, commitmentId);
  if (!r || r.c.status === 'cancelled') return null;
  return evidenceOf(db, commitmentId, fileId);
}
