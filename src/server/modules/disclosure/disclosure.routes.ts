// Console API of the disclosure module (issue 5). Every route: validation, session, permission, unit scope
// (in the services), audit in the same transaction as the write.
import type { Hono } from 'hono';
import { z } from 'zod';
import {
  columnInput,
  commentInput,
  itemInput,
  itemListQuery,
  maskInput,
  overrideInput,
  pathInput,
  reasonInput,
  settingsInput,
  unitGuideInput,
  unitSettingsInput,
} from '../../../contracts/disclosure';
import { chinaDate } from '../../../domain/calendar';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { defineRoute, parseWith, zUuid } from '../../platform/http/route';
import { fileResponse, readUpload } from '../../platform/http/upload';
import { assertUnitInScope } from '../org';
import { addAttachment, attachmentFile, MAX_ATTACHMENT_BYTES, removeAttachment } from './attachments';
import { createColumn, deleteColumn, listColumns, resolvePath, taskPaths, updateColumn } from './catalog';
import { correctItem, createItem, updateItem } from './drafting';
import { maskItem, overrideFinding } from './masking';
import { itemDetail, listItems } from './reads';
import { searchItems } from './search';
import {
  getDisclosureSettings,
  putDisclosureSettings,
  putUnitGuide,
  putUnitSettings,
  reviewLevelsOf,
  unitGuideOf,
} from './settings';
import { normativeDocumentCounts, statistics } from './stats';
import { act } from './workflow';

const id = (params: Record<string, string>, key = 'id') => parseWith(zUuid, params[key]);
const yearQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效'),
  unitId: zUuid.optional(),
});
const unitQuery = z.object({ unitId: zUuid.optional() });
const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(100, '检索词过长'),
  unitId: zUuid.optional(),
  columnId: zUuid.optional(),
  columnCode: z
    .string()
    .regex(/^[a-z0-9_]{2,12}$/, '栏目代码不正确')
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  validity: z.enum(['in_force', 'expired', 'repealed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
});

