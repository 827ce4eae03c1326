// Use case: 重大行政决策预公开 (issue 13 part 4). A unit drafts a decision with its background, basis and
// explanation, opens it for comment (period from the setting, end moved past holidays), the period closes by hand
// or by the daily job, the unit publishes the 意见采纳情况 within 1 month (reminders in the bell) and links the final
// decision (a published disclosure item). Every write has its audit row in the same transaction.
import type { DecisionInputBody, DecisionRow } from '../../../contracts/decisions';
import { chinaDate } from '../../../domain/calendar';
import {
  type AdoptionEntry,
  adoptionAlert,
  adoptionDue,
  checkAdoption,
  commentPeriodEnd,
  DEFAULT_COMMENT_DAYS,
  type DecisionAction,
  type DecisionStatus,
  refusal,
} from '../../../domain/disclosure/decisions';
import type { Database, DbOrTx } from '../../db/client';
import { lockAndLoad } from '../../db/lock';
import { decisionDrafts } from '../../db/schema/disclosure';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import { type Actor, type Platform, systemActor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { lockFound } from '../../platform/lock-found';
import { type NewNotification, notify } from '../../platform/notify/service';
import { getSetting, putAuditedSetting } from '../../platform/settings';
import { activeUsersWithPermissionOver, assertUnitInScope, scopeFilter, unitNames } from '../org';
import {
  awaitingAdoption,
  commentCounts,
  type DraftRecord,
  findDraft,
  insertDraft,
  listDrafts,
  openPastEnd,
  updateDraft,
} from './repo/decisions';
import { findItem } from './repo/items';
import type { StaffUser } from './scope';

const SETTING = 'disclosure.decisionCommentDays';

export async function decisionSettings(db: DbOrTx): Promise<{ commentDays: number }> {
  return { commentDays: (await getSetting<number>(db, SETTING)) ?? DEFAULT_COMMENT_DAYS };
}

export async function putDecisionSettings(p: Platform, actor: Actor, v: { commentDays: number }) {
  await putAuditedSetting(p.database, actor, SETTING, v.commentDays, {
    action: 'disclosure.decision.settings',
    objectType: 'setting',
    detail: v,
  });
  return v;
}

const todayOf = (p: Pick<Platform, 'clock'>) => chinaDate(p.clock.now());

/** Unit names of the rows (drafts, comments' drafts, participations). */
export const unitNamesOf = (p: Platform, rows: readonly { unitId: string }[]) =>
  unitNames(
    p.database.db,
    rows.map((r) => r.unitId),
  );

/** The audit row of a change to a draft, in the transaction that makes it. */
const auditDecision = (
  tx: DbOrTx,
  actor: Actor,
  action: string,
  id: string,
  detail: Record<string, unknown>,
) =>
  audit(tx, actor, { action: `disclosure.decision.${action}`, objectType: 'decision', objectId: id, detail });

/** Draft rows as the console reads them, with comment counts and the adoption reminder state. */
export async function draftRows(p: Platform, list: DraftRecord[]): Promise<DecisionRow[]> {
  const names = await unitNamesOf(p, list);
  const counts = await commentCounts(
    p.database.db,
    list.map((r) => r.id),
  );
  const today = todayOf(p);
  return list.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitName: names.get(r.unitId) ?? '',
    title: r.title,
    background: r.background,
    basis: r.basis,
    explanation: r.explanation,
    draftText: r.draftText,
    channels: r.channels,
    commentDays: r.commentDays,
    status: r.status,
    openedOn: r.openedOn,
    periodEnd: r.periodEnd,
    periodEndMoved: r.periodEndMoved,
    adoptionDue: r.adoptionDue,
    adoptionAlert: r.adoptionDue
      ? adoptionAlert(r.adoptionDue, r.adoptionPublishedOn !== null, today)
      : 'none',
    adoptionSummary: r.adoptionSummary,
    adoptionEntries: r.adoptionEntries,
    adoptionCounts: r.adoptionCounts,
    adoptionPublishedOn: r.adoptionPublishedOn,
    finalItemId: r.finalItemId,
    decidedOn: r.decidedOn,
    comments: counts.get(r.id) ?? { total: 0, pending: 0, shown: 0 },
    createdAt: r.createdAt.toISOString(),
  }));
}

