// 三权分立 (issue 10 part 1, SECURITY.md 12): the insider attacks of the security review, each refused with a 403
// and a failure audit row that stays although the write is refused; and the legitimate paths still work.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/contracts/api';
import { auditLog, rolePermissions, units, userRoles, users } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let sysadmin: Client;
let secadmin: Client;
const PW = 'Init#Pass2026';

async function userId(username: string): Promise<string> {
  return (await api.tdb.database.db.select().from(users).where(eq(users.username, username)))[0]!.id;
}
async function unitId(name: string): Promise<string> {
  return (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;
}
async function failures(action: string, objectId: string | null): Promise<number> {
  const rows = await api.tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.result, 'failure')));
  return rows.filter((r) => objectId === null || r.objectId === objectId).length;
}
async function rolesOf(username: string): Promise<string[]> {
  const id = await userId(username);
  return (await api.tdb.database.db.select().from(userRoles).where(eq(userRoles.userId, id))).map(
    (r) => r.roleCode,
  );
}
async function permissionsOf(role: string): Promise<string[]> {
  return (
    await api.tdb.database.db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, role))
  )[0]!.permissions;
}

/** The request is refused with a 403 carrying `reason`, and exactly one more failure audit row for it. */
async function expectRefused(
  send: () => Promise<{ status: number; body: { error?: { message: string } } }>,
  action: string,
  objectId: string | null,
  reason: RegExp,
): Promise<void> {
  const before = await failures(action, objectId);
  const res = await send();
  expect(res.status).toBe(403);
  expect(res.body.error?.message).toMatch(reason);
  expect(await failures(action, objectId)).toBe(before + 1);
}

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  sysadmin = await api.loginAs('admin');
  secadmin = await api.loginAs('secadmin');
});
afterAll(() => api.close());

describe('the office never touches a 三员 account', () => {
  it('cannot reset the system administrator’s password', async () => {
    const id = await userId('admin');
    const hash = (await api.tdb.database.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash;
    await expectRefused(
      () => office.post(`/api/org/users/${id}/reset-password`, { password: 'Take#Over2026x' }),
      'org.user.resetPassword',
      id,
      /三员账号/,
    );
    expect((await api.tdb.database.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash).toBe(
      hash,
    );
  });

  it('cannot disable the auditor', async () => {
    const id = await userId('auditor');
    const me = (await api.tdb.database.db.select().from(users).where(eq(users.id, id)))[0]!;
    await expectRefused(
      () =>
        office.put(`/api/org/users/${id}`, {
          name: me.name,
          unitId: me.unitId,
          roles: ['auditor'],
          status: 'disabled',
        }),
      'org.user.update',
      id,
      /三员账号/,
    );
    expect((await api.tdb.database.db.select().from(users).where(eq(users.id, id)))[0]!.status).toBe(
      'active',
    );
  });

  it('cannot move the security administrator to another unit', async () => {
    const id = await userId('secadmin');
    const target = await unitId('区教委');
    await expectRefused(
      () =>
        office.put(`/api/org/users/${id}`, {
          name: '安全管理员',
          unitId: target,
          roles: ['secadmin'],
          status: 'active',
        }),
      'org.user.update',
      id,
      /三员账号/,
    );
    const row = (await api.tdb.database.db.select().from(users).where(eq(users.id, id)))[0]!;
    expect(row.unitId).not.toBe(target);
  });
});

describe('the system administrator manages ordinary accounts only', () => {
  it('cannot create an auditor account', async () => {
    const unit = await unitId('区政府办公室');
    await expectRefused(
      () =>
        sysadmin.post('/api/org/users', {
          username: 'aud_shadow',
          name: '影子审计',
          unitId: unit,
          roles: ['auditor'],
          password: PW,
        }),
      'org.user.create',
      null,
      /三员账号/,
    );
    expect(
      await api.tdb.database.db.select().from(users).where(eq(users.username, 'aud_shadow')),
    ).toHaveLength(0);
  });

  it('cannot reset the auditor’s password', async () => {
    const id = await userId('auditor');
    await expectRefused(
      () => sysadmin.post(`/api/org/users/${id}/reset-password`, { password: 'Take#Over2026x' }),
      'org.user.resetPassword',
      id,
      /三员账号/,
    );
  });

  it('cannot strip the auditor role’s permissions, nor add audit codes to its own role', async () => {
    // It no longer holds org:role:update, so the route refuses first …
    const auditorBefore = await permissionsOf('auditor');
    const strip = await sysadmin.put('/api/org/roles/auditor', { permissions: [] });
    expect(strip.status).toBe(403);
    expect(await permissionsOf('auditor')).toEqual(auditorBefore);
    const widen = await sysadmin.put('/api/org/roles/sysadmin', {
      permissions: [...(await permissionsOf('sysadmin')), 'audit:log:list', 'requests:case:handle'],
    });
    expect(widen.status).toBe(403);
    expect(await permissionsOf('sysadmin')).not.toContain('audit:log:list');
    // … and the use case refuses too (with an audit row) should the code ever reach its role again.
    const { updateRole } = await import('../../src/server/modules/org/roles.service');
    const caller = { id: await userId('admin'), roles: ['sysadmin' as const] };
    const actor = {
      userId: caller.id,
      username: 'admin',
      unitId: null,
      unitName: null,
      ip: null,
      requestId: null,
    };
    for (const [role, perms] of [
      ['auditor', []],
      ['sysadmin', ['org:user:list', 'audit:log:list']],
    ] as const) {
      const before = await failures('org.role.update', role);
      await expect(updateRole(api.tdb.database, caller, actor, role, [...perms])).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: '只有安全管理员可以修改角色权限',
      });
      expect(await failures('org.role.update', role)).toBe(before + 1);
    }
    expect(await permissionsOf('auditor')).toEqual(auditorBefore);
  });

  it('creates a liaison (happy path)', async () => {
    const res = await sysadmin.post<User>('/api/org/users', {
      username: 'sys_liaison',
      name: '系统建',
      unitId: await unitId('区发展改革委'),
      roles: ['liaison'],
      password: PW,
    });
    expect(res.status).toBe(201);
    expect(res.body.data?.roles).toEqual(['liaison']);
  });
});

