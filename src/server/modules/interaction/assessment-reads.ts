// What the 考核评估 reads of 互动回应 (through this module's face): consultations and 信箱 letters answered in the
// year (met: by their due date; a late reply is recorded, and counts as not on time) and those still unanswered past
// their due date; the citizens' ratings of the year's answers.
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { type AssessRecord, clockRecords, type Rating } from '../../../domain/assessment/scoring';
import type { DbOrTx } from '../../db/client';
import { inYear } from '../../db/filters';
import { consultations, letters } from '../../db/schema/interaction';

export async function consultRecordsForYear(db: DbOrTx, year: number, asOf: string): Promise<AssessRecord[]> {
  const c = consultations;
  const answered = await db
    .select({
      id: c.id,
      unitId: c.unitId,
      no: c.consultNo,
      due: c.answerDue,
      on: c.answeredOn,
      onTime: c.onTime,
    })
    .from(c)
    .where(and(isNotNull(c.answeredOn), inYear(c.answeredOn, year)))
    .orderBy(c.consultNo);
  const open = await db
    .select({ id: c.id, unitId: c.unitId, no: c.consultNo, due: c.answerDue })
    .from(c)
    .where(and(eq(c.status, 'open'), inYear(c.answerDue, year), lt(c.answerDue, asOf)))
    .orderBy(c.consultNo);
  return clockRecords(
    answered.map((r) => ({ ...r, label: r.no, endedOn: r.on ?? '' })),
    open.map((r) => ({ ...r, label: r.no })),
  );
}

export async function ratingsForYear(
  db: DbOrTx,
  year: number,
): Promise<{ unitId: string; rating: Rating }[]> {
  const c = consultations;
  const rows = await db
    .select({ unitId: c.unitId, rating: c.satisfaction })
    .from(c)
    .where(and(isNotNull(c.satisfaction), inYear(c.answeredOn, year)));
  return rows.flatMap((r) => (r.rating ? [{ unitId: r.unitId, rating: r.rating }] : []));
}

/** 信箱 letters replied in the year (met: on time) and letters still unreplied (open or in review) past a due date
 * of the year before `asOf`. Labels are letter numbers and subjects: the writer is never named. */
export async function letterRecordsForYear(db: DbOrTx, year: number, asOf: string): Promise<AssessRecord[]> {
  const l = letters;
  const cols = { id: l.id, unitId: l.unitId, no: l.letterNo, subject: l.subject, due: l.replyDue };
  const replied = await db
    .select({ ...cols, on: l.repliedOn, onTime: l.onTime })
    .from(l)
    .where(and(isNotNull(l.repliedOn), inYear(l.repliedOn, year)))
    .orderBy(l.letterNo);
  const waiting = await db
    .select(cols)
    .from(l)
    .where(and(inArray(l.status, ['open', 'reviewing']), inYear(l.replyDue, year), lt(l.replyDue, asOf)))
    .orderBy(l.letterNo);
  const label = (r: { no: string; subject: string }) =>
    `${r.no} ${r.subject.length > 30 ? `${r.subject.slice(0, 30)}…` : r.subject}`;
  return clockRecords(
    replied.map((r) => ({ ...r, label: label(r), endedOn: r.on ?? '' })),
    waiting.map((r) => ({ ...r, label: label(r) })),
    { late: '逾期' },
  );
}