const one = async (p: Platform, r: DraftRecord) => (await draftRows(p, [r]))[0]!;

export async function listDecisions(
  p: Platform,
  user: StaffUser,
  q: { page?: number; pageSize?: number; unitId?: string; status?: DecisionStatus; q?: string },
) {
  const size = q.pageSize ?? 20;
  const { rows, total } = await listDrafts(
    p.database.db,
    { scope: scopeFilter(user, decisionDrafts.unitId), unitId: q.unitId, status: q.status, q: q.q },
    { limit: size, offset: ((q.page ?? 1) - 1) * size },
  );
  return { items: await draftRows(p, rows), total };
}

/** The draft, read without a lock, when it is in the user's scope. */
export async function readScopedDraft(db: DbOrTx, user: StaffUser, id: string): Promise<DraftRecord> {
  const r = await findDraft(db, id);
  if (!r) throw notFound('决策草案');
  await assertUnitInScope(db, user, r.unitId, '决策草案');
  return r;
}

export async function getDecision(p: Platform, user: StaffUser, id: string) {
  return one(p, await readScopedDraft(p.database.db, user, id));
}

const content = (input: DecisionInputBody) => ({
  title: input.title,
  background: input.background,
  basis: input.basis,
  explanation: input.explanation,
  draftText: input.draftText,
  channels: input.channels ?? null,
});

export async function createDecision(p: Platform, user: StaffUser, actor: Actor, input: DecisionInputBody) {
  await assertUnitInScope(p.database.db, user, input.unitId);
  const { commentDays } = await decisionSettings(p.database.db);
  const row = await p.database.db.transaction(async (tx) => {
    const r = await insertDraft(tx, {
      unitId: input.unitId,
      ...content(input),
      commentDays,
      createdBy: user.id,
    });
    await auditDecision(tx, actor, 'create', r.id, { title: r.title });
    return r;
  });
  return one(p, row);
}

/** Lock the draft, check scope and the transition, apply, audit: one transaction. */
async function change(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  id: string,
  action: DecisionAction,
  apply: (tx: DbOrTx, r: DraftRecord) => Promise<{ row: DraftRecord; detail?: Record<string, unknown> }>,
) {
  const row = await p.database.db.transaction(async (tx) => {
    const before = await lockFound(tx, decisionDrafts, id, '决策草案');
    await assertUnitInScope(tx, user, before.unitId, '决策草案');
    const why = refusal(before.status, action);
    if (why) throw conflict(why);
    const { row, detail } = await apply(tx, before);
    await auditDecision(tx, actor, action, id, { title: before.title, ...detail });
    return row;
  });
  return one(p, row);
}

export function updateDecision(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  id: string,
  input: DecisionInputBody,
) {
  return change(p, user, actor, id, 'edit', async (tx, r) => {
    // The unit may change only within the user's scope.
    if (input.unitId !== r.unitId) await assertUnitInScope(tx, user, input.unitId);
    return { row: await updateDraft(tx, id, { unitId: input.unitId, ...content(input) }) };
  });
}

export async function openDecision(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  id: string,
  days?: number | null,
) {
  const cal = await getCalendar(p.database);
  const commentDays = days ?? (await decisionSettings(p.database.db)).commentDays;
  const openedOn = todayOf(p);
  const end = commentPeriodEnd(cal, openedOn, commentDays);
  return change(p, user, actor, id, 'open', async (tx) => ({
    row: await updateDraft(tx, id, {
      status: 'open',
      commentDays,
      openedOn,
      periodEnd: end.date,
      periodEndMoved: end.moved,
    }),
    detail: { openedOn, periodEnd: end.date, commentDays },
  }));
}

