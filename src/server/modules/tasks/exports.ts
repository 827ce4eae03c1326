// Supervision outputs: the ledger as .xlsx in the layout of the notice's table plus status columns, and the 通报
// as .docx in official-document layout (the 公文 pieces of platform/documents/gongwen.ts).
import ExcelJS from 'exceljs';
import {
  type BulletinStatus,
  praiseAndCriticise,
  quoteTitle,
  tallyByUnit,
} from '../../../domain/tasks/bulletin';
import { LEDGER_STATUS_LABELS, type LedgerStatus, periodLabel } from '../../../domain/tasks/ledger';
import {
  type Block,
  body,
  chineseDate,
  gongwenBulletin,
  gridTable,
  numberedPart,
  unitsSection,
} from '../../platform/documents/gongwen';

export interface ExportRow {
  id: string;
  ref: string;
  section: string[];
  text: string;
  measures: string[];
  deadlines: { raw: string }[];
  unitName: string;
  isLead: boolean;
  period: string | null;
  dueDate: string | null;
  status: LedgerStatus;
  returnReason: string | null;
  closedAt: Date | string | null;
}

const china = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export const EXPORT_HEADERS = [
  '序号',
  '工作任务',
  '贯彻举措',
  '牵头单位',
  '责任单位',
  '完成时限',
  '落实单位',
  '报送周期',
  '状态',
  '最新进展',
  '销号日期',
];

/**
 * One row per assignment, grouped by task in the notice's order; the task's own columns (序号 … 完成时限) are
 * merged vertically over its units, as in the original table.
 */
export async function ledgerXlsx(
  title: string,
  rows: (ExportRow & { leadWritten: string[]; responsibleWritten: string[] })[],
  latest: Map<string, string>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet('任务台账');
  ws.mergeCells(1, 1, 1, EXPORT_HEADERS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(EXPORT_HEADERS).font = { bold: true };
  ws.columns = [8, 30, 60, 16, 24, 18, 16, 12, 10, 40, 12].map((width) => ({ width }));
  let seq = 0;
  let i = 0;
  while (i < rows.length) {
    const first = rows[i]!;
    let j = i;
    while (j < rows.length && rows[j]!.ref === first.ref) j++;
    seq++;
    const startRow = ws.rowCount + 1;
    for (let k = i; k < j; k++) {
      const r = rows[k]!;
      ws.addRow([
        seq,
        r.section.join('\n'),
        r.measures.length ? r.measures.map((m, n) => `${n + 1}．${m}`).join('\n') : r.text,
        r.leadWritten.join('、'),
        r.responsibleWritten.join('、'),
        r.deadlines.map((d) => d.raw).join('；') || '—',
        `${r.unitName}${r.isLead ? '（牵头）' : ''}`,
        periodLabel(r.period) || r.dueDate || '',
        LEDGER_STATUS_LABELS[r.status],
        latest.get(r.id) ?? (r.returnReason ? `退回：${r.returnReason}` : ''),
        r.closedAt ? china(r.closedAt) : '',
      ]);
    }
    if (j - i > 1) for (let c = 1; c <= 6; c++) ws.mergeCells(startRow, c, startRow + (j - i) - 1, c);
    i = j;
  }
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell((cell) => {
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 各单位任务落实情况统计表: one row a unit. */
function statisticsTable(tallies: ReturnType<typeof tallyByUnit>) {
  return gridTable(
    ['序号', '单位', '任务项次', '已销号', '逾期未完成', '被退回', '销号率'],
    tallies.map((t, i) => [
      String(i + 1),
      t.unitName,
      String(t.total),
      String(t.closed),
      String(t.overdue),
      String(t.returned),
      `${t.rate}%`,
    ]),
  );
}

const bulletinStatus = (s: LedgerStatus): BulletinStatus =>
  s === 'closed' || s === 'overdue' || s === 'returned' ? s : 'other';

/**
 * 通报: title, 文号 (机关代字〔年〕号, from the settings), the figures, the units praised and those criticised, late
 * and returned items by unit, the requirements, a statistics table, issuer and date.
 */
export async function bulletinDocx(input: {
  year: number;
  planTitle: string;
  today: string;
  issuer: string;
  docNumber: string;
  rows: ExportRow[];
}): Promise<Uint8Array> {
  const { rows } = input;
  const total = rows.length;
  const closed = rows.filter((r) => r.status === 'closed').length;
  const late = rows.filter((r) => r.status === 'overdue');
  const returned = rows.filter((r) => r.status === 'returned');
  /** The rows of `list`, a numbered part per unit (（一）甲单位（2项）) with each row written as `item`. */
  const byUnit = (list: ExportRow[], item: (r: ExportRow) => string): Block[] => {
    const m = new Map<string, ExportRow[]>();
    for (const r of list) m.set(r.unitName, [...(m.get(r.unitName) ?? []), r]);
    return [...m].flatMap(([unit, of], i) => numberedPart(i + 1, `${unit}（${of.length}项）`, of.map(item)));
  };
  const tallies = tallyByUnit(rows.map((r) => ({ unitName: r.unitName, status: bulletinStatus(r.status) })));
  const { praised, criticised } = praiseAndCriticise(tallies);
  const title = `关于${input.year}年政务公开工作任务落实情况的通报`;
  return gongwenBulletin(
    {
      issuer: input.issuer,
      docNumber: input.docNumber,
      title,
      opening: `按照${quoteTitle(input.planTitle)}要求，现将截至${chineseDate(input.today)}任务落实情况通报如下。全区共分解任务 ${total} 项次，已销号 ${closed} 项次，逾期未完成 ${late.length} 项次，被退回 ${returned.length} 项次。`,
      requirements:
        '请上述单位高度重视，对照任务分工逐项整改，于5个工作日内通过政务公开平台报送整改情况。区政府办公室将持续跟踪督办，并将落实情况纳入年度政务公开考核。',
      date: input.today,
      annex: { title: '各单位任务落实情况统计表', table: statisticsTable(tallies) },
    },
    (h) => {
      const children: Block[] = [
        ...unitsSection(h, '予以通报表扬的单位', praised, '按时完成全部任务，予以通报表扬。'),
        ...unitsSection(h, '予以通报批评的单位', criticised, '有任务逾期未完成，予以通报批评。'),
      ];
      if (late.length)
        children.push(
          h('逾期未完成的任务'),
          ...byUnit(
            late,
            (r) =>
              `${r.ref}${r.period ? `（${periodLabel(r.period)}）` : ''} ${r.text}（完成时限：${r.dueDate ?? '—'}）`,
          ),
        );
      if (returned.length)
        children.push(
          h('被退回需整改的任务'),
          ...byUnit(returned, (r) => `${r.ref} ${r.text}（退回理由：${r.returnReason ?? '—'}）`),
        );
      if (!late.length && !returned.length) {
        children.push(h('总体情况'));
        children.push(body('截至目前，各单位均按时限推进，无逾期和被退回的任务。'));
      }
      return children;
    },
  );
}
