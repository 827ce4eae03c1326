// What another module may know of the documents it cites (the Q&A base's 政策依据, issue 11 part 2): the public
// version of each item (by root id) with its title, validity and whether it was withdrawn.
import { and, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { disclosureItems } from '../../db/schema/disclosure';

export interface CitedItem {
  rootId: string;
  title: string;
  validity: 'in_force' | 'expired' | 'repealed' | null;
  withdrawn: boolean;
}

const PUBLIC = ['published', 'withdrawn'] as const;

/** The latest public version of each root id (roots never published are left out). */
export async function citedItems(db: DbOrTx, rootIds: readonly string[]): Promise<Map<string, CitedItem>> {
  if (!rootIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([disclosureItems.rootId], {
      rootId: disclosureItems.rootId,
      title: disclosureItems.title,
      validity: disclosureItems.validity,
      status: disclosureItems.status,
    })
    .from(disclosureItems)
    .where(
      and(
        inArray(disclosureItems.rootId, [...new Set(rootIds)]),
        inArray(disclosureItems.status, [...PUBLIC]),
      ),
    )
    .orderBy(disclosureItems.rootId, sql`${disclosureItems.version} DESC`);
  return new Map(
    rows.map((r) => [
      r.rootId,
      { rootId: r.rootId, title: r.title, validity: r.validity, withdrawn: r.status === 'withdrawn' },
    ]),
  );
}

/** Published items whose title is exactly one of `titles` (an import's 政策依据 column): title → root id. */
export async function publishedRootsByTitle(
  db: DbOrTx,
  titles: readonly string[],
): Promise<Map<string, string>> {
  if (!titles.length) return new Map();
  const rows = await db
    .selectDistinct({ title: disclosureItems.title, rootId: disclosureItems.rootId })
    .from(disclosureItems)
    .where(
      and(
        inArray(disclosureItems.title, [...new Set(titles)]),
        inArray(disclosureItems.status, ['published']),
      ),
    );
  return new Map(rows.map((r) => [r.title, r.rootId]));
}
