import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isIsoDate } from '../domain/calendar/dates';
import { parseLeadingGroupNotice } from '../domain/org/leading-group-notice';
import { buildAdmin } from '../server/admin-build';
import { backupTo, restoreFrom } from '../server/backup';
import { bootstrap } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { connect } from '../server/db/client';
import { runningEmbeddedUrl } from '../server/db/embedded';
import { restoreDrill, takeBaseBackup } from '../server/db/pitr';
import { startServer } from '../server/main';
import { commitLeadingGroup, previewLeadingGroup } from '../server/modules/org';
import { verifyAuditTrail } from '../server/platform/audit/checkpoint';
import { builtinCalendar, getCalendar } from '../server/platform/calendar/service';
import { systemActor } from '../server/platform/context';
import { fileToText } from '../server/platform/documents/text';
import { MODULE_COMMANDS } from './modules';

import { say, withDb } from './shared';

export function registerCommands(program: Command): void {
  registerPlatformCommands(program);
  // Business modules add their commands in src/cli/modules.ts.
  for (const register of MODULE_COMMANDS) register(program);
}

function registerPlatformCommands(program: Command): void {
  program
    .command('start')
    .description('启动 Gongkai（门户 + 管理后台；未设置 DATABASE_URL 时使用内置 PostgreSQL）')
    .option('--only <part>', '只提供 portal（公众门户）或 admin（管理后台）')
    .option('-p, --port <port>', '端口（默认 PORT 或 3000）')
    .action(async (opts: { only?: string; port?: string }) => {
      if (opts.only && opts.only !== 'portal' && opts.only !== 'admin')
        throw new Error('--only 只能是 portal 或 admin');
      const config = loadConfig(process.env, {
        ...(opts.only ? { only: opts.only as 'portal' | 'admin' } : {}),
        ...(opts.port ? { port: Number(opts.port) } : {}),
      });
      const server = await startServer(config);
      // The handlers stand before the line that says Gongkai is up: a stop sent on seeing it (a terminal's Ctrl-C, a
      // supervisor, a test) must never meet the default action, which kills Node without stopping PostgreSQL.
      let stopping = false;
      const stop = async (sig: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`收到 ${sig}，正在停止（PostgreSQL 正常关闭，数据已保存）…`);
        await server.stop();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      const base = `http://localhost:${server.port}`;
      console.log(
        `Gongkai 已启动：${config.only !== 'admin' ? `门户 ${base}/  ` : ''}${config.only !== 'portal' ? `管理后台 ${base}/admin` : ''}`,
      );
      console.log(
        server.db.embedded
          ? `内置 PostgreSQL 数据目录：${config.dataDir}`
          : '使用外部 PostgreSQL（DATABASE_URL）',
      );
    });

  program
    .command('build-admin')
    .description('构建管理后台前端（dist/admin）')
    .action(async () => buildAdmin());

  const db = program.command('db').description('数据库');
  db.command('migrate')
    .description('执行数据库迁移（启动时也会自动执行）')
    .action(() =>
      withDb(async (d, config) => {
        await bootstrap(d.database, { ...config, demo: false }, say);
        console.log('数据库迁移已完成');
      }),
    );

  program
    .command('backup <file>')
    .description('备份全部数据到文件（pg_dump 自定义格式）')
    .action((file: string) =>
      withDb(async (d) => {
        await backupTo(d.ownerUrl, path.resolve(file));
        console.log(`已备份到 ${path.resolve(file)}（${(fs.statSync(file).size / 1024).toFixed(0)} KB）`);
      }),
    );
  program
    .command('restore <file>')
    .description('从备份文件恢复全部数据（覆盖当前数据）')
    .action((file: string) => {
      if (!fs.existsSync(file)) throw new Error(`备份文件不存在：${file}`);
      return withDb(async (d) => {
        await restoreFrom(d.ownerUrl, path.resolve(file));
        await d.regrant();
        console.log(`已从 ${path.resolve(file)} 恢复`);
      });
    });

  // Point-in-time recovery of the embedded PostgreSQL (db/pitr.ts): both commands work on the running Gongkai.
  const running = () => {
    const config = loadConfig();
    const superUrl = runningEmbeddedUrl(config.dataDir);
    if (!superUrl) throw new Error('请先启动 Gongkai（gongkai start，使用内置 PostgreSQL）');
    if (!config.walArchiveDir) throw new Error('未设置 GONGKAI_WAL_ARCHIVE_DIR：WAL 归档未开启');
    return { config, superUrl, archiveDir: config.walArchiveDir };
  };
  const pitr = program.command('pitr').description('WAL 归档与时间点恢复（内置 PostgreSQL）');
  pitr
    .command('base-backup <dir>')
    .description('对运行中的内置 PostgreSQL 做基础备份（建议每晚一次，与 WAL 归档一起可恢复到任意时刻）')
    .action(async (dir: string) => {
      const { config, superUrl } = running();
      const dest = path.resolve(dir, `base-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      await takeBaseBackup(superUrl, path.join(config.dataDir, 'pg'), dest);
      console.log(`基础备份已完成：${dest}`);
    });
  pitr
    .command('drill <baseBackup>')
    .description('恢复演练：把基础备份恢复到临时目录并重放归档到此刻，逐表比对行数与校验和')
    .action(async (baseBackup: string) => {
      const { config, superUrl, archiveDir } = running();
      const r = await restoreDrill({
        superUrl,
        dataDir: config.dataDir,
        baseBackup: path.resolve(baseBackup),
        archiveDir,
      });
      if (r.mismatches.length) {
        console.error(`恢复演练失败：${r.mismatches.length} 张表与源库不一致：${r.mismatches.join('、')}`);
        process.exitCode = 1;
        return;
      }
      console.log(`恢复演练通过：${r.tables} 张表、${r.rows} 行，行数与校验和一致`);
    });

  const imp = program.command('import').description('导入文件');
  imp
    .command('group <file>')
    .description('读取领导小组通知（.txt/.docx/.doc/.wps）：--json 只打印读到的内容，--commit 保存')
    .option('--json', '以 JSON 打印读到的内容，不写数据库')
    .option('--commit', '保存到数据库（成员单位须全部能对应到已有单位，或用 --create-missing 新建）')
    .option('--create-missing', '与 --commit 一起使用：为无法对应的成员单位新建单位')
    .action(async (file: string, opts: { json?: boolean; commit?: boolean; createMissing?: boolean }) => {
      const text = await fileToText(file);
      if (!opts.commit) {
        const notice = parseLeadingGroupNotice(text);
        console.log(JSON.stringify(notice, null, 2));
        if (notice.memberUnits.length === 0) process.exitCode = 2;
        return;
      }
      await withDb(async (d, config) => {
        await bootstrap(d.database, { ...config, demo: false }, say);
        const { notice, matches } = await previewLeadingGroup(d.database.db, config.districtName, text);
        const unresolved = matches.filter((m) => !m.unitId || m.status === 'suggestion');
        if (unresolved.length && !opts.createMissing) {
          for (const m of unresolved)
            say(
              `  未能确定：${m.written}${m.suggestions[0] ? `（是否为「${m.suggestions[0].unitName}」？）` : ''}`,
            );
          throw new Error(
            `有 ${unresolved.length} 个成员单位无法确定对应单位，未保存。可在管理后台逐一确认，或加 --create-missing 新建`,
          );
        }
        const g = await commitLeadingGroup(
          d.database,
          systemActor('cli'),
          config.districtName,
          notice,
          matches.map((m) => ({
            written: m.written,
            unitId: m.status === 'suggestion' ? undefined : m.unitId,
            create: !m.unitId || m.status === 'suggestion',
          })),
        );
        console.log(`已导入领导小组：${g.title}（${g.docNumber}），成员单位 ${g.members.length} 个`);
      });
    });

  // The calendar in force: the database's (with the office's edits) when one is reachable without starting a
  // server, otherwise the built-in notices.
  const calendarForCli = async () => {
    const config = loadConfig();
    const url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
    if (!url) return builtinCalendar();
    const d = connect(url, 1);
    try {
      return await getCalendar(d);
    } catch {
      return builtinCalendar();
    } finally {
      await d.close();
    }
  };
  const checkDate = (d: string) => {
    if (!isIsoDate(d)) throw new Error(`日期「${d}」无效，格式应为 YYYY-MM-DD 且该日存在`);
  };
  const wd = program.command('workdays').description('工作日计算（按国务院节假日安排，含调休）');
  wd.command('add <date> <n>')
    .description('打印 DATE 之后第 N 个工作日（不含当日）')
    .option('--trace', '同时打印计算过程')
    .action(async (date: string, n: string, opts: { trace?: boolean }) => {
      checkDate(date);
      if (!/^\d+$/.test(n)) throw new Error('N 应为非负整数');
      const r = (await calendarForCli()).addWorkingDays(date, Number(n));
      console.log(r.date);
      if (r.provisional)
        say(
          '注意：计算跨入尚未载入节假日安排的年份，结果为暂定（provisional）：按周末和《全国年节及纪念日放假办法》规定的法定节假日推算，不含调休',
        );
      if (opts.trace) for (const t of r.trace) say(t);
    });
  wd.command('is <date>')
    .description('打印 DATE 是否为工作日（true / false）')
    .action(async (date: string) => {
      checkDate(date);
      const r = (await calendarForCli()).isWorkingDay(date);
      console.log(r.working ? 'true' : 'false');
      say(r.reason);
      if (r.provisional)
        say('注意：该年份尚未载入节假日安排，按周末和法定节假日推定，结果为暂定（provisional）');
    });

  const auditCmd = program.command('audit').description('审计日志');
  auditCmd
    .command('verify')
    .description('校验审计日志与登录日志的哈希链，并与签名检查点核对（发现截断或重算的哈希链）')
    .action(() =>
      withDb(async (d, config) => {
        const r = await verifyAuditTrail(d.database, config);
        for (const line of r.message.split('；')) console.log(line);
        if (!r.ok) process.exitCode = 3;
      }),
    );
}
