// The demo district (GONGKAI_DEMO=1, the default of `npm start`): 潼南区's units from seed 000, its groups, the
// leading group imported from the notice itself (a copy of seed 000 ships in demo/), one demo user per role, and
// (with the demo content) a 任务分工 notice of the current year imported as an officer would (demo/tasks-notice.txt).
import fs from 'node:fs';
import { count, eq, isNull } from 'drizzle-orm';
import type { RoleCode } from '../contracts/roles';
import { DEMO_GROUPS, DEMO_ROOT_UNIT, DEMO_UNITS } from '../domain/org/demo-district';
import type { Config } from './config';
import type { Database } from './db/client';
import { leadingGroups, unitAliases, unitGroupMembers, unitGroups, units, users } from './db/schema';
import { commitLeadingGroup, previewLeadingGroup } from './modules/org/leading-group.service';
import { createUnitTx } from './modules/org/units.service';
import { createStartAccount } from './modules/org/users.service';
import { autoCommitBody, commitPlan, previewImport } from './modules/tasks';
import { systemActor } from './platform/context';
import { fieldKeysOf } from './platform/crypto/fields';
import { pastedToBlocks } from './platform/documents/text';
import { DEFAULT_SECURITY, getSetting, putSetting } from './platform/settings';

// 三审 with the default "a different person per level": 初审 by the unit's reviewer (fgw_reviewer), 复审 by the
// office's reviewer, 终审 by the leader — the last two hold a role of scope 'all' so every unit's items reach them.
export const DEMO_USERS: { username: string; name: string; unit: string; roles: RoleCode[] }[] = [
  { username: 'office', name: '汤青青', unit: '信息科（政务公开科）', roles: ['office'] },
  { username: 'office_reviewer', name: '周敏', unit: '信息科（政务公开科）', roles: ['office', 'reviewer'] },
  { username: 'fgw_liaison', name: '李明', unit: '区发展改革委', roles: ['liaison'] },
  { username: 'fgw_reviewer', name: '王芳', unit: '区发展改革委', roles: ['reviewer'] },
  { username: 'jw_liaison', name: '张伟', unit: '区教委', roles: ['liaison'] },
  { username: 'leader', name: '谢子清', unit: '区政府办公室', roles: ['leader', 'reviewer'] },
  { username: 'secadmin', name: '安全管理员', unit: '区政府办公室', roles: ['secadmin'] },
  { username: 'auditor', name: '审计管理员', unit: '区政府办公室', roles: ['auditor'] },
];

