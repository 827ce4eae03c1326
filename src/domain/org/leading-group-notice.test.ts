import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLeadingGroupNotice, splitPersonLine } from './leading-group-notice';

const SEED = readFileSync(
  new URL('../../../../shared/seeds/000_4dfb44639754fa34.txt', import.meta.url),
  'utf8',
);

// The member list of seed 000 ("成  员：" line), typed from the document.
const SEED_MEMBERS = [
  '区政府办公室',
  '区委宣传部（区政府新闻办）',
  '区委网信办（区网信办）',
  '区发展改革委',
  '区教委',
  '区民政局',
  '区司法局',
  '区财政局',
  '区人力社保局',
  '区规划自然资源局',
  '区生态环境局',
  '区住房城乡建委',
  '区城市管理局',
  '区交通局',
  '区水利局',
  '区农业农村委',
  '区文化旅游委',
  '区卫生健康委',
  '区应急局',
  '区政务服务管理办',
  '区国资委',
  '区乡村振兴局',
  '潼南市场监管局',
  '区国家保密局',
  '区档案局',
];

describe('seed 000 (潼南府办〔2023〕18号)', () => {
  const n = parseLeadingGroupNotice(SEED);
  it('title without the issuing office; issuer separately', () => {
    expect(n.title).toBe('关于成立政务公开工作领导小组的通知');
    expect(n.issuer).toBe('重庆市潼南区人民政府办公室');
  });
  it('docNumber and date', () => {
    expect(n.docNumber).toBe('潼南府办〔2023〕18号');
    expect(n.date).toBe('2023-04-12');
  });
  it('leader: the padding spaces inside 曾  伟 are removed', () => {
    expect(n.leader).toEqual({ name: '曾伟', title: '区委常委、区政府常务副区长' });
  });
  it('one deputy leader', () => {
    expect(n.deputyLeaders).toEqual([{ name: '谢子清', title: '区政府办公室主任' }]);
  });
  it('25 member units exactly as written, the last without 分管负责人', () => {
    expect(n.memberUnits).toEqual(SEED_MEMBERS);
  });
  it('office and its director', () => {
    expect(n.officeUnit).toBe('区政府办公室');
    expect(n.officeDirector).toBe('汤青青');
  });
  it('25 duties, units as written (三) 区委网信办 without its parenthesis', () => {
    const expected = [...SEED_MEMBERS];
    expected[2] = '区委网信办';
    expect(n.duties.map((d) => d.unit)).toEqual(expected);
  });
  it('duty texts are complete and do not run into the next item or section', () => {
    expect(n.duties[0]?.text.startsWith('承担领导小组办公室日常工作。')).toBe(true);
    for (const d of n.duties) expect(d.text.endsWith('承办领导小组交办的其他事项。')).toBe(true);
    // (二十) and (二十一) have no blank line between them in the seed
    expect(n.duties[19]?.text).not.toContain('国资');
    expect(n.duties[24]?.text).not.toContain('工作规则');
  });
  it('no warnings: every duty pairs with a member', () => {
    expect(n.warnings).toEqual([]);
  });
  it('parses the same without blank lines (docx paragraphs joined by \\n) and with CRLF', () => {
    const compact = SEED.split('\n')
      .filter((l) => l.trim() !== '')
      .join('\r\n');
    expect(parseLeadingGroupNotice(compact)).toEqual(n);
  });
});

const BASE = (
  over: Partial<Record<'num' | 'leader' | 'deputy' | 'members' | 'office' | 'duties' | 'date', string>>,
) =>
  [
    over.num ?? '潼南府办〔2023〕18号',
    '重庆市潼南区人民政府办公室',
    '关于成立政务公开工作领导小组的通知',
    '一、组成人员',
    over.leader ?? '组  长：曾  伟  区委常委、区政府常务副区长',
    over.deputy ?? '副组长：谢子清  区政府办公室主任',
    over.members ?? '成  员：区政府办公室、区财政局、区教委分管负责人。',
    over.office ?? '领导小组办公室设在区政府办公室，汤青青同志兼任办公室主任。',
    '二、成员单位职责',
    over.duties ??
      '（一）区政府办公室：承担日常工作。\n（二）区财政局：公开预决算。\n（三）区教委：公开教育信息。',
    '三、工作规则',
    '领导小组实行工作会议制度。',
    over.date ?? '2023年4月12日',
  ].join('\n');

