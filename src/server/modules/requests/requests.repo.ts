// The requests module's SQL, on its own tables (request_cases, request_letters, request_remedies). Unit names come
// from the org module's face (unitNameSql), not a join on its table.
import { and, desc, eq, ilike, inArray, isNotNull, not, or, type SQL, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../contracts/api';
import type { CaseStatus } from '../../../domain/requests/clock';
import type { DbOrTx } from '../../db/client';
import { lockAndLoad, updateById } from '../../db/lock';
import { pageOf } from '../../db/pages';
import { labelsById, rowsOf } from '../../db/reads';
import { requestCases, requestLetters, requestRemedies } from '../../db/schema/requests';
import { nextYearNo } from '../../platform/counters';
import { scopeFilter, unitNameSql } from '../org';

export type CaseRow = typeof requestCases.$inferSelect;
export type NewCase = typeof requestCases.$inferInsert;
export type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;

const OPEN = not(inArray(requestCases.status, ['closed', 'submitted']));

export async function loadCase(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(requestCases).where(eq(requestCases.id, id));
  return row ?? null;
}

/** The case, locked until the transaction ends: two clerks acting on one case at once must not both append. */
export function lockCase(tx: DbOrTx, id: string): Promise<CaseRow | null> {
  return lockAndLoad(tx, requestCases, id);
}

export async function insertCase(tx: DbOrTx, values: NewCase): Promise<CaseRow> {
  const [row] = await tx.insert(requestCases).values(values).returning();
  return row!;
}

export async function updateCase(tx: DbOrTx, id: string, set: Partial<CaseRow>): Promise<void> {
  await updateById(tx, requestCases, id, set);
}

/** The year's next case number; migration 0011 seeded the counters from the numbers already given. */
/** Every case's applicant (the start-up sealing step reads them all; a district has thousands, not millions). */
export function allApplicants(db: DbOrTx) {
  return db
    .select({
      id: requestCases.id,
      applicant: requestCases.applicant,
      applicantKey: requestCases.applicantKey,
    })
    .from(requestCases);
}

export async function setApplicant(db: DbOrTx, id: string, applicant: CaseRow['applicant'], key: string) {
  await db.update(requestCases).set({ applicant, applicantKey: key }).where(eq(requestCases.id, id));
}

export async function nextCaseNo(tx: DbOrTx, year: string): Promise<string> {
  return nextYearNo(tx, '', 'request_case', year);
}

export function openCasesOfApplicant(db: DbOrTx, key: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(requestCases)
    .where(and(eq(requestCases.applicantKey, key), not(eq(requestCases.status, 'closed'))));
}

/** The applicant's received cases in receipt order (按件计收 counts them per charging unit and month). */
export function receivedCasesOfApplicant(db: DbOrTx, key: string) {
  return db
    .select({
      id: requestCases.id,
      applicantId: requestCases.applicantKey,
      unitId: requestCases.unitId,
      receivedOn: requestCases.receivedOn,
    })
    .from(requestCases)
    .where(and(eq(requestCases.applicantKey, key), isNotNull(requestCases.receivedOn)))
    .orderBy(requestCases.receivedOn, requestCases.createdAt);
}

export interface CaseFilter {
  keyword?: string;
  status?: CaseStatus | 'open' | 'extension_pending';
  unitId?: string;
  overdue?: boolean;
  /** Open cases whose reply is due on or before this date (the to-do centre's 临期). */
  dueBy?: string;
  page: number;
  pageSize: number;
}

/** A page of the cases in the user's data scope, most urgent first. */
export async function casePage(db: DbOrTx, user: Scoped, q: CaseFilter, asOf: string) {
  const conds: (SQL | undefined)[] = [scopeFilter(user, requestCases.unitId)];
  if (q.keyword) {
    const k = `%${q.keyword.replace(/[%_]/g, '')}%`;
    conds.push(
      or(ilike(requestCases.caseNo, k), ilike(requestCases.description, k), ilike(requestCases.queryCode, k)),
    );
  }
  if (q.status === 'extension_pending') {
    // The approver's queue: open cases whose extension request awaits a decision.
    conds.push(sql`${requestCases.extensionRequest}->>'status' = 'pending'`);
    conds.push(not(eq(requestCases.status, 'closed')));
  } else if (q.status === 'open') conds.push(OPEN);
  else if (q.status) conds.push(eq(requestCases.status, q.status));
  if (q.unitId) conds.push(eq(requestCases.unitId, q.unitId));
  if (q.overdue) {
    conds.push(OPEN);
    conds.push(sql`${requestCases.replyDue} < ${asOf}`);
  }
  if (q.dueBy) {
    conds.push(OPEN);
    conds.push(sql`${requestCases.replyDue} <= ${q.dueBy}`);
  }
  const where = and(...conds);
  return pageOf(
    db,
    requestCases,
    { c: requestCases, unitName: unitNameSql(requestCases.unitId) },
    where,
    [
      sql`${requestCases.status} = 'closed'`,
      sql`${requestCases.replyDue} ASC NULLS LAST`,
      desc(requestCases.createdAt),
    ],
    q,
  );
}

export async function caseWithUnitName(db: DbOrTx, where: SQL) {
  const [r] = await db
    .select({ c: requestCases, unitName: unitNameSql(requestCases.unitId) })
    .from(requestCases)
    .where(where);
  return r ?? null;
}

export const caseById = (db: DbOrTx, id: string) => caseWithUnitName(db, eq(requestCases.id, id));
export const caseByQueryCode = (db: DbOrTx, code: string) =>
  caseWithUnitName(db, eq(requestCases.queryCode, code));

export const lettersOf = (db: DbOrTx, caseId: string) =>
  rowsOf(db, requestLetters, requestLetters.caseId, caseId, requestLetters.createdAt);

export function remediesOf(db: DbOrTx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(requestRemedies)
    .where(inArray(requestRemedies.caseId, [...caseIds]));
}

export async function insertRemedy(tx: DbOrTx, values: typeof requestRemedies.$inferInsert): Promise<string> {
  const [m] = await tx.insert(requestRemedies).values(values).returning({ id: requestRemedies.id });
  return m!.id;
}

export async function nextLetterVersion(tx: DbOrTx, caseId: string, kind: string): Promise<number> {
  const [v] = await tx
    .select({ n: sql<number>`coalesce(max(${requestLetters.version}), 0)::int` })
    .from(requestLetters)
    .where(and(eq(requestLetters.caseId, caseId), eq(requestLetters.kind, kind)));
  return (v?.n ?? 0) + 1;
}

export async function insertLetter(tx: DbOrTx, values: typeof requestLetters.$inferInsert): Promise<string> {
  const [row] = await tx.insert(requestLetters).values(values).returning({ id: requestLetters.id });
  return row!.id;
}

/** A letter with the unit of its case (for the scope check). */
export async function letterWithUnit(db: DbOrTx, letterId: string) {
  const [r] = await db
    .select({ l: requestLetters, unitId: requestCases.unitId })
    .from(requestLetters)
    .innerJoin(requestCases, eq(requestCases.id, requestLetters.caseId))
    .where(eq(requestLetters.id, letterId));
  return r ?? null;
}

/** Cases whose clock runs (neither awaiting confirmation nor closed); with `statuses`, only those. */
export function openCases(db: DbOrTx, statuses?: readonly CaseStatus[]): Promise<CaseRow[]> {
  return db
    .select()
    .from(requestCases)
    .where(statuses ? inArray(requestCases.status, [...statuses]) : OPEN);
}

export function openCasesWithDue(db: DbOrTx): Promise<CaseRow[]> {
  return db
    .select()
    .from(requestCases)
    .where(and(OPEN, isNotNull(requestCases.replyDue)));
}

export function casesInScope(db: DbOrTx, user: Scoped): Promise<CaseRow[]> {
  return db.select().from(requestCases).where(scopeFilter(user, requestCases.unitId));
}

/** Received cases of the unit and its sub-units (a department's report covers its 内设科室). */
/** Received cases of the unit alone (`unit`) or of the unit and every unit under it (`tree`). */
export function receivedCasesOf(db: DbOrTx, unitId: string, scope: 'unit' | 'tree'): Promise<CaseRow[]> {
  return db
    .select()
    .from(requestCases)
    .where(
      and(
        scope === 'unit'
          ? eq(requestCases.unitId, unitId)
          : sql`${requestCases.unitId} IN (SELECT gk_unit_subtree(${unitId}::uuid))`,
        isNotNull(requestCases.receivedOn),
      ),
    );
}

/** Case numbers by id (the audit log's object names). */
export const caseNumbers = (db: DbOrTx, ids: string[]): Promise<Map<string, string>> =>
  labelsById(db, requestCases, requestCases.caseNo, ids, (no) => `申请 ${no}`);

/** Closed cases closed before `closedBefore` whose applicant has not been purged yet (retention.ts). */
export function closedCasesToPurge(
  db: DbOrTx,
  closedBefore: string,
  mark: string,
): Promise<{ id: string; idProofFileId: string | null; description: string }[]> {
  return db
    .select({
      id: requestCases.id,
      idProofFileId: requestCases.idProofFileId,
      description: requestCases.description,
    })
    .from(requestCases)
    .where(
      and(
        eq(requestCases.status, 'closed'),
        sql`${requestCases.closedOn} < ${closedBefore}`,
        sql`${requestCases.applicant}->>'name' IS DISTINCT FROM ${mark}`,
      ),
    );
}

/** A case's description replaced (its anonymised copy at the end of retention). */
export async function setDescription(tx: DbOrTx, id: string, description: string): Promise<void> {
  await tx.update(requestCases).set({ description }).where(eq(requestCases.id, id));
}

/** Replaces the applicant of these cases but its ID type (kind, outcome, dates and counts stay). */
export async function clearApplicants(
  tx: DbOrTx,
  ids: readonly string[],
  applicant: Omit<CaseRow['applicant'], 'idType'>,
): Promise<void> {
  if (!ids.length) return;
  await tx
    .update(requestCases)
    .set({
      applicant: sql`${JSON.stringify(applicant)}::jsonb || jsonb_build_object('idType', ${requestCases.applicant}->'idType')`,
      applicantKey: sql`'purged:' || ${requestCases.id}::text`,
      idProofFileId: null,
    })
    .where(inArray(requestCases.id, [...ids]));
}
