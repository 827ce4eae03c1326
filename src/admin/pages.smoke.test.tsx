import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CalendarYearSummary, LeadingGroup, Paged, Unit, UnitTreeNode, User } from '../contracts/api';
import { orgApi } from '../contracts/org';
import type { RoleCode } from '../contracts/roles';
import { ME_KEY } from './auth';
import { searchKey } from './components/SearchTable';
import { UNIT_TREE_KEY } from './components/units';
import { LoginPage } from './features/auth/pages/LoginPage';
import { PasswordPage } from './features/auth/pages/PasswordPage';
import LeadingGroupPage from './features/org/pages/LeadingGroupPage';
import UnitsPage from './features/org/pages/UnitsPage';
import UsersPage from './features/org/pages/UsersPage';
import CalendarPage from './features/system/pages/CalendarPage';
import { AdminLayout } from './layout/AdminLayout';
import { expectShows, me, renderPage, text } from './testing/smoke';

const tree: UnitTreeNode[] = [
  {
    id: 'gov',
    name: '某某区人民政府',
    kind: 'government',
    children: [{ id: 'edu', name: '区教育局', kind: 'department', children: [] }],
  },
];

const render = renderPage;

describe('LoginPage', () => {
  it('renders the username and password fields', () => {
    const html = render(<LoginPage />, []);
    expect(html).toContain('data-testid="login-username"');
    expect(html).toContain('data-testid="login-password"');
    expect(text(html)).toContain('政务公开管理平台');
  });
});

describe('PasswordPage', () => {
  it('tells a user who must change the password, with the policy', () => {
    const html = render(<PasswordPage />, [[ME_KEY, me('liaison', { mustChangePassword: true })]]);
    expect(html).toContain('data-testid="password-forced"');
    expect(text(html)).toContain('密码至少 8 位');
  });
});

describe('AdminLayout menu', () => {
  const layout = (role: RoleCode) =>
    text(
      render(
        <Routes>
          <Route path="/" element={<AdminLayout />} />
        </Routes>,
        [[ME_KEY, me(role)]],
      ),
    );
  it('shows the user, unit and logout', () => {
    const t = layout('office');
    expectShows(t, ['张三', '某某区人民政府办公室', '退出登录']);
  });
  // Server rendering shows the menu groups (antd renders sub-menu items on the client); menu.test.ts checks
  // the page entries of each role.
  it.each<[RoleCode, string[], string[]]>([
    ['auditor', ['首页', '安全审计'], ['组织机构', '系统设置']],
    ['secadmin', ['组织机构', '安全审计', '系统设置'], []],
    // The office's 安全审计 holds the PIA records only (menu.test.ts: not the logs).
    ['office', ['组织机构', '系统设置', '安全审计'], []],
  ])('%s sees groups %j and not %j', (role, shown, hidden) => {
    const t = layout(role);
    for (const s of shown) expect(t).toContain(s);
    for (const s of hidden) expect(t).not.toContain(s);
  });
});

const users: Paged<User> = {
  total: 1,
  items: [
    {
      id: 'x1',
      username: 'lisi',
      name: '李四',
      unitId: 'edu',
      unitName: '区教育局',
      roles: ['liaison'],
      phoneMasked: '138****5678',
      status: 'active',
      locked: true,
      mustChangePassword: true,
      lastLoginAt: null,
      createdAt: '2026-01-05T02:00:00Z',
    },
  ],
};

describe('UsersPage', () => {
  const page = (role: RoleCode) =>
    render(<UsersPage />, [
      [ME_KEY, me(role)],
      [UNIT_TREE_KEY, tree],
      [searchKey(orgApi.users, { unitId: null, page: 1, pageSize: 20 }), users],
    ]);
  it('lists users with masked phone, role label and locked badge', () => {
    const html = page('office');
    const t = text(html);
    expectShows(t, ['李四', '138****5678', '联络员', '从未登录', '区教育局']);
    expect(html).toContain('data-testid="user-locked"');
  });
  it('shows create / import / export only with the permissions', () => {
    const office = page('office');
    expectShows(office, [
      'data-testid="user-create"',
      'data-testid="user-import"',
      'data-testid="user-export"',
    ]);
    // The security administrator creates the 三员 accounts (and only those: domain/org/separation.ts), but
    // neither imports nor exports the account list.
    const sec = page('secadmin');
    expect(sec).toContain('data-testid="user-create"');
    expect(sec).not.toContain('data-testid="user-import"');
    expect(sec).not.toContain('data-testid="user-export"');
  });
});

describe('UnitsPage', () => {
  const units: Paged<Unit> = {
    total: 1,
    items: [
      {
        id: 'edu',
        name: '区教育局',
        shortName: '教育局',
        fullName: null,
        creditCode: null,
        kind: 'department',
        parentId: 'gov',
        aliases: ['区教体局', '教育和体育局'],
        sort: 1,
        userCount: 3,
      },
    ],
  };
  it('shows kind label, parent name and alias tags', () => {
    const t = text(
      render(<UnitsPage />, [
        [ME_KEY, me('office')],
        [UNIT_TREE_KEY, tree],
        [searchKey(orgApi.units, { parentId: null, page: 1, pageSize: 20 }), units],
      ]),
    );
    expectShows(t, ['部门', '某某区人民政府', '区教体局', '教育和体育局']);
  });
});

describe('LeadingGroupPage', () => {
  const group: LeadingGroup = {
    id: 'g',
    title: '关于调整某某区政务公开工作领导小组成员的通知',
    docNumber: '某政办〔2026〕3号',
    date: '2026-02-10',
    leader: { name: '王五', title: '区长' },
    deputyLeaders: [{ name: '赵六', title: '副区长' }],
    officeUnitId: 'gov',
    officeUnitName: '某某区人民政府办公室',
    officeDirector: '钱七',
    members: [
      { unitId: 'edu', unitName: '区教育局', writtenAs: '区教体局', duty: '负责教育领域公开', liaisons: [] },
    ],
  };
  it('shows the group, its members and missing liaisons', () => {
    const html = render(<LeadingGroupPage />, [
      [ME_KEY, me('office')],
      [['org', 'leading-group'], group],
    ]);
    const t = text(html);
    expectShows(t, ['某政办〔2026〕3号', '王五（区长）', '区教体局', '未设置']);
    expect(html).toContain('data-testid="lg-import-open"');
  });
  it('hides the import button without org:group:import', () => {
    const html = render(<LeadingGroupPage />, [
      [ME_KEY, me('liaison')],
      [['org', 'leading-group'], null],
    ]);
    expect(html).not.toContain('data-testid="lg-import-open"');
    expect(text(html)).toContain('尚未导入领导小组通知');
  });
});

describe('CalendarPage', () => {
  const y2026: CalendarYearSummary = {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    workingDays: 248,
    holidays: [
      {
        name: '国庆节',
        off: [
          '2026-10-01',
          '2026-10-02',
          '2026-10-03',
          '2026-10-04',
          '2026-10-05',
          '2026-10-06',
          '2026-10-07',
        ],
        makeupWorkdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  };
  it('marks holidays and make-up days in the month grids', () => {
    const html = render(<CalendarPage />, [
      [ME_KEY, me('office')],
      [['calendar', 'years'], [y2026]],
    ]);
    expect(html).toMatch(/data-date="2026-10-01" data-kind="holiday"/);
    expect(html).toMatch(/data-date="2026-10-10" data-kind="makeup"/);
    expect(html).toMatch(/data-date="2026-10-11" data-kind="weekend"/);
    expect(text(html)).toContain('全年工作日');
  });
});
