// Contracts of 行政执法公示 (issue 13 part 6), part of the disclosure module: `enforcementApi`. Permission codes
// disclosure:enforcement:* (permissions.ts).
import { z } from 'zod';
import { codesOf } from '../domain/codes';
import {
  ENFORCEMENT_KINDS,
  ENFORCEMENT_STATUSES,
  PARTY_TYPES,
  PUBLICATION_STATE_LABELS,
} from '../domain/disclosure/enforcement';
import {
  endpointsOf,
  importEndpoints,
  settingsEndpoints,
  zCounts,
  zDate,
  zFile,
  zInstant,
  zOk,
  zPaged,
  zPagedQuery,
  zUuid,
} from './http';

const PUBLICATION_STATES = codesOf(PUBLICATION_STATE_LABELS);

export const enforcementInput = z.object({
  unitId: zUuid,
  kind: z.enum(ENFORCEMENT_KINDS, '请选择执法类别'),
  docNumber: z.string().trim().min(1, '请填写决定文书号').max(100),
  partyType: z.enum(PARTY_TYPES, '请选择当事人类型'),
  partyName: z.string().trim().min(1, '请填写当事人').max(200),
  partyCode: z.string().trim().max(40).nullish(),
  decisionDate: zDate,
  conclusion: z.string().trim().min(1, '请填写执法结论').max(4000),
  basis: z.string().trim().max(2000).nullish(),
});
export type EnforcementInputBody = z.infer<typeof enforcementInput>;

export const enforcementRowSchema = z.object({
  id: zUuid,
  unitId: zUuid,
  unitName: z.string(),
  kind: z.enum(ENFORCEMENT_KINDS),
  docNumber: z.string(),
  partyType: z.enum(PARTY_TYPES),
  /** Staff with the unit in scope see the party as recorded; the ID number of a person masked unless shown. */
  partyName: z.string(),
  partyCode: z.string().nullable(),
  decisionDate: zDate,
  dueDate: zDate,
  dueProvisional: z.boolean(),
  conclusion: z.string(),
  basis: z.string().nullable(),
  status: z.enum(ENFORCEMENT_STATUSES),
  publishedOn: zDate.nullable(),
  state: z.enum(PUBLICATION_STATES),
  withdrawReason: z.string().nullable(),
  createdAt: zInstant,
});
export type EnforcementRow = z.infer<typeof enforcementRowSchema>;

export const enforcementListQuery = zPagedQuery({
  unitId: zUuid.optional(),
  kind: z.enum(ENFORCEMENT_KINDS).optional(),
  state: z.enum(PUBLICATION_STATES).optional(),
  status: z.enum(ENFORCEMENT_STATUSES).optional(),
});

const importRowSchema = z.object({
  row: z.number().int(),
  errors: z.array(z.string()),
  value: enforcementInput
    .omit({ unitId: true })
    .extend({ unitId: zUuid.nullable(), unitName: z.string().nullable(), publishedOn: zDate.nullable() })
    .nullable(),
});
export const enforcementPreviewSchema = z.object({
  rows: z.array(importRowSchema),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export type EnforcementPreview = z.infer<typeof enforcementPreviewSchema>;

export const enforcementSummarySchema = z.object({
  byKind: z.array(
    z.object({
      kind: z.enum(ENFORCEMENT_KINDS),
      ...zCounts('total', 'published', 'overdue', 'late'),
    }),
  ),
  overdue: z.number().int(),
});

export const enforcementDaysSchema = z.object({
  license: z.number().int().min(1).max(60),
  penalty: z.number().int().min(1).max(60),
  coercion: z.number().int().min(1).max(60),
  other: z.number().int().min(1).max(60),
});

const tag = '行政执法公示';
const api = endpointsOf(tag);
const base = '/api/disclosure/enforcement';
const settings = settingsEndpoints(
  api,
  `${base}/settings`,
  enforcementDaysSchema,
  { summary: '公示时限设置（工作日）', permission: 'disclosure:enforcement:list' },
  { summary: '修改公示时限（工作日）', permission: 'disclosure:settings:update' },
);
const enforcementImport = importEndpoints(
  api,
  base,
  'disclosure:enforcement:edit',
  { preview: '上传执法决定表并预览（不保存）', commit: '上传执法决定表并导入（全部成功或全部不导入）' },
  enforcementPreviewSchema,
);

export const enforcementApi = {
  list: api.get(base, '执法决定列表（含公示时限状态）', 'disclosure:enforcement:list', {
    query: enforcementListQuery,
    response: zPaged(enforcementRowSchema),
  }),
  summary: api.get(`${base}/summary`, '公示情况统计（按执法类别）', 'disclosure:enforcement:list', {
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: enforcementSummarySchema,
  }),
  create: api.post(base, '录入执法决定', 'disclosure:enforcement:edit', {
    status: 201,
    body: enforcementInput,
    response: enforcementRowSchema,
  }),
  remove: api.delete(`${base}/:id`, '删除未公示的执法决定', 'disclosure:enforcement:edit', { response: zOk }),
  publish: api.post(`${base}/:id/publish`, '公示执法决定', 'disclosure:enforcement:publish', {
    response: enforcementRowSchema,
  }),
  withdraw: api.post(
    `${base}/:id/withdraw`,
    '撤下已公示的执法决定（决定被撤销、确认违法等）',
    'disclosure:enforcement:publish',
    {
      body: z.object({ reason: z.string().trim().min(2, '请填写撤下原因').max(500) }),
      response: enforcementRowSchema,
    },
  ),
  importPreview: enforcementImport.preview,
  importCommit: enforcementImport.commit,
  settings: settings.get,
  putSettings: settings.put,
  export: api.get(`${base}/export`, '导出执法决定（.xlsx）', 'disclosure:enforcement:list', {
    query: enforcementListQuery.omit({ page: true, pageSize: true }),
    response: zFile,
  }),
};
