// Use case: the review workflow — submit, approve (the last level publishes, now or at the scheduled time),
// return, withdraw — with the publication gate of the checks and notifications to whoever acts next.

import { type ItemStatus, type ReviewAction, transition } from '../../../domain/disclosure/workflow';
import type { FindingOverride } from '../../../domain/review/gate';
import { publicationGate } from '../../../domain/review/gate';
import type { Finding } from '../../../domain/review/types';
import type { DbOrTx } from '../../db/client';
import type { Actor, Platform } from '../../platform/context';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify/service';
import { activeUsersWithRole } from '../org';
import { type PreparedChecks, prepareChecks, recheck } from './checks';
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
    await updateItemRow(tx, itemId, {
      status: t.item.status,
      level: t.item.level,
      approvedBy: [...t.item.approvedBy],
      updatedAt: now,
      ...(action === 'withdraw'
        ? { withdrawnAt: now, withdrawReason: comment ?? null, searchVector: null }
        : {}),
    });
    await insertStep(tx, itemId, user, action, comment ?? null, t.levelName ?? null, now);
    if (t.publishNow) {
      await publishNow(tx, item, now);
      await insertStep(tx, itemId, user, 'publish', null, null, now);
    }
    if (action === 'withdraw') await unindexItem(tx, itemId);
    await notifyNext(tx, item, t.item.status, t.item.approvedBy, levels[t.item.level - 1], now);
    await auditItem(
      tx,
      actor,
      `disclosure.item.${action}`,
      itemId,
      { status: t.item.status, ...(comment ? { comment } : {}) },
      now,
    );
    return { status: t.item.status, level: t.item.level };
  });
}

/** Tells the next reviewers (same unit, not the author, not an earlier approver) or the author what happened. */
async function notifyNext(
  tx: DbOrTx,
  item: Item,
  status: ItemStatus,
  approvedBy: readonly string[],
  levelName: string | undefined,
  now: Date,
): Promise<void> {
  const link = `/admin/disclosure/items/${item.id}`;
  const stamp = now.getTime();
  if (status === 'in_review') {
    const reviewers = await activeUsersWithRole(tx, 'reviewer', [item.unitId]);
    const to = reviewers.map((r) => r.id).filter((u) => u !== item.createdBy && !approvedBy.includes(u));
    await notify(
      tx,
      to.map((userId) => ({
        userId,
        title: `待${levelName ?? '审核'}：${item.title}`,
        link,
        dedupeKey: `disclosure:${item.id}:${stamp}:${userId}`,
      })),
    );
  } else if (status === 'returned' || status === 'published' || status === 'withdrawn') {
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
}
