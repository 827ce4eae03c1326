// Evidence files of progress reports: uploaded by a unit before its report cites them, readable by whoever can see
// an assignment whose report cites them (or by the uploader).
import { eq, inArray } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client';
import { reportFiles } from '../../db/schema/tasks';
import type { Actor } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { fileInfos, readFile, storeUpload } from '../../platform/files/service';
import type { Upload } from '../../platform/http/upload';
import { assignmentsCiting, loadAssignment, type Viewer } from './ledger.repo';

export const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'gif', 'txt', 'zip'] as const;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export interface Attachment {
  fileId: string;
  name: string;
  size: number;
}

export async function uploadAttachment(
  database: Database,
  actor: Actor,
  v: Viewer,
  upload: Upload,
): Promise<Attachment> {
  return storeUpload(
    database,
    actor,
    upload,
    { allowed: [...ATTACHMENT_KINDS], maxBytes: ATTACHMENT_MAX_BYTES, action: 'tasks.attachment.upload' },
    (tx, fileId) => tx.insert(reportFiles).values({ fileId, unitId: v.unitId, uploadedBy: actor.userId }),
  );
}

export async function readAttachment(db: DbOrTx, v: Viewer & { id: string }, fileId: string) {
  const meta = (await db.select().from(reportFiles).where(eq(reportFiles.fileId, fileId)))[0];
  if (!meta) throw notFound('附件');
  if (meta.uploadedBy !== v.id && v.dataScope !== 'all') {
    let ok = false;
    for (const id of await assignmentsCiting(db, fileId)) {
      try {
        await loadAssignment(db, v, id);
        ok = true;
        break;
      } catch {
        // not visible through this report; try the next
      }
    }
    if (!ok) throw notFound('附件');
  }
  const f = await readFile(db, fileId);
  if (!f) throw notFound('附件');
  return f;
}

/** The files a report cites: each uploaded by the viewer's unit, else the report is refused. */
export async function citedAttachments(db: DbOrTx, v: Viewer, fileIds: string[]): Promise<Attachment[]> {
  if (!fileIds.length) return [];
  const own = await db
    .select({ fileId: reportFiles.fileId, unitId: reportFiles.unitId })
    .from(reportFiles)
    .where(inArray(reportFiles.fileId, fileIds));
  const info = new Map((await fileInfos(db, fileIds)).map((f) => [f.id, f]));
  const rows = own.filter((r) => info.has(r.fileId));
  if (rows.length !== new Set(fileIds).size || rows.some((r) => r.unitId !== v.unitId))
    throw invalid('附件不存在或不属于本单位，请重新上传');
  return rows.map((r) => ({
    fileId: r.fileId,
    name: info.get(r.fileId)!.name,
    size: info.get(r.fileId)!.size,
  }));
}
