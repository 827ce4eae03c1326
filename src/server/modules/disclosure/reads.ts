// Use case: what the console reads of items — the list (with the review inbox) and an item's page (checks,
// history, versions, timeliness, 三同步 links, validity).
import { chinaDate } from '../../../domain/calendar';
import { missingInterpretation, timeliness, validityOn } from '../../../domain/disclosure/rules';
import { getCalendar } from '../../platform/calendar/service';
import type { Platform } from '../../platform/context';
import { getUnit } from '../org';
import { gateOf } from './checks';
import { currentVersionOf, historyOf, interpretationsOf, versionsOf } from './repo/items';
import { attachmentSummaries, type ItemListQuery, itemPage } from './repo/listing';
import { readScoped, type StaffUser } from './scope';
import { getDisclosureSettings, reviewLevelsOf } from './settings';

export async function itemDetail(p: Platform, user: StaffUser, id: string) {
  const db = p.database.db;
  const item = await readScoped(db, user, id);
  const unit = await getUnit(db, item.unitId);
  const levels = await reviewLevelsOf(db, item.unitId);
  const calendar = await getCalendar(p.database);
  const today = chinaDate(p.clock.now());
  const formed = item.formedDate ?? item.writtenDate;
  const timely = formed
    ? timeliness(
        formed,
        item.publishDate && item.status === 'published' ? item.publishDate : null,
        today,
        calendar,
      )
    : null;
  const interpretations = item.kind === 'interpretation' ? [] : await interpretationsOf(db, item.rootId);
  const policy = item.policyRootId ? await currentVersionOf(db, item.policyRootId) : null;
  const settings = await getDisclosureSettings(db);
  return {
    ...item,
    publishAt: item.publishAt?.toISOString() ?? null,
    unitName: unit?.name ?? '',
    attachments: await attachmentSummaries(db, id),
    history: await historyOf(db, id),
    versions: await versionsOf(db, item.rootId),
    levels,
    levelName: item.status === 'in_review' ? (levels[item.level - 1] ?? null) : null,
    gate: gateOf(item),
    timeliness: timely,
    interpretations,
    policy,
    missingInterpretation: settings.requireInterpretation && missingInterpretation(item, interpretations),
    validityNow:
      item.kind === 'normative' && item.validity
        ? validityOn({ ...item, validity: item.validity, issuedDate: item.writtenDate }, today)
        : null,
  };
}

export async function listItems(p: Platform, user: StaffUser, q: ItemListQuery) {
  // Only reviewers have items to approve: for anyone else 待我审核 is empty.
  if (q.inbox && !user.permissions.includes('disclosure:review:approve')) return { total: 0, items: [] };
  const { distinctReviewers } = await getDisclosureSettings(p.database.db);
  const { total, rows } = await itemPage(p.database.db, user, q, { distinctReviewers });
  const calendar = await getCalendar(p.database);
  const today = chinaDate(p.clock.now());
  return {
    total,
    items: rows.map((r) => {
      const formed = r.formedDate ?? r.writtenDate;
      return {
        ...r,
        publishAt: r.publishAt?.toISOString() ?? null,
        timeliness: formed
          ? timeliness(formed, r.status === 'published' ? r.publishDate : null, today, calendar)
          : null,
      };
    }),
  };
}
