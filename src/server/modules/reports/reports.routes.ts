import type { Hono } from 'hono';
import { z } from 'zod';
import { reportLayout } from '../../../domain/requests/annual-report';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { defineRoute, zUuid } from '../../platform/http/route';
import { DOCX_MIME, fileResponse } from '../../platform/http/upload';
import {
  buildReport,
  getReport,
  overview,
  publishReport,
  reportDocx,
  reportHtml,
  saveReport,
} from './reports.service';

// Table 二 cells: integers ≥ 0, the fee amount (万元) may be a decimal (REGULATIONS AR-6).
const zCount = z.number({ message: '请填写数字' }).int('应为整数').min(0, '不能为负数');
const zIssued = z.object({ issued: zCount, abolished: zCount, in_force: zCount });
const zTable2 = z.object({
  art20_1: z.object({ regulations: zIssued, normative_docs: zIssued }),
  art20_5: z.object({ licensing: z.object({ decisions: zCount }) }),
  art20_6: z.object({
    penalty: z.object({ decisions: zCount }),
    compulsion: z.object({ decisions: zCount }),
  }),
  art20_8: z.object({
    fees: z.object({ amount_wan_yuan: z.number({ message: '请填写数字' }).min(0, '不能为负数') }),
  }),
});
const zYear = z.coerce.number().int('年份无效').min(2008, '年份无效').max(2100, '年份无效');

export function reportsRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const tag = '年度报告';
  const params = (raw: Record<string, string>) => ({
    unitId: zUuid.parse(raw.unitId),
    year: zYear.parse(raw.year),
  });

  defineRoute(app, {
    method: 'get',
    path: '/api/reports',
    tag,
    summary: '各单位年度报告及校验状态',
    permission: 'reports:report:list',
    query: z.object({ year: zYear }),
    handler: ({ user, query }) => overview(database, user, query.year),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/reports/:unitId/:year',
    tag,
    summary: '年度报告（表三、表四由申请和复议诉讼记录计算）',
    permission: 'reports:report:list',
    handler: ({ user, params: raw }) => {
      const { unitId, year } = params(raw);
      return getReport(database, user, unitId, year);
    },
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/reports/:unitId/:year',
    tag,
    summary: '保存年度报告（表二与文字部分）',
    permission: 'reports:report:update',
    body: z.object({
      table2: zTable2,
      overview: z.string().max(20000),
      problems: z.string().max(20000),
      otherMatters: z.string().max(20000),
    }),
    handler: async ({ c, user, params: raw, body }) => {
      const { unitId, year } = params(raw);
      await saveReport(database, actorOf(user, c), user, unitId, year, body);
      return getReport(database, user, unitId, year);
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/reports/:unitId/:year/publish',
    tag,
    summary: '发布到门户“政府信息公开年报”栏目',
    permission: 'reports:report:publish',
    handler: async ({ c, user, params: raw }) => {
      const { unitId, year } = params(raw);
      await publishReport(database, actorOf(user, c), user, unitId, year);
      return getReport(database, user, unitId, year);
    },
  });
  for (const format of ['docx', 'html'] as const) {
    defineRoute(app, {
      method: 'get',
      path: `/api/reports/:unitId/:year/export.${format}`,
      tag,
      summary: `导出年度报告（.${format}）`,
      permission: 'reports:report:list',
      handler: async ({ user, params: raw }) => {
        const { unitId, year } = params(raw);
        await getReport(database, user, unitId, year); // scope check
        const { report } = await buildReport(database, unitId, year);
        const layout = reportLayout(report);
        const name = `${layout.title}.${format}`;
        if (format === 'docx') return fileResponse(await reportDocx(layout), name, DOCX_MIME);
        const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${layout.title}</title></head><body>${reportHtml(layout)}</body></html>`;
        return fileResponse(new TextEncoder().encode(html), name, 'text/html; charset=utf-8');
      },
    });
  }
}
