// The report as a file: .docx (titles, paragraphs, the three tables with their merged cells) or a stand-alone
// HTML page, both from the domain's layout.
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
import {
  type ReportLayout,
  renderLayoutDocument,
  renderLayoutHtml,
  reportLayout,
} from '../../../domain/requests/annual-report-layout';
import type { Database } from '../../db/client';
import { DOCX_MIME } from '../../platform/http/upload';
import { buildReport } from './report';

export function reportHtml(layout: ReportLayout): string {
  return renderLayoutHtml(layout);
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

/** The report of a unit and year as a download (the caller has checked the user's scope). */
export async function exportReport(
  database: Database,
  unitId: string,
  year: number,
  format: 'docx' | 'html',
): Promise<{ bytes: Uint8Array; name: string; mime: string }> {
  const { report } = await buildReport(database, unitId, year);
  const layout = reportLayout(report);
  const name = `${layout.title}.${format}`;
  if (format === 'docx') return { bytes: await reportDocx(layout), name, mime: DOCX_MIME };
  const html = renderLayoutDocument(layout);
  return { bytes: new TextEncoder().encode(html), name, mime: 'text/html; charset=utf-8' };
}
