// Use case: attachments of a draft — stored with their type checked by content, read and checked before the
// transaction that adds them opens — and their download (staff in scope; the public once published).
import type { DbOrTx } from '../../db/client';
import type { Actor, Platform } from '../../platform/context';
import { stripAttachment } from '../../platform/documents/strip-hidden';
import { AppError, notFound } from '../../platform/errors';
import { readFile, type StoredKind, storeFile } from '../../platform/files/service';
import { assertUnitInScope } from '../org';
import { extractUpload, prepareChecks, recheck } from './checks';
import { countAttachments, deleteAttachment, findAttachment, findItem, insertAttachment } from './repo/items';
import { assertEditable, auditItem, lockScoped, readScoped, type StaffUser } from './scope';

export const ATTACHMENT_KINDS: StoredKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'gif'];
/** Largest attachment [I]: the issue asks for a size check without a figure; 50 MB covers scanned PDFs. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
const EDIT_ONLY = '只有草稿或被退回的信息可以修改附件';

/** Stores a file as an attachment (same type and size rules everywhere). */
export function storeAttachmentFile(tx: DbOrTx, upload: { name: string; bytes: Uint8Array }, userId: string) {
  return storeFile(
    tx,
    { name: upload.name, bytes: upload.bytes, uploadedBy: userId },
    { allowed: ATTACHMENT_KINDS, maxBytes: MAX_ATTACHMENT_BYTES },
  );
}

export async function addAttachment(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  itemId: string,
  upload: { name: string; bytes: Uint8Array },
) {
  const before = await readScoped(p.database.db, user, itemId);
  assertEditable(before, EDIT_ONLY);
  const text = await extractUpload(upload);
  const prepared = await prepareChecks(
    p,
    { itemId, title: before.title, bodyText: before.bodyText },
    text ? [text] : [],
  );
  return p.database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, itemId);
    assertEditable(item, EDIT_ONLY);
    const stored = await storeAttachmentFile(tx, upload, user.id);
    if (text) prepared.texts.set(stored.id, text);
    const att = await insertAttachment(tx, {
      itemId,
      fileId: stored.id,
      name: upload.name.slice(0, 200),
      size: stored.size,
      mime: stored.mime,
      sort: await countAttachments(tx, itemId),
    });
    const findings = await recheck(p, tx, item, prepared);
    await auditItem(
      tx,
      actor,
      'disclosure.attachment.add',
      itemId,
      { name: upload.name, size: stored.size },
      p.clock.now(),
    );
    return {
      id: att.id,
      name: att.name,
      findings: findings.filter((f) => f.source?.startsWith(`附件 ${att.name}`)),
    };
  });
}

export async function removeAttachment(
  p: Platform,
  user: StaffUser,
  actor: Actor,
  itemId: string,
  attId: string,
): Promise<void> {
  const before = await readScoped(p.database.db, user, itemId);
  assertEditable(before, EDIT_ONLY);
  const prepared = await prepareChecks(p, { itemId, title: before.title, bodyText: before.bodyText });
  await p.database.db.transaction(async (tx) => {
    const item = await lockScoped(tx, user, itemId);
    assertEditable(item, EDIT_ONLY);
    const del = await deleteAttachment(tx, itemId, attId);
    if (!del) throw notFound('附件');
    await recheck(p, tx, item, prepared);
    await auditItem(tx, actor, 'disclosure.attachment.remove', itemId, { name: del.name }, p.clock.now());
  });
}

/** Download: staff in scope any time; the public (`user` null) only for a published item. */
export async function attachmentFile(db: DbOrTx, attId: string, user: StaffUser | null) {
  const a = await findAttachment(db, attId);
  if (!a) throw notFound('附件');
  const item = await findItem(db, a.itemId);
  if (!item) throw notFound('信息');
  if (user) await assertUnitInScope(db, user, item.unitId, '附件');
  else if (item.status === 'withdrawn') throw new AppError('GONE', '该信息已撤回，附件不再提供下载');
  else if (item.status !== 'published' && item.status !== 'superseded') throw notFound('附件');
  const f = await readFile(db, a.fileId);
  if (!f) throw notFound('附件');
  const bytes = user ? f.bytes : await publicCopy(a.fileId, a.name, f.bytes);
  return { ...f, bytes, name: a.name, updatedAt: a.createdAt };
}

// Clean copies for the public (no comments, revisions, hidden sheets…: platform/documents/strip-hidden.ts). Stored
// files never change, so a copy is kept per file; the cache is bounded by total size.
const CLEAN_CACHE_BYTES = 64 * 1024 * 1024;
const cleanCopies = new Map<string, Uint8Array>();
let cleanCached = 0;

async function publicCopy(fileId: string, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  if (!/\.(docx|xlsx)$/i.test(name)) return bytes;
  const hit = cleanCopies.get(fileId);
  if (hit) return hit;
  const r = await stripAttachment(bytes, name);
  // A file the stripper cannot open is not served as it is: it could hold exactly what should have gone.
  if ('error' in r) throw new AppError('GONE', '该附件暂时无法提供下载，请联系发布单位');
  cleanCopies.set(fileId, r.bytes);
  cleanCached += r.bytes.length;
  for (const [k, v] of cleanCopies) {
    if (cleanCached <= CLEAN_CACHE_BYTES) break;
    cleanCopies.delete(k);
    cleanCached -= v.length;
  }
  return r.bytes;
}
