// First start: built-in roles, the district's root units, and the first administrator. With GONGKAI_DEMO (the
// default for `npm start`) also the demo district from seed 000. Idempotent: runs on every start.
import { count, eq, isNull } from 'drizzle-orm';
import { chinaDate } from '../domain/calendar';
import type { Config } from './config';
import type { Database } from './db/client';
import { units, users } from './db/schema';
import { seedDemoDistrict, seedTasksDemo } from './demo';
import { seedAssessmentDemo } from './modules/assessment';
import { applyTownshipArt21List, indexMissing, seedDisclosureDemo } from './modules/disclosure';
import { sealStoredAskers, seedHotlineDemo } from './modules/interaction';
import { seedAnnualReportDemo, seedMediaDemo } from './modules/media';
import { seedRoles } from './modules/org/roles.service';
import { createUnitTx } from './modules/org/units.service';
import { createStartAccount, sealStoredUserPhones } from './modules/org/users.service';
import { sealStoredApplicants } from './modules/requests';
import { systemActor } from './platform/context';
import { fieldKeysOf } from './platform/crypto/fields';
import { type ResealReport, resealRetiredKeys } from './platform/crypto/reseal';

/** A random password that satisfies the default policy (upper, lower, digit, symbol; 16 characters). */
export const OFFICE_UNIT = '区政府办公室';

export async function bootstrap(
  database: Database,
  config: Config,
  print: (m: string) => void,
): Promise<void> {
  const actor = systemActor('bootstrap');
  await database.db.transaction(async (tx) => {
    await seedRoles(tx);
    const [n] = await tx.select({ n: count() }).from(units);
    if (Number(n?.n) === 0) {
      const rootId = await createUnitTx(tx, actor, {
        name: `${config.districtName}人民政府`,
        kind: 'government',
        aliases: [],
      });
      await createUnitTx(tx, actor, {
        name: OFFICE_UNIT,
        kind: 'department',
        parentId: rootId,
        aliases: ['区府办'],
      });
    }
  });
  const [u] = await database.db.select({ n: count() }).from(users);
  if (Number(u?.n) === 0) {
    const office = await database.db.select({ id: units.id }).from(units).where(eq(units.name, OFFICE_UNIT));
    const root = await database.db.select({ id: units.id }).from(units).where(isNull(units.parentId));
    const unitId = office[0]?.id ?? root[0]!.id;
    const password = await createStartAccount(
      database,
      fieldKeysOf(config.fieldKeysFile),
      actor,
      { username: 'admin', name: '系统管理员', unitId, roles: ['sysadmin'] },
      config.adminPassword,
    );
    if (config.adminPassword) {
      print('已创建系统管理员账号 admin，初始密码取自 GONGKAI_ADMIN_PASSWORD；首次登录须修改密码。');
    } else {
      print('\n================ 首次启动 ================');
      print('已创建系统管理员账号：admin');
      print(`初始密码（只显示这一次，请妥善保存）：${password}`);
      print('首次登录后必须修改密码。');
      print('==========================================\n');
    }
  }
  if (config.demo) await seedDemoDistrict(database, config, print);
  if (config.demo && config.demoContent) {
    const n = await database.db.transaction((tx) => seedDisclosureDemo(tx));
    if (n) print(`已在门户发布 ${n} 条示例信息（标题带“示例”）。`);
    await database.db.transaction((tx) => seedHotlineDemo(tx));
    // Last year's 考核 (the ranking page opens on it) over demo websites and 政务新媒体 of that year.
    const now = new Date();
    const lastYear = Number(chinaDate(now).slice(0, 4)) - 1;
    await database.db.transaction((tx) => seedMediaDemo(tx, lastYear));
    // Last year's 政府网站工作年度报表 of a demo site, published (/xxgk/wzndbb is not empty).
    await database.db.transaction((tx) => seedAnnualReportDemo(tx, lastYear, now));
    const thisYear = lastYear + 1;
    const tasks = await seedTasksDemo(database, config, thisYear);
    if (tasks) print(`已导入 ${thisYear} 年示例任务分工（${tasks} 项任务，见“工作任务 → 任务台账”）。`);
    const scored = await seedAssessmentDemo(database, lastYear, now);
    if (scored)
      print(`已生成 ${lastYear} 年度示例考核（${scored} 个单位的人工评分与电话测评，镇街结果已公布）。`);
  }
  // 镇街 catalogs made with the county Art. 21 list get the township list (条例第二十一条), once each.
  const townships = await applyTownshipArt21List(database, actor);
  if (townships) print(`已将 ${townships} 个镇街的公开目录调整为乡（镇）人民政府的第二十一条事项。`);
  // Items published before the search index existed (or while it was rebuilt) are indexed now.
  const indexed = await indexMissing(database);
  if (indexed) print(`已为 ${indexed} 条已发布信息建立检索索引。`);
  // Personal data stored before encryption is sealed with the current key.
  const sealed = await database.db.transaction((tx) =>
    sealStoredApplicants(tx, fieldKeysOf(config.fieldKeysFile)),
  );
  if (sealed) print(`已加密 ${sealed} 件申请的申请人个人信息。`);
  const askers = await database.db.transaction((tx) =>
    sealStoredAskers(tx, fieldKeysOf(config.fieldKeysFile)),
  );
  if (askers) print(`已加密 ${askers} 件政策咨询的咨询人姓名与联系方式。`);
  const phones = await sealStoredUserPhones(database, fieldKeysOf(config.fieldKeysFile));
  if (phones) print(`已加密 ${phones} 个用户账号的手机号。`);
  // After a key rotation: every sealed value still under another key moves to the current one (README "Key files").
  reportReseal(await resealRetiredKeys(database, fieldKeysOf(config.fieldKeysFile)), config, print);
}

function reportReseal(r: ResealReport, config: Config, print: (m: string) => void): void {
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  const keys = fieldKeysOf(config.fieldKeysFile);
  const retired = [...keys.keys.keys()].filter((k) => k !== keys.current);
  if (sum(r.resealed)) print(`已用当前密钥 ${keys.current} 重新加密 ${sum(r.resealed)} 项个人信息。`);
  if (sum(r.failed))
    print(
      `警告：${sum(r.failed)} 项个人信息无法用旧密钥解密（数据损坏），未重新加密：${Object.keys(r.failed).join('、')}。`,
    );
  if (sum(r.unknownKey))
    print(
      `警告：${sum(r.unknownKey)} 项个人信息所用的密钥已不在密钥文件中，无法读取，请将该密钥放回：${Object.keys(r.unknownKey).join('、')}。`,
    );
  else if (retired.length && !sum(r.failed))
    print(`个人信息已全部使用当前密钥 ${keys.current}；旧密钥 ${retired.join('、')} 可从密钥文件中删除。`);
}