describe('synthetic variants', () => {
  it('the base text parses cleanly', () => {
    const n = parseLeadingGroupNotice(BASE({}));
    expect(n.warnings).toEqual([]);
    expect(n.memberUnits).toEqual(['区政府办公室', '区财政局', '区教委']);
    expect(n.duties).toHaveLength(3);
  });

  it.each<[string, string]>([
    ['组长:曾伟 区委常委、区政府常务副区长', 'ASCII colon'],
    ['组长：曾伟区委常委、区政府常务副区长', 'no space between name and title'],
    ['组\u3000\u3000长：曾\u3000伟\u3000区委常委、区政府常务副区长', 'full-width spaces'],
    ['组长：曾伟（区委常委、区政府常务副区长）', 'title in parentheses'],
    ['组长: 曾伟(区委常委、区政府常务副区长)', 'ASCII parentheses'],
  ])('leader line %s (%s)', (line) => {
    const n = parseLeadingGroupNotice(BASE({ leader: line }));
    expect(n.leader).toEqual({ name: '曾伟', title: '区委常委、区政府常务副区长' });
  });

  it('several deputies on following lines', () => {
    const n = parseLeadingGroupNotice(
      BASE({
        deputy: '副组长：谢子清  区政府办公室主任\n        张  三  区财政局局长\n        李小四  区教委主任',
      }),
    );
    expect(n.deputyLeaders).toEqual([
      { name: '谢子清', title: '区政府办公室主任' },
      { name: '张三', title: '区财政局局长' },
      { name: '李小四', title: '区教委主任' },
    ]);
    expect(n.memberUnits).toHaveLength(3);
  });

  it('several deputies separated by 、, titles containing 、 kept whole', () => {
    const n = parseLeadingGroupNotice(
      BASE({ deputy: '副组长：谢子清  区政府办公室主任、王五  区委办公室副主任、区档案局局长' }),
    );
    expect(n.deputyLeaders).toEqual([
      { name: '谢子清', title: '区政府办公室主任' },
      { name: '王五', title: '区委办公室副主任、区档案局局长' },
    ]);
  });

  it('deputies as bare names', () => {
    const n = parseLeadingGroupNotice(BASE({ deputy: '副组长：谢子清、王五' }));
    expect(n.deputyLeaders.map((p) => p.name)).toEqual(['谢子清', '王五']);
  });

  it.each<[string, string | null]>([
    ['2023年4月12日', '2023-04-12'],
    ['2023 年 4 月 12 日', '2023-04-12'],
    ['二〇二三年四月十二日', '2023-04-12'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['２０２３年４月１２日', '2023-04-12'],
  ])('date %s → %s', (line, iso) => {
    expect(parseLeadingGroupNotice(BASE({ date: line })).date).toBe(iso);
  });

  it('an impossible date is a warning, not an exception', () => {
    const n = parseLeadingGroupNotice(BASE({ date: '2023年2月30日' }));
    expect(n.date).toBeNull();
    expect(n.warnings.join()).toContain('成文日期无法识别');
  });

  it('document number with [] or () is normalised to 〔〕', () => {
    expect(parseLeadingGroupNotice(BASE({ num: '潼南府办[2023]18号' })).docNumber).toBe(
      '潼南府办〔2023〕18号',
    );
    expect(parseLeadingGroupNotice(BASE({ num: '潼南府办（2023）18号' })).docNumber).toBe(
      '潼南府办〔2023〕18号',
    );
  });

  it('member list wrapping over lines, with 负责人 after each unit', () => {
    const n = parseLeadingGroupNotice(
      BASE({ members: '成  员：区政府办公室分管负责人、区财政局分管负责人、\n区教委主要负责人。' }),
    );
    expect(n.memberUnits).toEqual(['区政府办公室', '区财政局', '区教委']);
  });

  it('a duty whose unit is not a member gets a warning; written forms that differ only in the parenthesis do not', () => {
    const n = parseLeadingGroupNotice(
      BASE({
        members: '成  员：区政府办公室、区委网信办（区网信办）、区财政局分管负责人。',
        duties: '（一）区政府办公室：承担日常工作。\n（二）区网信办：舆情回应。\n（三）区税务局：税收信息。',
      }),
    );
    expect(n.warnings).toEqual(['职责条目中的单位「区税务局」不在成员单位名单中']);
  });

  it('duty text continuing over several lines is joined', () => {
    const n = parseLeadingGroupNotice(
      BASE({
        duties:
          '（一）区政府办公室：承担日常工作，\n负责培训考核。\n（二）区财政局：公开预决算。\n（三）区教委：公开教育信息。',
      }),
    );
    expect(n.duties[0]).toEqual({ unit: '区政府办公室', text: '承担日常工作，负责培训考核。' });
  });

  it('office director written as 办公室主任由…同志兼任', () => {
    const n = parseLeadingGroupNotice(
      BASE({ office: '领导小组办公室设在区政府办公室，办公室主任由汤青青同志兼任。' }),
    );
    expect(n.officeUnit).toBe('区政府办公室');
    expect(n.officeDirector).toBe('汤青青');
  });

  it('office director written as …由汤青青同志兼任办公室主任', () => {
    const n = parseLeadingGroupNotice(
      BASE({ office: '领导小组办公室设在区政府办公室，由汤青青同志兼任办公室主任。' }),
    );
    expect(n.officeDirector).toBe('汤青青');
  });

  it('title wrapped over two lines, issuer on the same line', () => {
    const n = parseLeadingGroupNotice(
      BASE({}).replace(
        '重庆市潼南区人民政府办公室\n关于成立政务公开工作领导小组的通知',
        '重庆市潼南区人民政府办公室关于成立政务公开\n工作领导小组的通知',
      ),
    );
    expect(n.title).toBe('关于成立政务公开工作领导小组的通知');
    expect(n.issuer).toBe('重庆市潼南区人民政府办公室');
  });

  it('missing parts produce Chinese warnings', () => {
    const n = parseLeadingGroupNotice(
      BASE({ leader: '', deputy: '', members: '', office: '', duties: '', num: '', date: '' }),
    );
    expect(n.leader).toBeNull();
    expect(n.deputyLeaders).toEqual([]);
    expect(n.memberUnits).toEqual([]);
    expect(n.docNumber).toBeNull();
    expect(n.date).toBeNull();
    for (const w of [
      '未找到组长',
      '未找到副组长',
      '未找到成员单位',
      '未找到发文字号',
      '未找到成文日期',
      '未找到领导小组办公室所在单位',
    ]) {
      expect(n.warnings).toContain(w);
    }
  });

  it('a text that is not such a notice says so', () => {
    const n = parseLeadingGroupNotice(
      '关于印发2021年政务公开工作要点的通知\n一、总体要求\n各部门要抓好落实。',
    );
    expect(n.warnings[0]).toContain('不像成立领导小组的通知');
    expect(n.leader).toBeNull();
    expect(n.duties).toEqual([]);
  });

  it('empty input does not throw', () => {
    expect(parseLeadingGroupNotice('').warnings.length).toBeGreaterThan(0);
  });
});

describe('splitPersonLine', () => {
  it.each<[string, string, string]>([
    ['曾  伟  区委常委、区政府常务副区长', '曾伟', '区委常委、区政府常务副区长'],
    ['谢子清  区政府办公室主任', '谢子清', '区政府办公室主任'],
    ['谢子清区政府办公室主任', '谢子清', '区政府办公室主任'],
    ['欧阳明月  区财政局局长', '欧阳明月', '区财政局局长'],
    ['张三', '张三', ''],
  ])('%s', (line, name, title) => {
    expect(splitPersonLine(line)).toEqual({ name, title });
  });
});
