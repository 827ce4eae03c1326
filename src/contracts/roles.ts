import type { PermissionCode } from './permissions';

// The seven built-in roles. System admin, security admin and auditor are kept apart (三权分立): none of them
// holds another's permissions, and a user may not combine them (enforced by the user service).
export const ROLE_CODES = [
  'office',
  'liaison',
  'reviewer',
  'leader',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];
export const SEPARATED_ROLES: RoleCode[] = ['sysadmin', 'secadmin', 'auditor'];

/** 'all': every unit; 'unit': the user's own unit and its sub-units. */
export type DataScope = 'all' | 'unit';

export interface RoleDefinition {
  code: RoleCode;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: PermissionCode[];
}

/** 依申请公开 case handling and the annual report, as the office and every unit's liaison do them. */
const CASE_WORK: PermissionCode[] = [
  'requests:case:list',
  'requests:case:create',
  'requests:case:handle',
  'requests:applicant:unmasked',
  'requests:stats:view',
  'reports:report:list',
  'reports:report:update',
];

export const BUILTIN_ROLES: RoleDefinition[] = [
  {
    code: 'office',
    name: '主管部门',
    description: '政务公开科：维护单位与领导小组，创建联络员账号，督办全区工作',
    dataScope: 'all',
    permissions: [
      'org:unit:list',
      'org:unit:create',
      'org:unit:update',
      'org:unit:delete',
      'org:unit:import',
      'org:unit:export',
      'org:user:list',
      'org:user:create',
      'org:user:update',
      'org:user:export',
      'org:user:import',
      'org:user:resetPassword',
      'org:group:list',
      'org:group:update',
      'org:group:import',
      'system:calendar:list',
      'system:calendar:update',
      ...CASE_WORK,
      'reports:report:publish',
      'tasks:plan:list',
      'tasks:plan:import',
      'tasks:ledger:list',
      'tasks:ledger:export',
      'tasks:assignment:close',
      'tasks:dashboard:view',
      'tasks:bulletin:export',
      'disclosure:catalog:list',
      'disclosure:catalog:update',
      'disclosure:item:list',
      'disclosure:item:create',
      'disclosure:item:update',
      'disclosure:item:withdraw',
      'disclosure:settings:update',
      'disclosure:stats:list',
      'requests:extension:approve',
      'disclosure:enforcement:list',
      'disclosure:enforcement:edit',
      'disclosure:enforcement:publish',
      'disclosure:normative:manage',
      'disclosure:normative:mark',
    ],
  },
  {
    code: 'liaison',
    name: '联络员',
    description: '成员单位联络员：只看本单位的数据',
    dataScope: 'unit',
    permissions: [
      'org:unit:list',
      'org:user:list',
      'org:group:list',
      'system:calendar:list',
      ...CASE_WORK,
      'tasks:plan:list',
      'tasks:ledger:list',
      'tasks:progress:report',
      'tasks:progress:review',
      'tasks:extension:request',
      'disclosure:catalog:list',
      'disclosure:item:list',
      'disclosure:item:create',
      'disclosure:item:update',
      'disclosure:enforcement:list',
      'disclosure:enforcement:edit',
      'disclosure:enforcement:publish',
      'disclosure:normative:mark',
    ],
  },
  {
    code: 'reviewer',
    name: '审核人',
    description: '本单位初审、复审、终审',
    dataScope: 'unit',
    permissions: [
      'org:unit:list',
      'org:user:list',
      'system:calendar:list',
      'requests:case:list',
      'requests:stats:view',
      'reports:report:list',
      'tasks:ledger:list',
      'disclosure:catalog:list',
      'disclosure:item:list',
      'disclosure:review:approve',
      'disclosure:review:override',
      'disclosure:item:withdraw',
      'disclosure:enforcement:list',
    ],
  },
  {
    code: 'leader',
    name: '领导',
    description: '只读查看，审批延期',
    dataScope: 'all',
    permissions: [
      'org:unit:list',
      'org:user:list',
      'org:group:list',
      'system:calendar:list',
      'requests:case:list',
      'requests:stats:view',
      'reports:report:list',
      'tasks:plan:list',
      'tasks:ledger:list',
      'tasks:ledger:export',
      'tasks:extension:approve',
      'tasks:dashboard:view',
      'disclosure:catalog:list',
      'disclosure:item:list',
      'disclosure:stats:list',
      'requests:extension:approve',
      'disclosure:enforcement:list',
    ],
  },
  {
    code: 'sysadmin',
    name: '系统管理员',
    description: '普通账号与单位管理（三权分立）',
    dataScope: 'all',
    permissions: [
      'org:unit:list',
      'org:unit:create',
      'org:unit:update',
      'org:unit:export',
      'org:user:list',
      'org:user:create',
      'org:user:update',
      'org:user:delete',
      'org:user:import',
      'org:user:export',
      'org:user:resetPassword',
      // Read only: role permissions are edited by the security administrator (三权分立).
      'org:role:list',
      'system:calendar:list',
    ],
  },
  {
    code: 'secadmin',
    name: '安全管理员',
    description: '安全策略、账号解锁、登录日志、角色分配与角色权限（三权分立）',
    dataScope: 'all',
    permissions: [
      // Account writes for the 三员 accounts only (domain/org/separation decides per target).
      'org:user:list',
      'org:user:create',
      'org:user:update',
      'org:user:delete',
      'org:user:unlock',
      'org:user:resetPassword',
      'org:role:list',
      'org:role:update',
      'system:security:list',
      'system:security:update',
      'audit:login:list',
    ],
  },
  {
    code: 'auditor',
    name: '审计管理员',
    description: '只读审计日志（三权分立）',
    dataScope: 'all',
    permissions: ['audit:log:list', 'audit:log:export', 'audit:login:list', 'audit:chain:verify'],
  },
];
