// Use case: the review workflow — submit, approve (the last level publishes, now or at the scheduled time),
// return, withdraw — with the publication gate of the checks and notifications to whoever acts next.

import {
  type ItemStatus,
  type ReviewAction,
  transition,
  type WorkflowItem,
} from '../../../domain/disclosure/workflow';
import type { FindingOverride } from '../../../domain/review/gate';
import { publicationGate } from '../../../domain/review/gate';
import type { Finding } from '../../../domain/review/types';
import type { DbOrTx } from '../../db/client';
import type { Actor, Platform } from '../../platform/context';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify/service';
import { activeUsersWithPermissionOver, activeUsersWithRole } from '../org';
import { type PreparedChecks, prepareChecks, recheck } from './checks';
import { assertInterpretationGate } from './interpretation-plan';
import { publishNow } from './publishing';
import { type Item, insertStep, updateItemRow } from './repo/items';
import { auditItem, lockScoped, readScoped, type StaffUser } from './scope';
import { unindexItem } from './search';
import { getDisclosureSettings, reviewLevelsOf } from './settings';

export type WorkflowAction = Exclude<ReviewAction, 'publish'>;

export async function act(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  itemId: string,
  action: WorkflowAction,
  comment?: string,
) {
  // Submitting rechecks the item: its attachments are read and links probed before the transaction.
  let prepared: PreparedChecks | undefined;
  if (action === 'submit') {
    const before = await readScoped(p.database.db, user, itemId);
    prepared = await prepareChecks(p, { itemId, title: before.title, bodyText: before.bodyText });
  }
  return p.database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, itemId);
    const settings = await getDisclosureSettings(tx);
    const levels = await reviewLevelsOf(tx, item.unitId);
    const now = p.clock.now();
    if (
      action === 'submit' &&
      item.createdBy !== user.id &&
      !user.permissions.includes('disclosure:item:update')
    )
      throw forbidden();
    let gateAllowed: boolean | undefined;
    if (action === 'approve' || action === 'submit') {
      const findings = prepared ? await recheck(p, tx, item, prepared) : (item.findings as Finding[]);
      gateAllowed = publicationGate(findings, item.overrides as FindingOverride[]).allowed;
    }
    const t = transition(
      {
        status: item.status as ItemStatus,
        createdBy: item.createdBy,
        level: item.level,
        approvedBy: item.approvedBy,
        publishAt: item.publishAt ? item.publishAt.toISOString() : null,
      },
      action,
      {
        id: user.id,
        canReview: user.permissions.includes('disclosure:review:approve'),
        canPublish: user.permissions.includes('disclosure:item:withdraw'),
      },
      { levels, distinctReviewers: settings.distinctReviewers, now: now.toISOString(), comment, gateAllowed },
    );
    if (!t.ok) {
      if (t.code === 'FORBIDDEN') throw forbidden(t.message);
      if (t.code === 'CONFLICT') throw conflict(t.message);
      throw invalid(t.message);
    }
    // 三同步: a policy passes 终审 only with its interpretation ready (or an exemption recorded).
    if (action === 'approve' && (t.item.status === 'published' || t.item.status === 'scheduled'))
      await assertInterpretationGate(tx, item, now);
    await updateItemRow(tx, itemId, {
      status: t.item.status,
      level: t.item.level,
      approvedBy: [...t.item.approvedBy],
      updatedAt: now,
      ...(action === 'withdraw' ? { withdrawnAt: now, withdrawReason: comment ?? null } : {}),
    });
    await insertStep(tx, itemId, user, action, comment ?? null, t.levelName ?? null, now);
    if (t.publishNow) {
      await publishNow(tx, item, now);
      await insertStep(tx, itemId, user, 'publish', null, null, now);
    }
    if (action === 'withdraw') await unindexItem(tx, itemId);
    const distinct = settings.distinctReviewers;
    const message = await notifyNext(tx, item, t.item, levels[t.item.level - 1], distinct, now);
    await auditItem(
      tx,
      actor,
      `disclosure.item.${action}`,
      itemId,
      { status: t.item.status, ...(comment ? { comment } : {}) },
      now,
    );
    // Going public is an event of its own in the log (SECURITY.md 15), not only the last approval's outcome.
    if (t.publishNow) await auditItem(tx, actor, 'disclosure.item.publish', itemId, { via: action }, now);
    return { status: t.item.status, level: t.item.level, ...(message ? { message } : {}) };
  });
}

/**
 * Tells whoever acts next: the reviewers who may approve the next level (the item's unit in their scope, not the
 * author, not an earlier approver when each level needs a different person), or the author. When nobody may
 * approve the next level the item would wait silently: the author and the office are told instead, and the
 * message is returned for the answer.
 */
async function notifyNext(
  tx: DbOrTx,
  item: Item,
  next: Pick<WorkflowItem, 'status' | 'approvedBy'>,
  levelName: string | undefined,
  distinct: boolean,
  now: Date,
): Promise<string | undefined> {
  const link = `/admin/disclosure/items/${item.id}`;
  const stamp = now.getTime();
  const { status, approvedBy } = next;
  if (status === 'in_review') {
    const level = levelName ?? '审核';
    const reviewers = await activeUsersWithPermissionOver(tx, 'disclosure:review:approve', item.unitId);
    const to = reviewers
      .map((r) => r.id)
      .filter((u) => u !== item.createdBy && !(distinct && approvedBy.includes(u)));
    if (to.length) {
      await notify(
        tx,
        to.map((userId) => ({
          userId,
          title: `待${level}：${item.title}`,
          link,
          // The level is in the key: two levels approved within one clock tick are two messages.
          dedupeKey: `disclosure:${item.id}:${stamp}:${level}:${userId}`,
        })),
      );
      return undefined;
    }
    const message = `本单位未设置${level}人`;
    const office = (await activeUsersWithRole(tx, 'office')).map((u) => u.id);
    await notify(
      tx,
      [...new Set([item.createdBy, ...office])].map((userId) => ({
        userId,
        title: `「${item.title}」无人可${level}：${message}`,
        link,
        dedupeKey: `disclosure:${item.id}:${stamp}:${level}:none:${userId}`,
      })),
    );
    return message;
  }
  if (status === 'returned' || status === 'published' || status === 'withdrawn') {
    const what = { returned: '被退回修改', published: '已发布', withdrawn: '已撤回' }[status];
    await notify(tx, [
      {
        userId: item.createdBy,
        title: `「${item.title}」${what}`,
        link,
        dedupeKey: `disclosure:${item.id}:${stamp}:author`,
      },
    ]);
  }
  return undefined;
}
