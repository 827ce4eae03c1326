// Use case: one-click mask of the findings in title, body and attachments, and a reviewer's reasoned override of
// a blocking finding. Masked attachment copies are made and read before the transaction opens.

import { type ItemStatus, PRE_PUBLICATION_STATUSES } from '../../../domain/disclosure/workflow';
import { type FindingOverride, findingKey } from '../../../domain/review/gate';
import { ALWAYS_BLOCKING_KINDS, type Finding } from '../../../domain/review/types';
import type { Actor, Platform } from '../../platform/context';
import { type ExtractResult, maskAttachment } from '../../platform/documents/attachment-text';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { readFile } from '../../platform/files/service';
import { storeAttachmentFile } from './attachments';
import { extractUpload, gateOf, prepareChecks, recheck } from './checks';
import { attachmentsOf, type Item, insertStep, updateAttachment, updateItemRow } from './repo/items';
import { insertPiaRecord } from './repo/pia';
import { bodyToText, maskInHtml } from './sanitize';
import { auditItem, lockScoped, readScoped, type StaffUser } from './scope';

const maskable = (item: Pick<Item, 'status'>) => PRE_PUBLICATION_STATUSES.includes(item.status as ItemStatus);

interface MaskedCopy {
  attId: string;
  name: string;
  bytes: Uint8Array;
  text: ExtractResult | null;
}

/** The masked title, body and attachment copies for the chosen findings (no transaction: files are parsed). */
async function maskedVersion(p: Platform, item: Item, keys?: string[]) {
  const chosen = (item.findings as Finding[]).filter(
    (f) => f.masked !== f.text && (!keys || keys.includes(findingKey(f))),
  );
  let masked = 0;
  let html = item.bodyHtml;
  let title = item.title;
  for (const f of chosen.filter((x) => x.source === '正文')) {
    const next = maskInHtml(html, f.text, f.masked);
    if (next !== html) masked++;
    html = next;
  }
  for (const f of chosen.filter((x) => x.source === '标题')) {
    title = title.split(f.text).join(f.masked);
    masked++;
  }
  const copies: MaskedCopy[] = [];
  for (const a of await attachmentsOf(p.database.db, item.id)) {
    const mine = chosen.filter(
      (f) => f.source === `附件 ${a.name}` || f.source?.startsWith(`附件 ${a.name} ›`),
    );
    if (mine.length === 0) continue;
    const f = await readFile(p.database.db, a.fileId);
    if (!f) continue;
    const r = await maskAttachment(f.bytes, a.name, mine);
    if ('error' in r) throw conflict(r.error);
    copies.push({
      attId: a.id,
      name: a.name,
      bytes: r.bytes,
      text: await extractUpload({ name: a.name, bytes: r.bytes }),
    });
    masked += r.masked;
  }
  return { masked, html, title, copies };
}

/** One-click mask: writes the masked value for the chosen findings (default: every maskable one). */
export async function maskItem(p: Platform, user: StaffUser, actor: Actor, itemId: string, keys?: string[]) {
  const before = await readScoped(p.database.db, user, itemId);
  if (!maskable(before)) throw conflict('已发布的信息不能直接脱敏，请使用“更正”');
  const m = await maskedVersion(p, before, keys);
  const bodyText = bodyToText(m.html);
  const prepared = await prepareChecks(
    p,
    { itemId, title: m.title, bodyText },
    m.copies.flatMap((c) => (c.text ? [c.text] : [])),
  );
  return p.database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, itemId);
    // The masked copy was made from what was read: a change in between would be overwritten.
    if (item.updatedAt.getTime() !== before.updatedAt.getTime() || !maskable(item))
      throw conflict('信息已被他人修改，请刷新后重试');
    for (const c of m.copies) {
      const stored = await storeAttachmentFile(tx, c, user.id);
      if (c.text) prepared.texts.set(stored.id, c.text);
      await updateAttachment(tx, c.attId, { fileId: stored.id, size: stored.size });
    }
    const row = await updateItemRow(tx, itemId, {
      bodyHtml: m.html,
      bodyText,
      title: m.title,
      updatedAt: p.clock.now(),
    });
    const findings = await recheck(p, tx, row, prepared);
    await insertStep(tx, itemId, user, 'mask', `已脱敏 ${m.masked} 处`, null, p.clock.now());
    await auditItem(tx, actor, 'disclosure.item.mask', itemId, { masked: m.masked }, p.clock.now());
    return { masked: m.masked, findings };
  });
}

/** What the reviewer writes to override a finding: the reason and the PIA (个人信息保护影响评估) fields. */
export interface OverrideInput {
  key: string;
  reason: string;
  purpose: string;
  impact: string;
  measures: string;
}

/**
 * A named reviewer's reasoned override of a blocking finding, with its PIA record (PIPL Art. 55/56) and audit row,
 * in one transaction. The record keeps the finding masked.
 */
export async function overrideFinding(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  itemId: string,
  input: OverrideInput,
) {
  const { key, reason } = input;
  return p.database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, itemId);
    // After 终审 the overrides are part of the record the item went public on (and its PIA records with them).
    if (!maskable(item))
      throw conflict('只有草稿、被退回或审核中的信息可以放行检查项；已发布的信息请使用“更正”');
    const f = (item.findings as Finding[]).find((x) => findingKey(x) === key);
    if (!f) throw invalid('该检查项已不存在（内容可能已修改），请重新检查');
    if (!f.blocking) throw invalid('该检查项不阻断发布，无需放行');
    if (ALWAYS_BLOCKING_KINDS.includes(f.kind))
      throw invalid('PDF 中被遮盖但未删除的文字不能放行：请在原文件中删除这些文字后重新上传');
    if (item.createdBy === user.id) throw forbidden('不能放行自己起草的信息中的检查项');
    const overrides = [
      ...(item.overrides as FindingOverride[]).filter((o) => o.key !== key),
      { key, reason, by: user.id, byName: user.name, at: p.clock.now().toISOString() },
    ];
    await updateItemRow(tx, itemId, { overrides });
    await insertStep(
      tx,
      itemId,
      user,
      'override',
      `${f.message}「${f.text}」：${reason}`,
      null,
      p.clock.now(),
    );
    const piaId = await insertPiaRecord(tx, {
      itemId,
      unitId: item.unitId,
      // Nothing of the finding's plain text: the key and the title name it masked.
      itemTitle: item.title.split(f.text).join(f.masked),
      findingKey: findingKey({ ...f, text: f.masked }),
      findingKind: f.kind,
      findingMessage: f.message,
      findingSource: f.source ?? null,
      findingMasked: f.masked,
      purpose: input.purpose,
      impact: input.impact,
      measures: input.measures,
      reason,
      assessedBy: user.id,
      assessedByName: user.name,
      assessedAt: p.clock.now(),
    });
    await auditItem(
      tx,
      actor,
      'disclosure.item.override',
      itemId,
      { kind: f.kind, reason, piaId },
      p.clock.now(),
    );
    return gateOf({ findings: item.findings, overrides });
  });
}
