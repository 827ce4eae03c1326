// Request and response schemas of the disclosure module (issue 5); its endpoints are in disclosure.ts.
import { z } from 'zod';
import { codesOf } from '../domain/codes';
import { CATEGORY_CODES } from '../domain/disclosure/catalog';
import { INTERPRETATION_FORMS, ITEM_KINDS, TIMELINESS_LABELS, VALIDITIES } from '../domain/disclosure/rules';
import { ITEM_STATUSES } from '../domain/disclosure/workflow';
import { FINDING_KINDS } from '../domain/review/types';
import { zDate, zInstant, zPage, zPagedQuery, zText, zUnitRef, zUuid } from './http';

const optDate = zDate.nullable().optional();
const kindSchema = z.enum(ITEM_KINDS);
const validitySchema = z.enum(VALIDITIES);
const statusSchema = z.enum(ITEM_STATUSES);

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
  kind: kindSchema.default('general'),
  unitId: z.string().uuid('单位编号不正确').optional(),
  columnId: z.string().uuid('栏目编号不正确').nullable().optional(),
  title: z.string().trim().min(1, '请填写标题').max(200, '标题过长'),
  docNumber: z.string().trim().max(100).nullable().optional(),
  writtenDate: optDate,
  formedDate: optDate,
  publishDate: optDate,
  topic: z.string().trim().max(60).nullable().optional(),
  /**
   * 公开类别 (PUB-6): an Art. 20 category (art20_N) or an Art. 21 topic (art21_N county list, art21t_N township
   * list). Required: when left out it comes from the column (drafting.ts); which Art. 21 list is allowed depends on
   * the unit's level. Named art20 for history, like its column.
   */
  art20: z.enum(CATEGORY_CODES, '公开类别不正确').nullable().optional(),
  summary: z.string().max(2000, '内容概述过长').optional(),
  bodyHtml: z.string().max(2_000_000, '正文过长').optional(),
  publishAt: z.string().datetime({ offset: true, message: '预定发布时间格式不正确' }).nullable().optional(),
  validity: validitySchema.nullable().optional(),
  effectiveDate: optDate,
  expiryDate: optDate,
  repealedDate: optDate,
  repealedById: z.string().uuid().nullable().optional(),
  replacedById: z.string().uuid().nullable().optional(),
  policyRootId: z.string().uuid('所解读政策编号不正确').nullable().optional(),
  interpretationForm: z.enum(INTERPRETATION_FORMS).nullable().optional(),
  needsInterpretation: z.boolean().optional(),
});
export type ItemInput = z.infer<typeof itemInput>;

export const commentInput = z.object({ comment: z.string().trim().max(1000, '意见过长').optional() });
export const reasonInput = z.object({ reason: z.string().trim().min(2, '请填写理由').max(1000, '理由过长') });
export const overrideInput = z.object({
  key: z.string().min(1, '请选择检查项'),
  reason: z.string().trim().min(2, '请填写放行理由').max(1000, '理由过长'),
  // 个人信息保护影响评估 (PIPL Art. 55/56): what the office must assess before personal data goes public.
  purpose: zText(1000, '处理目的及依据'),
  impact: zText(1000, '对个人权益的影响及风险'),
  measures: zText(1000, '采取的保护措施'),
});
export type OverrideInput = z.output<typeof overrideInput>;

/** A PIA record as the office and the auditor read it: the finding masked, no personal data. */
export const piaRecordSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  unitName: z.string(),
  findingKind: z.enum(FINDING_KINDS),
  findingMessage: z.string(),
  findingSource: z.string().nullable(),
  findingMasked: z.string(),
  purpose: z.string(),
  impact: z.string(),
  measures: z.string(),
  reason: z.string(),
  assessedByName: z.string(),
  assessedAt: zInstant,
});
export type PiaRecord = z.output<typeof piaRecordSchema>;
export const piaListQuery = zPagedQuery({ from: zDate.optional(), to: zDate.optional() });
export const maskInput = z.object({ keys: z.array(z.string()).optional() });

export const itemListQuery = z.object({
  ...zPage,
  status: z.string().optional(),
  kind: kindSchema.optional(),
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

// ---- responses ----

export const disclosureSettingsSchema = z.object({
  /** 索引号 rule, see domain/disclosure/rules.ts DEFAULT_INDEX_RULE. */
  indexRule: z.string(),
  distinctReviewers: z.boolean(),
  /** 三同步: policies marked as needing one are flagged until an interpretation is published. */
  requireInterpretation: z.boolean(),
  sensitiveWords: z.array(z.string()),
});
export type DisclosureSettings = z.output<typeof disclosureSettingsSchema>;

export const columnRowSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  sort: z.number(),
  itemCount: z.number(),
});
export type ColumnRow = z.output<typeof columnRowSchema>;

/** A disclosure path from the unit's tasks and where it lands in the unit's catalog. */
export const taskPathRowSchema = z.object({
  path: z.string(),
  segments: z.array(z.string()),
  /** Names not in the catalog yet (empty: mapped onto columnId). */
  missing: z.array(z.string()),
  columnId: z.string().nullable(),
  tasks: z.array(z.object({ ref: z.string(), text: z.string(), plan: z.string(), isLead: z.boolean() })),
});
export type TaskPathRow = z.output<typeof taskPathRowSchema>;

