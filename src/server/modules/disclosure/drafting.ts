// Use case: drafting an item — metadata, 索引号, sanitised body, its column — and corrections (更正) as new
// versions. Links are probed and attachments read before the transaction opens (checks.ts).
import type { ItemInput } from '../../../contracts/disclosure';
import { chinaDate } from '../../../domain/calendar';
import type { DbOrTx } from '../../db/client';
import type { Actor, Platform } from '../../platform/context';
import { conflict, invalid } from '../../platform/errors';
import { assertUnitInScope, unitAncestry } from '../org';
import { ensureUnitCatalog, itemCategoryIn } from './catalog';
import { inputBodyText, prepareChecks, recheck } from './checks';
import { nextIndexNo } from './index-number';
import { columnById, unitColumnByCode } from './repo/catalog';
import {
  attachmentsOf,
  insertAttachment,
  insertItem,
  insertStep,
  maxVersionOf,
  openVersionOf,
  rootExists,
  updateItemRow,
} from './repo/items';
import { bodyToText, sanitizeBody } from './sanitize';
import { assertEditable, auditItem, lockScoped, readScoped, type StaffUser } from './scope';
import { getDisclosureSettings } from './settings';

const EDIT_ONLY = '只有草稿或被退回的信息可以修改；已发布的信息请使用“更正”生成新版本';

/** The item's fields from the input; its column and 公开类别 come from validateRefs. */
function itemValues(input: ItemInput) {
  const bodyHtml = input.bodyHtml !== undefined ? sanitizeBody(input.bodyHtml) : undefined;
  return {
    kind: input.kind,
    title: input.title,
    docNumber: input.docNumber ?? null,
    writtenDate: input.writtenDate ?? null,
    formedDate: input.formedDate ?? input.writtenDate ?? null,
    publishDate: input.publishDate ?? null,
    topic: input.topic ?? null,
    summary: input.summary ?? '',
    ...(bodyHtml !== undefined ? { bodyHtml, bodyText: bodyToText(bodyHtml) } : {}),
    publishAt: input.publishAt ? new Date(input.publishAt) : null,
    validity: input.kind === 'normative' ? (input.validity ?? 'in_force') : null,
    effectiveDate: input.effectiveDate ?? null,
    expiryDate: input.expiryDate ?? null,
    repealedDate: input.repealedDate ?? null,
    repealedById: input.repealedById ?? null,
    replacedById: input.replacedById ?? null,
    policyRootId: input.kind === 'interpretation' ? (input.policyRootId ?? null) : null,
    interpretationForm: input.kind === 'interpretation' ? (input.interpretationForm ?? 'text') : null,
    needsInterpretation: input.needsInterpretation ?? false,
  };
}

/**
 * Checks the references and returns the item's column and 公开类别 (PUB-6, required): the column is one of its own
 * unit's catalog, or, when none is chosen, the unit's column of the item's category (a liaison who picks 规划信息
 * as category files it there); the category is the one chosen, else the column's.
 */
async function validateRefs(tx: DbOrTx, input: ItemInput, unitId: string, kind: ItemInput['kind']) {
  let columnId = input.columnId ?? null;
  if (columnId) {
    const c = await columnById(tx, columnId);
    if (!c) throw invalid('所选栏目不存在');
    if (c.unitId !== unitId) throw invalid(`栏目「${c.name}」不属于本单位的公开目录，请重新选择栏目`);
  }
  const art20 = await itemCategoryIn(tx, { unitId, columnId, chosen: input.art20, kind });
  if (!columnId) {
    await ensureUnitCatalog(tx, unitId);
    columnId = (await unitColumnByCode(tx, unitId, art20))?.id ?? null;
  }
  if (input.kind === 'interpretation' && input.policyRootId && !(await rootExists(tx, input.policyRootId)))
    throw invalid('所解读的政策文件不存在');
  if (input.writtenDate && input.publishDate && input.publishDate < input.writtenDate)
    throw invalid('发布日期不能早于成文日期');
  return { columnId, art20 };
}

