// Stored files (attachments, evidence, generated letters). Content is kept in PostgreSQL so that a backup holds
// everything; type is checked by content, never by name.
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client';
import { labelsById } from '../../db/reads';
import { files } from '../../db/schema';
import { audit } from '../audit/audit';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { acceptUpload } from '../upload/gateway';

export type StoredKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'gif' | 'txt' | 'zip';

const MIME: Record<StoredKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  txt: 'text/plain; charset=utf-8',
  zip: 'application/zip',
};

function has(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The real type of a file from its first bytes (and, for Office packages, its entry names). */
export function sniffKind(bytes: Uint8Array): StoredKind | null {
  if (has(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (has(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (has(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (has(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (has(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  try {
    const t = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: binary content is recognised by its control bytes
    if (!/[\u0000-\u0008\u000e-\u001f]/.test(t)) return 'txt';
  } catch {
    // not UTF-8 text
  }
  return null;
}

const EXT_KIND: Record<string, StoredKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
  txt: 'txt',
  zip: 'zip',
};

export interface StoreOptions {
  allowed: StoredKind[];
  maxBytes: number;
}

export async function storeFile(
  tx: DbOrTx,
  input: { name: string; bytes: Uint8Array; uploadedBy: string | null },
  opts: StoreOptions,
): Promise<{ id: string; name: string; size: number; mime: string }> {
  if (input.bytes.length === 0) throw new AppError('VALIDATION', `文件「${input.name}」为空`);
  if (input.bytes.length > opts.maxBytes)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `文件「${input.name}」过大，上限 ${Math.floor(opts.maxBytes / 1048576)} MB`,
    );
  // Whatever route it came by (console upload, the portal's form), a stored file has passed the gateway.
  await acceptUpload({ name: input.name, bytes: input.bytes });
  const kind = sniffKind(input.bytes);
  if (!kind || !opts.allowed.includes(kind)) {
    throw new AppError(
      'VALIDATION',
      `文件「${input.name}」的类型不被接受（允许：${opts.allowed.join('、')}）`,
    );
  }
  const ext = input.name.split('.').pop()?.toLowerCase() ?? '';
  if (EXT_KIND[ext] && EXT_KIND[ext] !== kind) {
    throw new AppError('VALIDATION', `文件「${input.name}」的扩展名与内容不符：内容实际是 ${kind} 文件`);
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const [row] = await tx
    .insert(files)
    .values({
      name: input.name.slice(0, 200),
      mime: MIME[kind],
      size: input.bytes.length,
      sha256,
      content: Buffer.from(input.bytes).toString('base64'),
      uploadedBy: input.uploadedBy,
    })
    .returning({ id: files.id });
  return { id: row!.id, name: input.name, size: input.bytes.length, mime: MIME[kind] };
}

/**
 * A user's upload, in one transaction: the file stored (checked as storeFile checks it), the module's own record of
 * it (`link`: who may cite or read it), and the audit row `action` on the file.
 */
export async function storeUpload(
  database: Database,
  actor: Actor,
  upload: { name: string; bytes: Uint8Array },
  opts: StoreOptions & { action: string },
  link: (tx: DbOrTx, fileId: string) => Promise<unknown>,
): Promise<{ fileId: string; name: string; size: number }> {
  return database.db.transaction(async (tx) => {
    const f = await storeFile(tx, { name: upload.name, bytes: upload.bytes, uploadedBy: actor.userId }, opts);
    await link(tx, f.id);
    await audit(tx, actor, { action: opts.action, objectType: 'file', objectId: f.id, detail: f.name });
    return { fileId: f.id, name: f.name, size: f.size };
  });
}

export async function readFile(
  db: DbOrTx,
  id: string,
): Promise<{ name: string; mime: string; bytes: Uint8Array } | null> {
  const r = (await db.select().from(files).where(eq(files.id, id)))[0];
  if (!r) return null;
  return { name: r.name, mime: r.mime, bytes: new Uint8Array(Buffer.from(r.content, 'base64')) };
}

/** Name and size of stored files (unknown ids are left out), without their content. */
export async function fileInfos(
  db: DbOrTx,
  ids: readonly string[],
): Promise<{ id: string; name: string; size: number }[]> {
  if (!ids.length) return [];
  return db
    .select({ id: files.id, name: files.name, size: files.size })
    .from(files)
    .where(inArray(files.id, [...ids]));
}

/** id → file name of the stored files (unknown ids are left out). */
export const fileNames = (db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> =>
  labelsById(db, files, files.name, ids);

/** Deletes stored files (a retention purge of the records that held them); returns how many went. */
export async function deleteFiles(tx: DbOrTx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const gone = await tx
    .delete(files)
    .where(inArray(files.id, [...ids]))
    .returning({ id: files.id });
  return gone.length;
}
