// Contracts of the 基层政务公开标准目录 (issue 13 part 1), mounted by the disclosure module: import with preview
// (all or nothing), versions with what changed, rows bound to units' catalog columns, the coverage check
// ("两张皮": rows with nothing published, or published late) and 整改 tasks in the ledger.
import { z } from 'zod';
import { AUDIENCES, LEVELS, METHODS } from '../domain/disclosure/directory';
import { endpoint, zCounts, zDate, zInstant, zUnitRef, zUuid } from './http';

const tag = '标准目录';

const text = (max: number) => z.string().max(max);

export const directoryRowInput = z.object({
  domain: text(100).min(1, '缺少领域'),
  otherDomain: text(100).nullable(),
  seq: text(20),
  level1: text(300).min(1, '缺少一级事项'),
  level2: text(300).min(1, '缺少二级事项'),
  content: text(5000),
  basis: text(5000),
  timeLimit: text(500),
  subject: text(500).min(1, '缺少公开主体'),
  channels: z.array(text(100)).max(30),
  audience: z.array(z.enum(AUDIENCES)).max(2),
  methods: z.array(z.enum(METHODS)).max(2),
  levels: z.array(z.enum(LEVELS)).min(1, '未标明公开层级').max(2),
  source: text(100),
});
const domainNote = z.object({ domain: text(100), note: text(2000) });
const changesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ key: z.string(), fields: z.array(z.string()) })),
});

const unitRef = z.object(zUnitRef);

export const directoryPreviewRow = directoryRowInput.extend({
  /** The 公开时限 in words as read ("每季度", "按原文：…"). */
  due: z.string(),
  /** The units the row binds to (县级 → departments named, 乡级 → 镇街). */
  units: z.array(unitRef),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const directoryPreviewSchema = z.object({
  rows: z.array(directoryPreviewRow),
  notApplicable: z.array(domainNote),
  /** Anything that stops the import (missing columns, unknown units, cross-domain merges). */
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
  /** Against the current version (动态调整). */
  changes: changesSchema,
  currentVersion: z.number().int().nullable(),
});
export type DirectoryPreview = z.output<typeof directoryPreviewSchema>;

export const directoryCommitInput = z.object({
  title: z.string().trim().min(1, '请填写目录名称').max(200),
  rows: z.array(directoryRowInput).min(1, '没有目录事项').max(5000, '一次最多导入 5000 条事项'),
  notApplicable: z.array(domainNote).max(100).default([]),
  /** Names the registry could not resolve, as the officer chose them: written name → unit ids. */
  unitMap: z.record(z.string().max(200), z.array(zUuid).max(100)).default({}),
});
export type DirectoryCommitInput = z.output<typeof directoryCommitInput>;

export const directoryVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  rowCount: z.number().int(),
  bindingCount: z.number().int(),
  notApplicable: z.array(domainNote),
  changes: changesSchema,
  importedAt: zInstant,
});
export type DirectoryVersion = z.output<typeof directoryVersionSchema>;

export const directoryRowSchema = directoryRowInput.extend({
  id: z.string(),
  due: z.string(),
  units: z.array(unitRef.extend({ columnId: z.string() })),
});
export type DirectoryRow = z.output<typeof directoryRowSchema>;

export const coverageQuery = z
  .object({ from: zDate, to: zDate, unitId: zUuid.optional() })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const COVERAGE_STATUSES = ['ok', 'missing', 'late', 'not_due'] as const;
export const COVERAGE_LABELS: Record<(typeof COVERAGE_STATUSES)[number], string> = {
  ok: '已按时公开',
  missing: '未公开',
  late: '超期公开',
  not_due: '未到期',
};

export const coverageRowSchema = z.object({
  rowId: z.string(),
  ...zUnitRef,
  domain: z.string(),
  level1: z.string(),
  level2: z.string(),
  timeLimit: z.string(),
  due: z.string(),
  status: z.enum(COVERAGE_STATUSES),
  notes: z.array(z.string()),
  items: z.array(z.object({ id: z.string(), title: z.string(), publishDate: z.string() })),
});
export type CoverageRow = z.output<typeof coverageRowSchema>;

export const coverageSummarySchema = z.object({
  ...zUnitRef,
  domain: z.string(),
  ...zCounts('total', 'ok', 'missing', 'late', 'notDue'),
});

export const coverageSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Nothing is due after this day (the period's end or today, whichever is earlier). */
  asOf: z.string(),
  version: z.number().int().nullable(),
  summary: z.array(coverageSummarySchema),
  rows: z.array(coverageRowSchema),
});
export type Coverage = z.output<typeof coverageSchema>;

export const rectifyInput = z
  .object({ from: zDate, to: zDate, dueDate: zDate })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const directoryApi = {
  preview: endpoint({
    method: 'post',
    path: '/api/disclosure/directory/preview',
    tag,
    summary: '上传标准目录（.xlsx/.docx）并预览（不保存）',
    permission: 'disclosure:catalog:update',
    upload: true,
    response: directoryPreviewSchema,
  }),
  commit: endpoint({
    method: 'post',
    path: '/api/disclosure/directory/commit',
    tag,
    summary: '保存标准目录为新版本（全部成功或全部不保存）',
    permission: 'disclosure:catalog:update',
    body: directoryCommitInput,
    status: 201,
    response: directoryVersionSchema,
  }),
  versions: endpoint({
    method: 'get',
    path: '/api/disclosure/directory/versions',
    tag,
    summary: '标准目录各版本及其调整内容',
    permission: 'disclosure:catalog:list',
    response: z.array(directoryVersionSchema),
  }),
  rows: endpoint({
    method: 'get',
    path: '/api/disclosure/directory/rows',
    tag,
    summary: '现行标准目录事项及其对应单位栏目（可按单位）',
    permission: 'disclosure:catalog:list',
    query: z.object({ unitId: zUuid.optional() }),
    response: z.array(directoryRowSchema),
  }),
  coverage: endpoint({
    method: 'get',
    path: '/api/disclosure/directory/coverage',
    tag,
    summary: '标准目录覆盖检查：各单位、各领域未公开和超期公开事项',
    permission: 'disclosure:catalog:list',
    query: coverageQuery,
    response: coverageSchema,
  }),
  rectify: endpoint({
    method: 'post',
    path: '/api/disclosure/directory/rectify',
    tag,
    summary: '把覆盖检查发现的问题下发为整改任务（任务台账）',
    permission: 'disclosure:catalog:update',
    body: rectifyInput,
    status: 201,
    response: z.object({ planId: z.string(), taskCount: z.number().int() }),
  }),
};
