// Module list of the console: one entry per menu group, each page with its path, label and the permissions that
// show it; a new page adds its entry here and its component in routes.tsx (kept apart so that the home page,
// which lists these pages, is not imported by the file that imports it). Modules may add a home card (HOME_CARDS).
import {
  AuditOutlined,
  CommentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { PermissionCode } from '../contracts/permissions';
import type { ModuleEntry, PageEntry } from './menu';

export interface AdminPage extends PageEntry {
  /** Shown as a quick link on the home page. */
  quickLink?: boolean;
  description?: string;
}

export interface AdminModule extends ModuleEntry<AdminPage> {
  icon: ReactNode;
  /** A single page shown as a top-level menu item instead of a sub-menu. */
  flat?: boolean;
}

export interface HomeCard {
  key: string;
  anyOf?: PermissionCode[];
  component: LazyExoticComponent<ComponentType>;
}

export const ADMIN_MODULES: AdminModule[] = [
  {
    key: 'home',
    label: '首页',
    icon: <HomeOutlined />,
    flat: true,
    pages: [{ path: '/', label: '首页' }],
  },
  {
    key: 'org',
    label: '组织机构',
    icon: <TeamOutlined />,
    pages: [
      {
        path: '/org/units',
        label: '单位管理',
        anyOf: ['org:unit:list'],
        quickLink: true,
        description: '维护区政府、部门、镇街及内设科室',
      },
      {
        path: '/org/users',
        label: '用户管理',
        anyOf: ['org:user:list'],
        quickLink: true,
        description: '账号、角色、重置密码与解锁',
      },
      {
        path: '/org/roles',
        label: '角色权限',
        anyOf: ['org:role:list'],
        description: '内置角色及其权限',
      },
      {
        path: '/org/leading-group',
        label: '领导小组',
        anyOf: ['org:group:list'],
        quickLink: true,
        description: '政务公开工作领导小组及成员单位',
      },
    ],
  },
  {
    key: 'tasks',
    label: '工作任务',
    icon: <ScheduleOutlined />,
    pages: [
      {
        path: '/tasks/ledger',
        label: '任务台账',
        anyOf: ['tasks:ledger:list'],
        quickLink: true,
        description: '各单位承担与牵头的任务、进展报送、审核销号',
      },
      {
        path: '/tasks/by-task',
        label: '按任务台账',
        anyOf: ['tasks:ledger:list'],
        description: '每项任务一行、各承担单位展开查看；批量催办、延期，回头看与销号',
      },
      {
        path: '/tasks/import',
        label: '导入任务分工',
        anyOf: ['tasks:plan:import'],
        quickLink: true,
        description: '上传年度任务分工通知，核对后生成台账',
      },
      {
        path: '/tasks/dashboard',
        label: '督办看板',
        anyOf: ['tasks:dashboard:view'],
        quickLink: true,
        description: '按单位、按板块的完成与逾期；通报与台账导出',
      },
      {
        path: '/tasks/extensions',
        label: '延期审批',
        anyOf: ['tasks:extension:approve'],
        description: '审批各单位的延期申请',
      },
    ],
  },
  {
    key: 'requests',
    label: '依申请公开',
    icon: <FileSearchOutlined />,
    pages: [
      {
        path: '/requests/cases',
        label: '申请办理',
        anyOf: ['requests:case:list'],
        quickLink: true,
        description: '登记、补正、延期、收费、答复与文书',
      },
      {
        path: '/requests/cases/:id',
        label: '申请详情',
        anyOf: ['requests:case:list'],
        hideInMenu: true,
      },
      {
        path: '/requests/stats',
        label: '统计',
        anyOf: ['requests:stats:view'],
        description: '按月申请量、办理结果构成、按期答复率',
      },
      {
        path: '/reports',
        label: '年度报告',
        anyOf: ['reports:report:list'],
        quickLink: true,
        description: '政府信息公开工作年度报告：计算、校验、导出、发布',
      },
      {
        path: '/reports/:unitId/:year',
        label: '年度报告编辑',
        anyOf: ['reports:report:list'],
        hideInMenu: true,
      },
    ],
  },
  {
    key: 'interaction',
    label: '互动回应',
    icon: <CommentOutlined />,
    pages: [
      {
        path: '/interaction/consultations',
        label: '政策咨询',
        anyOf: ['interaction:consult:list'],
        quickLink: true,
        description: '登记台账、转办、答复、加入问答库',
      },
      {
        path: '/interaction/consultations/:id',
        label: '咨询办理',
        anyOf: ['interaction:consult:list'],
        hideInMenu: true,
      },
      {
        path: '/interaction/letters',
        label: '信箱',
        anyOf: ['interaction:letter:list'],
        quickLink: true,
        description: '区长信箱与部门信箱：转办、答复、审核、选登公开',
      },
      {
        path: '/interaction/qa',
        label: '问答库',
        anyOf: ['interaction:qa:list'],
        description: '政策咨询问答库：审核、导入、导出',
      },
      {
        path: '/interaction/stats',
        label: '咨询与信箱统计',
        anyOf: ['interaction:stats:view'],
        description: '按月咨询量、来信量、按时答复与满意度',
      },
      {
        path: '/interaction/calls',
        label: '来电登记',
        anyOf: ['interaction:hotline:list'],
        description: '来电登记台账、12345 工单导入、转为政策咨询',
      },
      {
        path: '/interaction/opinions',
        label: '舆情回应',
        anyOf: ['interaction:opinion:list'],
        description: '舆情登记、按等级回应时限、回应评估',
      },
      {
        path: '/interaction/commitments',
        label: '公开承诺',
        anyOf: ['interaction:commitment:list'],
        description: '承诺事项台账、落实进展与佐证材料',
      },
    ],
  },
  {
    key: 'disclosure',
    label: '信息发布',
    icon: <FileTextOutlined />,
    pages: [
      {
        path: '/disclosure/items',
        label: '信息管理',
        anyOf: ['disclosure:item:list'],
        quickLink: true,
        description: '起草、检查、提交审核、发布与撤回',
      },
      {
        path: '/disclosure/items/:id',
        label: '信息编辑',
        anyOf: ['disclosure:item:list'],
        hideInMenu: true,
      },
      {
        path: '/disclosure/inbox',
        label: '待我审核',
        anyOf: ['disclosure:review:approve'],
        quickLink: true,
        description: '初审、复审、终审',
      },
      {
        path: '/disclosure/catalog',
        label: '公开目录',
        anyOf: ['disclosure:catalog:list'],
      },
      {
        path: '/disclosure/directory/import',
        label: '导入标准目录',
        anyOf: ['disclosure:catalog:update'],
      },
      {
        path: '/disclosure/directory/coverage',
        label: '标准目录覆盖',
        anyOf: ['disclosure:catalog:list'],
      },
      {
        path: '/disclosure/normative',
        label: '规范性文件',
        anyOf: ['disclosure:item:list'],
      },
      {
        path: '/disclosure/interpretations',
        label: '政策解读',
        anyOf: ['disclosure:item:list'],
      },
      {
        path: '/disclosure/briefings',
        label: '新闻发布会/访谈',
        anyOf: ['disclosure:item:list'],
        description: '政策解读的发布会、访谈登记，关联所解读的政策',
      },
      {
        path: '/disclosure/normative-review',
        label: '规范性文件清理',
        anyOf: ['disclosure:item:list'],
        description: '年度清理、失效引用、合法性审核与备案审查',
      },
      {
        path: '/disclosure/enforcement',
        label: '行政执法公示',
        anyOf: ['disclosure:enforcement:list'],
        description: '执法决定公示时限（7/20 个工作日）、导入、公示与撤下',
      },
      {
        path: '/disclosure/decisions',
        label: '决策预公开',
        anyOf: ['disclosure:decision:list'],
        description: '决策草案公开征求意见、意见审核、意见采纳情况、列席与政府开放日',
      },
      {
        path: '/disclosure/calendar',
        label: '发布日历',
        anyOf: ['disclosure:item:list'],
      },
      {
        path: '/disclosure/stats',
        label: '发布统计',
        anyOf: ['disclosure:stats:list'],
      },
      {
        path: '/disclosure/settings',
        label: '发布设置',
        anyOf: ['disclosure:settings:update'],
      },
    ],
  },
  {
    key: 'media',
    label: '网站与新媒体',
    icon: <GlobalOutlined />,
    pages: [
      {
        path: '/media/websites',
        label: '政府网站',
        anyOf: ['media:registry:list'],
        quickLink: true,
        description: '网站登记册、按19号文检查与整改',
      },
      {
        path: '/media/accounts',
        label: '政务新媒体',
        anyOf: ['media:registry:list'],
        description: '政务新媒体账号登记册',
      },
      {
        path: '/media/filings',
        label: '备案审核',
        anyOf: ['media:registry:list'],
        description: '开设、变更、关停、注销备案',
      },
      {
        path: '/media/dashboard',
        label: '健康与整改',
        anyOf: ['media:registry:list'],
        description: '网站健康趋势与各单位未完成整改',
      },
      {
        path: '/media/bulletins',
        label: '检查通报',
        anyOf: ['media:registry:list'],
        description: '季度、半年检查通报（.docx）与门户发布',
      },
      {
        path: '/media/annual-reports',
        label: '年度报表',
        anyOf: ['media:registry:list'],
        description: '政府网站工作年度报表（1月31日前）填报、审核与发布',
      },
    ],
  },
  {
    key: 'assessment',
    label: '考核评估',
    icon: <TrophyOutlined />,
    pages: [
      {
        path: '/assessment/ranking',
        label: '考核排名',
        anyOf: ['assessment:result:list'],
        description: '按平台实时数据计算的得分、排名与通报，可追溯到记录',
      },
      {
        path: '/assessment/scoring',
        label: '考核评分',
        anyOf: ['assessment:score:update'],
        description: '人工指标评分与电话测评导入',
      },
      {
        path: '/assessment/tree',
        label: '指标体系',
        anyOf: ['assessment:plan:list'],
        description: '年度考核指标与分值，开始评分后冻结',
      },
    ],
  },
  {
    key: 'audit',
    label: '安全审计',
    icon: <AuditOutlined />,
    pages: [
      {
        path: '/audit/logs',
        label: '审计日志',
        anyOf: ['audit:log:list'],
        quickLink: true,
        description: '操作记录与审计链校验',
      },
      {
        path: '/audit/logins',
        label: '登录日志',
        anyOf: ['audit:login:list'],
        quickLink: true,
        description: '登录成功、失败与锁定记录',
      },
      {
        path: '/audit/pia',
        label: '个人信息影响评估',
        anyOf: ['disclosure:pia:list'],
        description: '放行含个人信息的检查项时填写的评估记录',
      },
    ],
  },
  {
    key: 'system',
    label: '系统设置',
    icon: <SettingOutlined />,
    pages: [
      {
        path: '/system/calendar',
        label: '工作日历',
        anyOf: ['system:calendar:list'],
        quickLink: true,
        description: '法定节假日与调休，工作日计算',
      },
      {
        path: '/system/security',
        label: '安全策略',
        anyOf: ['system:security:list'],
        quickLink: true,
        description: '密码、锁定与会话策略',
      },
    ],
  },
];

/** Cards on the home page; later modules append theirs (e.g. 待办任务, 临期申请). */
export const HOME_CARDS: HomeCard[] = [
  {
    key: 'requests-due',
    anyOf: ['requests:case:handle'],
    component: lazy(() => import('./features/requests/DueCard')),
  },
  {
    key: 'interaction-open',
    anyOf: ['interaction:consult:handle'],
    component: lazy(() => import('./features/interaction/OpenCard')),
  },
];
