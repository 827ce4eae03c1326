// HTTP routes of the tasks module: import (preview / commit), ledger, progress, review, close-out, extensions,
// dashboard, exports. Handlers validate, authorise and call one service function.

import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { z } from 'zod';
import { chinaDate } from '../../../domain/calendar';
import { LEDGER_STATUSES } from '../../../domain/tasks/ledger';
import { workPlans } from '../../db/schema';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { uploadToBlocks } from '../../platform/documents/text';
import { notFound } from '../../platform/errors';
import { defineRoute, zDate, zPage, zUuid } from '../../platform/http/route';
import { DOCX_MIME, fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { bulletinDocx, ledgerXlsx } from './exports';
import { commitPlan, listPlans, previewImport } from './import.service';
import {
  ATTACHMENT_MAX_BYTES,
  allRows,
  closeOut,
  dashboard,
  decideExtension,
  getAssignment,
  latestPlanId,
  latestReports,
  leadReview,
  listExtensions,
  listLedger,
  readAttachment,
  reportProgress,
  requestExtension,
  returnAssignment,
  setDueDate,
  uploadAttachment,
} from './ledger.service';
import { getTasksSettings, putTasksSettings, setPlanCadence } from './settings.service';

const zCadence = z.enum(['week', 'month', 'quarter', 'year'], { message: '报送周期无效' });
const zDeadline = z.object({
  kind: z.enum(['date', 'recurring', 'continuous', 'relative'], { message: '时限类型无效' }),
  date: zDate.optional(),
  every: zCadence.optional(),
  times: z.number().int().min(1).max(1000).optional(),
  raw: z.string().max(500),
});
const zUnit = z.object({
  written: z.string().trim().min(1, '单位名称不能为空').max(100),
  unitIds: z.array(zUuid).max(500),
});
const zCommit = z.object({
  title: z.string().trim().min(1, '请填写标题').max(300),
  issuer: z.string().max(100).nullable().default(null),
  docNumber: z.string().max(60).nullable().default(null),
  date: zDate.nullable().default(null),
  year: z.number({ message: '请填写年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, '指纹无效'),
  cadence: zCadence.default('quarter'),
  replace: z.boolean().default(false),
  tasks: z
    .array(
      z.object({
        ref: z.string().trim().min(1).max(20),
        section: z.array(z.string().max(500)).max(10),
        text: z.string().trim().min(1, '任务内容不能为空').max(20000),
        measures: z.array(z.string().max(5000)).max(100),
        leadUnits: z.array(zUnit).max(100),
        responsibleUnits: z.array(zUnit).max(300),
        deadlines: z.array(zDeadline).max(50),
        disclosurePaths: z.array(z.array(z.string().max(200)).max(20)).max(20),
      }),
    )
    .min(1, '没有任务')
    .max(5000),
});
const zReason = z.string().trim().min(2, '请填写理由（至少 2 个字）').max(1000);

export function tasksRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, config } = p;
  const tag = '工作任务';
  const today = () => chinaDate(clock.now());

  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/import/preview',
    tag,
    summary: '上传任务分工通知并预览（不保存）',
    permission: 'tasks:plan:import',
    upload: true,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    handler: async ({ c, query }) =>
      previewImport(
        database.db,
        config.districtName,
        await uploadToBlocks(await readUpload(c, config.maxUploadBytes)),
        query.year,
      ),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/import/commit',
    tag,
    summary: '确认导入任务分工（全部成功或全部不导入）',
    permission: 'tasks:plan:import',
    body: zCommit,
    status: 201,
    handler: ({ c, user, body }) => commitPlan(database, actorOf(user, c), body),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/plans',
    tag,
    summary: '工作任务分工列表',
    permission: 'tasks:plan:list',
    handler: () => listPlans(database.db),
  });

  defineRoute(app, {
    method: 'put',
    path: '/api/tasks/plans/:id/cadence',
    tag,
    summary: '设定持续性任务的报送周期（尚无报送时重建周期任务）',
    permission: 'tasks:plan:import',
    body: z.object({ cadence: zCadence }),
    handler: ({ c, user, params, body }) =>
      setPlanCadence(database, actorOf(user, c), zUuid.parse(params.id), body.cadence),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/settings',
    tag,
    summary: '任务提醒设置',
    permission: 'tasks:plan:list',
    handler: () => getTasksSettings(database),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/tasks/settings',
    tag,
    summary: '修改任务提醒设置（到期前 N 个工作日提醒）',
    permission: 'tasks:plan:import',
    body: z.object({
      reminderDaysBefore: z
        .number({ message: '请填写天数' })
        .int()
        .min(1, '至少 1 个工作日')
        .max(30, '不超过 30 个工作日'),
    }),
    handler: ({ c, user, body }) => putTasksSettings(database, actorOf(user, c), body),
  });

  const ledgerQuery = z.object({
    ...zPage,
    planId: zUuid.optional(),
    unitId: zUuid.optional(),
    status: z.enum(LEDGER_STATUSES as [string, ...string[]], { message: '状态无效' }).optional(),
    view: z.enum(['mine', 'lead', 'all']).default('all'),
    keyword: z.string().trim().max(100).optional(),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/ledger',
    tag,
    summary: '任务台账（按数据范围：本单位承担的与本单位牵头的）',
    permission: 'tasks:ledger:list',
    query: ledgerQuery,
    handler: ({ user, query }) =>
      listLedger(
        database.db,
        user,
        { ...query, status: query.status as (typeof LEDGER_STATUSES)[number] | undefined },
        today(),
      ),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/assignments/:id',
    tag,
    summary: '任务详情（进展、延期记录、同任务各单位）',
    permission: 'tasks:ledger:list',
    handler: ({ user, params }) => getAssignment(database.db, user, zUuid.parse(params.id), today()),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/attachments',
    tag,
    summary: '上传进展附件',
    permission: 'tasks:progress:report',
    upload: true,
    status: 201,
    handler: async ({ c, user }) =>
      uploadAttachment(database, actorOf(user, c), user, await readUpload(c, ATTACHMENT_MAX_BYTES)),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/attachments/:id',
    tag,
    summary: '下载进展附件',
    permission: 'tasks:ledger:list',
    handler: async ({ user, params }) => {
      const f = await readAttachment(database.db, user, zUuid.parse(params.id));
      return fileResponse(f.bytes, f.name, f.mime);
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/assignments/:id/reports',
    tag,
    summary: '报送进展（completed=true 为报送完成，进入待审核）',
    permission: 'tasks:progress:report',
    status: 201,
    body: z.object({
      text: z.string().trim().min(2, '请填写进展情况（至少 2 个字）').max(5000),
      completed: z.boolean().default(false),
      links: z.array(z.string().trim().url('证明材料链接应为网址')).max(20).default([]),
      fileIds: z.array(zUuid).max(20).default([]),
    }),
    handler: async ({ c, user, params, body }) => {
      await reportProgress(database, actorOf(user, c), user, zUuid.parse(params.id), body, clock.now());
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/assignments/:id/review',
    tag,
    summary: '牵头单位审核完成报送',
    permission: 'tasks:progress:review',
    body: z.object({
      decision: z.enum(['approved', 'returned'], { message: '审核结论无效' }),
      note: z.string().trim().max(1000).default(''),
    }),
    handler: async ({ c, user, params, body }) => {
      await leadReview(
        database,
        actorOf(user, c),
        user,
        zUuid.parse(params.id),
        body.decision,
        body.note,
        clock.now(),
      );
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/assignments/:id/close',
    tag,
    summary: '销号',
    permission: 'tasks:assignment:close',
    handler: async ({ c, user, params }) => {
      await closeOut(database, actorOf(user, c), user, zUuid.parse(params.id), clock.now());
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/assignments/:id/return',
    tag,
    summary: '退回（须填写理由）',
    permission: 'tasks:assignment:close',
    body: z.object({ reason: zReason }),
    handler: async ({ c, user, params, body }) => {
      await returnAssignment(
        database,
        actorOf(user, c),
        user,
        zUuid.parse(params.id),
        body.reason,
        clock.now(),
      );
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/tasks/assignments/:id/due',
    tag,
    summary: '设定完成时限（事件触发类任务）',
    permission: 'tasks:assignment:close',
    body: z.object({ dueDate: zDate }),
    handler: async ({ c, user, params, body }) => {
      await setDueDate(database, actorOf(user, c), user, zUuid.parse(params.id), body.dueDate, clock.now());
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/assignments/:id/extensions',
    tag,
    summary: '申请延期',
    permission: 'tasks:extension:request',
    status: 201,
    body: z.object({ newDueDate: zDate, reason: zReason }),
    handler: async ({ c, user, params, body }) => {
      await requestExtension(
        database,
        actorOf(user, c),
        user,
        zUuid.parse(params.id),
        body.newDueDate,
        body.reason,
        clock.now(),
      );
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/extensions',
    tag,
    summary: '延期申请列表',
    permission: 'tasks:extension:approve',
    query: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() }),
    handler: ({ query }) => listExtensions(database.db, query.status),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/extensions/:id/decide',
    tag,
    summary: '审批延期申请',
    permission: 'tasks:extension:approve',
    body: z.object({
      decision: z.enum(['approved', 'rejected'], { message: '审批结论无效' }),
      note: z.string().trim().max(1000).default(''),
    }),
    handler: async ({ c, user, params, body }) => {
      await decideExtension(
        database,
        actorOf(user, c),
        zUuid.parse(params.id),
        body.decision,
        body.note,
        clock.now(),
      );
      return { ok: true };
    },
  });

  const zPlanQuery = z.object({ planId: zUuid.optional() });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/dashboard',
    tag,
    summary: '督办看板：按单位、按板块的完成与逾期',
    permission: 'tasks:dashboard:view',
    query: zPlanQuery,
    handler: async ({ user, query }) =>
      dashboard(database.db, user, query.planId ?? (await latestPlanId(database.db)), today()),
  });

  const planOf = async (planId: string | undefined) => {
    const id = planId ?? (await latestPlanId(database.db));
    const plan = id ? (await database.db.select().from(workPlans).where(eq(workPlans.id, id)))[0] : undefined;
    if (!plan) throw notFound('工作任务分工');
    return plan;
  };
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/export.xlsx',
    tag,
    summary: '导出任务台账（原表格式 + 状态、最新进展、销号日期）',
    permission: 'tasks:ledger:export',
    query: zPlanQuery,
    handler: async ({ user, query }) => {
      const plan = await planOf(query.planId);
      const rows = await allRows(database.db, user, plan.id, today());
      const tasks = await database.db.query.planTasks.findMany({
        where: (t, { eq: e }) => e(t.planId, plan.id),
        columns: { id: true, leadUnitsWritten: true, responsibleUnitsWritten: true },
      });
      const byTask = new Map(tasks.map((t) => [t.id, t]));
      const bytes = await ledgerXlsx(
        `${plan.title}（台账）`,
        rows.map((r) => ({
          ...r,
          leadWritten: byTask.get(r.taskId)?.leadUnitsWritten ?? [],
          responsibleWritten: byTask.get(r.taskId)?.responsibleUnitsWritten ?? [],
        })),
        await latestReports(
          database.db,
          rows.map((r) => r.id),
        ),
      );
      return fileResponse(bytes, `任务台账-${plan.year}.xlsx`, XLSX_MIME);
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/tasks/bulletin.docx',
    tag,
    summary: '生成督办通报（.docx 公文格式）',
    permission: 'tasks:bulletin:export',
    query: zPlanQuery,
    handler: async ({ user, query }) => {
      const plan = await planOf(query.planId);
      const rows = await allRows(database.db, user, plan.id, today());
      const bytes = await bulletinDocx({
        year: plan.year,
        planTitle: plan.title,
        today: today(),
        issuer: `${config.districtName.replace(/^.*?市/, '')}人民政府办公室`,
        rows,
      });
      return fileResponse(bytes, `政务公开工作任务落实情况通报-${today()}.docx`, DOCX_MIME);
    },
  });
}
