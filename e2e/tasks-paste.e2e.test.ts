// [ADMIN] work plans from pasted text (issue 14 parts 1 and 4): the office pastes a task table copied from a web
// page (navigation around it, every cell on its own line) into the import page, previews it, creates the unit the
// registry lacks, lets "区级其他有关部门" stand for 区政府各部门, and commits. The tasks and the new unit are stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTasks, taskAssignments, unitGroups, units, users } from '../src/server/db/schema';
import { readPrintedPages } from '../src/server/platform/documents/pdf';
import { buildOfd } from '../test/ofd';
import { axeSerious, chooseOption, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

/** What a browser copies from a notice page whose task table has one cell per line. */
const COPIED = [
  '首页 > 政务公开 > 通知公告',
  '关于印发潼南区2026年政务公开重点任务分工的通知',
  '发布日期：2026-03-05　浏览次数：12',
  '序号',
  '工作任务',
  '牵头单位',
  '责任单位',
  '完成时限',
  '1',
  '公开本区数据资源目录和开放清单。',
  '区大数据发展局',
  '区级其他有关部门',
  '2026年6月底前',
  '2',
  '每季度公开教育经费执行情况。',
  '区教委',
  '区财政局',
  '每季度',
  '打印本页 关闭窗口',
].join('\n');

/** A second notice whose table the browser copies with tabs between cells. */
const TAB_SEPARATED = [
  '关于印发潼南区2026年数据开放工作任务分工的通知',
  '发布日期：2026-04-01',
  '序号\t工作任务\t牵头单位\t责任单位\t完成时限',
  '1\t公开数据开放平台年度运行报告。\t区大数据发展局\t区级其他有关部门\t2026年12月底前',
].join('\n');

/** A table whose header names no column the parser knows (类目/事项/主抓/协同/节点). */
const ODD_HEADER = [
  '关于印发潼南区2026年政务公开重点事项的通知',
  '类目\t事项\t主抓\t协同\t节点',
  '一、财政信息\t公开区级部门预决算和“三公”经费。\t区财政局\t区教委\t2026年6月底前',
  '二、政策解读\t开展重要政策文件解读。\t区发展改革委\t区财政局\t持续推进',
].join('\n');

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ demo: true });
  // First-login password change is tested in the foundation walk-through.
  await e.server.db.database.db.update(users).set({ mustChangePassword: false });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

async function login(username: string): Promise<Page> {
  const ctx = await e.browser.newContext();
  const page = await ctx.newPage();
  await consoleLogin(page, e.base, username, DEMO_PASSWORD);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  return page;
}

const choose = chooseOption;

