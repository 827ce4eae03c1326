// 抽查 of 政务新媒体 accounts (issue 12 part 3; MON-5): the office records a spot check with screenshots as evidence
// (stored files, type checked by content); the verdict comes from the recorded posts (2-week no-update veto) and
// whether the account offers a working interaction function.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SpotCheckInput } from '../../../contracts/media';
import { judgeAccount } from '../../../domain/media/newmedia';
import type { Database, DbOrTx } from '../../db/client';
import { mediaEvidence, mediaSpotChecks } from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { fileNames, readFile, storeUpload } from '../../platform/files/service';
import type { Upload } from '../../platform/http/upload';
import { assertUnitInScope } from '../org';
import type { Scoped } from './media.repo';
import { accountInScope, postDates } from './posts';

const EVIDENCE_KINDS = ['png', 'jpeg', 'pdf'] as const;
const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export async function uploadEvidence(database: Database, actor: Actor, upload: Upload) {
  return storeUpload(
    database,
    actor,
    upload,
    { allowed: [...EVIDENCE_KINDS], maxBytes: EVIDENCE_MAX_BYTES, action: 'media.evidence.upload' },
    (tx, fileId) => tx.insert(mediaEvidence).values({ fileId, uploadedBy: actor.userId }),
  );
}

/** A screenshot cited by a spot check the user may see (evidence not cited yet: only its uploader). */
export async function readEvidence(db: DbOrTx, user: Scoped & { id: string }, fileId: string) {
  const [e] = await db.select().from(mediaEvidence).where(eq(mediaEvidence.fileId, fileId));
  if (!e) throw notFound('抽查截图');
  const [cited] = await db
    .select({ unitId: mediaSpotChecks.unitId })
    .from(mediaSpotChecks)
    .where(sql`${fileId}::uuid = ANY(${mediaSpotChecks.evidenceFileIds})`)
    .limit(1);
  if (cited) await assertUnitInScope(db, user, cited.unitId, '抽查截图');
  else if (e.uploadedBy !== user.id) throw notFound('抽查截图');
  const f = await readFile(db, fileId);
  if (!f) throw notFound('抽查截图');
  return f;
}

async function withEvidence<T extends { evidenceFileIds: string[] }>(db: DbOrTx, rows: T[]) {
  const names = await fileNames(
    db,
    rows.flatMap((r) => r.evidenceFileIds),
  );
  return rows.map(({ evidenceFileIds, ...r }) => ({
    ...r,
    evidence: evidenceFileIds.map((fileId) => ({ fileId, name: names.get(fileId) ?? '' })),
  }));
}

const spotColumns = {
  id: mediaSpotChecks.id,
  accountId: mediaSpotChecks.accountId,
  checkedOn: mediaSpotChecks.checkedOn,
  lastPost: mediaSpotChecks.lastPost,
  interactionWorks: mediaSpotChecks.interactionWorks,
  verdict: mediaSpotChecks.verdict,
  vetoes: mediaSpotChecks.vetoes,
  note: mediaSpotChecks.note,
  evidenceFileIds: mediaSpotChecks.evidenceFileIds,
  createdAt: mediaSpotChecks.createdAt,
};

export async function listSpotChecks(db: DbOrTx, accountId: string) {
  const rows = await db
    .select(spotColumns)
    .from(mediaSpotChecks)
    .where(eq(mediaSpotChecks.accountId, accountId))
    .orderBy(desc(mediaSpotChecks.checkedOn), desc(mediaSpotChecks.createdAt));
  return withEvidence(db, rows);
}

export async function createSpotCheck(
  database: Database,
  actor: Actor,
  user: Scoped,
  accountId: string,
  input: SpotCheckInput,
  today: string,
) {
  const checkedOn = input.checkedOn ?? today;
  if (checkedOn > today) throw invalid('抽查日期不能晚于今天');
  const uploader = actor.userId;
  if (!uploader) throw invalid('抽查须由登录用户录入');
  return database.db.transaction(async (tx) => {
    const account = await accountInScope(tx, user, accountId);
    if (account.status !== 'running') throw invalid('该账号已关停或注销，不再抽查');
    const ids = [...new Set(input.evidenceFileIds)];
    const mine = await tx
      .select({ id: mediaEvidence.fileId })
      .from(mediaEvidence)
      .where(and(inArray(mediaEvidence.fileId, ids), eq(mediaEvidence.uploadedBy, uploader)));
    if (mine.length !== ids.length) throw invalid('抽查截图不存在或不是本人上传，请重新上传');
    const j = judgeAccount({
      postDates: await postDates(tx, accountId),
      asOf: checkedOn,
      interactionWorks: input.interactionWorks,
    });
    const [row] = await tx
      .insert(mediaSpotChecks)
      .values({
        accountId,
        unitId: account.unitId,
        checkedOn,
        lastPost: j.lastPost ?? null,
        interactionWorks: input.interactionWorks,
        verdict: j.verdict,
        vetoes: j.vetoes,
        note: input.note,
        evidenceFileIds: ids,
        checkedBy: actor.userId,
      })
      .returning(spotColumns);
    await audit(tx, actor, {
      action: 'media.spotcheck.create',
      objectType: 'media_account',
      objectId: accountId,
      detail: { checkedOn, verdict: j.verdict, vetoes: j.vetoes.map((v) => v.rule) },
    });
    return (await withEvidence(tx, [row!]))[0]!;
  });
}
