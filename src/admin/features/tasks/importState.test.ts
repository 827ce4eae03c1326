import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../../test/table';
import type { CommitUnit, ImportPreview, ParsedPlan, UnitNameMatch } from '../../../contracts/tasks';
import { NO_UNITS_WARNING } from '../../../domain/tasks/notice-types';
import {
  type Choices,
  commitBody,
  commitUnit,
  type Decisions,
  deadlinesFromText,
  deadlinesInYear,
  deadlinesText,
  effectiveChoices,
  initialChoices,
  measuresFromText,
  openWarnings,
  pathsFromText,
  pathsText,
  splitTyped,
  unresolved,
  warningsByRef,
  withBulkUnits,
} from './importState';

/** A task of a plan with only what the warnings depend on filled in. */
const task = (ref: string, leadUnits: string[], responsibleUnits: string[]): ParsedPlan['tasks'][number] => ({
  ref,
  section: [],
  text: '公开预算信息。',
  measures: [],
  leadUnits,
  responsibleUnits,
  deadlines: [],
  disclosurePaths: [],
  source: '',
});

const m = (x: Partial<UnitNameMatch> & Pick<UnitNameMatch, 'written' | 'status'>): UnitNameMatch => ({
  suggestions: [],
  warnings: [],
  ...x,
});

describe('initialChoices', () => {
  it.each<[string, UnitNameMatch, string[] | null]>([
    ['exact', m({ written: '区教委', status: 'exact', unitId: 'jw' }), ['jw']],
    ['alias', m({ written: '区网信办', status: 'alias', unitId: 'wx' }), ['wx']],
    [
      'suggestion waits for a person',
      m({ written: '区住房城市建委', status: 'suggestion', unitId: 'zj' }),
      null,
    ],
    ['unknown', m({ written: '区金融办', status: 'unknown' }), null],
    ['group expands', m({ written: '区政府各部门', status: 'group', memberUnitIds: ['a', 'b'] }), ['a', 'b']],
    [
      '有关部门 asks to pick',
      m({ written: '区政府有关部门', status: 'group', needsChoice: true, memberUnitIds: ['a', 'b'] }),
      null,
    ],
  ])('%s', (_n, match, expected) => {
    expect(initialChoices([match])[match.written]).toEqual(expected);
  });
});

describe('commitBody', () => {
  const preview: ImportPreview = {
    fingerprint: 'f'.repeat(64),
    duplicate: null,
    units: [],
    tables: [],
    plan: {
      title: '任务分工',
      issuer: null,
      docNumber: null,
      date: null,
      year: 2021,
      warnings: [],
      tasks: [
        {
          ref: 'T001',
          section: ['一、'],
          text: '公开规划',
          measures: [],
          leadUnits: ['区发展改革委'],
          responsibleUnits: ['区住房城市建委', '区政府有关部门'],
          deadlines: [],
          disclosurePaths: [],
          source: '',
        },
      ],
    },
  };
  it('carries each name as written with the units chosen for it; unresolved names stay empty', () => {
    const choices = { 区发展改革委: ['fgw'], 区住房城市建委: ['zj'], 区政府有关部门: null };
    expect(unresolved(choices)).toEqual(['区政府有关部门']);
    const b = commitBody(preview, preview.plan, choices, { year: 2021, cadence: 'quarter', replace: false });
    expect(b.tasks[0]!.leadUnits).toEqual([{ written: '区发展改革委', unitIds: ['fgw'] }]);
    expect(b.tasks[0]!.responsibleUnits).toEqual([
      { written: '区住房城市建委', unitIds: ['zj'] },
      { written: '区政府有关部门', unitIds: [] },
    ]);
  });
});

describe('decisions on names the registry lacks', () => {
  const choices = { 区大数据局: null, 区考试中心: null, 区级其他有关部门: null, 区教委: ['jw'] };
  it.each<[string, Decisions, string[]]>([
    ['nothing decided', {}, ['区大数据局', '区考试中心', '区级其他有关部门']],
    ['skip', { 区考试中心: { skip: true } }, ['区大数据局', '区级其他有关部门']],
    [
      'create and a group',
      { 区大数据局: { create: 'department' }, 区级其他有关部门: { groupId: 'g1' } },
      ['区考试中心'],
    ],
  ])('%s: unresolved', (_n, decisions, left) => {
    expect(unresolved(choices, decisions)).toEqual(left);
  });
  it.each<[string, Decisions, CommitUnit]>([
    ['chosen units', {}, { written: '区教委', unitIds: ['jw'] }],
    ['skip', { 区教委: { skip: true } }, { written: '区教委', unitIds: [], skip: true }],
    [
      'create',
      { 区教委: { create: 'township' } },
      { written: '区教委', unitIds: [], create: { kind: 'township' } },
    ],
    ['group', { 区教委: { groupId: 'g1' } }, { written: '区教委', unitIds: [], groupId: 'g1' }],
  ])('%s: commit unit', (_n, decisions, expected) => {
    expect(commitUnit('区教委', choices, decisions)).toEqual(expected);
  });
});