/**
 * The unit a draft is published under when the author does not choose: their own, or, for an 内设科室 (subdivision,
 * which has no catalog on the portal), the nearest unit above it, when that unit is in the author's scope.
 */
export async function publishingUnitOf(db: DbOrTx, user: StaffUser): Promise<string> {
  const candidate = (await unitAncestry(db, user.unitId)).find((u) => u.kind !== 'subdivision')?.id;
  if (!candidate || candidate === user.unitId) return user.unitId;
  try {
    await assertUnitInScope(db, user, candidate);
    return candidate;
  } catch {
    return user.unitId;
  }
}

export async function createItem(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  input: ItemInput,
): Promise<{ id: string }> {
  const unitId = input.unitId ?? (await publishingUnitOf(p.database.db, user));
  await assertUnitInScope(p.database.db, user, unitId);
  const prepared = await prepareChecks(p, { title: input.title, bodyText: inputBodyText(input) ?? '' });
  return p.database.db.transaction(async (tx) => {
    const values = { ...itemValues(input), ...(await validateRefs(tx, input, unitId, input.kind)) };
    const settings = await getDisclosureSettings(tx);
    const now = p.clock.now();
    const year = Number((values.writtenDate ?? chinaDate(now)).slice(0, 4));
    const indexNo = await nextIndexNo(tx, unitId, year, values.art20, settings.indexRule);
    const id = crypto.randomUUID();
    const row = await insertItem(tx, {
      ...values,
      id,
      rootId: id,
      unitId,
      indexNo,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    });
    await recheck(p, tx, row, prepared);
    await insertStep(tx, id, user, 'create', null, null, now);
    await auditItem(tx, actor, 'disclosure.item.create', id, { title: input.title, indexNo }, now);
    return { id };
  });
}

export async function updateItem(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  id: string,
  input: ItemInput,
): Promise<void> {
  // Scope and state first: nobody outside it, and no change refused anyway, makes the server read attachments or
  // fetch links.
  const before = await readScoped(p.database.db, user, id);
  assertEditable(before, EDIT_ONLY);
  const prepared = await prepareChecks(p, {
    itemId: id,
    title: input.title,
    bodyText: inputBodyText(input) ?? before.bodyText,
  });
  await p.database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, id);
    assertEditable(item, EDIT_ONLY);
    const values = { ...itemValues(input), ...(await validateRefs(tx, input, item.unitId, item.kind)) };
    const row = await updateItemRow(tx, id, { ...values, kind: item.kind, updatedAt: p.clock.now() });
    await recheck(p, tx, row, prepared);
    await auditItem(tx, actor, 'disclosure.item.update', id, { title: input.title }, p.clock.now());
  });
}

/** Correction (更正): a published item gets a new draft version; the old stays public until the new one is. */
export async function correctItem(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  itemId: string,
): Promise<{ id: string }> {
  return p.database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, itemId);
    if (item.status !== 'published') throw conflict('只有已发布的信息可以更正');
    if (await openVersionOf(tx, item.rootId)) throw conflict('该信息已有待审核的更正版本');
    const v = await maxVersionOf(tx, item.rootId);
    const id = crypto.randomUUID();
    const now = p.clock.now();
    await insertItem(tx, {
      ...item,
      id,
      version: v + 1,
      status: 'draft',
      level: 0,
      approvedBy: [],
      overrides: [],
      publishedAt: null,
      publishDate: null,
      withdrawnAt: null,
      withdrawReason: null,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    });
    for (const a of await attachmentsOf(tx, itemId)) {
      const { id: _id, itemId: _i, ...ra } = a;
      await insertAttachment(tx, { ...ra, itemId: id });
    }
    await insertStep(tx, id, user, 'correct', `更正第 ${item.version} 版`, null, now);
    await auditItem(tx, actor, 'disclosure.item.correct', id, { from: itemId, version: v + 1 }, now);
    return { id };
  });
}
