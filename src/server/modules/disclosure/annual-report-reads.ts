// What the 政府网站工作年度报表 (media module) reads of 主动公开 for one year (read-only), optionally limited to some
// units (a 部门网站: its 主办单位; a 政府门户网站: the whole district, `null`):
// - published items (version 1 — a correction is not a new item — whose 发布日期 falls in the year, still published,
//   superseded or withdrawn since) counted per column name, the media module classifying the names;
// - published 解读 of the year by form (文字 → 解读材料; 图解, 视频, 问答 → 解读产品);
// - 重大行政决策 drafts opened for comment in the year with the comments received, and those whose 意见采纳情况
//   was published in the year;
// - 在线访谈 held in the year (the 新闻发布会/访谈 register).
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { inIds, inYear } from '../../db/filters';
import { countWhere } from '../../db/pages';
import {
  decisionComments,
  decisionDrafts,
  disclosureBriefings,
  disclosureColumns,
  disclosureItems,
} from '../../db/schema/disclosure';

const WAS_PUBLISHED = ['published', 'superseded', 'withdrawn'] as const;

export interface DisclosureYearFigures {
  /** Published items of the year per column name (an item without a column under ''). */
  byColumn: { column: string; count: number }[];
  interpretations: { total: number; materials: number; products: number };
  surveys: { opened: number; comments: number; results: number };
  interviews: number;
}

export async function disclosureYearFigures(
  db: DbOrTx,
  year: number,
  unitIds: readonly string[] | null,
): Promise<DisclosureYearFigures> {
  const i = disclosureItems;
  const published = and(
    eq(i.version, 1),
    inArray(i.status, [...WAS_PUBLISHED]),
    inYear(i.publishDate, year),
    inIds(i.unitId, unitIds),
  );
  const byColumn = await db
    .select({ column: disclosureColumns.name, count: count() })
    .from(i)
    .leftJoin(disclosureColumns, eq(disclosureColumns.id, i.columnId))
    .where(published)
    .groupBy(disclosureColumns.name);
  const forms = await db
    .select({ form: i.interpretationForm, count: count() })
    .from(i)
    .where(and(published, eq(i.kind, 'interpretation')))
    .groupBy(i.interpretationForm);
  const total = forms.reduce((a, r) => a + r.count, 0);
  const materials = forms.filter((r) => r.form === 'text').reduce((a, r) => a + r.count, 0);
  const products = forms
    .filter((r) => r.form === 'graphic' || r.form === 'video' || r.form === 'qa')
    .reduce((a, r) => a + r.count, 0);
  const d = decisionDrafts;
  const opened = await db
    .select({ id: d.id })
    .from(d)
    .where(and(isNotNull(d.openedOn), inYear(d.openedOn, year), inIds(d.unitId, unitIds)));
  const comments = opened.length
    ? await countWhere(
        db,
        decisionComments,
        inArray(
          decisionComments.draftId,
          opened.map((o) => o.id),
        ),
      )
    : 0;
  const results = await countWhere(
    db,
    d,
    and(isNotNull(d.adoptionPublishedOn), inYear(d.adoptionPublishedOn, year), inIds(d.unitId, unitIds)),
  );
  const b = disclosureBriefings;
  const interviews = await countWhere(
    db,
    b,
    and(eq(b.kind, 'interview'), inYear(b.heldOn, year), inIds(b.unitId, unitIds)),
  );
  return {
    byColumn: byColumn.map((r) => ({ column: r.column ?? '', count: r.count })),
    interpretations: { total, materials, products },
    surveys: { opened: opened.length, comments, results },
    interviews,
  };
}
