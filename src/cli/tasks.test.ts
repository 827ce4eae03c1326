import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../domain/tasks/notice';
import { pastedToBlocks } from '../server/platform/documents/text';
import { columnsOption, planJson, tablesText } from './tasks';

const SEED = new URL('../domain/tasks/fixtures/seed-001.txt', import.meta.url);

describe('import tasks --json', () => {
  const json = planJson(parseNotice({ text: fs.readFileSync(SEED, 'utf8') }));

  it('prints the contract’s fields, in its order, and nothing else', () => {
    expect(Object.keys(json)).toEqual(['title', 'issuer', 'docNumber', 'date', 'year', 'tasks', 'warnings']);
    for (const t of json.tasks)
      expect(Object.keys(t)).toEqual([
        'ref',
        'section',
        'text',
        'measures',
        'leadUnits',
        'responsibleUnits',
        'deadlines',
        'disclosurePaths',
      ]);
    for (const w of json.warnings) expect(Object.keys(w)).toEqual(['ref', 'message']);
  });

  it('keeps unit names as written (the typo is not corrected, groups are not expanded)', () => {
    // seed 001 line 151 (房地产金融舆情): "区住房城市建委、区金融办" are responsible, as printed.
    expect(json.year).toBe(2021);
    expect(json.tasks).toHaveLength(46);
    expect(json.tasks.find((t) => t.ref === 'T017')?.responsibleUnits).toEqual([
      '区住房城市建委',
      '区金融办',
    ]);
    expect(json.tasks.find((t) => t.ref === 'T002')?.responsibleUnits).toEqual(['区政府有关部门']);
  });
});

describe('import tasks --text / --stdin (a real process)', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['bin/gongkai.js', 'import', 'tasks', ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
  const pasted = [
    '工作任务 | 具体要求 | 责任单位 | 完成时限 |',
    '一、加强政策解读 | 1.做好重要政策文件解读。 | 区发改委牵头，区司法局配合 | 2025年6月底前 |',
    '2.及时回应社会关切。 | 各镇街 | |',
  ].join('\n');

  it('reads text piped on stdin and prints the plan as JSON', () => {
    const r = run(['--stdin', '--json', '--year', '2025'], pasted);
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout);
    expect(
      plan.tasks.map((t: { text: string; leadUnits: string[]; responsibleUnits: string[] }) => [
        t.text,
        t.leadUnits,
        t.responsibleUnits,
      ]),
    ).toEqual([
      ['1.做好重要政策文件解读。', ['区发改委'], ['区司法局']],
      ['2.及时回应社会关切。', [], ['各镇街']],
    ]);
    expect(plan.tasks[0].deadlines[0].date).toBe('2025-06-30');
  }, 120_000);

  it('reads --text, and explains what it looked for when there is no task', () => {
    const r = run(['--text', '请各单位于本周五前报送材料。', '--json', '--year', '2025']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/未读出任何任务。已查找：① 任务分工表/);
  }, 120_000);

  it('wants exactly one of a file, --text and --stdin', () => {
    const r = run(['--json']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/三者选一/);
  }, 120_000);
});

describe("import tasks --columns (the page's 手动指定表格的列, typed)", () => {
  it.each([
    ['分类,工作任务,牵头单位,完成时限', ['section', 'task', 'lead', 'deadline']],
    ['不导入，工作任务、责任单位', ['ignore', 'task', 'responsible']],
    ['分类（上级任务）,工作任务', ['section', 'task']],
    ['ignore,task,lead,responsible', ['ignore', 'task', 'lead', 'responsible']],
  ])('reads %s', (spec, roles) => {
    expect(columnsOption(spec)).toEqual({ table: 1, headerRows: 1, roles });
  });

  it.each([
    ['分类,内容', undefined, undefined, /「内容」无法识别/],
    ['分类,牵头单位', undefined, undefined, /请指定一列为“工作任务”/],
    ['工作任务,工作任务', undefined, undefined, /只能一列/],
    ['工作任务', '0', undefined, /表格序号无效/],
    ['工作任务', 'a', undefined, /表格序号无效|请选择表格/],
    ['工作任务', '1', '21', /表头行数不能超过 20/],
  ])('refuses %s (table %s, header rows %s) in Chinese', (spec, table, rows, message) => {
    expect(() => columnsOption(spec, table, rows)).toThrow(message);
  });

  it('lists the tables with the columns it would guess, in the same words --columns takes', () => {
    const text = tablesText(
      pastedToBlocks(
        [
          '栏目1\t栏目2\t栏目3',
          '一、加强政策解读\t做好重要政策文件解读工作，提升解读质量。\t区发展改革委',
          '二、回应关切\t及时回应社会关切，做好舆情应对。\t区司法局',
        ].join('\n'),
      ),
    );
    expect(text).toMatch(/^表格 1：3 列，3 行，表头 1 行/);
    const guessed = text.match(/推测的列：(.*)/)?.[1] ?? '';
    expect(columnsOption(guessed).roles).toEqual(['section', 'task', 'responsible']);
    expect(text).toContain('2｜一、加强政策解读 ｜ 做好重要政策文件解读工作，提升解读质量。 ｜ 区发展改革委');
  });
});

