import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import { builtinCalendar } from '../calendar/testing';
import type { Cell, DocBlock, TableBlock } from '../tasks/blocks';
import {
  CAT1_COLUMNS,
  DIRECTORY_DOMAINS,
  diffDirectory,
  findDomain,
  OTHER_DOMAIN,
  parseDirectory,
  readChannels,
} from './directory';
import { dueWindows, type Publication, readDueRule, rowCoverage } from './directory-due';

/** A table from strings: '^' continues the cell above (vertical merge), '<' the cell to the left. */
function table(rows: string[][], name?: string): TableBlock {
  const out: Cell[][] = [];
  const origin = (r: number, c: number): Cell => {
    let cell = out[r]!.find((x) => x.col <= c && c < x.col + x.colSpan)!;
    while (cell.mergedFrom) cell = out[cell.mergedFrom.row]!.find((x) => x.col === cell.mergedFrom!.col)!;
    return cell;
  };
  rows.forEach((line, r) => {
    const cells: Cell[] = [];
    out[r] = cells;
    line.forEach((text, c) => {
      if (text === '<') {
        cells.at(-1)!.colSpan++;
        return;
      }
      if (text === '^') {
        const o = origin(r - 1, c);
        o.rowSpan++;
        cells.push({
          text: '',
          row: r,
          col: c,
          colSpan: 1,
          rowSpan: 1,
          mergedFrom: { row: o.row, col: o.col },
        });
        return;
      }
      cells.push({ text, row: r, col: c, colSpan: 1, rowSpan: 1 });
    });
  });
  return { type: 'table', rows: out, ...(name ? { name } : {}) };
}

const HEAD2 = [
  [
    '序号',
    '公开事项',
    '<',
    '公开内容（要素）',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '公开对象',
    '<',
    '公开方式',
    '<',
    '公开层级',
    '<',
  ],
  [
    '^',
    '一级事项',
    '二级事项',
    '^',
    '^',
    '^',
    '^',
    '^',
    '全社会',
    '特定群众',
    '主动',
    '依申请',
    '县级',
    '乡级',
  ],
];
/** A directory of one table under the heading 就业领域. */
const employmentDirectory = (rows: string[][]) =>
  parseDirectory([{ type: 'p', text: '就业领域' }, table(rows)]);

const row = (seq: string, l1: string, l2: string, time: string, subject: string, county = '√', town = '') => [
  seq,
  l1,
  l2,
  `${l2}的内容`,
  '《条例》',
  time,
  subject,
  '■政府网站 □政务服务中心 ■公开查阅点',
  '√',
  '',
  '√',
  '',
  county,
  town,
];

