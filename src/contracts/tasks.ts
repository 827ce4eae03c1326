// Contracts of the tasks module (work plans, ledger, reminders, supervision): request and response schemas and the
// `tasksApi` endpoints. Shared by server, OpenAPI and console.
import { z } from 'zod';
import { DEADLINE_KIND_LABELS, type Deadline } from '../domain/tasks/deadlines';
import {
  ASSIGNMENT_STATES,
  type AssignmentState,
  CADENCE_LABELS,
  type Cadence,
  LEDGER_STATUSES,
  type LedgerStatus,
} from '../domain/tasks/ledger';
import { COLUMN_ROLES, type ParsedPlan } from '../domain/tasks/notice';
import {
  endpointsOf,
  settingsEndpoints,
  zCounts,
  zDate,
  zEnumOf,
  zFile,
  zInstant,
  zKeyword,
  zOk,
  zPage,
  zPaged,
  zQueryFlag,
  zStoredFile,
  zUnitRef,
  zUuid,
  zWebUrl,
} from './http';
import { zUnitNameMatch } from './org';

export type { AssignmentState, Cadence, Deadline, LedgerStatus, ParsedPlan };

const tag = '工作任务';
const api = endpointsOf(tag);

const zLedgerStatus = z.enum(LEDGER_STATUSES, { message: '状态无效' });
const zCadence = zEnumOf(CADENCE_LABELS, '报送周期无效');
const zDeadline = z.object({
  kind: zEnumOf(DEADLINE_KIND_LABELS, '时限类型无效'),
  date: zDate.optional(),
  every: zCadence.optional(),
  times: z.number().int().min(1).max(1000).optional(),
  raw: z.string().max(500),
});

// ---- import ----

const zPlanTask = z.object({
  ref: z.string(),
  section: z.array(z.string()),
  text: z.string(),
  measures: z.array(z.string()),
  leadUnits: z.array(z.string()),
  responsibleUnits: z.array(z.string()),
  deadlines: z.array(zDeadline),
  disclosurePaths: z.array(z.array(z.string())),
  source: z.string(),
});
export const parsedPlanSchema = z.object({
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  tasks: z.array(zPlanTask),
  warnings: z.array(z.object({ ref: z.string(), source: z.string(), message: z.string() })),
});

/** How one written unit name maps to registered units (for the preview). */
export const unitNameMatchSchema = z.object({
  ...zUnitNameMatch,
  groupName: z.string().optional(),
  /** For a group: its members (expanded at commit); needsChoice: candidates the officer picks from. */
  memberUnitIds: z.array(z.string()).optional(),
  needsChoice: z.boolean().optional(),
  warnings: z.array(z.string()),
});
export type UnitNameMatch = z.output<typeof unitNameMatchSchema>;

export const duplicatePlanSchema = z.object({
  planId: z.string(),
  title: z.string(),
  /** true when no unit has reported on it yet: it may be replaced. */
  replaceable: z.boolean(),
});
export type DuplicatePlan = z.output<typeof duplicatePlanSchema>;

/** A table's first rows, for the officer to say what its columns hold (when the parser did not know, or erred). */
export const tablePreviewSchema = z.object({
  table: z.number().int(),
  name: z.string().nullable(),
  width: z.number().int(),
  rowCount: z.number().int(),
  rows: z.array(z.array(z.string())),
  headerRows: z.number().int(),
  roles: z.array(z.enum(COLUMN_ROLES)).nullable(),
  guess: z.array(z.enum(COLUMN_ROLES)).nullable(),
});
export type TablePreview = z.output<typeof tablePreviewSchema>;

/** The officer's reading of a table: which table, how many header rows, what each column holds. */
export const manualColumnsSchema = z
  .object({
    table: z.number({ message: '请选择表格' }).int().min(1, '表格序号无效').max(1000, '表格序号无效'),
    headerRows: z
      .number({ message: '请填写表头行数' })
      .int()
      .min(0, '表头行数无效')
      .max(20, '表头行数不能超过 20'),
    roles: z
      .array(z.enum(COLUMN_ROLES, { message: '列的用途无效' }))
      .min(1)
      .max(100),
  })
  .refine((c) => c.roles.filter((r) => r === 'task').length === 1, {
    message: '请指定一列为“工作任务”（只能一列）',
    path: ['roles'],
  });
export type ManualColumnsBody = z.output<typeof manualColumnsSchema>;

/** The same, in an upload's query string (JSON, as the console sends it). */
const zColumnsQuery = z
  .string()
  .max(4000, '列的指定过长')
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: '列的指定格式无效' });
      return z.NEVER;
    }
  })
  .pipe(manualColumnsSchema)
  .optional();

