// 整改 loop (issue 12 part 4): after a check, each new finding opens a 整改 task for the owning unit in the tasks
// ledger (default 5 working days), and an open 整改 whose fault the check no longer finds is closed with its task.
// A check that could not reach the site closes nothing: absence of evidence is not a fix.
import { and, eq } from 'drizzle-orm';
import { FINDING_LABELS, type Finding, findingKey } from '../../../domain/media/site';
import type { DbOrTx } from '../../db/client';
import { mediaRectifications, type mediaSiteChecks, type mediaWebsites } from '../../db/schema/media';
import type { Actor } from '../../platform/context';
import { closeRectificationTask, openRectificationTask } from '../tasks';

export const RECTIFY_WORKING_DAYS = 5;

export function rectificationText(siteName: string, f: Finding): string {
  const where = f.target ? `${f.page} → ${f.target}` : f.page;
  return `网站“${siteName}”检查发现${FINDING_LABELS[f.kind]}：${f.detail}（${where}），请整改。`;
}

export async function syncRectifications(
  tx: DbOrTx,
  actor: Actor,
  site: typeof mediaWebsites.$inferSelect,
  check: typeof mediaSiteChecks.$inferSelect,
  dueDate: string,
): Promise<{ opened: number; closed: number }> {
  const open = await tx
    .select()
    .from(mediaRectifications)
    .where(and(eq(mediaRectifications.websiteId, site.id), eq(mediaRectifications.status, 'open')));
  const openKeys = new Set(open.map((r) => r.findingKey));
  const now = new Set(check.findings.map(findingKey));
  let closed = 0;
  if (check.vetoes.every((v) => v.rule !== 'unreachable') && check.pages > 0)
    for (const r of open)
      if (!now.has(r.findingKey)) {
        await tx
          .update(mediaRectifications)
          .set({ status: 'closed', closedByCheckId: check.id, closedAt: new Date() })
          .where(eq(mediaRectifications.id, r.id));
        if (r.taskAssignmentId) await closeRectificationTask(tx, r.taskAssignmentId, actor.userId);
        closed++;
      }
  let opened = 0;
  const seen = new Set<string>();
  for (const f of check.findings) {
    const key = findingKey(f);
    if (openKeys.has(key) || seen.has(key)) continue;
    seen.add(key);
    const taskAssignmentId = await openRectificationTask(tx, {
      year: Number(check.asOf.slice(0, 4)),
      text: rectificationText(site.name, f),
      unitId: site.unitId,
      dueDate,
      createdBy: actor.userId,
    });
    await tx.insert(mediaRectifications).values({
      websiteId: site.id,
      unitId: site.unitId,
      findingKey: key,
      finding: f,
      openedByCheckId: check.id,
      taskAssignmentId,
      dueDate,
    });
    opened++;
  }
  return { opened, closed };
}
