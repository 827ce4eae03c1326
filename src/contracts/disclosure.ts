// API shapes of the disclosure module (issue 5). Permission codes disclosure:* (permissions.ts).
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');
const optDate = isoDate.nullable().optional();

export const columnInput = z.object({
  /** The catalog's unit; for a sub-column it follows from the parent. */
  unitId: z.string().uuid('单位编号不正确').optional(),
  name: z.string().trim().min(1, '请填写栏目名称').max(60, '栏目名称过长'),
  parentId: z.string().uuid('上级栏目编号不正确').nullable().optional(),
  sort: z.number().int().optional(),
  /** Also add it under the same path in every other unit's catalog. */
  allUnits: z.boolean().optional(),
});
export type ColumnInput = z.infer<typeof columnInput>;

export const pathInput = z.object({
  unitId: z.string().uuid('单位编号不正确').optional(),
  path: z.string().trim().min(1, '请填写公开路径').max(300, '公开路径过长'),
  create: z.boolean().optional(),
});

export const itemInput = z.object({
  kind: z.enum(['general', 'normative', 'interpretation']).default('general'),
  unitId: z.string().uuid('单位编号不正确').optional(),
  columnId: z.string().uuid('栏目编号不正确').nullable().optional(),
  title: z.string().trim().min(1, '请填写标题').max(200, '标题过长'),
  docNumber: z.string().trim().max(100).nullable().optional(),
  writtenDate: optDate,
  formedDate: optDate,
  publishDate: optDate,
  topic: z.string().trim().max(60).nullable().optional(),
  art20: z
    .string()
    .regex(/^art20_(?:[1-9]|1[0-5])$/, '第二十条类别不正确')
    .nullable()
    .optional(),
  summary: z.string().max(2000, '内容概述过长').optional(),
  bodyHtml: z.string().max(2_000_000, '正文过长').optional(),
  publishAt: z.string().datetime({ offset: true, message: '预定发布时间格式不正确' }).nullable().optional(),
  validity: z.enum(['in_force', 'expired', 'repealed']).nullable().optional(),
  effectiveDate: optDate,
  expiryDate: optDate,
  repealedDate: optDate,
  repealedById: z.string().uuid().nullable().optional(),
  replacedById: z.string().uuid().nullable().optional(),
  policyRootId: z.string().uuid('所解读政策编号不正确').nullable().optional(),
  interpretationForm: z.enum(['text', 'graphic', 'video', 'qa']).nullable().optional(),
  needsInterpretation: z.boolean().optional(),
});
export type ItemInput = z.infer<typeof itemInput>;

export const commentInput = z.object({ comment: z.string().trim().max(1000, '意见过长').optional() });
export const reasonInput = z.object({ reason: z.string().trim().min(2, '请填写理由').max(1000, '理由过长') });
export const overrideInput = z.object({
  key: z.string().min(1, '请选择检查项'),
  reason: z.string().trim().min(2, '请填写放行理由').max(1000, '理由过长'),
});
export const maskInput = z.object({ keys: z.array(z.string()).optional() });

export const itemListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  status: z.string().optional(),
  kind: z.enum(['general', 'normative', 'interpretation']).optional(),
  q: z.string().optional(),
  unitId: z.string().uuid().optional(),
  inbox: z.enum(['1', 'true']).optional(),
});

export const settingsInput = z.object({
  indexRule: z.string().trim().min(1).max(100).optional(),
  distinctReviewers: z.boolean().optional(),
  requireInterpretation: z.boolean().optional(),
  sensitiveWords: z.array(z.string().trim().min(1)).max(5000).optional(),
});
export const unitSettingsInput = z.object({
  reviewLevels: z.array(z.string().trim().min(1).max(20)).min(1, '至少一级审核').max(5, '最多五级审核'),
  indexCode: z.string().trim().max(40).nullable().optional(),
});

// 政府信息公开指南 of a unit, the minimum content of 条例 Art. 12 (REGULATIONS.md §1.1): how information is
// classified and obtained, and the 工作机构's name, address, hours, phone, fax and internet contact.
const guideText = (max: number) => z.string().trim().max(max);
export const unitGuideInput = z.object({
  classification: guideText(4000).min(1, '请填写政府信息的分类与编排'),
  howToObtain: guideText(4000).min(1, '请填写获取政府信息的方式'),
  officeName: guideText(100).min(1, '请填写工作机构名称'),
  address: guideText(200).min(1, '请填写办公地址'),
  hours: guideText(200).min(1, '请填写办公时间'),
  phone: guideText(50).min(1, '请填写联系电话'),
  fax: guideText(50).default(''),
  website: guideText(300).default(''),
  email: z.union([z.literal(''), z.email('电子邮箱格式不正确')]).default(''),
});
export type UnitGuide = z.infer<typeof unitGuideInput>;

export interface DisclosureSettings {
  /** 索引号 rule, see domain/disclosure/rules.ts DEFAULT_INDEX_RULE. */
  indexRule: string;
  distinctReviewers: boolean;
  /** 三同步: policies marked as needing one are flagged until an interpretation is published. */
  requireInterpretation: boolean;
  sensitiveWords: string[];
}

export interface ColumnRow {
  id: string;
  unitId: string;
  parentId: string | null;
  name: string;
  code: string | null;
  sort: number;
  itemCount: number;
}

/** A disclosure path from the unit's tasks and where it lands in the unit's catalog. */
export interface TaskPathRow {
  path: string;
  segments: string[];
  /** Names not in the catalog yet (empty: mapped onto columnId). */
  missing: string[];
  columnId: string | null;
  tasks: { ref: string; text: string; plan: string; isLead: boolean }[];
}

export interface SearchHit {
  id: string;
  title: string;
  titleHtml: string;
  snippet: string;
  unitName: string;
  columnName: string | null;
  publishDate: string | null;
  indexNo: string;
  kind: string;
  validity: string | null;
  rank: number;
}
export interface SearchResult {
  total: number;
  /** More matches exist than were counted (total is the cap). */
  totalIsLowerBound: boolean;
  hits: SearchHit[];
  tokens: string[];
  suggestions: string[];
  tookMs: number;
}