export const importPreviewSchema = z.object({
  plan: parsedPlanSchema,
  fingerprint: z.string(),
  /** One entry per distinct written name across all tasks. */
  units: z.array(unitNameMatchSchema),
  duplicate: duplicatePlanSchema.nullable(),
  /** The notice's tables (first rows), for naming their columns by hand. */
  tables: z.array(tablePreviewSchema),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

/** Kinds a unit created from an import preview may have (always under the district government). */
export const IMPORT_UNIT_KINDS = ['department', 'township'] as const;
export type ImportUnitKind = (typeof IMPORT_UNIT_KINDS)[number];

/**
 * A written unit name and the registered units it stands for (groups expanded, 有关部门 picked), or what the
 * officer decided for a name the registry lacks: `skip` it (no unit takes the task for it), `create` it in the
 * registry with its kind, or stand for the members of a chosen unit group (`groupId`, "区级其他有关部门").
 */
const zCommitUnit = z
  .object({
    written: z.string().trim().min(1, '单位名称不能为空').max(100),
    unitIds: z.array(zUuid).max(500),
    skip: z.boolean().optional(),
    create: z
      .object({
        kind: z.enum(IMPORT_UNIT_KINDS, { message: '请选择单位类型（部门或镇街）' }),
        name: z.string().trim().min(2, '单位名称至少 2 个字').max(60).optional(),
      })
      .optional(),
    groupId: zUuid.optional(),
  })
  .refine((u) => [u.skip === true, !!u.create, !!u.groupId].filter(Boolean).length <= 1, {
    message: '同一单位只能选择一种处理：跳过、新建或选择分组',
  });
export type CommitUnit = z.output<typeof zCommitUnit>;

const zCommitTask = z.object({
  ref: z.string().trim().min(1).max(20),
  section: z.array(z.string().max(500)).max(10),
  text: z.string().trim().min(1, '任务内容不能为空').max(20000),
  measures: z.array(z.string().max(5000)).max(100),
  leadUnits: z.array(zCommitUnit).max(100),
  responsibleUnits: z.array(zCommitUnit).max(300),
  deadlines: z.array(zDeadline).max(50),
  disclosurePaths: z.array(z.array(z.string().max(200)).max(20)).max(20),
});
export type CommitTask = z.output<typeof zCommitTask>;

export const commitPlanSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(300),
  issuer: z.string().max(100).nullable().default(null),
  docNumber: z.string().max(60).nullable().default(null),
  date: zDate.nullable().default(null),
  year: z.number({ message: '请填写年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, '指纹无效'),
  cadence: zCadence.default('quarter'),
  replace: z.boolean().default(false),
  tasks: z.array(zCommitTask).min(1, '没有任务').max(5000),
});
export type CommitPlanBody = z.output<typeof commitPlanSchema>;

export const workPlanSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  date: z.string().nullable(),
  year: z.number().int(),
  cadence: zCadence,
  taskCount: z.number().int(),
  assignmentCount: z.number().int(),
  createdAt: zInstant,
});
export type WorkPlanSummary = z.output<typeof workPlanSummarySchema>;

export const tasksSettingsSchema = z.object({
  reminderDaysBefore: z
    .number({ message: '请填写天数' })
    .int()
    .min(1, '至少 1 个工作日')
    .max(30, '不超过 30 个工作日'),
  /** 通报's 机关代字 (潼府办) and the number the next one takes (潼府办〔2026〕12号). */
  bulletinAgencyCode: z.string().trim().min(1, '请填写机关代字').max(20).optional(),
  bulletinNextNumber: z.number().int().min(1).max(9999).optional(),
});
export type TasksSettings = z.output<typeof tasksSettingsSchema>;

// ---- ledger ----

export type LedgerView = 'mine' | 'lead' | 'all';
export const ledgerQuerySchema = z.object({
  ...zPage,
  planId: zUuid.optional(),
  unitId: zUuid.optional(),
  status: zLedgerStatus.optional(),
  view: z.enum(['mine', 'lead', 'all']).default('all'),
  keyword: zKeyword,
});

/** The task a ledger row is of: its plan, number, section and text. */
const zTaskOf = {
  taskId: z.string(),
  planId: z.string(),
  ref: z.string(),
  section: z.array(z.string()),
  text: z.string(),
};

