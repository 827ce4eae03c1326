// The reports module's SQL, on its own table (annual_reports). Unit names and order come from the org module's
// face (unitNameSql, unitSortSql).
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { ReportInput } from '../../../contracts/reports';
import type { DbOrTx } from '../../db/client';
import { annualReports } from '../../db/schema/reports';
import { unitNameSql, unitSortSql } from '../org';

export type SavedReport = typeof annualReports.$inferSelect;

export async function savedReport(db: DbOrTx, unitId: string, year: number): Promise<SavedReport | null> {
  const [r] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.unitId, unitId), eq(annualReports.year, year)));
  return r ?? null;
}

export async function upsertReport(
  tx: DbOrTx,
  unitId: string,
  year: number,
  input: ReportInput,
): Promise<void> {
  await tx
    .insert(annualReports)
    .values({ unitId, year, ...input })
    .onConflictDoUpdate({
      target: [annualReports.unitId, annualReports.year],
      set: { ...input, updatedAt: new Date() },
    });
}

export async function markPublished(tx: DbOrTx, id: string, html: string): Promise<void> {
  await tx
    .update(annualReports)
    .set({ publishedHtml: html, publishedAt: new Date() })
    .where(eq(annualReports.id, id));
}

/** Units whose report of the year is published. */
export async function publishedUnitIds(db: DbOrTx, year: number): Promise<Set<string>> {
  const rows = await db
    .select({ unitId: annualReports.unitId })
    .from(annualReports)
    .where(and(eq(annualReports.year, year), isNotNull(annualReports.publishedAt)));
  return new Set(rows.map((r) => r.unitId));
}

/** Published reports, newest year first, units in display order. */
export function publishedReports(db: DbOrTx) {
  const unitName = unitNameSql(annualReports.unitId);
  return db
    .select({
      id: annualReports.id,
      year: annualReports.year,
      unitId: annualReports.unitId,
      unitName,
      publishedAt: annualReports.publishedAt,
    })
    .from(annualReports)
    .where(isNotNull(annualReports.publishedAt))
    .orderBy(sql`${annualReports.year} DESC`, asc(unitSortSql(annualReports.unitId)), asc(unitName));
}

/** A published report's frozen HTML, or null when there is none. */
export async function publishedReport(db: DbOrTx, id: string) {
  const [r] = await db
    .select({
      html: annualReports.publishedHtml,
      year: annualReports.year,
      unitName: unitNameSql(annualReports.unitId),
    })
    .from(annualReports)
    .where(and(eq(annualReports.id, id), isNotNull(annualReports.publishedAt)));
  return r ?? null;
}
