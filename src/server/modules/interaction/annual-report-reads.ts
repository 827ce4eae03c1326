// What the 政府网站工作年度报表 (media module) reads of 互动交流 for one year (read-only), optionally limited to some
// units (`null`: the whole district): 信箱 letters received in the year — of those, replied (办结), the average
// calendar days (自然日) from receipt to reply, and published (公开答复) —, and 舆情 events responded to in the year.
import { and, avg, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { inIds, inYear } from '../../db/filters';
import { countWhere } from '../../db/pages';
import { letters, opinionEvents } from '../../db/schema/interaction';

export interface InteractionYearFigures {
  letters: { received: number; replied: number; avgDays: number | null; published: number };
  opinionResponses: number;
}

export async function interactionYearFigures(
  db: DbOrTx,
  year: number,
  unitIds: readonly string[] | null,
): Promise<InteractionYearFigures> {
  const l = letters;
  const ofYear = and(inYear(l.receivedOn, year), inIds(l.unitId, unitIds));
  const received = await countWhere(db, l, ofYear);
  const [replied] = await db
    .select({ n: count(), avg: avg(sql<number>`${l.repliedOn} - ${l.receivedOn}`) })
    .from(l)
    .where(and(ofYear, eq(l.status, 'replied'), isNotNull(l.repliedOn)));
  const published = await countWhere(db, l, and(ofYear, eq(l.published, true)));
  const o = opinionEvents;
  const responded = await countWhere(
    db,
    o,
    and(
      isNotNull(o.respondedAt),
      sql`(${o.respondedAt} AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`,
      inIds(o.unitId, unitIds),
    ),
  );
  const mean = replied?.avg == null ? null : Math.round(Number(replied.avg) * 10) / 10;
  return {
    letters: {
      received,
      replied: replied?.n ?? 0,
      avgDays: mean,
      published,
    },
    opinionResponses: responded,
  };
}