/** One unit's assignment of a task (a sub-row). */
export const taskLedgerUnitSchema = z.object({
  id: z.string(),
  ...zUnitRef,
  isLead: z.boolean(),
  period: z.string().nullable(),
  dueDate: z.string().nullable(),
  state: z.enum(ASSIGNMENT_STATES),
  status: zLedgerStatus,
  lastReportAt: zInstant.nullable(),
  closedAt: zInstant.nullable(),
});
export type TaskLedgerUnit = z.output<typeof taskLedgerUnitSchema>;

/** A row of the ledger: one unit's assignment with its task and the lead unit's review. */
export const ledgerRowSchema = taskLedgerUnitSchema.extend({
  ...zTaskOf,
  deadlineRaw: z.string(),
  leadReview: z.enum(['approved', 'returned']).nullable(),
  returnReason: z.string().nullable(),
});
export type LedgerRow = z.output<typeof ledgerRowSchema>;

export const progressReportSchema = z.object({
  id: z.string(),
  text: z.string(),
  completed: z.boolean(),
  links: z.array(z.string()),
  attachments: z.array(zStoredFile),
  reportedBy: z.string().nullable(),
  reportedAt: zInstant,
});
export type ProgressReport = z.output<typeof progressReportSchema>;

export const extensionRequestSchema = z.object({
  id: z.string(),
  oldDueDate: z.string().nullable(),
  newDueDate: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string().nullable(),
  requestedAt: zInstant,
  decidedBy: z.string().nullable(),
  decidedAt: zInstant.nullable(),
  decisionNote: z.string().nullable(),
});
export type ExtensionRequest = z.output<typeof extensionRequestSchema>;

export const extensionListItemSchema = extensionRequestSchema.extend({
  assignmentId: z.string(),
  unitName: z.string(),
  ref: z.string(),
  text: z.string(),
});
export type ExtensionListItem = z.output<typeof extensionListItemSchema>;

export const assignmentDetailSchema = ledgerRowSchema.extend({
  measures: z.array(z.string()),
  deadlines: z.array(zDeadline),
  disclosurePaths: z.array(z.array(z.string())),
  leadUnitsWritten: z.array(z.string()),
  responsibleUnitsWritten: z.array(z.string()),
  leadReviewNote: z.string().nullable(),
  reports: z.array(progressReportSchema),
  extensions: z.array(extensionRequestSchema),
  /** Other units' assignments of the same task (shown to the lead unit and the office). */
  siblings: z.array(
    z.object({
      id: z.string(),
      unitName: z.string(),
      isLead: z.boolean(),
      period: z.string().nullable(),
      status: zLedgerStatus,
    }),
  ),
  /** What the caller may do now. */
  can: z.object({ report: z.boolean(), review: z.boolean(), close: z.boolean(), extend: z.boolean() }),
});
export type AssignmentDetail = z.output<typeof assignmentDetailSchema>;

const zReason = z.string().trim().min(2, '请填写理由（至少 2 个字）').max(1000);

export const reportProgressSchema = z.object({
  text: z.string().trim().min(2, '请填写进展情况（至少 2 个字）').max(5000),
  completed: z.boolean().default(false),
  links: z.array(zWebUrl('证明材料链接应为 http:// 或 https:// 开头的网址')).max(20).default([]),
  fileIds: z.array(zUuid).max(20).default([]),
});

// ---- ledger by task (issue 14 part 6) ----

export const taskLedgerQuerySchema = z
  .object({
    ...zPage,
    /** The plan shown; the latest one when absent. */
    planId: zUuid.optional(),
    unitId: zUuid.optional(),
    status: zLedgerStatus.optional(),
    dueFrom: zDate.optional(),
    dueTo: zDate.optional(),
    keyword: zKeyword,
  })
  .refine((q) => !q.dueFrom || !q.dueTo || q.dueFrom <= q.dueTo, {
    message: '截止日期范围无效：起始日期晚于结束日期',
    path: ['dueTo'],
  });
export type TaskLedgerQuery = z.output<typeof taskLedgerQuerySchema>;

export const taskLedgerRowSchema = z.object({
  ...zTaskOf,
  measures: z.array(z.string()),
  deadlineRaw: z.string(),
  leadUnitsWritten: z.array(z.string()),
  responsibleUnitsWritten: z.array(z.string()),
  /** The task's status and progress over every assignment the viewer may see. */
  status: zLedgerStatus,
  progress: z.object({ ...zCounts('total', 'closed', 'submitted', 'overdue'), percent: z.number().int() }),
  /** Sub-rows: the assignments that match the filters. */
  units: z.array(taskLedgerUnitSchema),
  /** 回头看: the earlier plan's task this one was carried over from. */
  carriedFrom: z
    .object({ taskId: z.string(), year: z.number().int(), ref: z.string(), planTitle: z.string() })
    .nullable(),
  closedAt: zInstant.nullable(),
  closeNote: z.string().nullable(),
  closeEvidence: zStoredFile.nullable(),
});
export type TaskLedgerRow = z.output<typeof taskLedgerRowSchema>;

