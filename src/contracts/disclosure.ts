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
import { endpoint, zFile, zOk, zPaged } from './http';

export * from './disclosure-shapes';

// ---- endpoints ----

const tag = '信息发布';
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
  listColumns: endpoint({
    method: 'get',
    path: '/api/disclosure/columns',
    tag,
    summary: '某单位的公开目录栏目（树的扁平列表；默认区政府）',
    permission: 'disclosure:catalog:list',
    query: unitQuery,
    response: z.array(columnRowSchema),
  }),
  taskPaths: endpoint({
    method: 'get',
    path: '/api/disclosure/columns/task-paths',
    tag,
    summary: '本单位任务中的公开路径及其在公开目录中的对应',
    permission: 'disclosure:catalog:list',
    query: unitQuery,
    response: z.array(taskPathRowSchema),
  }),
  createColumn: endpoint({
    method: 'post',
    path: '/api/disclosure/columns',
    tag,
    summary: '新增栏目',
    permission: 'disclosure:catalog:update',
    body: columnInput,
    status: 201,
    response: columnRowSchema.extend({ alsoCreated: z.number() }),
  }),
  updateColumn: endpoint({
    method: 'put',
    path: '/api/disclosure/columns/:id',
    tag,
    summary: '修改栏目',
    permission: 'disclosure:catalog:update',
    body: columnInput,
    response: zOk,
  }),
  deleteColumn: endpoint({
    method: 'delete',
    path: '/api/disclosure/columns/:id',
    tag,
    summary: '删除栏目（无下级、无信息时）',
    permission: 'disclosure:catalog:update',
    response: zOk,
  }),
  resolvePath: endpoint({
    method: 'post',
    path: '/api/disclosure/columns/resolve-path',
    tag,
    summary: '把任务通知中的公开路径对应到目录（可创建缺少的栏目）',
    permission: 'disclosure:catalog:list',
    body: pathInput,
    response: resolvedPathSchema,
  }),

  // ---- settings ----
  getSettings: endpoint({
    method: 'get',
    path: '/api/disclosure/settings',
    tag,
    summary: '信息发布设置（索引号规则、三同步、敏感词）',
    permission: 'disclosure:item:list',
    response: disclosureSettingsSchema.extend({ reviewLevels: z.array(z.string()) }),
  }),
  putSettings: endpoint({
    method: 'put',
    path: '/api/disclosure/settings',
    tag,
    summary: '修改信息发布设置',
    permission: 'disclosure:settings:update',
    body: settingsInput,
    response: disclosureSettingsSchema,
  }),
  getUnitSettings: endpoint({
    method: 'get',
    path: '/api/disclosure/units/:unitId/settings',
    tag,
    summary: '单位的审核级别',
    permission: 'disclosure:item:list',
    response: z.object({ reviewLevels: z.array(z.string()) }),
  }),
  putUnitSettings: endpoint({
    method: 'put',
    path: '/api/disclosure/units/:unitId/settings',
    tag,
    summary: '设置单位的审核级别（默认 初审、复审、终审）',
    permission: 'disclosure:settings:update',
    body: unitSettingsInput,
    response: zOk,
  }),

  // ---- 指南 (条例 Art. 12) ----
  getUnitGuide: endpoint({
    method: 'get',
    path: '/api/disclosure/units/:unitId/guide',
    tag,
    summary: '单位的政府信息公开指南（未编辑时为 null，门户显示自动生成的提纲）',
    permission: 'disclosure:item:list',
    response: z.object({ guide: unitGuideInput.nullable() }),
  }),
  putUnitGuide: endpoint({
    method: 'put',
    path: '/api/disclosure/units/:unitId/guide',
    tag,
    summary: '编辑单位的政府信息公开指南（条例第十二条）',
    permission: 'disclosure:settings:update',
    body: z.object({ guide: unitGuideInput.nullable() }),
    response: zOk,
  }),

  // ---- items ----
  listItems: endpoint({
    method: 'get',
    path: '/api/disclosure/items',
    tag,
    summary: '公开信息列表（inbox=1 为待我审核）',
    permission: 'disclosure:item:list',
    query: itemListQuery,
    response: zPaged(itemRowSchema),
  }),
  createItem: endpoint({
    method: 'post',
    path: '/api/disclosure/items',
    tag,
    summary: '起草公开信息',
    permission: 'disclosure:item:create',
    body: itemInput,
    status: 201,
    response: created,
  }),
  getItem: endpoint({
    method: 'get',
    path: itemPath,
    tag,
    summary: '公开信息详情（含检查结果、审核记录、版本）',
    permission: 'disclosure:item:list',
    response: itemDetailSchema,
  }),
  updateItem: endpoint({
    method: 'put',
    path: itemPath,
    tag,
    summary: '修改草稿',
    permission: 'disclosure:item:update',
    body: itemInput,
    response: itemDetailSchema,
  }),
  addAttachment: endpoint({
    method: 'post',
    path: `${itemPath}/attachments`,
    tag,
    summary: '上传附件（按内容识别类型并检查）',
    permission: 'disclosure:item:update',
    upload: true,
    status: 201,
    response: z.object({ id: z.string(), name: z.string(), findings: z.array(findingSchema) }),
  }),
  removeAttachment: endpoint({
    method: 'delete',
    path: `${itemPath}/attachments/:attId`,
    tag,
    summary: '删除附件',
    permission: 'disclosure:item:update',
    response: zOk,
  }),
  downloadAttachment: endpoint({
    method: 'get',
    path: '/api/disclosure/attachments/:attId',
    tag,
    summary: '下载附件',
    permission: 'disclosure:item:list',
    response: zFile,
  }),
  mask: endpoint({
    method: 'post',
    path: `${itemPath}/mask`,
    tag,
    summary: '一键脱敏（正文与附件）',
    permission: 'disclosure:item:update',
    body: maskInput,
    response: z.object({ masked: z.number(), findings: z.array(findingSchema) }),
  }),
  override: endpoint({
    method: 'post',
    path: `${itemPath}/override`,
    tag,
    summary: '审核人说明理由后放行阻断性检查项',
    permission: 'disclosure:review:override',
    body: overrideInput,
    response: gateSchema,
  }),
  ...disclosureWorkflowApi,
  correct: endpoint({
    method: 'post',
    path: `${itemPath}/correct`,
    tag,
    summary: '更正：生成新版本草稿',
    permission: 'disclosure:item:update',
    status: 201,
    response: created,
  }),

  // ---- statistics and search ----
  stats: endpoint({
    method: 'get',
    path: '/api/disclosure/stats',
    tag,
    summary: '统计：各单位、各栏目发布数与公开时效',
    permission: 'disclosure:stats:list',
    query: yearQuery,
    response: statsSchema,
  }),
  normativeCounts: endpoint({
    method: 'get',
    path: '/api/disclosure/normative-counts',
    tag,
    summary: '年报表二：行政规范性文件本年制发、废止、现行有效件数',
    permission: 'disclosure:stats:list',
    query: yearQuery,
    response: normativeCountsSchema,
  }),
  search: endpoint({
    method: 'get',
    path: '/api/disclosure/search',
    tag,
    summary: '全文检索已发布信息',
    permission: 'disclosure:item:list',
    query: searchQuery,
    response: searchResultSchema,
  }),
};
