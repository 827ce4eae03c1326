// Contracts of the disclosure module (issue 5): `disclosureApi`, the map of its endpoints, on the schemas of
// disclosure-shapes.ts. Permission codes disclosure:* (permissions.ts).
import { z } from 'zod';
import {
  columnInput,
  columnRowSchema,
  commentInput,
  created,
  disclosureSettingsSchema,
  findingSchema,
  gateSchema,
  itemDetailSchema,
  itemInput,
  itemListQuery,
  itemRowSchema,
  maskInput,
  normativeCountsSchema,
  overrideInput,
  pathInput,
  piaListQuery,
  piaRecordSchema,
  reasonInput,
  resolvedPathSchema,
  searchQuery,
  searchResultSchema,
  settingsInput,
  statsSchema,
  taskPathRowSchema,
  unitGuideInput,
  unitQuery,
  unitSettingsInput,
  workflowResult,
  yearQuery,
} from './disclosure-shapes';
import { endpoint, endpointsOf, zFile, zOk, zPaged } from './http';

export * from './disclosure-shapes';

// ---- endpoints ----

const tag = '信息发布';
const api = endpointsOf(tag);
const itemPath = '/api/disclosure/items/:id';

/** Review actions on an item: one contract each, one handler for all (disclosure.routes.ts). */
const workflowEndpoint = <const A extends string, const B extends z.ZodType>(
  action: A,
  summary: string,
  permission: 'disclosure:item:update' | 'disclosure:review:approve' | 'disclosure:item:withdraw',
  body: B,
) =>
  endpoint({
    method: 'post',
    path: `${itemPath}/${action}`,
    tag,
    summary,
    permission,
    body,
    response: workflowResult,
  });

export const disclosureWorkflowApi = {
  submit: workflowEndpoint('submit', '提交审核', 'disclosure:item:update', commentInput),
  approve: workflowEndpoint(
    'approve',
    '审核通过（终审通过即发布或按预定时间发布）',
    'disclosure:review:approve',
    commentInput,
  ),
  return: workflowEndpoint('return', '退回修改（须填写意见）', 'disclosure:review:approve', commentInput),
  withdraw: workflowEndpoint(
    'withdraw',
    '撤回已发布信息（须填写理由）',
    'disclosure:item:withdraw',
    reasonInput,
  ),
};