/** Close a draft's period: its 意见采纳情况 falls due 1 month after the period's last day. */
async function closeValues(database: Database, r: DraftRecord, now: Date) {
  const cal = await getCalendar(database);
  // Closed early by hand: the period ends today (the month counts from the real end).
  const end = r.periodEnd && r.periodEnd < chinaDate(now) ? r.periodEnd : chinaDate(now);
  return {
    status: 'closed' as const,
    closedAt: now,
    periodEnd: end,
    adoptionDue: adoptionDue(cal, end).date,
  };
}

export async function closeDecision(p: Platform, user: StaffUser, actor: Actor, id: string) {
  const pre = await readScopedDraft(p.database.db, user, id);
  const values = await closeValues(p.database, pre, p.clock.now());
  return change(p, user, actor, id, 'close', async (tx) => ({
    row: await updateDraft(tx, id, values),
    detail: { adoptionDue: values.adoptionDue },
  }));
}

/** The daily job: drafts whose period ended yesterday or before are closed (audited as the system). */
export async function closeEndedDecisions(database: Database, now: Date): Promise<number> {
  let closed = 0;
  for (const r of await openPastEnd(database.db, chinaDate(now))) {
    const values = await closeValues(database, r, now);
    await database.db.transaction(async (tx) => {
      const locked = await lockAndLoad(tx, decisionDrafts, r.id);
      if (locked?.status !== 'open') return;
      await updateDraft(tx, r.id, values);
      await auditDecision(tx, systemActor('scheduler'), 'close', r.id, {
        title: r.title,
        automatic: true,
        adoptionDue: values.adoptionDue,
      });
      closed++;
    });
  }
  return closed;
}

export function publishAdoption(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  id: string,
  input: {
    summary: string;
    entries: { opinion: string; outcome: AdoptionEntry['outcome']; reason?: string | null }[];
  },
  received: number,
) {
  const entries: AdoptionEntry[] = input.entries.map((e) => ({ ...e, reason: e.reason?.trim() || null }));
  const { errors, counts } = checkAdoption(entries, received);
  if (errors.length) throw invalid(errors.join('；'));
  return change(p, user, actor, id, 'adopt', async (tx) => ({
    row: await updateDraft(tx, id, {
      status: 'adopted',
      adoptionSummary: input.summary,
      adoptionEntries: entries,
      adoptionCounts: counts,
      adoptionPublishedOn: todayOf(p),
    }),
    detail: { ...counts },
  }));
}

export function linkFinalDecision(p: Platform, user: StaffUser, actor: Actor, id: string, itemId: string) {
  return change(p, user, actor, id, 'decide', async (tx) => {
    const item = await findItem(tx, itemId);
    if (!item) throw notFound('公开信息');
    if (item.status !== 'published') throw conflict('最终决策须是已发布的公开信息');
    return {
      row: await updateDraft(tx, id, { status: 'decided', finalItemId: itemId, decidedOn: todayOf(p) }),
      detail: { itemId, itemTitle: item.title },
    };
  });
}

/** Daily reminders of the 意见采纳情况 near its due date or overdue, to the unit's publishers (idempotent). */
export async function remindAdoption(database: Database, today: string): Promise<{ sent: number }> {
  const items: NewNotification[] = [];
  for (const r of await awaitingAdoption(database.db)) {
    if (!r.adoptionDue) continue;
    const alert = adoptionAlert(r.adoptionDue, false, today);
    if (alert === 'none') continue;
    for (const u of await activeUsersWithPermissionOver(
      database.db,
      'disclosure:decision:publish',
      r.unitId,
    )) {
      items.push({
        userId: u.id,
        title:
          alert === 'overdue'
            ? `「${r.title}」意见采纳情况已逾期（应于 ${r.adoptionDue} 前公布）`
            : `「${r.title}」意见采纳情况应于 ${r.adoptionDue} 前公布`,
        body: '征求意见结束后 1 个月内发布意见采纳情况',
        link: `/admin/disclosure/decisions?id=${r.id}`,
        dedupeKey: `decisions.adoption:${r.id}:${alert}`,
      });
    }
  }
  return { sent: await notify(database.db, items) };
}
