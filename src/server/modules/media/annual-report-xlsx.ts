// The 政府网站工作年度报表 as .xlsx: one report in the national layout (a title row, then each group as a merged
// header row followed by its 指标/数值 rows, the 政务新媒体 accounts under 移动新媒体), and the summary of every
// site of the year (one row a site, one column a field).
import ExcelJS from 'exceljs';
import {
  formatValue,
  REPORT_FIELDS,
  REPORT_GROUP_LABELS,
  REPORT_GROUPS,
  REPORT_STATUS_LABELS,
} from '../../../domain/media/annual-report';
import { writeTable } from '../../platform/xlsx';
import type { ReportView } from './annual-reports';

const label = (f: { label: string; unit: string; sub: boolean }) =>
  `${f.sub ? '    其中：' : ''}${f.label}${f.unit ? `（${f.unit}）` : ''}`;

const STATE_LABELS = { none: '未填报', ...REPORT_STATUS_LABELS } as const;

export async function reportXlsx(r: ReportView): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet(`${r.year}年度报表`);
  ws.columns = [{ width: 52 }, { width: 48 }];
  const title = ws.addRow([`政府网站工作年度报表（${r.year}年度）`]);
  ws.mergeCells(title.number, 1, title.number, 2);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const head = ws.addRow(['指标', '数值']);
  head.font = { bold: true };
  for (const g of REPORT_GROUPS) {
    const row = ws.addRow([REPORT_GROUP_LABELS[g]]);
    ws.mergeCells(row.number, 1, row.number, 2);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    for (const f of r.fields.filter((x) => x.group === g))
      ws.addRow([label(f), formatValue(f, f.value ?? undefined)]);
    if (g === 'mobile')
      for (const a of r.accounts) {
        ws.addRow([`${a.platform}“${a.name}”：信息发布量（条）`, String(a.posts)]);
        ws.addRow([
          `${a.platform}“${a.name}”：关注量/订阅数（个）`,
          a.followers === null ? '' : String(a.followers),
        ]);
      }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const COLUMNS = REPORT_FIELDS.filter((f) => f.group !== 'header' || !['siteName', 'sponsor'].includes(f.key));

export function summaryXlsx(year: number, reports: ReportView[]): Promise<Uint8Array> {
  return writeTable(
    `${year}年度报表汇总`,
    [
      '网站名称',
      '主办单位',
      '状态',
      '截止日期',
      ...COLUMNS.map((f) => `${f.label}${f.unit ? `（${f.unit}）` : ''}`),
      '政务新媒体账号数',
      '政务新媒体信息发布量（条）',
    ],
    reports.map((r) => {
      const byKey = new Map(r.fields.map((f) => [f.key, f]));
      return [
        r.websiteName,
        r.unitName,
        `${STATE_LABELS[r.status]}${r.overdue ? '（逾期）' : ''}`,
        r.due,
        ...COLUMNS.map((f) => {
          const v = byKey.get(f.key)?.value;
          return typeof v === 'number' ? v : formatValue(f, v ?? undefined);
        }),
        r.accounts.length,
        r.accounts.reduce((a, x) => a + x.posts, 0),
      ];
    }),
  );
}