export const disclosureApi = {
  // ---- catalog ----
  listColumns: api.get(
    '/api/disclosure/columns',
    '某单位的公开目录栏目（树的扁平列表；默认区政府）',
    'disclosure:catalog:list',
    { query: unitQuery, response: z.array(columnRowSchema) },
  ),
  taskPaths: api.get(
    '/api/disclosure/columns/task-paths',
    '本单位任务中的公开路径及其在公开目录中的对应',
    'disclosure:catalog:list',
    { query: unitQuery, response: z.array(taskPathRowSchema) },
  ),
  createColumn: api.post('/api/disclosure/columns', '新增栏目', 'disclosure:catalog:update', {
    body: columnInput,
    status: 201,
    response: columnRowSchema.extend({ alsoCreated: z.number() }),
  }),
  updateColumn: api.put('/api/disclosure/columns/:id', '修改栏目', 'disclosure:catalog:update', {
    body: columnInput,
    response: zOk,
  }),
  deleteColumn: api.delete(
    '/api/disclosure/columns/:id',
    '删除栏目（无下级、无信息时）',
    'disclosure:catalog:update',
    { response: zOk },
  ),
  resolvePath: api.post(
    '/api/disclosure/columns/resolve-path',
    '把任务通知中的公开路径对应到目录（可创建缺少的栏目）',
    'disclosure:catalog:list',
    { body: pathInput, response: resolvedPathSchema },
  ),

  // ---- settings ----
  getSettings: api.get(
    '/api/disclosure/settings',
    '信息发布设置（索引号规则、三同步、敏感词）',
    'disclosure:item:list',
    { response: disclosureSettingsSchema.extend({ reviewLevels: z.array(z.string()) }) },
  ),
  putSettings: api.put('/api/disclosure/settings', '修改信息发布设置', 'disclosure:settings:update', {
    body: settingsInput,
    response: disclosureSettingsSchema,
  }),
  getUnitSettings: api.get(
    '/api/disclosure/units/:unitId/settings',
    '单位的审核级别',
    'disclosure:item:list',
    { response: z.object({ reviewLevels: z.array(z.string()) }) },
  ),
  putUnitSettings: api.put(
    '/api/disclosure/units/:unitId/settings',
    '设置单位的审核级别（默认 初审、复审、终审）',
    'disclosure:settings:update',
    { body: unitSettingsInput, response: zOk },
  ),

  // ---- 指南 (条例 Art. 12) ----
  getUnitGuide: api.get(
    '/api/disclosure/units/:unitId/guide',
    '单位的政府信息公开指南（未编辑时为 null，门户显示自动生成的提纲）',
    'disclosure:item:list',
    { response: z.object({ guide: unitGuideInput.nullable() }) },
  ),
  putUnitGuide: api.put(
    '/api/disclosure/units/:unitId/guide',
    '编辑单位的政府信息公开指南（条例第十二条）',
    'disclosure:settings:update',
    { body: z.object({ guide: unitGuideInput.nullable() }), response: zOk },
  ),

  // ---- items ----
  listItems: api.get('/api/disclosure/items', '公开信息列表（inbox=1 为待我审核）', 'disclosure:item:list', {
    query: itemListQuery,
    response: zPaged(itemRowSchema),
  }),
  createItem: api.post('/api/disclosure/items', '起草公开信息', 'disclosure:item:create', {
    body: itemInput,
    status: 201,
    response: created,
  }),
  getItem: api.get(itemPath, '公开信息详情（含检查结果、审核记录、版本）', 'disclosure:item:list', {
    response: itemDetailSchema,
  }),
  updateItem: api.put(itemPath, '修改草稿', 'disclosure:item:update', {
    body: itemInput,
    response: itemDetailSchema,
  }),
  addAttachment: api.post(
    `${itemPath}/attachments`,
    '上传附件（按内容识别类型并检查）',
    'disclosure:item:update',
    {
      upload: true,
      status: 201,
      response: z.object({ id: z.string(), name: z.string(), findings: z.array(findingSchema) }),
    },
  ),
  removeAttachment: api.delete(`${itemPath}/attachments/:attId`, '删除附件', 'disclosure:item:update', {
    response: zOk,
  }),
  downloadAttachment: api.get('/api/disclosure/attachments/:attId', '下载附件', 'disclosure:item:list', {
    response: zFile,
  }),
  mask: api.post(`${itemPath}/mask`, '一键脱敏（正文与附件）', 'disclosure:item:update', {
    body: maskInput,
    response: z.object({ masked: z.number(), findings: z.array(findingSchema) }),
  }),
  override: api.post(
    `${itemPath}/override`,
    '审核人说明理由后放行阻断性检查项',
    'disclosure:review:override',
    { body: overrideInput, response: gateSchema },
  ),
  piaRecords: api.get(
    '/api/disclosure/pia-records',
    '个人信息保护影响评估记录（放行时填写）',
    'disclosure:pia:list',
    {
      query: piaListQuery,
      response: zPaged(piaRecordSchema),
    },
  ),
  exportPiaRecords: api.get(
    '/api/disclosure/pia-records/export',
    '导出个人信息保护影响评估记录（.xlsx）',
    'disclosure:pia:list',
    { query: piaListQuery, response: zFile },
  ),
  ...disclosureWorkflowApi,
  correct: api.post(`${itemPath}/correct`, '更正：生成新版本草稿', 'disclosure:item:update', {
    status: 201,
    response: created,
  }),

  // ---- statistics and search ----
  stats: api.get('/api/disclosure/stats', '统计：各单位、各栏目发布数与公开时效', 'disclosure:stats:list', {
    query: yearQuery,
    response: statsSchema,
  }),
  normativeCounts: api.get(
    '/api/disclosure/normative-counts',
    '年报表二：行政规范性文件本年制发、废止、现行有效件数',
    'disclosure:stats:list',
    { query: yearQuery, response: normativeCountsSchema },
  ),
  search: api.get('/api/disclosure/search', '全文检索已发布信息', 'disclosure:item:list', {
    query: searchQuery,
    response: searchResultSchema,
  }),
};
