// Permission codes `module:entity:action`. The server enforces them on every route; the console uses them to
// show menus and buttons. Roles are bundles of these codes plus a data scope (see roles.ts).
export const PERMISSIONS = {
  'org:unit:list': '查看单位',
  'org:unit:create': '新增单位',
  'org:unit:update': '修改单位',
  'org:unit:delete': '删除单位',
  'org:unit:import': '导入单位',
  'org:unit:export': '导出单位',
  'org:user:list': '查看用户',
  'org:user:create': '新增用户',
  'org:user:update': '修改用户',
  'org:user:delete': '停用用户',
  'org:user:import': '导入用户',
  'org:user:export': '导出用户',
  'org:user:resetPassword': '重置密码',
  'org:user:unlock': '解除锁定',
  'org:role:list': '查看角色',
  'org:role:update': '修改角色权限',
  'org:group:list': '查看领导小组',
  'org:group:update': '维护领导小组',
  'org:group:import': '导入领导小组通知',
  'audit:log:list': '查看审计日志',
  'audit:log:export': '导出审计日志',
  'audit:login:list': '查看登录日志',
  'audit:chain:verify': '校验审计链',
  'system:calendar:list': '查看工作日历',
  'system:calendar:update': '维护工作日历',
  'system:security:list': '查看安全策略',
  'system:security:update': '修改安全策略',
  // ---- requests ----
  'requests:case:list': '查看依申请公开',
  'requests:case:create': '登记依申请公开',
  'requests:case:handle': '办理依申请公开',
  'requests:stats:view': '依申请公开统计',
  // ---- reports ----
  'reports:report:list': '查看年度报告',
  'reports:report:update': '编辑年度报告',
  'reports:report:publish': '发布年度报告',
} as const;

export type PermissionCode = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as PermissionCode[];
