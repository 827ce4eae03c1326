// The annual report (政府信息公开工作年度报告, REGULATIONS §2): table 三 from the cases, table 四 from the remedy
// records, table 二 and the narrative entered by the office; validation, .docx/HTML export, publication.

import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../contracts/api';
import type { ReportInput, ReportOverviewRow, ReportView } from '../../../contracts/requests';
import {
  type AnnualReport,
  type ApplicationForReport,
  computeTable3,
  computeTable4,
  publicationDeadline,
  type RemedyRecord,
  type ReportBodyType,
  type ReportLayout,
  renderLayoutHtml,
  reportLayout,
  type Table2,
  validateReport,
} from '../../../domain/requests/annual-report';
import type { ApplicantKind, OutcomeCode } from '../../../domain/requests/outcomes';
import type { Database, DbOrTx } from '../../db/client';
import { annualReports, requestCases, requestRemedies, units } from '../../db/schema';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { normativeDocumentCounts } from '../disclosure';
import { assertUnitInScope, scopeFilter } from '../org/org.scope';

type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;

export function emptyTable2(): Table2 {
  const z = { issued: 0, abolished: 0, in_force: 0 };
  return {
    art20_1: { regulations: { ...z }, normative_docs: { ...z } },
    art20_5: { licensing: { decisions: 0 } },
    art20_6: { penalty: { decisions: 0 }, compulsion: { decisions: 0 } },
    art20_8: { fees: { amount_wan_yuan: 0 } },
  };
}

/**
 * A report not yet edited starts with the 行政规范性文件 row counted from the disclosure platform's normative
 * documents (issue 5); the office can still correct every cell before saving.
 */
async function prefilledTable2(db: DbOrTx, unitId: string, year: number): Promise<Table2> {
  const t = emptyTable2();
  const n = await normativeDocumentCounts(db, year, unitId);
  t.art20_1.normative_docs = { issued: n.issued, abolished: n.repealed, in_force: n.inForce };
  return t;
}

async function unitOf(db: DbOrTx, unitId: string) {
  const u = await db.select().from(units).where(eq(units.id, unitId));
  if (!u[0]) throw notFound('单位');
  return u[0];
}

/** Cases of the unit and its sub-units (a department's report covers its 内设科室). */
async function casesOf(db: DbOrTx, unitId: string) {
  return db
    .select()
    .from(requestCases)
    .where(
      and(
        sql`${requestCases.unitId} IN (SELECT gk_unit_subtree(${unitId}::uuid))`,
        isNotNull(requestCases.receivedOn),
      ),
    );
}

export async function buildReport(database: Database, unitId: string, year: number) {
  const db = database.db;
  const unit = await unitOf(db, unitId);
  const saved = (
    await db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.unitId, unitId), eq(annualReports.year, year)))
  )[0];
  const cases = await casesOf(db, unitId);
  const apps: ApplicationForReport[] = cases.map((c) => ({
    receivedOn: c.receivedOn as string,
    applicantKind: c.applicantKind as ApplicantKind,
    closedOn: c.closedOn,
    outcome: c.outcome as OutcomeCode | null,
  }));
  const ids = cases.map((c) => c.id);
  const remedies = ids.length
    ? await db.select().from(requestRemedies).where(inArray(requestRemedies.caseId, ids))
    : [];
  const y = String(year);
  const records: RemedyRecord[] = remedies
    .filter((m) => m.filedOn.startsWith(y))
    .map((m) =>
      m.kind === 'reconsideration'
        ? { kind: 'reconsideration', result: m.result }
        : { kind: 'litigation', afterReconsideration: m.afterReconsideration, result: m.result },
    );
  const report: AnnualReport = {
    year,
    unit: unit.name,
    overview: saved?.overview ?? '',
    problems: saved?.problems ?? '',
    otherMatters: saved?.otherMatters ?? '',
    table2: saved?.table2 ?? (await prefilledTable2(db, unitId, year)),
    table3: computeTable3(apps, year),
    table4: computeTable4(records),
  };
  return { unit, saved: saved ?? null, report };
}

function bodyType(kind: string): ReportBodyType {
  return kind === 'government' ? 'government' : kind === 'township' ? 'township' : 'department';
}