export function disclosureRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const tag = '信息发布';

  // ---- catalog ----
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/columns',
    tag,
    summary: '某单位的公开目录栏目（树的扁平列表；默认区政府）',
    permission: 'disclosure:catalog:list',
    query: unitQuery,
    handler: ({ query }) => listColumns(database, query.unitId),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/columns/task-paths',
    tag,
    summary: '本单位任务中的公开路径及其在公开目录中的对应',
    permission: 'disclosure:catalog:list',
    query: unitQuery,
    handler: ({ query }) => taskPaths(database, query.unitId),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/columns',
    tag,
    summary: '新增栏目',
    permission: 'disclosure:catalog:update',
    body: columnInput,
    status: 201,
    handler: ({ c, user, body }) => createColumn(database, actorOf(user, c), body),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/disclosure/columns/:id',
    tag,
    summary: '修改栏目',
    permission: 'disclosure:catalog:update',
    body: columnInput,
    handler: async ({ c, user, body, params }) => {
      await updateColumn(database, actorOf(user, c), id(params), body);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'delete',
    path: '/api/disclosure/columns/:id',
    tag,
    summary: '删除栏目（无下级、无信息时）',
    permission: 'disclosure:catalog:update',
    handler: async ({ c, user, params }) => {
      await deleteColumn(database, actorOf(user, c), id(params));
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/columns/resolve-path',
    tag,
    summary: '把任务通知中的公开路径对应到目录（可创建缺少的栏目）',
    permission: 'disclosure:catalog:list',
    body: pathInput,
    handler: ({ c, user, body }) => {
      if (body.create && !user.permissions.includes('disclosure:catalog:update'))
        throw forbidden('没有维护公开目录的权限，不能创建栏目');
      return resolvePath(database, actorOf(user, c), body.path, body.create ?? false, body.unitId);
    },
  });

  // ---- settings ----
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/settings',
    tag,
    summary: '信息发布设置（索引号规则、三同步、敏感词）',
    permission: 'disclosure:item:list',
    handler: async ({ user }) => ({
      ...(await getDisclosureSettings(database)),
      reviewLevels: await reviewLevelsOf(database.db, user.unitId),
    }),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/disclosure/settings',
    tag,
    summary: '修改信息发布设置',
    permission: 'disclosure:settings:update',
    body: settingsInput,
    handler: ({ c, user, body }) => putDisclosureSettings(database, actorOf(user, c), body),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/units/:unitId/settings',
    tag,
    summary: '单位的审核级别',
    permission: 'disclosure:item:list',
    handler: async ({ user, params }) => {
      const unitId = id(params, 'unitId');
      await assertUnitInScope(database.db, user, unitId);
      return { reviewLevels: await reviewLevelsOf(database.db, unitId) };
    },
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/disclosure/units/:unitId/settings',
    tag,
    summary: '设置单位的审核级别（默认 初审、复审、终审）',
    permission: 'disclosure:settings:update',
    body: unitSettingsInput,
    handler: async ({ c, user, body, params }) => {
      const unitId = id(params, 'unitId');
      await assertUnitInScope(database.db, user, unitId);
      await putUnitSettings(database, actorOf(user, c), unitId, body);
      return { ok: true };
    },
  });

  // ---- 指南 (条例 Art. 12) ----
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/units/:unitId/guide',
    tag,
    summary: '单位的政府信息公开指南（未编辑时为 null，门户显示自动生成的提纲）',
    permission: 'disclosure:item:list',
    handler: async ({ user, params }) => {
      const unitId = id(params, 'unitId');
      await assertUnitInScope(database.db, user, unitId);
      return { guide: await unitGuideOf(database.db, unitId) };
    },
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/disclosure/units/:unitId/guide',
    tag,
    summary: '编辑单位的政府信息公开指南（条例第十二条）',
    permission: 'disclosure:settings:update',
    body: z.object({ guide: unitGuideInput.nullable() }),
    handler: async ({ c, user, body, params }) => {
      const unitId = id(params, 'unitId');
      await assertUnitInScope(database.db, user, unitId);
      await putUnitGuide(database, actorOf(user, c), unitId, body.guide);
      return { ok: true };
    },
  });

  // ---- items ----
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/items',
    tag,
    summary: '公开信息列表（inbox=1 为待我审核）',
    permission: 'disclosure:item:list',
    query: itemListQuery,
    handler: ({ user, query }) => listItems(p, user, query),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items',
    tag,
    summary: '起草公开信息',
    permission: 'disclosure:item:create',
    body: itemInput,
    status: 201,
    handler: ({ c, user, body }) => createItem(p, user, actorOf(user, c), body),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/items/:id',
    tag,
    summary: '公开信息详情（含检查结果、审核记录、版本）',
    permission: 'disclosure:item:list',
    handler: ({ user, params }) => itemDetail(p, user, id(params)),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/disclosure/items/:id',
    tag,
    summary: '修改草稿',
    permission: 'disclosure:item:update',
    body: itemInput,
    handler: async ({ c, user, body, params }) => {
      await updateItem(p, user, actorOf(user, c), id(params), body);
      return itemDetail(p, user, id(params));
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/attachments',
    tag,
    summary: '上传附件（按内容识别类型并检查）',
    permission: 'disclosure:item:update',
    upload: true,
    status: 201,
    handler: async ({ c, user, params }) => {
      const up = await readUpload(c, Math.min(p.config.maxUploadBytes, MAX_ATTACHMENT_BYTES));
      return addAttachment(p, user, actorOf(user, c), id(params), up);
    },
  });
  defineRoute(app, {
    method: 'delete',
    path: '/api/disclosure/items/:id/attachments/:attId',
    tag,
    summary: '删除附件',
    permission: 'disclosure:item:update',
    handler: async ({ c, user, params }) => {
      await removeAttachment(p, user, actorOf(user, c), id(params), id(params, 'attId'));
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/attachments/:attId',
    tag,
    summary: '下载附件',
    permission: 'disclosure:item:list',
    handler: async ({ user, params }) => {
      const f = await attachmentFile(database.db, id(params, 'attId'), user);
      return fileResponse(f.bytes, f.name, f.mime);
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/mask',
    tag,
    summary: '一键脱敏（正文与附件）',
    permission: 'disclosure:item:update',
    body: maskInput,
    handler: ({ c, user, body, params }) => maskItem(p, user, actorOf(user, c), id(params), body.keys),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/override',
    tag,
    summary: '审核人说明理由后放行阻断性检查项',
    permission: 'disclosure:review:override',
    body: overrideInput,
    handler: ({ c, user, body, params }) =>
      overrideFinding(p, user, actorOf(user, c), id(params), body.key, body.reason),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/submit',
    tag,
    summary: '提交审核',
    permission: 'disclosure:item:update',
    body: commentInput,
    handler: ({ c, user, body, params }) =>
      act(p, user, actorOf(user, c), id(params), 'submit', body.comment),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/approve',
    tag,
    summary: '审核通过（终审通过即发布或按预定时间发布）',
    permission: 'disclosure:review:approve',
    body: commentInput,
    handler: ({ c, user, body, params }) =>
      act(p, user, actorOf(user, c), id(params), 'approve', body.comment),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/return',
    tag,
    summary: '退回修改（须填写意见）',
    permission: 'disclosure:review:approve',
    body: commentInput,
    handler: ({ c, user, body, params }) =>
      act(p, user, actorOf(user, c), id(params), 'return', body.comment),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/withdraw',
    tag,
    summary: '撤回已发布信息（须填写理由）',
    permission: 'disclosure:item:withdraw',
    body: reasonInput,
    handler: ({ c, user, body, params }) =>
      act(p, user, actorOf(user, c), id(params), 'withdraw', body.reason),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/disclosure/items/:id/correct',
    tag,
    summary: '更正：生成新版本草稿',
    permission: 'disclosure:item:update',
    status: 201,
    handler: ({ c, user, params }) => correctItem(p, user, actorOf(user, c), id(params)),
  });

  // ---- statistics and search ----
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/stats',
    tag,
    summary: '统计：各单位、各栏目发布数与公开时效',
    permission: 'disclosure:stats:list',
    query: yearQuery,
    handler: ({ user, query }) => statistics(p, user, query.year),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/normative-counts',
    tag,
    summary: '年报表二：行政规范性文件本年制发、废止、现行有效件数',
    permission: 'disclosure:stats:list',
    query: yearQuery,
    handler: ({ query }) => normativeDocumentCounts(database.db, query.year, query.unitId),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/disclosure/search',
    tag,
    summary: '全文检索已发布信息',
    permission: 'disclosure:item:list',
    query: searchQuery,
    handler: ({ query }) => searchItems(database, p.config.districtName, query.q, query, p.clock.now()),
  });
}

export const todayOf = (p: Platform) => chinaDate(p.clock.now());
