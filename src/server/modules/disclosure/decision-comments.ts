// Use case: the public side of 重大行政决策预公开 — comments from the portal (screened for ID and phone numbers:
// those are held, and the public only reads masked text), their moderation, the portal's reads, and the 列席 /
// 政府开放日 records.
import type { CommentRow, ParticipationRow } from '../../../contracts/decisions';
import { chinaDate } from '../../../domain/calendar';
import {
  acceptsComments,
  type CommentStatus,
  DECISION_STATUSES,
  type ParticipationKind,
  screenComment,
} from '../../../domain/disclosure/decisions';
import { decisionComments, decisionParticipations } from '../../db/schema/disclosure';
import { audit } from '../../platform/audit/audit';
import type { Actor, Platform } from '../../platform/context';
import { seal } from '../../platform/crypto/fields';
import { conflict, invalid, notFound } from '../../platform/errors';
import { once, priorResult } from '../../platform/idempotency';
import { lockFound } from '../../platform/lock-found';
import { sensitiveWordList } from '../../platform/settings';
import { assertUnitInScope, scopeFilter } from '../org';
import { readScopedDraft, unitNamesOf } from './decisions';
import {
  type CommentRecord,
  commentCounts,
  findDraft,
  insertComment,
  insertParticipation,
  listComments,
  listDrafts,
  listParticipations,
  type ParticipationRecord,
  updateComment,
} from './repo/decisions';
import { findItem } from './repo/items';
import type { StaffUser } from './scope';

const commentRow = (r: CommentRecord): CommentRow => ({
  id: r.id,
  draftId: r.draftId,
  authorName: r.authorName,
  publicText: r.publicText,
  personalData: r.personalData,
  status: r.status,
  hideReason: r.hideReason,
  createdAt: r.createdAt.toISOString(),
});

export async function listDecisionComments(
  p: Platform,
  user: StaffUser,
  draftId: string,
  status?: CommentStatus,
) {
  await readScopedDraft(p.database.db, user, draftId);
  return (await listComments(p.database.db, draftId, status)).map(commentRow);
}

/** All comments a draft received (any state): the 意见采纳情况 counts them. */
export async function receivedComments(p: Platform, user: StaffUser, draftId: string): Promise<number> {
  await readScopedDraft(p.database.db, user, draftId);
  return (await commentCounts(p.database.db, [draftId])).get(draftId)?.total ?? 0;
}

export async function moderateComment(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  id: string,
  v: { status: 'shown' | 'hidden'; reason?: string | null },
): Promise<CommentRow> {
  const row = await p.database.db.transaction(async (tx) => {
    const c = await lockFound(tx, decisionComments, id, '意见');
    const draft = await findDraft(tx, c.draftId);
    await assertUnitInScope(tx, user, draft!.unitId, '意见');
    const r = await updateComment(tx, id, {
      status: v.status,
      hideReason: v.status === 'hidden' ? (v.reason ?? null) : null,
      moderatedBy: user.id,
      moderatedAt: p.clock.now(),
    });
    await audit(tx, actor, {
      action: 'disclosure.decision.moderate',
      objectType: 'decisionComment',
      objectId: id,
      detail: { draftId: c.draftId, from: c.status, to: v.status, reason: r.hideReason },
    });
    return r;
  });
  return commentRow(row);
}

/** A comment from the portal. Held (pending) when it quotes ID or phone numbers; the original is sealed. */
export async function submitComment(
  p: Platform,
  actor: Actor,
  draftId: string,
  input: { authorName?: string | null; text: string },
  /** The form's one-time request id: a resubmission with it answers the first comment and stores nothing. */
  requestKey: string | null = null,
): Promise<{ status: CommentStatus }> {
  const text = input.text.trim();
  if (text.length < 5) throw invalid('意见内容不少于 5 个字');
  if (text.length > 5000) throw invalid('意见内容不超过 5000 字');
  const name = input.authorName?.trim().slice(0, 50) || null;
  return p.database.db.transaction(async (tx) => {
    const screened = screenComment(text, await sensitiveWordList(tx));
    const { value } = await once(tx, `zj:${draftId}`, requestKey, p.clock.now(), async () => {
      const draft = await findDraft(tx, draftId);
      if (!draft || draft.status === 'draft') throw notFound('决策草案');
      if (!acceptsComments(draft.status, draft.periodEnd, chinaDate(p.clock.now())))
        throw conflict('征求意见已结束，不再接收意见');
      const r = await insertComment(tx, {
        draftId,
        authorName: name,
        publicText: screened.publicText,
        originalSealed: screened.personalData ? seal(p.fieldKeys, text) : null,
        personalData: screened.personalData,
        status: screened.status,
        createdAt: p.clock.now(),
      });
      await audit(tx, actor, {
        action: 'disclosure.decision.comment',
        objectType: 'decisionComment',
        objectId: r.id,
        detail: {
          draftId,
          status: r.status,
          personalData: r.personalData,
          sensitiveWords: screened.sensitiveWords,
        },
      });
      return { status: r.status };
    });
    return value;
  });
}

