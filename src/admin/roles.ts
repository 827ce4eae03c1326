// Role helpers for the console: labels and permission groups. The 三权分立 rules are domain/org/separation's,
// shared with the server.
import type { PermissionCode } from '../contracts/permissions';
import { BUILTIN_ROLES, type RoleCode } from '../contracts/roles';

export const ROLE_LABELS = Object.fromEntries(BUILTIN_ROLES.map((r) => [r.code, r.name])) as Record<
  RoleCode,
  string
>;

export const DATA_SCOPE_LABELS = { all: '全部单位', unit: '本单位及下级' } as const;

export const PERMISSION_MODULE_LABELS: Record<string, string> = {
  org: '组织机构',
  audit: '安全审计',
  system: '系统设置',
  requests: '依申请公开',
  reports: '年度报告',
  tasks: '工作任务',
  disclosure: '信息发布',
  media: '网站与新媒体',
  interaction: '互动回应',
  assessment: '考核评估',
};
export const PERMISSION_ENTITY_LABELS: Record<string, string> = {
  'org:unit': '单位',
  'org:user': '用户',
  'org:role': '角色',
  'org:group': '领导小组',
  'audit:log': '审计日志',
  'audit:login': '登录日志',
  'audit:chain': '审计链',
  'system:calendar': '工作日历',
  'system:security': '安全策略',
  'requests:case': '申请办理',
  'requests:applicant': '申请人个人信息',
  'requests:stats': '统计',
  'requests:extension': '延期答复',
  'reports:report': '年度报告',
  'tasks:plan': '任务分工',
  'tasks:ledger': '任务台账',
  'tasks:progress': '进展报送',
  'tasks:assignment': '销号与退回',
  'tasks:extension': '延期',
  'tasks:dashboard': '督办看板',
  'tasks:bulletin': '督办通报',
  'disclosure:catalog': '公开目录',
  'disclosure:item': '公开信息',
  'disclosure:review': '审核',
  'disclosure:pia': '个人信息保护影响评估',
  'disclosure:settings': '发布设置',
  'disclosure:stats': '发布统计',
  'disclosure:normative': '规范性文件清理',
  'disclosure:enforcement': '行政执法公示',
  'disclosure:decision': '决策预公开',
  'media:registry': '登记册',
  'media:filing': '备案',
  'media:check': '网站检查',
  'media:post': '新媒体发布记录',
  'media:spot': '新媒体抽查',
  'media:bulletin': '检查通报',
  'media:report': '网站年度报表',
  'interaction:consult': '政策咨询',
  'interaction:stats': '咨询统计',
  'interaction:qa': '问答库',
  'interaction:letter': '信箱来信',
  'interaction:mailbox': '信箱',
  'interaction:hotline': '来电登记',
  'interaction:opinion': '舆情',
  'interaction:commitment': '公开承诺',
  'assessment:plan': '考核指标体系',
  'assessment:result': '考核结果',
  'assessment:score': '考核评分',
};

export interface PermissionGroup {
  module: string;
  label: string;
  entities: { entity: string; label: string; items: { code: PermissionCode; label: string }[] }[];
}

/** Groups permission codes `module:entity:action` by module, then entity, keeping the server's order. */
export function groupPermissions(
  list: readonly { code: PermissionCode; label: string }[],
): PermissionGroup[] {
  const groups: PermissionGroup[] = [];
  for (const item of list) {
    const [mod = item.code, entityName = ''] = item.code.split(':');
    const entity = `${mod}:${entityName}`;
    let g = groups.find((x) => x.module === mod);
    if (!g) {
      g = { module: mod, label: PERMISSION_MODULE_LABELS[mod] ?? mod, entities: [] };
      groups.push(g);
    }
    let e = g.entities.find((x) => x.entity === entity);
    if (!e) {
      e = { entity, label: PERMISSION_ENTITY_LABELS[entity] ?? entity, items: [] };
      g.entities.push(e);
    }
    e.items.push(item);
  }
  return groups;
}
