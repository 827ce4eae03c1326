// What the 考核评估 reads of 主动公开 (through this module's face), each record one item:
// - Art. 26: items formed in the year, met when published within 20 working days (still within: not counted);
// - 三同步: policies published in the year that need an interpretation, met when one is published;
// - 规范性文件: published normative documents whose recorded validity is still true on `asOf` (an in-force
//   document past its 有效期 is not kept current).
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { AssessRecord } from '../../../domain/assessment/scoring';
import {
  missingInterpretation,
  TIMELINESS_LABELS,
  timeliness,
  VALIDITY_LABELS,
  validityOn,
} from '../../../domain/disclosure/rules';
import type { Database } from '../../db/client';
import { inYear } from '../../db/filters';
import { disclosureItems } from '../../db/schema/disclosure';
import { getCalendar } from '../../platform/calendar/service';

const WAS_PUBLISHED = ['published', 'superseded', 'withdrawn'] as const;

export async function timelinessRecordsForYear(
  database: Database,
  year: number,
  asOf: string,
): Promise<AssessRecord[]> {
  const i = disclosureItems;
  const formed = sql<string>`coalesce(${i.formedDate}, ${i.writtenDate})`;
  const rows = await database.db
    .select({
      id: i.id,
      unitId: i.unitId,
      title: i.title,
      formed,
      status: i.status,
      publishDate: i.publishDate,
    })
    .from(i)
    .where(and(eq(i.version, 1), inYear(formed, year)))
    .orderBy(formed, i.indexNo);
  const calendar = await getCalendar(database);
  return rows.flatMap((r) => {
    const published = (WAS_PUBLISHED as readonly string[]).includes(r.status) ? r.publishDate : null;
    const t = timeliness(r.formed, published, asOf, calendar);
    if (t.status === 'pending') return [];
    return [
      {
        id: r.id,
        unitId: r.unitId,
        label: r.title,
        ok: t.status === 'on_time',
        detail: `${r.formed}形成，期限${t.deadline}；${published ? `${published}公开` : '未公开'}（${TIMELINESS_LABELS[t.status]}）`,
      },
    ];
  });
}

export async function interpretationRecordsForYear(
  database: Database,
  year: number,
): Promise<AssessRecord[]> {
  const i = disclosureItems;
  const policies = await database.db
    .select({
      id: i.id,
      rootId: i.rootId,
      unitId: i.unitId,
      title: i.title,
      status: i.status,
      needs: i.needsInterpretation,
      publishDate: i.publishDate,
    })
    .from(i)
    .where(
      and(
        eq(i.status, 'published'),
        eq(i.needsInterpretation, true),
        ne(i.kind, 'interpretation'),
        inYear(i.publishDate, year),
      ),
    )
    .orderBy(i.publishDate, i.indexNo);
  if (policies.length === 0) return [];
  const interps = await database.db
    .select({ policyRootId: i.policyRootId, status: i.status })
    .from(i)
    .where(
      and(
        eq(i.kind, 'interpretation'),
        isNotNull(i.policyRootId),
        inArray(
          i.policyRootId,
          policies.map((p) => p.rootId),
        ),
      ),
    );
  return policies.map((p) => {
    const mine = interps.filter((x) => x.policyRootId === p.rootId);
    const ok = !missingInterpretation({ needsInterpretation: p.needs, status: p.status }, mine);
    return {
      id: p.id,
      unitId: p.unitId,
      label: p.title,
      ok,
      detail: `${p.publishDate}发布；${ok ? '已发布解读' : '未发布解读'}`,
    };
  });
}

export async function normativeRecordsForYear(database: Database, asOf: string): Promise<AssessRecord[]> {
  const i = disclosureItems;
  const rows = await database.db
    .select({
      id: i.id,
      unitId: i.unitId,
      title: i.title,
      validity: i.validity,
      effectiveDate: i.effectiveDate,
      expiryDate: i.expiryDate,
    })
    .from(i)
    .where(and(eq(i.kind, 'normative'), eq(i.status, 'published'), isNotNull(i.validity)))
    .orderBy(i.indexNo);
  return rows.map((r) => {
    const recorded = r.validity ?? 'in_force';
    const actual = validityOn(
      {
        validity: recorded,
        effectiveDate: r.effectiveDate,
        expiryDate: r.expiryDate,
        repealedDate: null,
        issuedDate: null,
      },
      asOf,
    );
    const ok = actual === recorded;
    return {
      id: r.id,
      unitId: r.unitId,
      label: r.title,
      ok,
      detail: ok
        ? `标注${VALIDITY_LABELS[recorded]}${r.expiryDate ? `，有效期至${r.expiryDate}` : ''}`
        : `标注${VALIDITY_LABELS[recorded]}，但有效期已于${r.expiryDate}届满，未及时更新`,
    };
  });
}
