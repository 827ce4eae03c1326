// 备案 workflow (seed 002): a unit files 开设/变更/关停/注销 of a website or 政务新媒体 account with the
// 主要负责人-signed, sealed request scan (refused without it); the office approves — the register changes in the
// same transaction — or returns it with a reason. The filings are the 备案 register.
import { eq } from 'drizzle-orm';
import type { AccountFields, FilingInput, WebsiteFields } from '../../../contracts/media';
import { type ChannelStatus, statusAfterFiling, websiteKey } from '../../../domain/media/registry';
import type { Database, DbOrTx } from '../../db/client';
import { lockAndLoad } from '../../db/lock';
import { mediaAccounts, mediaFilings, mediaScans, mediaWebsites } from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { storeUpload } from '../../platform/files/service';
import type { Upload } from '../../platform/http/upload';
import { lockFound } from '../../platform/lock-found';
import { assertUnitInScope } from '../org';
import { accountByPlatformId, filingRow, type Scoped, websiteByKey } from './media.repo';

const SCAN_KINDS = ['pdf', 'png', 'jpeg'] as const;
const SCAN_MAX_BYTES = 20 * 1024 * 1024;

export async function uploadScan(database: Database, actor: Actor, user: Scoped, upload: Upload) {
  if (!user.unitId) throw invalid('当前账号未归属单位，不能上传备案材料');
  const unitId = user.unitId;
  return storeUpload(
    database,
    actor,
    upload,
    { allowed: [...SCAN_KINDS], maxBytes: SCAN_MAX_BYTES, action: 'media.scan.upload' },
    (tx, fileId) => tx.insert(mediaScans).values({ fileId, unitId, uploadedBy: actor.userId }),
  );
}

async function targetOf(db: DbOrTx, target: FilingInput['target'], id: string) {
  const table = target === 'website' ? mediaWebsites : mediaAccounts;
  const [row] = await db
    .select({ unitId: table.unitId, status: table.status })
    .from(table)
    .where(eq(table.id, id));
  if (!row) throw notFound(target === 'website' ? '网站' : '新媒体账号');
  return row;
}

/** Another register entry already holding this URL / account: 开设 and 变更 may not duplicate it. */
async function assertUnique(db: DbOrTx, input: FilingInput, selfId?: string) {
  if (input.target === 'website' && input.website) {
    const other = await websiteByKey(db, websiteKey(input.website.url)!);
    if (other && other.id !== selfId) throw conflict(`网址已在登记册中（${other.name}）`);
  }
  if (input.target === 'account' && input.account) {
    const other = await accountByPlatformId(db, input.account.platform, input.account.accountId);
    if (other && other.id !== selfId) throw conflict(`该账号已在登记册中（${other.name}）`);
  }
}

export async function submitFiling(database: Database, actor: Actor, user: Scoped, input: FilingInput) {
  return database.db.transaction(async (tx) => {
    let unitId: string;
    let current: ChannelStatus | undefined;
    if (input.kind === 'open') {
      unitId = input.unitId!;
    } else {
      const t = await targetOf(tx, input.target, input.targetId!);
      unitId = t.unitId;
      current = t.status;
    }
    await assertUnitInScope(tx, user, unitId);
    const next = statusAfterFiling(input.kind, current);
    if (!next.ok) throw invalid(next.reason);
    await assertUnique(tx, input, input.targetId);
    const [scan] = await tx.select().from(mediaScans).where(eq(mediaScans.fileId, input.scanFileId!));
    if (!scan || (user.dataScope !== 'all' && scan.unitId !== user.unitId))
      throw invalid('申请扫描件不存在或不属于本单位，请重新上传');
    const payload: Record<string, string> = { ...(input.website ?? input.account ?? {}) };
    const [row] = await tx
      .insert(mediaFilings)
      .values({
        kind: input.kind,
        target: input.target,
        targetId: input.targetId ?? null,
        unitId,
        payload: input.kind === 'open' || input.kind === 'change' ? payload : {},
        note: input.note,
        scanFileId: scan.fileId,
        submittedBy: actor.userId,
      })
      .returning({ id: mediaFilings.id });
    await audit(tx, actor, {
      action: 'media.filing.submit',
      objectType: 'media_filing',
      objectId: row!.id,
      detail: { kind: input.kind, target: input.target },
    });
    return (await filingRow(tx, row!.id))!;
  });
}

export async function reviewFiling(
  database: Database,
  actor: Actor,
  id: string,
  decision: 'approve' | 'reject',
  note: string,
) {
  return database.db.transaction(async (tx) => {
    const f = await lockFound(tx, mediaFilings, id, '备案申请');
    if (f.status !== 'pending') throw conflict('该备案申请已审核');
    if (decision === 'approve') await applyFiling(tx, f);
    await tx
      .update(mediaFilings)
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        reviewNote: note,
        reviewedBy: actor.userId,
        reviewedAt: new Date(),
      })
      .where(eq(mediaFilings.id, id));
    await audit(tx, actor, {
      action: `media.filing.${decision}`,
      objectType: 'media_filing',
      objectId: id,
      ...(note ? { detail: note } : {}),
    });
    return (await filingRow(tx, id))!;
  });
}

type Filing = typeof mediaFilings.$inferSelect;

/** The register change an approved filing makes (checked again: the register may have moved since submission). */
async function applyFiling(tx: DbOrTx, f: Filing): Promise<void> {
  const table = f.target === 'website' ? mediaWebsites : mediaAccounts;
  const row = f.targetId ? await lockAndLoad(tx, table, f.targetId) : null;
  if (f.targetId && !row) throw notFound('登记册中的渠道');
  const next = statusAfterFiling(f.kind, row?.status);
  if (!next.ok) throw invalid(next.reason);
  const input = {
    kind: f.kind,
    target: f.target,
    ...(f.target === 'website'
      ? { website: f.payload as WebsiteFields }
      : { account: f.payload as AccountFields }),
  } as FilingInput;
  if (f.kind === 'open' || f.kind === 'change') await assertUnique(tx, input, f.targetId ?? undefined);
  if (f.kind === 'open') {
    const [created] =
      f.target === 'website'
        ? await tx
            .insert(mediaWebsites)
            .values({ unitId: f.unitId, ...input.website!, urlKey: websiteKey(input.website!.url)! })
            .returning({ id: mediaWebsites.id })
        : await tx
            .insert(mediaAccounts)
            .values({ unitId: f.unitId, ...input.account! })
            .returning({ id: mediaAccounts.id });
    await tx.update(mediaFilings).set({ targetId: created!.id }).where(eq(mediaFilings.id, f.id));
    return;
  }
  const changes =
    f.kind === 'change'
      ? f.target === 'website'
        ? { ...input.website!, urlKey: websiteKey(input.website!.url)! }
        : { ...input.account! }
      : { status: next.status };
  if (f.target === 'website')
    await tx
      .update(mediaWebsites)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(mediaWebsites.id, f.targetId!));
  else
    await tx
      .update(mediaAccounts)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(mediaAccounts.id, f.targetId!));
}
