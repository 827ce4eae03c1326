// Use cases of the Q&A base (问答库): entries written, edited (back to review) and reviewed before they are public;
// each read flags the entries whose cited document no longer stands (through the disclosure face).
import type { QaEntryBody, QaEntryInfo } from '../../../contracts/interaction';
import {
  type PolicyRef,
  QA_REVIEW_LABELS,
  type QaReview,
  qaPublication,
  reviewTransition,
  STATUS_AFTER_EDIT,
  staleReasons,
} from '../../../domain/interaction/qa-entry';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { writeTable } from '../../platform/xlsx';
import { citedItems } from '../disclosure';
import { assertUnitInScope, getUnit } from '../org';
import { sensitiveWords } from './mailbox';
import type { Scoped } from './repo/consultations';
import { insertQa, lockQa, type QaFilter, type QaRow, qaById, qaRows, updateQa } from './repo/qa';

type WithUnit = { e: QaRow; unitName: string };

/** The entries with their stale reasons (one look-up of every cited document). */
export async function withStale(db: DbOrTx, rows: readonly WithUnit[]): Promise<QaEntryInfo[]> {
  const ids = rows.flatMap((r) => r.e.policyRefs.flatMap((p) => (p.itemId ? [p.itemId] : [])));
  const docs = await citedItems(db, ids);
  return rows.map(({ e, unitName }) => ({
    id: e.id,
    question: e.question,
    answer: e.answer,
    unitId: e.unitId,
    unitName,
    topic: e.topic,
    keywords: e.keywords,
    policyRefs: e.policyRefs,
    status: e.status,
    source: e.source,
    stale: staleReasons(e.policyRefs, docs),
    reviewedBy: e.reviewedBy,
    reviewNote: e.reviewNote,
    updatedAt: e.updatedAt.toISOString(),
  }));
}

async function entryInfo(db: DbOrTx, id: string): Promise<QaEntryInfo> {
  const r = await qaById(db, id);
  if (!r) throw notFound('问答');
  return (await withStale(db, [r]))[0]!;
}

export async function listQa(
  database: Database,
  viewer: Scoped,
  q: QaFilter & { stale?: boolean; page: number; pageSize: number },
) {
  let items = await withStale(database.db, await qaRows(database.db, { ...q, viewer }));
  if (q.stale) items = items.filter((i) => i.stale.length > 0);
  const from = (q.page - 1) * q.pageSize;
  return { items: items.slice(from, from + q.pageSize), total: items.length };
}

export async function exportQa(database: Database, viewer: Scoped): Promise<Uint8Array> {
  const items = await withStale(database.db, await qaRows(database.db, { viewer }));
  return writeTable(
    '问答库',
    ['问题', '答复', '主管单位', '政策依据', '关键词'],
    items.map((i) => [
      i.question,
      i.answer,
      i.unitName,
      i.policyRefs.map((p) => `《${p.title}》`).join('、'),
      i.keywords.join('、'),
    ]),
  );
}

/** Cited disclosure items as references (their current public title). */
async function refsOf(db: DbOrTx, ids: readonly string[]): Promise<PolicyRef[]> {
  const docs = await citedItems(db, ids);
  const missing = ids.filter((id) => !docs.has(id));
  if (missing.length) throw invalid('政策依据应为已公开的信息');
  return ids.map((id) => ({ itemId: id, title: docs.get(id)!.title }));
}

interface NewEntry extends Omit<QaEntryBody, 'keywords' | 'policyItemIds'> {
  keywords: string[];
  policyItemIds: string[];
  source: QaRow['source'];
}

/** Stores an entry awaiting review (inside the caller's transaction, with its audit row). */
export async function newEntry(tx: DbOrTx, actor: Actor, userId: string, v: NewEntry): Promise<QaRow> {
  if (!(await getUnit(tx, v.unitId))) throw invalid('主管单位不存在');
  const [row] = await insertQa(tx, [
    {
      question: v.question.trim(),
      answer: v.answer.trim(),
      unitId: v.unitId,
      topic: v.topic?.trim() || null,
      keywords: v.keywords,
      policyRefs: await refsOf(tx, v.policyItemIds),
      status: 'pending',
      source: v.source,
      createdBy: userId,
    },
  ]);
  await audit(tx, actor, { action: 'interaction.qa.create', objectType: 'qa_entry', objectId: row!.id });
  return row!;
}

export async function createQa(
  database: Database,
  actor: Actor,
  user: Scoped & { id: string },
  body: QaEntryBody,
): Promise<QaEntryInfo> {
  const row = await database.db.transaction(async (tx) => {
    await assertUnitInScope(tx, user, body.unitId);
    return newEntry(tx, actor, user.id, {
      ...body,
      keywords: body.keywords ?? [],
      policyItemIds: body.policyItemIds ?? [],
      source: 'manual',
    });
  });
  return entryInfo(database.db, row.id);
}

/** A unit edits its own entries; the edit goes back to review. */
export async function editQa(
  database: Database,
  actor: Actor,
  user: Scoped,
  id: string,
  body: QaEntryBody,
): Promise<QaEntryInfo> {
  await database.db.transaction(async (tx) => {
    const e = await lockQa(tx, id);
    if (!e) throw notFound('问答');
    await assertUnitInScope(tx, user, e.unitId, '问答');
    await assertUnitInScope(tx, user, body.unitId);
    await updateQa(tx, id, {
      question: body.question.trim(),
      answer: body.answer.trim(),
      unitId: body.unitId,
      topic: body.topic?.trim() || null,
      keywords: body.keywords ?? [],
      policyRefs: await refsOf(tx, body.policyItemIds ?? []),
      status: STATUS_AFTER_EDIT,
    });
    await audit(tx, actor, { action: 'interaction.qa.update', objectType: 'qa_entry', objectId: id });
  });
  return entryInfo(database.db, id);
}

export async function reviewQa(
  database: Database,
  actor: Actor,
  user: Scoped,
  id: string,
  body: { decision: QaReview; note?: string | null },
): Promise<QaEntryInfo> {
  await database.db.transaction(async (tx) => {
    const e = await lockQa(tx, id);
    if (!e) throw notFound('问答');
    await assertUnitInScope(tx, user, e.unitId, '问答');
    const next = reviewTransition(e.status, body.decision);
    if (!next) throw invalid(`当前状态不能${QA_REVIEW_LABELS[body.decision]}`);
    // What goes public: no sensitive word, personal data in the question masked.
    const pub = next === 'published' ? qaPublication(e, await sensitiveWords(tx)) : null;
    if (pub && !pub.ok) throw invalid(pub.reasons.join('；'));
    await updateQa(tx, id, {
      ...(pub?.ok ? { question: pub.question } : {}),
      status: next,
      reviewedBy: actor.username,
      reviewedAt: new Date(),
      reviewNote: body.note ?? null,
    });
    await audit(tx, actor, {
      action: `interaction.qa.${body.decision}`,
      objectType: 'qa_entry',
      objectId: id,
      detail: body.note ?? null,
    });
  });
  return entryInfo(database.db, id);
}