export async function getReport(
  database: Database,
  user: Scoped,
  unitId: string,
  year: number,
): Promise<ReportView> {
  await assertUnitInScope(database.db, user, unitId);
  const { unit, saved, report } = await buildReport(database, unitId, year);
  const v = validateReport(report);
  const cal = await getCalendar(database);
  const deadline = publicationDeadline(
    bodyType(unit.kind),
    year,
    '01-31',
    (d) => cal.isWorkingDay(d).working,
  );
  return {
    id: saved?.id ?? null,
    unitId,
    unitName: unit.name,
    report,
    errors: v.errors,
    warnings: v.warnings,
    publishedAt: saved?.publishedAt?.toISOString() ?? null,
    publicationDue: deadline.due,
  };
}

export async function saveReport(
  database: Database,
  actor: Actor,
  user: Scoped,
  unitId: string,
  year: number,
  input: ReportInput,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await assertUnitInScope(tx, user, unitId);
    await unitOf(tx, unitId);
    await tx
      .insert(annualReports)
      .values({ unitId, year, ...input })
      .onConflictDoUpdate({
        target: [annualReports.unitId, annualReports.year],
        set: { ...input, updatedAt: new Date() },
      });
    await audit(tx, actor, {
      action: 'reports.save',
      objectType: 'annual_report',
      objectId: `${unitId}:${year}`,
    });
  });
}

export function reportHtml(layout: ReportLayout): string {
  return renderLayoutHtml(layout);
}

/** Publishes to the portal (政府信息公开年报). A report with validation errors is refused, naming the cells. */
export async function publishReport(
  database: Database,
  actor: Actor,
  user: Scoped,
  unitId: string,
  year: number,
): Promise<void> {
  await assertUnitInScope(database.db, user, unitId);
  const { saved, report } = await buildReport(database, unitId, year);
  const v = validateReport(report);
  if (v.errors.length > 0) {
    throw invalid(
      `年度报告有 ${v.errors.length} 处错误，不能发布：${v.errors.map((e) => e.message).join('；')}`,
      {
        issues: v.errors,
      },
    );
  }
  if (!saved) throw invalid('请先保存年度报告（第二部分数据和文字部分）');
  const html = reportHtml(reportLayout(report));
  await database.db.transaction(async (tx) => {
    await tx
      .update(annualReports)
      .set({ publishedHtml: html, publishedAt: new Date() })
      .where(eq(annualReports.id, saved.id));
    await audit(tx, actor, { action: 'reports.publish', objectType: 'annual_report', objectId: saved.id });
  });
}

export async function overview(database: Database, user: Scoped, year: number): Promise<ReportOverviewRow[]> {
  const list = await database.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(inArray(units.kind, ['government', 'department', 'township']), scopeFilter(user, units.id)))
    .orderBy(asc(units.sort), asc(units.name));
  const out: ReportOverviewRow[] = [];
  for (const u of list) {
    const { saved, report } = await buildReport(database, u.id, year);
    const v = validateReport(report);
    out.push({
      unitId: u.id,
      unitName: u.name,
      reportId: saved?.id ?? null,
      errors: v.errors.length,
      warnings: v.warnings.length,
      publishedAt: saved?.publishedAt?.toISOString() ?? null,
    });
  }
  return out;
}

/** The report as .docx: titles, paragraphs and the three tables with their merged cells. */
export async function reportDocx(layout: ReportLayout): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(layout.title)],
    }),
  ];
  for (const s of layout.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.title)] }));
    for (const p of s.paragraphs)
      children.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun(p)] }));
    if (s.table) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: s.table.rows.map(
            (row) =>
              new TableRow({
                children: row.map(
                  (c) =>
                    new TableCell({
                      ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
                      ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
                      children: [
                        new Paragraph({ children: [new TextRun({ text: c.text, bold: c.header ?? false })] }),
                      ],
                    }),
                ),
              }),
          ),
        }),
      );
    }
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

export async function publishedReports(db: DbOrTx) {
  return db
    .select({
      id: annualReports.id,
      year: annualReports.year,
      unitId: annualReports.unitId,
      unitName: units.name,
      publishedAt: annualReports.publishedAt,
    })
    .from(annualReports)
    .innerJoin(units, eq(units.id, annualReports.unitId))
    .where(isNotNull(annualReports.publishedAt))
    .orderBy(sql`${annualReports.year} DESC`, asc(units.sort), asc(units.name));
}

export async function publishedReport(db: DbOrTx, id: string) {
  const r = await db
    .select({ html: annualReports.publishedHtml, year: annualReports.year, unitName: units.name })
    .from(annualReports)
    .innerJoin(units, eq(units.id, annualReports.unitId))
    .where(and(eq(annualReports.id, id), isNotNull(annualReports.publishedAt)));
  return r[0] ?? null;
}