/** The comment a portal form's request id already submitted on `draftId` (a resubmitted form), or null. */
export const priorPortalComment = (p: Platform, draftId: string, requestKey: string | null) =>
  priorResult<{ status: CommentStatus }>(p.database.db, `zj:${draftId}`, requestKey);

// ---------- the portal ----------

const PUBLIC_STATUSES = DECISION_STATUSES.filter((s) => s !== 'draft');

export interface PublicDecisionSummary {
  id: string;
  title: string;
  unitName: string;
  status: (typeof PUBLIC_STATUSES)[number];
  openedOn: string | null;
  periodEnd: string | null;
  accepting: boolean;
}

/** Drafts the public may read: open ones (`open`) or all others (`closed`). */
export async function publicDecisionList(p: Platform, q: { open: boolean; page: number; pageSize: number }) {
  const { rows, total } = await listDrafts(
    p.database.db,
    { statuses: q.open ? ['open'] : PUBLIC_STATUSES.filter((s) => s !== 'open') },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const names = await unitNamesOf(p, rows);
  const today = chinaDate(p.clock.now());
  const items: PublicDecisionSummary[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    unitName: names.get(r.unitId) ?? '',
    status: r.status as PublicDecisionSummary['status'],
    openedOn: r.openedOn,
    periodEnd: r.periodEnd,
    accepting: acceptsComments(r.status, r.periodEnd, today),
  }));
  return { items, total };
}

/** One draft for the public: its text, period, shown comments (masked), 意见采纳情况 and final decision. */
export async function publicDecision(p: Platform, id: string) {
  const r = await findDraft(p.database.db, id);
  if (!r || r.status === 'draft') return null;
  const names = await unitNamesOf(p, [r]);
  const comments = (await listComments(p.database.db, id, 'shown')).map((c) => ({
    authorName: c.authorName,
    text: c.publicText,
    createdAt: c.createdAt,
  }));
  const item = r.finalItemId ? await findItem(p.database.db, r.finalItemId) : null;
  return {
    ...r,
    unitName: names.get(r.unitId) ?? '',
    accepting: acceptsComments(r.status, r.periodEnd, chinaDate(p.clock.now())),
    comments,
    finalItem: item && item.status === 'published' ? { id: item.id, title: item.title } : null,
  };
}
export type PublicDecision = NonNullable<Awaited<ReturnType<typeof publicDecision>>>;

// ---------- 列席 and 政府开放日 ----------

async function participationRows(p: Platform, rows: ParticipationRecord[]): Promise<ParticipationRow[]> {
  const names = await unitNamesOf(p, rows);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitName: names.get(r.unitId) ?? '',
    kind: r.kind,
    title: r.title,
    heldOn: r.heldOn,
    place: r.place,
    publicCount: r.publicCount,
    expertCount: r.expertCount,
    mediaCount: r.mediaCount,
    summary: r.summary,
    draftId: r.draftId,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listDecisionParticipations(
  p: Platform,
  user: StaffUser,
  q: { page?: number; pageSize?: number; kind?: ParticipationKind },
) {
  const size = q.pageSize ?? 20;
  const { rows, total } = await listParticipations(
    p.database.db,
    { scope: scopeFilter(user, decisionParticipations.unitId), kind: q.kind },
    { limit: size, offset: ((q.page ?? 1) - 1) * size },
  );
  return { items: await participationRows(p, rows), total };
}

export async function createParticipation(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  input: Omit<ParticipationRow, 'id' | 'unitName' | 'createdAt' | 'place' | 'summary' | 'draftId'> & {
    place?: string | null;
    summary?: string | null;
    draftId?: string | null;
  },
) {
  await assertUnitInScope(p.database.db, user, input.unitId);
  if (input.draftId) await readScopedDraft(p.database.db, user, input.draftId);
  const row = await p.database.db.transaction(async (tx) => {
    const r = await insertParticipation(tx, {
      ...input,
      place: input.place ?? null,
      summary: input.summary ?? null,
      draftId: input.draftId ?? null,
      createdBy: user.id,
    });
    await audit(tx, actor, {
      action: 'disclosure.decision.participation',
      objectType: 'decisionParticipation',
      objectId: r.id,
      detail: { kind: r.kind, title: r.title, heldOn: r.heldOn },
    });
    return r;
  });
  return (await participationRows(p, [row]))[0]!;
}
