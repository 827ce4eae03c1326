// What the 考核评估 reads of 依申请公开 (through this module's face): cases closed in the year (met: answered
// within the legal time) and open cases already past their due date; 复议/诉讼 decided in the year (met: not
// corrected).
import { and, eq, inArray, isNotNull, lt, ne, notInArray } from 'drizzle-orm';
import { type AssessRecord, clockRecords } from '../../../domain/assessment/scoring';
import type { DbOrTx } from '../../db/client';
import { inYear } from '../../db/filters';
import { requestCases, requestRemedies } from '../../db/schema/requests';

export async function caseRecordsForYear(db: DbOrTx, year: number, asOf: string): Promise<AssessRecord[]> {
  const closed = await db
    .select({
      id: requestCases.id,
      unitId: requestCases.unitId,
      caseNo: requestCases.caseNo,
      due: requestCases.replyDue,
      closedOn: requestCases.closedOn,
      onTime: requestCases.onTime,
    })
    .from(requestCases)
    .where(and(eq(requestCases.status, 'closed'), inYear(requestCases.closedOn, year)))
    .orderBy(requestCases.caseNo);
  const open = await db
    .select({
      id: requestCases.id,
      unitId: requestCases.unitId,
      caseNo: requestCases.caseNo,
      due: requestCases.replyDue,
    })
    .from(requestCases)
    .where(
      and(
        notInArray(requestCases.status, ['closed', 'submitted']),
        isNotNull(requestCases.replyDue),
        inYear(requestCases.replyDue, year),
        lt(requestCases.replyDue, asOf),
      ),
    )
    .orderBy(requestCases.caseNo);
  return clockRecords(
    closed.map((r) => ({ ...r, label: r.caseNo, endedOn: r.closedOn ?? '' })),
    open.map((r) => ({ ...r, label: r.caseNo, due: r.due ?? '' })),
    { ended: '办结' },
  );
}

export async function remedyRecordsForYear(db: DbOrTx, year: number): Promise<AssessRecord[]> {
  const rows = await db
    .select({
      id: requestRemedies.id,
      kind: requestRemedies.kind,
      result: requestRemedies.result,
      filedOn: requestRemedies.filedOn,
      unitId: requestCases.unitId,
      caseNo: requestCases.caseNo,
    })
    .from(requestRemedies)
    .innerJoin(requestCases, eq(requestCases.id, requestRemedies.caseId))
    .where(
      and(
        inYear(requestRemedies.filedOn, year),
        ne(requestRemedies.result, 'pending'),
        inArray(requestRemedies.kind, ['reconsideration', 'litigation']),
      ),
    )
    .orderBy(requestRemedies.filedOn);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    label: `${r.caseNo}（${r.kind === 'reconsideration' ? '行政复议' : '行政诉讼'}）`,
    ok: r.result !== 'corrected',
    detail: `${r.filedOn}提起；${r.result === 'corrected' ? '被纠错' : r.result === 'upheld' ? '维持' : '其他结果'}`,
  }));
}