describe('import tasks --columns / --items (a real process)', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, ['bin/gongkai.js', 'import', 'tasks', '--stdin', '--json', ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('a table with an unknown header: read by the columns its cells show, then under the columns given', () => {
    const table = [
      '栏目1\t栏目2\t栏目3\t栏目4',
      '一、加强政策解读\t做好重要政策文件解读工作。\t区发展改革委\t2025年6月底前',
      '\t及时回应社会关切。\t区司法局\t持续推进',
    ].join('\n');
    const roles = (r: ReturnType<typeof run>) =>
      JSON.parse(r.stdout).tasks.map(
        (t: { section: string[]; text: string; leadUnits: string[]; responsibleUnits: string[] }) => [
          t.section,
          t.text,
          t.leadUnits,
          t.responsibleUnits,
        ],
      );
    // By itself: the only unit column is guessed 责任单位, and the warning says the columns were guessed.
    const guessed = run(['--year', '2025'], table);
    expect(guessed.stderr).toBe('');
    expect(roles(guessed)).toEqual([
      [['一、加强政策解读'], '做好重要政策文件解读工作。', [], ['区发展改革委']],
      [['一、加强政策解读'], '及时回应社会关切。', [], ['区司法局']],
    ]);
    expect(JSON.stringify(JSON.parse(guessed.stdout).warnings)).toContain(
      '表头未能识别，已按各列内容推测读取',
    );
    // The officer says the column is 牵头单位.
    const r = run(['--year', '2025', '--columns', '分类,工作任务,牵头单位,完成时限'], table);
    expect(r.stderr).toBe('');
    expect(roles(r)).toEqual([
      [['一、加强政策解读'], '做好重要政策文件解读工作。', ['区发展改革委'], []],
      [['一、加强政策解读'], '及时回应社会关切。', ['区司法局'], []],
    ]);
    // Units written short ("财政") are no unit names: nothing guessed, the hint names --tables and --columns.
    const short = table.replace('区发展改革委', '发改').replace('区司法局', '司法');
    const refused = run(['--year', '2025'], short);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      /没有可识别的表头.*可用 --tables 查看通知中的表格，再用 --columns 指定各列/,
    );
    expect(run(['--columns', '工作任务', '--items'], table).stderr).toMatch(/只能选一种读法/);
    expect(run(['--table', '2'], table).stderr).toMatch(/须与 --columns 一起使用/);
  }, 120_000);

  it('a plan that names no unit: the hint, then its numbered items with --items', () => {
    const plan = [
      '2025年政务公开工作要点',
      '一、加强政策解读',
      '（一）做好重要政策文件解读工作。',
      '（二）及时回应社会关切。',
    ].join('\n');
    const refused = run([], plan);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/未读出任何任务.*可用 --items 按编号条目读取/);
    const r = run(['--items'], plan);
    expect(r.stderr).toBe('');
    const read = JSON.parse(r.stdout);
    expect(read.tasks.map((t: { section: string[]; text: string }) => [t.section, t.text])).toEqual([
      [['一、加强政策解读'], '做好重要政策文件解读工作。'],
      [['一、加强政策解读'], '及时回应社会关切。'],
    ]);
  }, 120_000);
});