describe('splitTyped', () => {
  eachEquals(splitTyped, [
    ['区教委、区财政局', ['区教委', '区财政局']],
    ['区 教委；区财政局,\n区民政局', ['区教委', '区财政局', '区民政局']],
    ['', []],
  ]);
});

describe('measuresFromText', () => {
  eachEquals(
    measuresFromText,
    [
      ['1．公开规划\n2．归集历史规划', ['1．公开规划', '2．归集历史规划']],
      ['  一条\r\n\n  两条  ', ['一条', '两条']],
      ['', []],
    ],
    '%j',
  );
});

describe('deadlinesFromText (re-read with parseDeadline in the plan year)', () => {
  const prev = [{ kind: 'date' as const, date: '2021-06-30', raw: '2021年6月底前' }];
  it('shows one phrase per line', () => {
    expect(deadlinesText([...prev, { kind: 'continuous', raw: '及时公开' }])).toBe('2021年6月底前\n及时公开');
  });
  it.each([
    // issue 3 part 1 phrases: "10月底前" takes the plan's year; 每季度 recurs quarterly
    ['10月底前', 2021, [{ kind: 'date', date: '2021-10-31', raw: '10月底前' }]],
    ['10月底前', 2022, [{ kind: 'date', date: '2022-10-31', raw: '10月底前' }]],
    ['每季度', 2021, [{ kind: 'recurring', every: 'quarter', raw: '每季度' }]],
    ['及时公开', 2021, [{ kind: 'continuous', raw: '及时公开' }]],
    ['2021-09-15', 2021, [{ kind: 'date', date: '2021-09-15', raw: '2021-09-15' }]],
    // a line left as it was keeps its reading; a new line is added after it
    ['2021年6月底前\n每季度', 2021, [...prev, { kind: 'recurring', every: 'quarter', raw: '每季度' }]],
    ['', 2021, []],
  ])('%j in %i', (text, year, expected) => {
    expect(deadlinesFromText(text, prev, year)).toEqual({ deadlines: expected, unreadable: [] });
  });
  it.each([['尽快'], ['2021-02-30']])('refuses %j rather than dropping it', (text) => {
    expect(deadlinesFromText(text, prev, 2021)).toEqual({ deadlines: [], unreadable: [text] });
  });
});

describe('disclosure paths as text', () => {
  const paths = [['政府网站', '政府信息公开', '规划信息'], ['其他渠道']];
  it('round-trips', () => {
    expect(pathsText(paths)).toBe('政府网站 > 政府信息公开 > 规划信息\n其他渠道');
    expect(pathsFromText(pathsText(paths))).toEqual(paths);
  });
  eachEquals(
    pathsFromText,
    [
      ['政府网站＞政务公开 >  目录\n\n', [['政府网站', '政务公开', '目录']]],
      ['', []],
    ],
    '%j',
  );
});

describe('deadlinesInYear (the officer corrects the plan year)', () => {
  it.each([
    // written without a year: follows the plan year (issue 3 part 1: "10月底前" in the plan's year, "次年")
    [
      { kind: 'date', date: '2021-10-31', raw: '10月底前' },
      { kind: 'date', date: '2022-10-31', raw: '10月底前' },
    ],
    [
      { kind: 'date', date: '2022-01-31', raw: '次年1月底前' },
      { kind: 'date', date: '2023-01-31', raw: '次年1月底前' },
    ],
    // a notice without a year read it as year 0000 until the officer gave one
    [
      { kind: 'date', date: '0000-10-31', raw: '10月底前' },
      { kind: 'date', date: '2022-10-31', raw: '10月底前' },
    ],
    // its own year, an ISO date typed in, or another kind: unchanged
    [
      { kind: 'date', date: '2021-06-30', raw: '2021年6月底前' },
      { kind: 'date', date: '2021-06-30', raw: '2021年6月底前' },
    ],
    [
      { kind: 'date', date: '2021-09-15', raw: '2021-09-15' },
      { kind: 'date', date: '2021-09-15', raw: '2021-09-15' },
    ],
    [
      { kind: 'recurring', every: 'quarter', raw: '每季度' },
      { kind: 'recurring', every: 'quarter', raw: '每季度' },
    ],
  ] as const)('%j → %j', (d, expected) => {
    expect(deadlinesInYear([{ ...d }], 2022)).toEqual([expected]);
  });
});

