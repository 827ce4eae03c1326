// 政务新媒体 post records (issue 12 part 3): entered one by one, or imported from the platform's exported post list
// (.xlsx, headers recognised from a vocabulary). The import is previewed first and then stored whole or not at all;
// a post already recorded (same day and title) is left as it is, since exports of consecutive months overlap.
import { desc, eq } from 'drizzle-orm';
import type { PostImportPreview, PostInput } from '../../../contracts/media';
import {
  POST_HEADERS,
  POST_IMPORT_MAX_ROWS,
  type PostRow,
  readPostTable,
} from '../../../domain/media/newmedia';
import type { Database, DbOrTx } from '../../db/client';
import { pageOf } from '../../db/pages';
import { mediaAccounts, mediaPosts } from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { readTable } from '../../platform/xlsx';
import { assertUnitInScope } from '../org';
import type { Scoped } from './media.repo';

export async function accountInScope(db: DbOrTx, user: Scoped, id: string) {
  const [a] = await db.select().from(mediaAccounts).where(eq(mediaAccounts.id, id));
  if (!a) throw notFound('新媒体账号');
  await assertUnitInScope(db, user, a.unitId, '新媒体账号');
  return a;
}

const postColumns = {
  id: mediaPosts.id,
  accountId: mediaPosts.accountId,
  title: mediaPosts.title,
  publishedOn: mediaPosts.publishedOn,
  reads: mediaPosts.reads,
  url: mediaPosts.url,
  source: mediaPosts.source,
  createdAt: mediaPosts.createdAt,
};

export async function listPosts(db: DbOrTx, accountId: string, q: { page: number; pageSize: number }) {
  const w = eq(mediaPosts.accountId, accountId);
  const { rows: items, total } = await pageOf(
    db,
    mediaPosts,
    postColumns,
    w,
    [desc(mediaPosts.publishedOn), desc(mediaPosts.createdAt)],
    q,
  );
  return { items, total };
}

/** Every post date of an account (the 抽查 judges on them). */
export async function postDates(db: DbOrTx, accountId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ d: mediaPosts.publishedOn })
    .from(mediaPosts)
    .where(eq(mediaPosts.accountId, accountId));
  return rows.map((r) => r.d);
}

export async function createPost(
  database: Database,
  actor: Actor,
  user: Scoped,
  accountId: string,
  input: PostInput,
  today: string,
) {
  if (input.publishedOn > today) throw invalid(`发布时间${input.publishedOn}晚于今天`);
  return database.db.transaction(async (tx) => {
    await accountInScope(tx, user, accountId);
    const [row] = await tx
      .insert(mediaPosts)
      .values({ accountId, ...input, source: 'manual', createdBy: actor.userId })
      .onConflictDoNothing()
      .returning(postColumns);
    if (!row) throw conflict('该账号当天已登记同一标题的发布记录');
    await audit(tx, actor, {
      action: 'media.post.create',
      objectType: 'media_account',
      objectId: accountId,
      detail: `${input.publishedOn} ${input.title}`,
    });
    return row;
  });
}

async function checkImport(db: DbOrTx, accountId: string, bytes: Uint8Array, today: string) {
  const table = await readTable(bytes, [], POST_HEADERS, POST_IMPORT_MAX_ROWS);
  const { posts, errors, columns } = readPostTable(table, today);
  const recorded = new Set(
    (
      await db
        .select({ d: mediaPosts.publishedOn, t: mediaPosts.title })
        .from(mediaPosts)
        .where(eq(mediaPosts.accountId, accountId))
    ).map((r) => `${r.d}|${r.t}`),
  );
  const existing = (p: PostRow) => recorded.has(`${p.publishedOn}|${p.title}`);
  return { posts, errors, columns, existing, total: table.length };
}

export async function previewPostImport(
  database: Database,
  user: Scoped,
  accountId: string,
  bytes: Uint8Array,
  today: string,
): Promise<PostImportPreview> {
  await accountInScope(database.db, user, accountId);
  const c = await checkImport(database.db, accountId, bytes, today);
  return {
    total: c.total,
    columns: c.columns,
    rows: c.posts.slice(0, 200).map(({ row, title, publishedOn, reads, url }) => ({
      row,
      title,
      publishedOn,
      reads,
      url,
      existing: c.existing({ row, title, publishedOn, reads, url }),
    })),
    errors: c.errors,
  };
}

/** All new posts of the file, or nothing (the preview's errors, as a 400). */
export async function importPosts(
  database: Database,
  actor: Actor,
  user: Scoped,
  accountId: string,
  bytes: Uint8Array,
  today: string,
): Promise<{ created: number; skipped: number }> {
  return database.db.transaction(async (tx) => {
    await accountInScope(tx, user, accountId);
    const c = await checkImport(tx, accountId, bytes, today);
    if (c.errors.length)
      throw invalid(
        `文件有 ${c.errors.length} 处问题，未导入任何内容：第 ${c.errors[0]!.row} 行：${c.errors[0]!.message}`,
        { rows: c.errors },
      );
    const fresh = c.posts.filter((p) => !c.existing(p));
    if (fresh.length)
      await tx.insert(mediaPosts).values(
        fresh.map((p) => ({
          accountId,
          title: p.title,
          publishedOn: p.publishedOn,
          reads: p.reads,
          url: p.url,
          source: 'import' as const,
          createdBy: actor.userId,
        })),
      );
    await audit(tx, actor, {
      action: 'media.post.import',
      objectType: 'media_account',
      objectId: accountId,
      detail: { created: fresh.length, skipped: c.posts.length - fresh.length },
    });
    return { created: fresh.length, skipped: c.posts.length - fresh.length };
  });
}