describe('[ADMIN] import a pasted web table', () => {
  it('paste → preview → create the missing unit, choose a group → commit → tasks stored', async () => {
    const office = await login('office');
    await office.goto(`${e.base}/admin/tasks/import`);
    await office.getByLabel('粘贴的通知文字').fill(COPIED);
    await office.getByTestId('tasks-paste-submit').click();
    await office.getByTestId('tasks-preview').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-preview-table').textContent()).toContain('任务 2 项');
    expect(await office.getByLabel('年度').inputValue()).toBe('2026');

    // the two names the registry cannot settle wait for the officer
    expect(await office.getByTestId('tasks-unresolved').textContent()).toContain('区大数据发展局');
    expect(await office.getByTestId('tasks-commit').isDisabled()).toBe(true);
    await choose(office, 'decide-区大数据发展局', '新建单位：部门');
    await choose(office, 'decide-区级其他有关部门', '对应分组：区政府各部门');
    expect(await office.getByTestId('decided-区大数据发展局').textContent()).toContain('新建');
    await expect.poll(() => office.getByTestId('tasks-unresolved').count()).toBe(0);

    await office.getByTestId('tasks-commit').click();
    await office.getByTestId('tasks-import-success').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-import-success').textContent()).toContain('已导入 2 项任务');

    const db = e.server.db.database.db;
    const tasks = await db.select().from(planTasks).orderBy(planTasks.sort);
    expect(tasks.map((t) => [t.text, t.leadUnitsWritten, t.responsibleUnitsWritten])).toEqual([
      ['公开本区数据资源目录和开放清单。', ['区大数据发展局'], ['区级其他有关部门']],
      ['每季度公开教育经费执行情况。', ['区教委'], ['区财政局']],
    ]);
    const created = (await db.select().from(units).where(eq(units.name, '区大数据发展局')))[0]!;
    expect(created.kind).toBe('department');
    const asg = await db
      .select()
      .from(taskAssignments)
      .where(inArray(taskAssignments.taskId, [tasks[0]!.id]));
    const departments = await db.select().from(units).where(eq(units.kind, 'department'));
    expect(new Set(asg.map((a) => a.unitId))).toEqual(new Set(departments.map((d) => d.id)));
    const group = (await db.select().from(unitGroups).where(eq(unitGroups.name, '区政府各部门')))[0]!;
    expect(group.aliases).toContain('区级其他有关部门');

    // The next notice, copied from a page whose table the browser copies tab-separated: both names are
    // resolved by themselves, nothing waits for the officer.
    await office.goto(`${e.base}/admin/tasks/import`);
    await office.getByLabel('粘贴的通知文字').fill(TAB_SEPARATED);
    await office.getByTestId('tasks-paste-submit').click();
    await office.getByTestId('tasks-preview').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-preview-table').textContent()).toContain('任务 1 项');
    expect(await office.getByTestId('tasks-unresolved').count()).toBe(0);
    await office.getByTestId('tasks-commit').click();
    await office.getByTestId('tasks-import-success').waitFor({ timeout: 30_000 });
    expect((await db.select().from(planTasks)).some((t) => t.text === '公开数据开放平台年度运行报告。')).toBe(
      true,
    );
    await office.context().close();
  }, 180_000);
});

