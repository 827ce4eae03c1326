// The portal's reads of the 标准目录: the units with a directory, and one unit's directory with, per row, the
// published items that fulfil it (newest first).

import { LEVEL_LABELS } from '../../../domain/disclosure/directory';
import { describeDueRule } from '../../../domain/disclosure/directory-due';
import type { DbOrTx } from '../../db/client';
import { listUnits } from '../org';
import { boundRows, publicationsOf } from './directory-coverage';
import { currentVersion } from './repo/directory';

export interface PublicDirectoryRow {
  domain: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  due: string;
  subject: string;
  channels: string[];
  levels: string[];
  items: { id: string; title: string; publishDate: string }[];
}

/** Units that have rows bound to them, in the registry's order. */
export async function directoryUnits(db: DbOrTx): Promise<{ id: string; name: string; rows: number }[]> {
  const { bindings } = await boundRows(db);
  const count = new Map<string, number>();
  for (const b of bindings) count.set(b.unitId, (count.get(b.unitId) ?? 0) + 1);
  return (await listUnits(db))
    .filter((u) => count.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, rows: count.get(u.id)! }));
}

export async function unitDirectoryPage(
  db: DbOrTx,
  unitId: string,
  itemsPerRow = 5,
): Promise<{
  title: string;
  rows: PublicDirectoryRow[];
  notApplicable: { domain: string; note: string }[];
} | null> {
  const version = await currentVersion(db);
  if (!version) return null;
  const { rows, bindings } = await boundRows(db, [unitId]);
  const pubsOf = await publicationsOf(db, bindings);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    title: version.title,
    notApplicable: version.notApplicable,
    rows: bindings
      .map((b) => ({ b, r: byId.get(b.rowId)! }))
      .sort((x, y) => x.r.sort - y.r.sort)
      .map(({ b, r }) => ({
        domain: r.otherDomain ?? r.domain,
        level1: r.level1,
        level2: r.level2,
        content: r.content,
        basis: r.basis,
        timeLimit: r.timeLimit,
        due: describeDueRule(r.dueRule, r.timeLimit),
        subject: r.subject,
        channels: r.channels,
        levels: r.levels.map((l) => LEVEL_LABELS[l as keyof typeof LEVEL_LABELS] ?? l),
        items: pubsOf(b)
          .slice(0, itemsPerRow)
          .map((i) => ({ id: i.id, title: i.title, publishDate: i.publishDate })),
      })),
  };
}
