import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../domain/tasks/notice';
import { planJson } from './tasks';

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