describe('[ADMIN] a table whose header is not known: read by its cells, the columns corrected by hand', () => {
  it('paste units written short → refused, the rows to name; paste → guessed columns → one corrected → commit', async () => {
    const office = await login('office');
    await office.goto(`${e.base}/admin/tasks/import`);
    // Units written short ("财政") do not say which column holds units: the rows are shown for naming.
    const short = ODD_HEADER.replace('区财政局\t区教委', '财政\t教育').replace(
      '区发展改革委\t区财政局',
      '发改\t财政',
    );
    await office.getByLabel('粘贴的通知文字').fill(short);
    await office.getByTestId('tasks-paste-submit').click();
    await office.getByTestId('tasks-columns-card').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-paste-error').textContent()).toContain('没有可识别的表头');
    expect(await office.getByTestId('tasks-columns-table').textContent()).toContain('公开区级部门预决算');
    // The column pickers and the rows under axe (WCAG 2.1 AA), the offer to read numbered items too.
    await office.waitForTimeout(500); // antd's motions settle before colours are measured
    for (const card of ['tasks-columns-card', 'tasks-items-card']) {
      const found = (await axeSerious(office, `[data-testid=${card}]`)).flatMap((v) =>
        v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`),
      );
      expect(found, card).toEqual([]);
    }

    // Unit names written out: the table is read by what its cells hold, and the page says so.
    await office.getByLabel('粘贴的通知文字').fill(ODD_HEADER);
    await office.getByTestId('tasks-paste-submit').click();
    await office.getByTestId('tasks-preview').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-preview').textContent()).toContain(
      '表1的表头未能识别，已按各列内容推测读取',
    );
    expect(await office.getByTestId('tasks-preview-table').textContent()).toContain('任务 2 项');
    // The columns come preselected as read; the officer corrects what is wrong and reads again.
    await office.getByTestId('tasks-columns-toggle').click();
    const roles = ['分类（上级任务）', '工作任务', '牵头单位', '责任单位', '完成时限'];
    for (const [i, role] of roles.entries())
      expect(await office.getByTestId(`tasks-column-${i + 1}`).textContent()).toBe(role);
    // Without a 工作任务 column the notice cannot be read again.
    await choose(office, 'tasks-column-2', '不导入');
    expect(await office.getByTestId('tasks-columns-apply').isDisabled()).toBe(true);
    await choose(office, 'tasks-column-2', '工作任务');
    // This office reads 主抓 as 责任单位 and 协同 as 牵头单位.
    await choose(office, 'tasks-column-3', '责任单位');
    await choose(office, 'tasks-column-4', '牵头单位');
    await office.getByTestId('tasks-columns-apply').click();
    await expect
      .poll(() => office.getByTestId('tasks-columns-toggle').textContent())
      .toContain('已按手动指定的列识别（表1）');
    await expect.poll(() => office.getByTestId('tasks-unresolved').count()).toBe(0);
    await office.getByTestId('tasks-commit').click();
    await office.getByTestId('tasks-import-success').waitFor({ timeout: 30_000 });

    const db = e.server.db.database.db;
    const stored = (await db.select().from(planTasks)).filter((t) => t.text === '开展重要政策文件解读。');
    expect(stored.map((t) => [t.section, t.leadUnitsWritten, t.responsibleUnitsWritten])).toEqual([
      [['二、政策解读'], ['区财政局'], ['区发展改革委']],
    ]);
    await office.context().close();
  }, 180_000);
});

describe('[ADMIN] an uploaded sheet whose header is not known', () => {
  it('upload → read by the columns its cells show → one corrected → read again from the file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('重点事项');
    ws.addRow(['2026年政务公开重点事项清单']);
    ws.addRow(['编号', '类目', '事项', '主抓', '节点']);
    ws.addRow([
      1,
      '一、数据开放',
      '公开数据开放平台年度运行报告和开放清单。',
      '区大数据发展局',
      '2026年12月底前',
    ]);
    ws.addRow([2, '', '公开公共数据共享目录和更新情况。', '区大数据发展局', '每季度']);
    ws.mergeCells('B3:B4');
    const file = path.join(os.tmpdir(), `重点事项-${process.pid}.xlsx`);
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    const office = await login('office');
    await office.goto(`${e.base}/admin/tasks/import`);
    await office.getByTestId('tasks-import-page').locator('input[type=file]').setInputFiles(file);
    // Read by itself from the columns its cells show (the title and header rows skipped), and said so.
    await office.getByTestId('tasks-preview').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-preview').textContent()).toContain('表头未能识别');
    await office.getByTestId('tasks-columns-toggle').click();
    expect(await office.getByLabel('表头行数').inputValue()).toBe('2');
    const roles = ['不导入', '分类（上级任务）', '工作任务', '责任单位', '完成时限'];
    for (const [i, role] of roles.entries())
      expect(await office.getByTestId(`tasks-column-${i + 1}`).textContent()).toBe(role);
    // The only unit column is 牵头单位 in this office's reading: one change, then read again from the file.
    await choose(office, 'tasks-column-4', '牵头单位');
    await office.getByTestId('tasks-columns-apply').click();
    await expect
      .poll(() => office.getByTestId('tasks-columns-toggle').textContent())
      .toContain('已按手动指定的列识别（表1）');
    const table = office.getByTestId('tasks-preview-table');
    expect(await table.textContent()).toContain('任务 2 项');
    expect(await table.textContent()).toContain('公开公共数据共享目录和更新情况。');
    fs.rmSync(file, { force: true });
    await office.context().close();
  }, 180_000);
});

describe('[ADMIN] a task table printed to PDF', () => {
  it('upload the printed PDF (centred, merged cells; header on every page) → every row in the preview', async () => {
    const office = await login('office');
    await office.goto(`${e.base}/admin/tasks/import`);
    await office
      .getByTestId('tasks-import-page')
      .locator('input[type=file]')
      .setInputFiles('test/fixtures/pdf/ruled-table.pdf');
    await office.getByTestId('tasks-preview').waitFor({ timeout: 30_000 });
    const table = office.getByTestId('tasks-preview-table');
    expect(await table.textContent()).toContain('任务 11 项');
    // The first rows, each with its own text, units and section (the 重点领域 cell merged over three rows).
    const firstRows = await table
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.slice(0, 3).map((r) => r.textContent ?? ''));
    expect(firstRows[0]).toContain('全面公开区级预算、决算及“三公”经费');
    expect(firstRows[1]).toContain('推进街道财政预决算公开');
    expect(firstRows[2]).toContain('公开政府债务限额');
    for (const row of firstRows) expect(row).toContain('财政信息');
    // Nothing carried into a cell the printed table shows empty under its own rule.
    expect(await office.getByTestId('tasks-preview').textContent()).not.toContain('沿用');
    expect(await axeSerious(office)).toEqual([]);
    // Every row ticked at once (the table has no select-all box: see ImportTasksTable).
    await office.getByTestId('tasks-select-all').click();
    expect(await office.getByTestId('tasks-bulk').textContent()).toContain('已选 11 项任务');
    await office.context().close();
  }, 180_000);

  it('a notice as a word processor printed it (rows cut by page breaks), the same notice as a .doc and as an OFD (电子公文)', async () => {
    const office = await login('office');
    // The OFD: the printed PDF's pages laid out as an OFD writer does, with a 页眉 on a template page.
    const pdf = new Uint8Array(fs.readFileSync('test/fixtures/word/seed-004.pdf'));
    const ofd = buildOfd(await readPrintedPages(pdf), {
      runningHeader: '某县人民政府办公室 政务公开工作任务分工',
    });
    const files = [
      'test/fixtures/word/seed-004.pdf',
      'test/fixtures/word/seed-004.doc',
      { name: '任务分工.ofd', mimeType: 'application/ofd', buffer: Buffer.from(ofd) },
    ];
    for (const file of files) {
      await office.goto(`${e.base}/admin/tasks/import`);
      const input = office.getByTestId('tasks-import-page').locator('input[type=file]');
      // (the browser's file dialog offers what `accept` names: a PDF or an OFD must not be hidden there)
      expect((await input.getAttribute('accept'))?.split(',')).toEqual(
        expect.arrayContaining(['.pdf', '.ofd', '.doc']),
      );
      await input.setInputFiles(file);
      await office.getByTestId('tasks-preview').waitFor({ timeout: 90_000 });
      const table = office.getByTestId('tasks-preview-table');
      expect(await table.textContent()).toContain('任务 55 项');
      const first = await table.locator('tbody tr.ant-table-row').first().textContent();
      expect(first).toContain('对照法律法规规章，全面梳理本机关依法行使的行政权力');
      expect(first).toContain('县司法局');
      // Exact cells: nothing taken from the row above.
      expect(await office.getByTestId('tasks-preview').textContent()).not.toContain('沿用');
    }
    expect(await axeSerious(office)).toEqual([]);
    await office.context().close();
  }, 300_000);
});

describe('[ADMIN] a plan that names no unit: its numbered items, the units filled in by hand', () => {
  /** Pastes a plan that names no unit, sees it refused, and has its numbered items read instead. */
  async function readItems(lines: string[]) {
    const office = await login('office');
    await office.goto(`${e.base}/admin/tasks/import`);
    await office.getByLabel('粘贴的通知文字').fill(lines.join('\n'));
    await office.getByTestId('tasks-paste-submit').click();
    await office.getByTestId('tasks-items-card').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-paste-error').textContent()).toContain('未读出任何任务');
    await office.getByTestId('tasks-items-apply').click();
    await office.getByTestId('tasks-preview').waitFor({ timeout: 30_000 });
    return { office, table: office.getByTestId('tasks-preview-table') };
  }

  it('paste → nothing read → 按编号条目读取 → one item left out, units typed → commit', async () => {
    const { office, table } = await readItems([
      '2026年政务公开工作要点',
      '一、深化政策解读',
      '1.做好重要政策文件解读，每季度开展一次政策吹风会。',
      '二、保障措施',
      '（一）加强政务公开培训',
      '年内组织业务培训不少于2次。',
    ]);
    expect(await table.textContent()).toContain('任务 2 项');

    await office.getByTestId('remove-T002').click();
    await office.locator('.ant-popconfirm').getByRole('button', { name: '不导入' }).click();
    await expect.poll(() => table.textContent()).toContain('任务 1 项');
    expect(await office.getByTestId('tasks-unresolved').textContent()).toContain(
      '尚有 1 项任务未填写牵头单位或责任单位：T001',
    );
    expect(await office.getByTestId('tasks-commit').isDisabled()).toBe(true);
    // The remaining task's 责任单位, typed as a notice writes it.
    await table.getByRole('button', { name: '修改责任单位' }).first().click();
    await office.keyboard.type('区教委');
    await office.keyboard.press('Enter');
    await expect.poll(() => office.getByTestId('tasks-unresolved').count()).toBe(0);
    await office.getByTestId('tasks-commit').click();
    await office.getByTestId('tasks-import-success').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-import-success').textContent()).toContain('已导入 1 项任务');

    const db = e.server.db.database.db;
    const stored = (await db.select().from(planTasks)).filter((t) =>
      t.text.startsWith('做好重要政策文件解读'),
    );
    expect(stored.map((t) => [t.section, t.responsibleUnitsWritten])).toEqual([
      [['一、深化政策解读'], ['区教委']],
    ]);
    await office.context().close();
  }, 180_000);

  it('every item without units ticked at once → 批量填写单位 (a task typed first keeps its own) → commit', async () => {
    const { office, table } = await readItems([
      '2026年数据开放工作要点',
      '一、推进数据开放',
      '1.编制公共数据开放目录并向社会公布。',
      '2.按季度更新数据开放平台数据集。',
      '3.开展数据开放应用创新大赛。',
    ]);
    expect(await table.textContent()).toContain('任务 3 项');
    // Each task is marked 未写明…单位 until it has a unit.
    expect(await office.getByTestId('warnings-T001').count()).toBe(1);
    const warningsShown = async () =>
      Number(/解析提示（(\d+)）/.exec((await office.getByTestId('tasks-warnings').textContent()) ?? '')?.[1]);
    const before = await warningsShown();
    // T003's 牵头单位 typed by hand first: the bulk fill adds after it, replacing nothing.
    await table.getByRole('button', { name: '修改牵头单位' }).nth(2).click();
    await office.keyboard.type('区财政局');
    await office.keyboard.press('Enter');
    await expect.poll(() => office.getByTestId('warnings-T003').count()).toBe(0);
    expect(await warningsShown()).toBe(before - 1);
    const bulk = office.getByTestId('tasks-bulk');
    expect(await office.getByTestId('tasks-bulk-open').isDisabled()).toBe(true);
    await office.getByTestId('tasks-select-unitless').click();
    expect(await bulk.textContent()).toContain('已选 2 项任务');
    await table.getByRole('checkbox', { name: '选择 T003' }).check();
    expect(await bulk.textContent()).toContain('已选 3 项任务');
    await office.getByTestId('tasks-bulk-open').click();
    const dialog = office.getByRole('dialog', { name: '为已选的 3 项任务填写单位' });
    expect(await office.getByTestId('tasks-bulk-apply').isDisabled()).toBe(true);
    // Under axe before a list opens (antd's hidden option list has no name of its own).
    await office.waitForTimeout(300);
    expect(await axeSerious(office)).toEqual([]);
    await dialog.getByLabel('牵头单位').fill('区政府办公室');
    await office.keyboard.press('Enter');
    await dialog.getByLabel('责任单位').fill('区教委、区财政局、');
    await office.getByTestId('tasks-bulk-apply').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => office.getByTestId('tasks-unresolved').count()).toBe(0);
    expect(await bulk.textContent()).toContain('已选 0 项任务');
    expect(await office.getByTestId('warnings-T001').count()).toBe(0);
    expect(await warningsShown()).toBe(before - 3);
    await office.getByTestId('tasks-commit').click();
    await office.getByTestId('tasks-import-success').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('tasks-import-success').textContent()).toContain('已导入 3 项任务');

    const db = e.server.db.database.db;
    const stored = (await db.select().from(planTasks))
      .filter((t) => t.section[0] === '一、推进数据开放')
      .sort((a, b) => a.text.localeCompare(b.text));
    expect(stored.map((t) => [t.text.slice(0, 4), t.leadUnitsWritten, t.responsibleUnitsWritten])).toEqual(
      [
        ['开展数据', ['区财政局', '区政府办公室'], ['区教委', '区财政局']],
        ['按季度更', ['区政府办公室'], ['区教委', '区财政局']],
        ['编制公共', ['区政府办公室'], ['区教委', '区财政局']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    await office.context().close();
  }, 180_000);
});