export const resolvedPathSchema = z.object({
  segments: z.array(z.string()),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  columnId: z.string().nullable(),
  created: z.number(),
});

export const searchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleHtml: z.string(),
  snippet: z.string(),
  unitName: z.string(),
  columnName: z.string().nullable(),
  publishDate: z.string().nullable(),
  indexNo: z.string(),
  kind: z.string(),
  validity: z.string().nullable(),
  rank: z.number(),
});
export type SearchHit = z.output<typeof searchHitSchema>;
const facetSchema = z.object({ value: z.string(), label: z.string(), count: z.number() });
export type SearchFacet = z.output<typeof facetSchema>;
export const searchResultSchema = z.object({
  total: z.number(),
  /** More matches exist than were counted (total is the cap). */
  totalIsLowerBound: z.boolean(),
  hits: z.array(searchHitSchema),
  tokens: z.array(z.string()),
  /** "您是不是要找": corrected queries that have results. */
  suggestions: z.array(z.string()),
  /** When nothing was found: queries with fewer (or separated) words that do have results. */
  fewerWords: z.array(z.string()),
  /** Matches per unit, year, kind and standard column. */
  facets: z.object({
    units: z.array(facetSchema),
    years: z.array(facetSchema),
    kinds: z.array(facetSchema),
    columns: z.array(facetSchema),
  }),
  /** More matches than were counted: no facets (the form's filters and more words narrow the results). */
  facetsOmitted: z.boolean(),
  tookMs: z.number(),
});
export type SearchResult = z.output<typeof searchResultSchema>;

export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  masked: z.string(),
  blocking: z.boolean(),
  message: z.string(),
  suggestion: z.string().optional(),
  source: z.string().optional(),
});
const timelinessSchema = z
  .object({ status: z.enum(codesOf(TIMELINESS_LABELS)), deadline: z.string() })
  .nullable();

export const itemRowSchema = z.object({
  id: z.string(),
  kind: kindSchema,
  title: z.string(),
  indexNo: z.string(),
  status: statusSchema,
  level: z.number(),
  ...zUnitRef,
  columnId: z.string().nullable(),
  writtenDate: z.string().nullable(),
  publishDate: z.string().nullable(),
  publishAt: zInstant.nullable(),
  validity: validitySchema.nullable(),
  expiryDate: z.string().nullable(),
  blocking: z.number(),
  updatedAt: zInstant,
  timeliness: timelinessSchema,
});
export type ItemRow = z.output<typeof itemRowSchema>;

const itemRefSchema = z.object({ id: z.string(), title: z.string(), status: statusSchema });
export const gateSchema = z.object({ allowed: z.boolean(), unresolved: z.array(findingSchema) });

export const itemDetailSchema = itemRowSchema.omit({ blocking: true }).extend({
  rootId: z.string(),
  version: z.number(),
  docNumber: z.string().nullable(),
  formedDate: z.string().nullable(),
  topic: z.string().nullable(),
  art20: z.string().nullable(),
  summary: z.string(),
  bodyHtml: z.string(),
  createdBy: z.string(),
  approvedBy: z.array(z.string()),
  withdrawReason: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  repealedDate: z.string().nullable(),
  repealedById: z.string().nullable(),
  replacedById: z.string().nullable(),
  policyRootId: z.string().nullable(),
  interpretationForm: z.enum(INTERPRETATION_FORMS).nullable(),
  needsInterpretation: z.boolean(),
  findings: z.array(findingSchema),
  overrides: z.array(z.object({ key: z.string(), reason: z.string(), byName: z.string().optional() })),
  attachments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      size: z.number(),
      mime: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      levelName: z.string().nullable(),
      userName: z.string().nullable(),
      comment: z.string().nullable(),
      at: zInstant,
    }),
  ),
  versions: z.array(z.object({ id: z.string(), version: z.number(), status: statusSchema })),
  levels: z.array(z.string()),
  levelName: z.string().nullable(),
  gate: gateSchema,
  interpretations: z.array(itemRefSchema.extend({ form: z.string().nullable() })),
  policy: itemRefSchema.nullable(),
  missingInterpretation: z.boolean(),
  validityNow: validitySchema.nullable(),
});
export type ItemDetail = z.output<typeof itemDetailSchema>;

export const normativeCountsSchema = z.object({
  issued: z.number(),
  repealed: z.number(),
  inForce: z.number(),
});

export const statsSchema = z.object({
  year: z.number(),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), n: z.number() })),
  byColumn: z.array(z.object({ columnName: z.string().nullable(), n: z.number() })),
  timeliness: z.object({ on_time: z.number(), late: z.number(), undated: z.number() }),
  normative: normativeCountsSchema,
});
export type DisclosureStats = z.output<typeof statsSchema>;

export const workflowResult = z.object({
  status: statusSchema,
  level: z.number(),
  /** Set when nobody may approve the next level (e.g. 本单位未设置复审人): the item waits until one is set. */
  message: z.string().optional(),
});
export const created = z.object({ id: z.string() });

// ---- queries ----

export const unitQuery = z.object({ unitId: zUuid.optional() });
export const yearQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效'),
  unitId: zUuid.optional(),
});
export const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(100, '检索词过长'),
  unitId: zUuid.optional(),
  columnId: zUuid.optional(),
  columnCode: z
    .string()
    .regex(/^[a-z0-9_]{2,12}$/, '栏目代码不正确')
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  validity: validitySchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
});