describe('warningsByRef', () => {
  it('groups the parser warnings by task, with their source; plan-level ones are left out', () => {
    const m = warningsByRef({
      tasks: [task('T002', [], [])],
      warnings: [
        { ref: 'T002', source: '表1第3行', message: '单元格为空，请核对' },
        { ref: '', source: '', message: '未能从通知中识别年度' },
        { ref: 'T002', source: '', message: '未写明牵头单位' },
      ],
    });
    expect([...m]).toEqual([['T002', ['单元格为空，请核对（表1第3行）', '未写明牵头单位']]]);
  });
});

describe('openWarnings: what still holds after the officer’s edits', () => {
  const warnings = [
    { ref: '', source: '', message: '未能从通知中识别年度' },
    { ref: 'T001', source: '第3段', message: NO_UNITS_WARNING },
    { ref: 'T001', source: '第3段', message: '任务内容为空' },
    { ref: 'T002', source: '第4段', message: NO_UNITS_WARNING },
  ];
  it.each([
    ['nothing edited: every warning', [task('T001', [], []), task('T002', [], [])], [0, 1, 2, 3]],
    [
      'T001 given a lead unit: its 未写明 goes, its other warning stays',
      [task('T001', ['区财政局'], []), task('T002', [], [])],
      [0, 2, 3],
    ],
    ['T002 given a responsible unit', [task('T001', [], []), task('T002', [], ['各镇街'])], [0, 1, 2]],
    ['T001 left out of the import: none of its warnings', [task('T002', [], [])], [0, 3]],
  ] as const)('%s', (_what, tasks, kept) => {
    expect(openWarnings({ tasks: [...tasks], warnings })).toEqual(kept.map((k) => warnings[k]));
  });
});

describe('effectiveChoices', () => {
  const registered = new Map([
    ['区教委', 'u-jw'],
    ['区财政局', 'u-cz'],
  ]);
  it.each([
    ['the preview’s choice stands', '区教委', { 区教委: ['u-other'] }, ['u-other']],
    ['a name still to decide stays so, even when registered', '区教委', { 区教委: null }, null],
    ['a name typed in that is a registered unit’s name is that unit', '区财政局', {}, ['u-cz']],
    ['a name typed in that is no unit’s name waits for the officer', '区大数据局', {}, null],
  ] as const)('%s', (_what, name, choices, expected) => {
    expect(effectiveChoices([name], { ...choices } as Choices, registered)[name]).toEqual(expected);
  });
});

describe('withBulkUnits (units given to many tasks at once)', () => {
  const tasks = [
    { ref: 'T001', leadUnits: [], responsibleUnits: [] },
    { ref: 'T002', leadUnits: ['区政府办'], responsibleUnits: ['区教委'] },
    { ref: 'T003', leadUnits: [], responsibleUnits: ['区财政局'] },
  ];
  const chosen = new Set(['T001', 'T002']);
  it.each([
    [
      'added after what a task has, once each; the tasks not chosen untouched',
      { leadUnits: ['区政府办'], responsibleUnits: ['区教委', '区卫健委'], replace: false },
      [
        [['区政府办'], ['区教委', '区卫健委']],
        [['区政府办'], ['区教委', '区卫健委']],
        [[], ['区财政局']],
      ],
    ],
    [
      'in place of what a task has',
      { leadUnits: ['区司法局'], responsibleUnits: ['区卫健委'], replace: true },
      [
        [['区司法局'], ['区卫健委']],
        [['区司法局'], ['区卫健委']],
        [[], ['区财政局']],
      ],
    ],
    [
      'an empty list leaves its column as it is, even when replacing',
      { leadUnits: [], responsibleUnits: ['区卫健委', '区卫健委'], replace: true },
      [
        [[], ['区卫健委']],
        [['区政府办'], ['区卫健委']],
        [[], ['区财政局']],
      ],
    ],
  ] as const)('%s', (_what, bulk, expected) => {
    const out = withBulkUnits(tasks, chosen, {
      ...bulk,
      leadUnits: [...bulk.leadUnits],
      responsibleUnits: [...bulk.responsibleUnits],
    });
    expect(out.map((t) => [t.leadUnits, t.responsibleUnits])).toEqual(expected);
    expect(tasks[0]!.leadUnits).toEqual([]); // the plan it came from is not changed
  });
});