export async function seedDemoDistrict(
  database: Database,
  config: Config,
  print: (m: string) => void,
): Promise<void> {
  if (await getSetting<boolean>(database, 'demo.seeded')) return;
  const actor = systemActor('demo');
  const root = (await database.db.select().from(units).where(isNull(units.parentId)).limit(1))[0];
  if (!root) return;
  await database.db.transaction(async (tx) => {
    const ids = new Map<string, string>([[DEMO_ROOT_UNIT, root.id]]);
    for (const u of await tx.select().from(units)) ids.set(u.name, u.id);
    for (const u of DEMO_UNITS) {
      if (u.name === DEMO_ROOT_UNIT) {
        const have = new Set((await tx.select().from(unitAliases)).map((a) => a.alias));
        const add = [u.name, ...u.aliases].filter((a) => a !== root.name && !have.has(a));
        if (add.length) await tx.insert(unitAliases).values(add.map((alias) => ({ unitId: root.id, alias })));
        continue;
      }
      const existing = ids.get(u.name);
      if (existing) {
        const have = new Set((await tx.select().from(unitAliases)).map((a) => a.alias));
        const add = u.aliases.filter((a) => !have.has(a));
        if (add.length)
          await tx.insert(unitAliases).values(add.map((alias) => ({ unitId: existing, alias })));
        continue;
      }
      const parentId = u.parent ? ids.get(u.parent) : root.id;
      ids.set(
        u.name,
        await createUnitTx(tx, actor, {
          name: u.name,
          kind: u.kind,
          parentId: parentId ?? root.id,
          aliases: u.aliases,
        }),
      );
    }
    for (const g of DEMO_GROUPS) {
      const exists = await tx
        .select({ id: unitGroups.id })
        .from(unitGroups)
        .where(eq(unitGroups.name, g.name));
      if (exists[0]) continue;
      const [row] = await tx
        .insert(unitGroups)
        .values({
          name: g.name,
          aliases: g.aliases,
          needsChoice: g.needsChoice,
          memberKinds: g.members.kinds ?? [],
        })
        .returning({ id: unitGroups.id });
      const explicit = (g.members.unitNames ?? []).map((n) => ids.get(n)).filter((x): x is string => !!x);
      if (explicit.length)
        await tx.insert(unitGroupMembers).values(explicit.map((unitId) => ({ groupId: row!.id, unitId })));
    }
  });

  const [lg] = await database.db.select({ n: count() }).from(leadingGroups);
  if (Number(lg?.n) === 0) {
    const text = fs.readFileSync(new URL('./demo/leading-group-notice.txt', import.meta.url), 'utf8');
    const { notice, matches } = await previewLeadingGroup(database.db, config.districtName, text);
    const resolutions = matches.map((m) => ({ written: m.written, unitId: m.unitId, create: !m.unitId }));
    await commitLeadingGroup(database, actor, config.districtName, notice, resolutions);
  }

  const created: { username: string; name: string; unit: string; password: string }[] = [];
  const keys = fieldKeysOf(config.fieldKeysFile);
  for (const du of DEMO_USERS) {
    const exists = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, du.username));
    if (exists[0]) continue;
    const unit = (await database.db.select({ id: units.id }).from(units).where(eq(units.name, du.unit)))[0];
    if (!unit) continue;
    const password = await createStartAccount(
      database,
      keys,
      actor,
      { ...du, unitId: unit.id },
      config.demoPassword,
    );
    created.push({ ...du, password });
  }
  // The demo keeps two-step verification to the 三员 (the policy page shows it; a secadmin can widen it).
  const security = await getSetting<Record<string, unknown>>(database, 'security');
  await database.db.transaction(async (tx) => {
    if (!security) await putSetting(tx, 'security', { ...DEFAULT_SECURITY, twoFactorScope: 'separated' });
    await putSetting(tx, 'demo.seeded', true);
  });
  if (created.length) {
    print('已建立演示区县（潼南区）：25 个领导小组成员单位、4 个镇街、各角色演示账号：');
    for (const c of created)
      print(
        `  ${c.username.padEnd(14)} ${c.name}（${c.unit}）  初始密码：${config.demoPassword ? '（GONGKAI_DEMO_PASSWORD）' : c.password}`,
      );
    print('演示账号首次登录须修改密码。\n');
  }
}

/**
 * The demo's work plan: demo/tasks-notice.txt for `year` (the notice's dates follow it), read through the same
 * import as an officer's pasted notice (preview → every unit as the registry resolves it → commit), so that the
 * ledgers, the 督办看板 and the to-do lists have tasks to show, some already overdue. Once per database; the number
 * of tasks imported, 0 when it had been done.
 */
export async function seedTasksDemo(database: Database, config: Config, year: number): Promise<number> {
  if (await getSetting<boolean>(database, 'demo.tasksSeeded')) return 0;
  const text = fs.readFileSync(new URL('./demo/tasks-notice.txt', import.meta.url), 'utf8');
  const blocks = pastedToBlocks(text.replaceAll('{{年}}', String(year)));
  const preview = await previewImport(database.db, config.districtName, blocks, { year });
  await commitPlan(database, systemActor('demo'), autoCommitBody(preview, 'quarter'), config.districtName);
  await database.db.transaction((tx) => putSetting(tx, 'demo.tasksSeeded', true));
  return preview.plan.tasks.length;
}