describe('the security administrator', () => {
  it('cannot edit its own role, nor widen a business role with reserved codes', async () => {
    await expectRefused(
      () => secadmin.put('/api/org/roles/secadmin', { permissions: ['org:user:list'] }),
      'org.role.update',
      'secadmin',
      /自己所属角色/,
    );
    await expectRefused(
      () => secadmin.put('/api/org/roles/office', { permissions: ['org:unit:list', 'audit:log:list'] }),
      'org.role.update',
      'office',
      /三权分立/,
    );
  });

  it('edits a business role’s permissions (happy path)', async () => {
    const before = await permissionsOf('leader');
    const res = await secadmin.put('/api/org/roles/leader', {
      permissions: before.filter((p) => p !== 'tasks:dashboard:view'),
    });
    expect(res.status).toBe(200);
    expect(await permissionsOf('leader')).not.toContain('tasks:dashboard:view');
    await secadmin.put('/api/org/roles/leader', { permissions: before });
  });

  it('assigns the auditor role to a new account (happy path)', async () => {
    const res = await secadmin.post<User>('/api/org/users', {
      username: 'auditor2',
      name: '审计二',
      unitId: await unitId('区政府办公室'),
      roles: ['auditor'],
      password: PW,
    });
    expect(res.status).toBe(201);
    expect(res.body.data?.roles).toEqual(['auditor']);
  });

  it('still cannot give one account two 三员 roles (400, recorded)', async () => {
    const id = await userId('auditor2');
    const before = await failures('org.user.update', id);
    const res = await secadmin.put(`/api/org/users/${id}`, {
      name: '审计二',
      unitId: await unitId('区政府办公室'),
      roles: ['auditor', 'sysadmin'],
      status: 'active',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('三权分立');
    expect(await failures('org.user.update', id)).toBe(before + 1);
    expect(await rolesOf('auditor2')).toEqual(['auditor']);
  });
});

describe('nobody changes their own roles', () => {
  it.each([
    ['office', ['office', 'leader']],
    ['admin', ['secadmin']],
    ['secadmin', ['sysadmin']],
  ])('%s cannot change its own roles', async (username, roles) => {
    const client = await api.loginAs(username);
    const id = await userId(username);
    const me = (await api.tdb.database.db.select().from(users).where(eq(users.id, id)))[0]!;
    const before = await rolesOf(username);
    const res = await client.put(`/api/org/users/${id}`, {
      name: me.name,
      unitId: me.unitId,
      roles,
      status: 'active',
    });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toBe('不能修改自己的角色');
    expect(await rolesOf(username)).toEqual(before);
  });

  it('the secadmin is refused a change of its own role (not only a bad combination)', async () => {
    const id = await userId('secadmin');
    const me = (await api.tdb.database.db.select().from(users).where(eq(users.id, id)))[0]!;
    await expectRefused(
      () =>
        secadmin.put(`/api/org/users/${id}`, {
          name: me.name,
          unitId: me.unitId,
          roles: ['office'],
          status: 'active',
        }),
      'org.user.update',
      id,
      /不能修改自己的角色/,
    );
  });
});

describe('the office in its scope', () => {
  it('creates a liaison (happy path) but cannot grant the office role', async () => {
    const unit = await unitId('区教委');
    const ok = await office.post<User>('/api/org/users', {
      username: 'jw_liaison2',
      name: '教委二',
      unitId: unit,
      roles: ['liaison'],
      password: PW,
    });
    expect(ok.status).toBe(201);
    await expectRefused(
      () =>
        office.put(`/api/org/users/${ok.body.data!.id}`, {
          name: '教委二',
          unitId: unit,
          roles: ['office'],
          status: 'active',
        }),
      'org.user.update',
      ok.body.data!.id,
      /联络员、审核人、领导/,
    );
  });
});

describe('role seeding for an existing database (no migration)', () => {
  it('moves org:role:update off the system admin, restores the 三员 sets, strips reserved codes from business roles', async () => {
    const { seedRoles } = await import('../../src/server/modules/org/roles.service');
    const { BUILTIN_ROLES } = await import('../../src/contracts/roles');
    const db = api.tdb.database.db;
    const set = (role: string, permissions: string[]) =>
      db.update(rolePermissions).set({ permissions }).where(eq(rolePermissions.roleCode, role));
    // An older version's state: the system admin edits roles, the auditor was stripped, the office was widened.
    await set('sysadmin', [...(await permissionsOf('sysadmin')), 'org:role:update']);
    await set('auditor', []);
    await set('office', [...(await permissionsOf('office')), 'org:user:unlock', 'audit:log:list']);
    await db.transaction((tx) => seedRoles(tx));
    for (const code of ['sysadmin', 'secadmin', 'auditor'])
      expect((await permissionsOf(code)).slice().sort()).toEqual(
        BUILTIN_ROLES.find((r) => r.code === code)!
          .permissions.slice()
          .sort(),
      );
    expect(await permissionsOf('sysadmin')).not.toContain('org:role:update');
    expect(await permissionsOf('office')).not.toContain('org:user:unlock');
    expect(await permissionsOf('office')).not.toContain('audit:log:list');
    expect(await permissionsOf('office')).toContain('org:user:update');
  });
});

describe('user import', () => {
  it('the system admin cannot import an auditor account: 403, audited, nobody stored', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['用户名', '姓名', '所属单位', '角色', '手机号', '初始密码']);
    ws.addRow(['imp_ok', '孙一', '区民政局', '联络员', '', PW]);
    ws.addRow(['imp_aud', '孙二', '区政府办公室', '审计管理员', '', PW]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expectRefused(
      () => sysadmin.upload('/api/org/users/import', '用户.xlsx', bytes),
      'org.user.import',
      null,
      /三员账号/,
    );
    const stored = await api.tdb.database.db.select().from(users).where(eq(users.username, 'imp_ok'));
    expect(stored).toHaveLength(0);
  });
});
