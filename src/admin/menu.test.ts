import { describe, expect, it } from 'vitest';
import type { PermissionCode } from '../contracts/permissions';
import { BUILTIN_ROLES, type RoleCode } from '../contracts/roles';
import { canSee, firstAllowedPath, type ModuleEntry, selectedPath, visibleModules } from './menu';
import { ADMIN_MODULES } from './modules';
import { PAGE_COMPONENTS } from './routes';

const modules: ModuleEntry[] = [
  { key: 'home', label: '首页', pages: [{ path: '/', label: '首页' }] },
  {
    key: 'org',
    label: '组织机构',
    pages: [
      { path: '/org/units', label: '单位管理', anyOf: ['org:unit:list'] },
      { path: '/org/users', label: '用户管理', anyOf: ['org:user:list'] },
      { path: '/org/users/import', label: '导入', anyOf: ['org:user:import'], hideInMenu: true },
    ],
  },
  {
    key: 'audit',
    label: '安全审计',
    pages: [{ path: '/audit/logs', label: '审计日志', anyOf: ['audit:log:list'] }],
  },
];

describe('canSee', () => {
  it.each<[PermissionCode[] | undefined, PermissionCode[], boolean]>([
    [undefined, [], true],
    [[], [], true],
    [['org:unit:list'], ['org:unit:list'], true],
    [['org:unit:list'], ['org:user:list'], false],
    [['org:unit:list', 'audit:log:list'], ['audit:log:list'], true],
  ])('anyOf %j with %j -> %s', (anyOf, granted, expected) => {
    expect(canSee({ path: '/x', label: 'x', anyOf }, granted)).toBe(expected);
  });
});

describe('visibleModules', () => {
  it('drops pages without permission, hidden pages and empty modules', () => {
    const vis = visibleModules(modules, ['org:unit:list', 'org:user:import']);
    expect(vis.map((m) => [m.key, m.pages.map((p) => p.path)])).toEqual([
      ['home', ['/']],
      ['org', ['/org/units']],
    ]);
  });
  it('does not mutate the registry', () => {
    visibleModules(modules, []);
    expect(modules[1]?.pages).toHaveLength(3);
  });
});

describe('selectedPath', () => {
  it.each([
    ['/', '/'],
    ['/org/units', '/org/units'],
    ['/org/users/import', '/org/users/import'],
    ['/org/users/42', '/org/users'],
    ['/org/unitsX', null],
    ['/nowhere', null],
  ])('%s -> %s', (pathname, expected) => {
    expect(selectedPath(modules, pathname)).toBe(expected);
  });
});

describe('firstAllowedPath', () => {
  it('is the first visible page', () => {
    expect(firstAllowedPath(modules.slice(1), ['audit:log:list'])).toBe('/audit/logs');
    expect(firstAllowedPath(modules.slice(1), [])).toBeNull();
  });
});

// The real registry against the built-in roles: each role sees exactly the console pages its duties need
// (三权分立: the auditor sees audit pages only — and the PIA records, read only — the security admin no org
// management beyond users).
const menuOf = (role: RoleCode) =>
  visibleModules(ADMIN_MODULES, BUILTIN_ROLES.find((r) => r.code === role)!.permissions).flatMap((m) =>
    m.pages.map((p) => p.label),
  );

// Who sees which page, in menu order. O office, L liaison, R reviewer, D leader (领导), S sysadmin, C secadmin, A auditor.
const MENU: [string, string][] = [
  ['首页', 'OLRDSCA'],
  ['单位管理', 'OLRDS'],
  ['用户管理', 'OLRDSC'],
  ['角色权限', 'SC'],
  ['领导小组', 'OLD'],
  ['任务台账', 'OLRD'],
  ['按任务台账', 'OLRD'],
  ['导入任务分工', 'O'],
  ['督办看板', 'OD'],
  ['延期审批', 'D'],
  ['申请办理', 'OLRD'],
  ['统计', 'OLRD'],
  ['年度报告', 'OLRD'],
  ['政策咨询', 'OLRD'],
  ['信箱', 'OLRD'],
  ['问答库', 'OLRD'],
  ['咨询与信箱统计', 'OLD'],
  ['来电登记', 'OLRD'],
  ['舆情回应', 'OLRD'],
  ['公开承诺', 'OLRD'],
  ['信息管理', 'OLRD'],
  ['待我审核', 'R'],
  ['公开目录', 'OLRD'],
  ['导入标准目录', 'O'],
  ['标准目录覆盖', 'OLRD'],
  ['规范性文件', 'OLRD'],
  ['政策解读', 'OLRD'],
  ['新闻发布会/访谈', 'OLRD'],
  ['规范性文件清理', 'OLRD'],
  ['行政执法公示', 'OLRD'],
  ['决策预公开', 'OLRD'],
  ['发布日历', 'OLRD'],
  ['发布统计', 'OD'],
  ['发布设置', 'O'],
  ['政府网站', 'OLD'],
  ['政务新媒体', 'OLD'],
  ['备案审核', 'OLD'],
  ['健康与整改', 'OLD'],
  ['检查通报', 'OLD'],
  ['年度报表', 'OLD'],
  ['考核排名', 'OL'],
  ['考核评分', 'O'],
  ['指标体系', 'O'],
  ['审计日志', 'A'],
  ['登录日志', 'CA'],
  ['个人信息影响评估', 'OA'],
  ['工作日历', 'OLRDS'],
  ['安全策略', 'C'],
];
const LETTERS: Record<RoleCode, string> = {
  office: 'O',
  liaison: 'L',
  reviewer: 'R',
  leader: 'D',
  sysadmin: 'S',
  secadmin: 'C',
  auditor: 'A',
};

describe.each(Object.entries(LETTERS) as [RoleCode, string][])('menu of %s', (role, letter) => {
  it('shows exactly its pages', () => {
    expect(menuOf(role)).toEqual(MENU.filter(([, who]) => who.includes(letter)).map(([label]) => label));
  });
});

describe('registry', () => {
  it('has unique paths starting with /', () => {
    const paths = ADMIN_MODULES.flatMap((m) => m.pages.map((p) => p.path));
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p.startsWith('/')).toBe(true);
  });
  it('guards every page except the home page with a permission', () => {
    const unguarded = ADMIN_MODULES.flatMap((m) => m.pages).filter((p) => !p.anyOf?.length);
    expect(unguarded.map((p) => p.path)).toEqual(['/']);
  });
  it('has a component for every page and no component without a page', () => {
    const paths = ADMIN_MODULES.flatMap((m) => m.pages.map((p) => p.path));
    expect(Object.keys(PAGE_COMPONENTS).sort()).toEqual([...paths].sort());
  });
});