describe('parseDirectory (CAT-1, CAT-2)', () => {
  it('reads a two-row header with tick sub-columns, carries merged cells down, takes the domain from the title', () => {
    const blocks: DocBlock[] = [
      { type: 'p', text: '财政预决算领域基层政务公开标准目录' },
      table([
        ...HEAD2,
        row('1', '预算', '部门预算', '批复后20个工作日内', '区财政局'),
        row('2', '^', '政府预算', '^', '区财政局'),
        row('3', '决算', '部门决算', '每年9月底前', '各镇人民政府、街道办事处', '', '√'),
      ]),
    ];
    const p = parseDirectory(blocks);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.domain, r.level1, r.level2, r.timeLimit, r.levels])).toEqual([
      ['财政预决算', '预算', '部门预算', '批复后20个工作日内', ['county']],
      ['财政预决算', '预算', '政府预算', '批复后20个工作日内', ['county']],
      ['财政预决算', '决算', '部门决算', '每年9月底前', ['township']],
    ]);
    expect(p.rows[0]).toMatchObject({
      channels: ['政府网站', '公开查阅点'],
      audience: ['all'],
      methods: ['active'],
      source: '表1第3行',
    });
  });

  it('reads single text columns, domain title rows inside the table, 其他领域 and 未涉及 notes', () => {
    const head = [...CAT1_COLUMNS];
    const p = parseDirectory([
      table([
        head,
        ['一、社会救助领域', '<', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
        [
          '1',
          '低保',
          '审核结果',
          '名单',
          '《办法》',
          '每季度',
          '区民政局',
          '政府网站、公告栏',
          '特定群众',
          '主动',
          '县级、乡级',
        ],
        ['二、其他领域：河长制', '<', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
        ['1', '河长名单', '', '名单', '', '长期', '区水利局', '政府网站', '全社会', '依申请公开', '县级'],
        [
          '未涉及领域事项说明：本区不涉及税收管理、户籍管理领域。',
          '<',
          '<',
          '<',
          '<',
          '<',
          '<',
          '<',
          '<',
          '<',
          '<',
        ],
      ]),
    ]);
    expect(p.errors).toEqual([]);
    expect(
      p.rows.map((r) => [r.domain, r.otherDomain, r.level2, r.audience, r.methods, r.levels, r.channels]),
    ).toEqual([
      [
        '社会救助',
        null,
        '审核结果',
        ['specific'],
        ['active'],
        ['county', 'township'],
        ['政府网站', '公告栏'],
      ],
      [OTHER_DOMAIN, '河长制', '河长名单', ['all'], ['apply'], ['county'], ['政府网站']],
    ]);
    expect(p.notApplicable.map((n) => n.domain)).toEqual(['税收管理', '户籍管理']);
  });

  it('refuses missing columns, names them, and keeps nothing of that table', () => {
    const p = employmentDirectory([
      ['序号', '一级事项', '二级事项', '公开内容（要素）', '公开时限', '公开主体'],
      ['1', '政策', '就业政策', '文件', '20个工作日内', '区人力社保局'],
    ]);
    expect(p.rows).toEqual([]);
    expect(p.errors).toEqual(['表1缺少列：公开依据、公开渠道和载体、公开对象、公开方式、公开层级']);
  });

  it('refuses a merged cell that crosses from one domain into another (a 领域 column)', () => {
    const head = ['序号', '领域', ...CAT1_COLUMNS.slice(1)];
    const r = (seq: string, domain: string, l1: string, l2: string) => [
      seq,
      domain,
      l1,
      l2,
      '文件',
      '',
      '20个工作日内',
      '区人力社保局',
      '网站',
      '全社会',
      '主动',
      '县级',
    ];
    const p = parseDirectory([
      table([head, r('1', '就业', '政策', '就业政策'), r('2', '社会保险', '^', '参保政策')]),
    ]);
    expect(p.errors).toEqual(['表1第3行：合并单元格「政策」跨越了「就业」和「社会保险」两个领域']);
  });

  it('reports a row without a domain, a subject or a level', () => {
    const p = parseDirectory([table([...HEAD2, row('1', '预算', '部门预算', '长期', '', '', '')])]);
    expect(p.errors).toEqual(['表1第3行：未能确定所属领域（请在表格前写明“××领域”或增加“领域”列）']);
    const q = employmentDirectory([...HEAD2, row('1', '预算', '部门预算', '长期', '', '', '')]);
    expect(q.errors).toEqual(['表1第3行：缺少公开主体', '表1第3行：未标明公开层级（县级或乡级）']);
  });

  it('knows the 26 domains and their published aliases', () => {
    expect(DIRECTORY_DOMAINS).toHaveLength(26);
    expect(findDomain('（十九）卫生健康领域')).toBe('卫生计生');
    expect(findDomain('国有土地上房屋征收与补偿')).toBe('国有土地上房屋征收与补偿');
    expect(findDomain('河长制')).toBeNull();
  });

  eachEquals(
    readChannels,
    [
      ['■政府网站 □两微一端 ■政府公报', ['政府网站', '政府公报']],
      ['政府网站、政务服务中心；公开查阅点', ['政府网站', '政务服务中心', '公开查阅点']],
    ],
    'channels %s',
  );
});

describe('diffDirectory (动态调整)', () => {
  it('lists rows added, removed and changed with the fields', () => {
    const base = employmentDirectory([
      ...HEAD2,
      row('1', '政策', 'A', '长期', '区人力社保局'),
      row('2', '政策', 'B', '长期', '区人力社保局'),
    ]).rows;
    const next = employmentDirectory([
      ...HEAD2,
      row('1', '政策', 'A', '每季度', '区人力社保局'),
      row('2', '政策', 'C', '长期', '区人力社保局'),
    ]).rows;
    expect(diffDirectory(base, next)).toEqual({
      added: ['就业|政策|C'],
      removed: ['就业|政策|B'],
      changed: [{ key: '就业|政策|A', fields: ['公开时限'] }],
    });
  });
});