export const taskLedgerPageSchema = zPaged(taskLedgerRowSchema).extend({
  plan: z.object({ id: z.string(), title: z.string(), year: z.number().int() }).nullable(),
});
export type TaskLedgerPage = z.output<typeof taskLedgerPageSchema>;

const zAssignmentIds = z
  .array(zUuid, { message: '请选择任务' })
  .min(1, '请至少选择一项')
  .max(2000, '一次最多 2000 项');

export const bulkRemindSchema = z.object({
  ids: zAssignmentIds,
  note: z.string().trim().max(500).default(''),
});
export const bulkExtendSchema = z.object({
  ids: zAssignmentIds,
  newDueDate: zDate,
  reason: zReason,
});
export const bulkResultSchema = z.object({ count: z.number().int() });

export const carryOverSchema = z.object({
  targetPlanId: zUuid,
  /** Due date of the carried tasks' assignments; without it they wait for the office to set one. */
  dueDate: zDate.optional(),
});
export const carryOverResultSchema = z.object({ tasks: z.number().int(), assignments: z.number().int() });

export const closeTaskQuerySchema = z.object({
  note: z.string({ message: '请填写销号说明' }).trim().min(2, '请填写销号说明（至少 2 个字）').max(1000),
});

// ---- supervision ----

export const dashboardBucketSchema = z.object({
  key: z.string(),
  label: z.string(),
  ...zCounts('total', 'closed', 'overdue', 'submitted', 'returned'),
});
export type DashboardBucket = z.output<typeof dashboardBucketSchema>;
export const dashboardSchema = z.object({
  today: z.string(),
  totals: z.record(zLedgerStatus, z.number().int()),
  byUnit: z.array(dashboardBucketSchema),
  bySection: z.array(dashboardBucketSchema),
});
export type Dashboard = z.output<typeof dashboardSchema>;

const planQuery = z.object({ planId: zUuid.optional() });

const settings = settingsEndpoints(
  api,
  '/api/tasks/settings',
  tasksSettingsSchema,
  { summary: '任务提醒设置', permission: 'tasks:plan:list' },
  { summary: '修改任务提醒设置（到期前 N 个工作日提醒）', permission: 'tasks:plan:import' },
);