describe('readDueRule (公开时限)', () => {
  it.each([
    ['信息形成或变更之日起20个工作日内', { kind: 'event', days: 20, working: true }],
    ['信息形成或者变更之日起二十个工作日内', { kind: 'event', days: 20, working: true }],
    ['作出决定之日起7个工作日内', { kind: 'event', days: 7, working: true }],
    ['公示期满后十五日内', { kind: 'event', days: 15, working: false }],
    ['每季度', { kind: 'periodic', every: 'quarter' }],
    ['按月公开', { kind: 'periodic', every: 'month' }],
    ['每半年', { kind: 'periodic', every: 'halfyear' }],
    ['每年3月底前', { kind: 'periodic', every: 'year', dueMonth: 3 }],
    ['每年6月30日前', { kind: 'periodic', every: 'year', dueMonth: 6, dueDay: 30 }],
    ['实时', { kind: 'realtime' }],
    ['及时公开', { kind: 'realtime' }],
    ['长期', { kind: 'standing' }],
  ])('%s', (text, rule) => {
    const r = readDueRule(text);
    expect(r.rule).toEqual(rule);
    expect(r.warning).toBeUndefined();
  });

  it('keeps a phrase it cannot read as text, with a warning', () => {
    expect(readDueRule('按上级要求')).toEqual({
      rule: { kind: 'text' },
      warning: '公开时限「按上级要求」无法识别，按原文保存，覆盖检查只查是否有发布',
    });
  });
});

describe('coverage of one row', () => {
  const cal = builtinCalendar();
  const pub = (publishDate: string, formedDate: string | null = null, title = 'x'): Publication => ({
    id: publishDate,
    title,
    publishDate,
    formedDate,
  });
  const period = { from: '2026-01-01', to: '2026-06-30' };

  it('event rule: missing when nothing is published, late against working days (2026 Spring Festival)', () => {
    const rule = readDueRule('信息形成或变更之日起20个工作日内').rule;
    expect(rowCoverage(rule, [], period, '2026-06-30', cal).status).toBe('missing');
    // Formed Mon 2026-02-02: 02-03..06 (4), 02-09..13 (9), make-up Sat 02-14 (10), 春节 02-15..23 off,
    // 02-24..27 (14), make-up Sat 02-28 (15), 03-02..06 (20) → due 2026-03-06.
    const late = rowCoverage(rule, [pub('2026-03-09', '2026-02-02', '通知')], period, '2026-06-30', cal);
    expect(late.status).toBe('late');
    expect(late.notes).toEqual([
      '「通知」超期公开（形成于 2026-02-02，应于 2026-03-06 前，实际 2026-03-09）',
    ]);
    expect(rowCoverage(rule, [pub('2026-03-06', '2026-02-02')], period, '2026-06-30', cal).status).toBe('ok');
    // Published before the period: not this period's publication.
    expect(rowCoverage(rule, [pub('2025-12-30', '2025-12-01')], period, '2026-06-30', cal).status).toBe(
      'missing',
    );
  });

  it('quarterly rule: each quarter due by its end; a later publication is late; undue quarters do not count', () => {
    const rule = readDueRule('每季度').rule;
    const r = rowCoverage(
      rule,
      [pub('2026-02-10'), pub('2026-07-03')],
      { ...period, to: '2026-07-31' },
      '2026-07-10',
      cal,
    );
    expect(r.status).toBe('late');
    expect(r.notes).toEqual(['2026年第2季度超期公开（应于 2026-06-30 前，实际 2026-07-03）']);
    const asOfMay = rowCoverage(rule, [], period, '2026-05-15', cal);
    expect(asOfMay.notes).toEqual(['2026年第1季度未公开（应于 2026-03-31 前）']);
    expect(rowCoverage(rule, [], { from: '2026-01-01', to: '2026-03-30' }, '2026-03-30', cal).status).toBe(
      'not_due',
    );
  });

  it('yearly rule by 3月底: the window opens after last year’s due day', () => {
    const rule = readDueRule('每年3月底前').rule;
    expect(dueWindows(rule as never, '2026-01-01', '2026-12-31')).toEqual([
      { label: '2026年', start: '2025-04-01', due: '2026-03-31' },
    ]);
    expect(rowCoverage(rule, [pub('2025-11-01')], period, '2026-06-30', cal).status).toBe('ok');
    expect(rowCoverage(rule, [pub('2026-04-01')], period, '2026-06-30', cal).status).toBe('late');
  });

  it('standing rule needs something published by the end; realtime is due the next working day', () => {
    expect(rowCoverage({ kind: 'standing' }, [pub('2024-05-01')], period, '2026-06-30', cal).status).toBe(
      'ok',
    );
    expect(rowCoverage({ kind: 'standing' }, [pub('2026-07-01')], period, '2026-06-30', cal).status).toBe(
      'missing',
    );
    // Formed Friday 2026-03-06: due Monday 03-09.
    expect(
      rowCoverage({ kind: 'realtime' }, [pub('2026-03-09', '2026-03-06')], period, '2026-06-30', cal).status,
    ).toBe('ok');
    expect(
      rowCoverage({ kind: 'realtime' }, [pub('2026-03-10', '2026-03-06')], period, '2026-06-30', cal).status,
    ).toBe('late');
  });
});