export const tasksApi = {
  importPreview: api.post(
    '/api/tasks/import/preview',
    '上传任务分工通知并预览（不保存）',
    'tasks:plan:import',
    {
      upload: true,
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        columns: zColumnsQuery,
        /** Read the numbered items as tasks, the units to be filled in (a plan that names none). */
        items: zQueryFlag,
      }),
      response: importPreviewSchema,
    },
  ),
  importPreviewText: api.post(
    '/api/tasks/import/preview-text',
    '粘贴任务分工通知文字并预览（不保存）',
    'tasks:plan:import',
    {
      body: z.object({
        text: z
          .string({ message: '请粘贴通知文字' })
          .trim()
          .min(1, '请粘贴通知文字')
          .max(2_000_000, '粘贴的文字过长（上限 200 万字）'),
        year: z.number().int().min(2000, '年度无效').max(2100, '年度无效').optional(),
        columns: manualColumnsSchema.optional(),
        items: z.boolean().optional(),
      }),
      response: importPreviewSchema,
    },
  ),
  importCommit: api.post(
    '/api/tasks/import/commit',
    '确认导入任务分工（全部成功或全部不导入）',
    'tasks:plan:import',
    { body: commitPlanSchema, status: 201, response: workPlanSummarySchema },
  ),
  plans: api.get('/api/tasks/plans', '工作任务分工列表', 'tasks:plan:list', {
    response: z.array(workPlanSummarySchema),
  }),
  setCadence: api.put(
    '/api/tasks/plans/:id/cadence',
    '设定持续性任务的报送周期（尚无报送时重建周期任务）',
    'tasks:plan:import',
    {
      body: z.object({ cadence: zCadence }),
      response: z.object({ tasks: z.number().int(), assignments: z.number().int() }),
    },
  ),
  getSettings: settings.get,
  putSettings: settings.put,
  ledger: api.get(
    '/api/tasks/ledger',
    '任务台账（按数据范围：本单位承担的与本单位牵头的）',
    'tasks:ledger:list',
    { query: ledgerQuerySchema, response: zPaged(ledgerRowSchema) },
  ),
  assignment: api.get(
    '/api/tasks/assignments/:id',
    '任务详情（进展、延期记录、同任务各单位）',
    'tasks:ledger:list',
    { response: assignmentDetailSchema },
  ),
  uploadAttachment: api.post('/api/tasks/attachments', '上传进展附件', 'tasks:progress:report', {
    upload: true,
    status: 201,
    response: zStoredFile,
  }),
  attachment: api.get('/api/tasks/attachments/:id', '下载进展附件', 'tasks:ledger:list', { response: zFile }),
  report: api.post(
    '/api/tasks/assignments/:id/reports',
    '报送进展（completed=true 为报送完成，进入待审核）',
    'tasks:progress:report',
    { status: 201, body: reportProgressSchema, response: zOk },
  ),
  review: api.post('/api/tasks/assignments/:id/review', '牵头单位审核完成报送', 'tasks:progress:review', {
    body: z.object({
      decision: z.enum(['approved', 'returned'], { message: '审核结论无效' }),
      note: z.string().trim().max(1000).default(''),
    }),
    response: zOk,
  }),
  close: api.post('/api/tasks/assignments/:id/close', '销号', 'tasks:assignment:close', { response: zOk }),
  return: api.post('/api/tasks/assignments/:id/return', '退回（须填写理由）', 'tasks:assignment:close', {
    body: z.object({ reason: zReason }),
    response: zOk,
  }),
  setDue: api.put(
    '/api/tasks/assignments/:id/due',
    '设定完成时限（事件触发类任务）',
    'tasks:assignment:close',
    { body: z.object({ dueDate: zDate }), response: zOk },
  ),
  requestExtension: api.post('/api/tasks/assignments/:id/extensions', '申请延期', 'tasks:extension:request', {
    status: 201,
    body: z.object({ newDueDate: zDate, reason: zReason }),
    response: zOk,
  }),
  extensions: api.get('/api/tasks/extensions', '延期申请列表', 'tasks:extension:approve', {
    query: z.object({ status: extensionRequestSchema.shape.status.optional() }),
    response: z.array(extensionListItemSchema),
  }),
  decideExtension: api.post('/api/tasks/extensions/:id/decide', '审批延期申请', 'tasks:extension:approve', {
    body: z.object({
      decision: z.enum(['approved', 'rejected'], { message: '审批结论无效' }),
      note: z.string().trim().max(1000).default(''),
    }),
    response: zOk,
  }),
  taskLedger: api.get(
    '/api/tasks/ledger/tasks',
    '按任务的台账：每项任务一行，各承担单位为子行（状态、进度）',
    'tasks:ledger:list',
    { query: taskLedgerQuerySchema, response: taskLedgerPageSchema },
  ),
  bulkRemind: api.post(
    '/api/tasks/ledger/remind',
    '批量催办（主管部门：全部；牵头单位：本单位牵头任务的各承担单位）',
    'tasks:assignment:remind',
    { body: bulkRemindSchema, response: bulkResultSchema },
  ),
  bulkExtend: api.post(
    '/api/tasks/ledger/extend',
    '批量延期（调整所选未完成任务的完成时限，须填写理由）',
    'tasks:assignment:close',
    { body: bulkExtendSchema, response: bulkResultSchema },
  ),
  carryOver: api.post(
    '/api/tasks/plans/:id/carry-over',
    '回头看：把未完成任务（连同未完成的承担单位）转入下一年度的工作任务分工',
    'tasks:plan:import',
    { status: 201, body: carryOverSchema, response: carryOverResultSchema },
  ),
  closeTask: api.post(
    '/api/tasks/plan-tasks/:id/close',
    '任务整体销号（上传证明材料，note 为销号说明）',
    'tasks:assignment:close',
    { upload: true, query: closeTaskQuerySchema, response: zOk },
  ),
  dashboard: api.get('/api/tasks/dashboard', '督办看板：按单位、按板块的完成与逾期', 'tasks:dashboard:view', {
    query: planQuery,
    response: dashboardSchema,
  }),
  exportLedger: api.get(
    '/api/tasks/export.xlsx',
    '导出任务台账（原表格式 + 状态、最新进展、销号日期）',
    'tasks:ledger:export',
    { query: planQuery, response: zFile },
  ),
  bulletin: api.get(
    '/api/tasks/bulletin.docx',
    '生成督办通报（.docx 公文格式；文号取设置中的机关代字和下一个编号，或 number 参数）',
    'tasks:bulletin:export',
    {
      query: planQuery.extend({ number: z.coerce.number().int().min(1).max(9999).optional() }),
      response: zFile,
    },
  ),
};
