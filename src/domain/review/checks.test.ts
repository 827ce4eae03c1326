import { describe, expect, it } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import {
  extractLinks,
  maskAddresses,
  runChecks,
  runChecksOnParts,
  unreadableAttachmentFinding,
} from './checks';
import type { CheckOptions, Finding, FindingKind } from './types';

// Check digits are computed here independently of validators.ts (GB 11643-1999, ISO 7064 MOD 11-2),
// and pinned against the standard's own examples below.
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const withCheck = (first17: string) =>
  first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * (W[i] ?? 0), 0) % 11];
const wrongCheck = (first17: string) => {
  const right = withCheck(first17).slice(-1);
  return first17 + (right === '0' ? '1' : '0');
};
const luhnComplete = (prefix: string) => {
  for (let d = 0; d <= 9; d++) {
    const s = prefix + d;
    let sum = 0;
    [...s].reverse().forEach((c, i) => {
      let n = Number(c);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    });
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
};

const kinds = (text: string, opts?: CheckOptions, only?: FindingKind) =>
  runChecks(text, opts)
    .filter((f) => !only || f.kind === only)
    .map((f) => `${f.kind}:${f.text}`);

describe('test helpers agree with the GB 11643 examples', () => {
  eachReturns(
    withCheck,
    [
      ['11010519491231002', '11010519491231002X'],
      ['44052418800101001', '440524188001010014'],
    ],
    '%s → %s',
  );
  it('4111111111111111 is the classic Luhn-valid test card', () =>
    expect(luhnComplete('411111111111111')).toBe('4111111111111111'));
});

describe('id_card', () => {
  const valid = withCheck('50010319900101123');
  it.each([
    ['18 digits, valid check digit', `身份证号：${valid}。`, [`id_card:${valid}`]],
    ['check character X', '证件号11010519491231002X', ['id_card:11010519491231002X']],
    ['lower-case x', '证件号11010519491231002x', ['id_card:11010519491231002x']],
    ['1880 birth year (standard example)', '440524188001010014', ['id_card:440524188001010014']],
    ['leap-day birth date', withCheck('51010120000229123'), [`id_card:${withCheck('51010120000229123')}`]],
    ['15-digit old number', '旧证130503670401001', ['id_card:130503670401001']],
    ['wrong check digit', wrongCheck('50010319900101123'), []],
    ['birth date 1990-02-30', withCheck('50010319900230123'), []],
    ['2019-02-29 (not a leap year)', withCheck('50010320190229123'), []],
    ['month 13', withCheck('50010319901301123'), []],
    ['province code 99', withCheck('99010319900101123'), []],
    ['birth year 1799', withCheck('50010317990101123'), []],
    ['15-digit with a bad date', '130503671301001', []],
    ['15-digit with province 00', '000503670401001', []],
    ['inside a longer digit run', `9${valid}`, []],
    ['followed by more digits', `${valid}7`, []],
    ['glued to letters (a code, not an ID)', `NO${valid}`, []],
    ['17 digits', '50010319900101123', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'id_card')).toEqual(expected));

  it('a valid ID is reported once, not also as a bank card or phone', () => {
    expect(kinds(`号码${valid}`)).toEqual([`id_card:${valid}`]);
  });
});

// SECURITY.md 32: births after 2019, lower-case x, and the two bugs of public snippets.
describe('id_card: births after 2019 and the public-snippet bugs', () => {
  const born2021 = withCheck('50010320210315002');
  // A 2021 birth whose check character is X (to be written lower-case).
  const born2021x = Array.from({ length: 1000 }, (_, n) =>
    withCheck(`50010320210315${String(n).padStart(3, '0')}`),
  ).find((id) => id.endsWith('X'))!;
  it.each([
    ['born 2021, valid check digit', `身份证号：${born2021}`, [`id_card:${born2021}`]],
    ['born 2021, wrong check digit', `身份证号：${wrongCheck('50010320210315002')}`, []],
    ['born 2021, lower-case x', `证件 ${born2021x.toLowerCase()}`, [`id_card:${born2021x.toLowerCase()}`]],
    // Snippet bug 1: a year pattern like (19|20[01])\d caps births at 2019.
    ...['2020', '2024', '2026'].map((y) => {
      const id = withCheck(`500103${y}0101123`);
      return [`born ${y} (a year regex capped at 2019 misses it)`, id, [`id_card:${id}`]] as const;
    }),
    // Snippet bug 2: /^\d{17}\d|x$/ reads as (^\d{17}\d)|(x$): any 18 leading digits, or anything ending in x.
    ['18 valid digits then more digits', `${born2021}99`, []],
    ['a word ending in x', 'box', []],
    ['digits then x, wrong length', '5001032021x', []],
    ['17 digits and an x with a wrong check', `${wrongCheck('50010320210315002').slice(0, 17)}x`, []],
  ] as [string, string, string[]][])('%s', (_name, text, expected) =>
    expect(kinds(text, {}, 'id_card')).toEqual(expected),
  );

  it('the snippet regex really has both bugs (what the cases above guard against)', () => {
    const snippet = /^\d{17}\d|x$/;
    expect(snippet.test(`${born2021}99`)).toBe(true);
    expect(snippet.test('box')).toBe(true);
    expect(/^\d{6}(18|19|20[01])\d{7}[\dXx]$/.test(born2021)).toBe(false);
  });
});

// SECURITY.md 32: readers join the cells of a table row with tabs (docx and xlsx), rows with newlines.
describe('id_card split across the cells of a table row', () => {
  const id = withCheck('50010320210315002');
  const [a, b, c] = [id.slice(0, 6), id.slice(6, 14), id.slice(14)];
  it.each([
    ['6 | 8 | 4 cells of one row', `姓名\t${a}\t${b}\t${c}\n`, [`id_card:${a}\t${b}\t${c}`]],
    ['17 | 1 cells', `${id.slice(0, 17)}\t${id.slice(17)}`, [`id_card:${id.slice(0, 17)}\t${id.slice(17)}`]],
    ['the same pieces on three rows', `${a}\n${b}\n${c}\n`, []],
    ['a wrong check digit', `${a}\t${b}\t${wrongCheck('50010320210315002').slice(14)}`, []],
    ['a cell with more than digits', `${a}\t${b}号\t${c}`, []],
    ['unrelated number cells (amounts, years)', '2026\t3\t150000\t12\t500103\t2021\n', []],
    ['x only at the very end', `${a}\t${b.slice(0, 4)}x${b.slice(5)}\t${c}`, []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'id_card')).toEqual(expected));

  it('is masked over its cells, separators kept', () => {
    const [f] = runChecks(`${a}\t${b}\t${c}`).filter((x) => x.kind === 'id_card');
    expect(f?.masked).toBe(`50****\t********\t*${c.slice(1)}`);
  });
});

describe('mobile', () => {
  it.each([
    ['plain', '联系人手机13812341234', ['mobile:13812341234']],
    ['dashes', '手机：138-1234-5678。', ['mobile:138-1234-5678']],
    ['spaces', '手机 139 1234 5678', ['mobile:139 1234 5678']],
    ['+86 prefix', '+86 13812341234', ['mobile:+86 13812341234']],
    ['0086 prefix', '008613812341234', ['mobile:008613812341234']],
    ['199 range', '19912345678', ['mobile:19912345678']],
    ['inside a longer number', '流水号2013812341234', []],
    ['followed by a digit', '138123412345', []],
    ['second digit 2 is not a mobile prefix', '12812341234', []],
    ['10 digits only', '1381234123', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'mobile')).toEqual(expected));
});

describe('landline', () => {
  it.each([
    ['area code with dash', '电话023-12345678', ['landline:023-12345678']],
    ['Beijing 010', '010-65123456', ['landline:010-65123456']],
    ['4-digit area code, 7 digits', '0851-5123456', ['landline:0851-5123456']],
    ['bracketed area code', '（023）62345678', ['landline:（023）62345678']],
    ['extension', '023-62345678-801', ['landline:023-62345678-801']],
    ['labelled local number', '联系电话：62345678', ['landline:62345678']],
    ['year-like prefix is part of a longer run', '2023-12345678', []],
    ['unlabelled 8-digit number', '共计62345678元', []],
    ['area code 000 does not exist', '000-12345678', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'landline')).toEqual(expected));
});

describe('bank_card', () => {
  const c16 = luhnComplete('622202020011223');
  const c19 = luhnComplete('622848001234567890');
  const bad16 = c16.slice(0, -1) + ((Number(c16.slice(-1)) + 1) % 10);
  it.each([
    ['16-digit UnionPay, Luhn valid', `卡号${c16}`, [`bank_card:${c16}`]],
    ['19 digits, Luhn valid', `账号：${c19}`, [`bank_card:${c19}`]],
    [
      'grouped by four',
      `卡号 ${c16.replace(/(\d{4})(?=\d)/g, '$1 ')}`,
      [`bank_card:${c16.replace(/(\d{4})(?=\d)/g, '$1 ')}`],
    ],
    ['Visa test number', '4111111111111111', ['bank_card:4111111111111111']],
    ['Luhn invalid', `卡号${bad16}`, []],
    ['15 digits', '622202020011223', []],
    ['starts with 1 (no card scheme)', luhnComplete('100000000000000'), []],
    ['part of a longer run', `${c19}12`, []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'bank_card')).toEqual(expected));
});

describe('email', () => {
  it.each([
    ['simple', '邮箱zhangsan@163.com。', ['email:zhangsan@163.com']],
    ['dots and sub-domain', '请发送至 zwgk.office@cq.gov.cn', ['email:zwgk.office@cq.gov.cn']],
    ['no top-level domain', 'user@localhost', []],
    ['at sign in prose', '@各镇街', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'email')).toEqual(expected));
});

describe('passport', () => {
  it.each([
    ['E + 8 digits', '护照E12345678', ['passport:E12345678']],
    ['E + letter + 7 digits', '持EA1234567入境', ['passport:EA1234567']],
    ['old G + 8 digits', 'G12345678', ['passport:G12345678']],
    ['official passport after 护照号码', '护照号码：P1234567', ['passport:P1234567']],
    ['E + 7 digits', 'E1234567', []],
    ['part of a longer code', 'XE12345678', []],
    ['P-number without the word 护照', '型号P1234567', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'passport')).toEqual(expected));
});

describe('address (name + detailed address)', () => {
  it.each([
    [
      'room number',
      '张三，家住重庆市渝中区解放碑路12号3栋2单元401室。',
      ['address:张三，家住重庆市渝中区解放碑路12号3栋2单元401室'],
    ],
    ['village group', '李四住梓潼街道双江村3组15号', ['address:李四住梓潼街道双江村3组15号']],
    ['compound surname', '欧阳明现住人民路8号2幢', ['address:欧阳明现住人民路8号2幢']],
    ['office address without a name or room', '办公地址：重庆市潼南区梓潼街道人民路1号', []],
    [
      'office address with a building whose street starts with a surname',
      '办公地址：潼南区金佛大道1号5栋',
      [],
    ],
    [
      'name after 申请人 and 住址：',
      '申请人王小明，住址：人民路8号2栋1单元301室',
      ['address:王小明，住址：人民路8号2栋1单元301室'],
    ],
    ['after prose, with 家住', '经查张三，家住解放碑路12号3栋', ['address:张三，家住解放碑路12号3栋']],
    ['after prose, separator only', '经查张三，解放碑路12号3栋', []],
    ['name and street but no dwelling detail', '张三，家住解放碑路12号', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'address')).toEqual(expected));
});

describe('maskAddresses (free text the public reads)', () => {
  eachReturns(maskAddresses, [
    [
      '当事人张三丰，住址：重庆市潼南区桂林街道解放碑路12号3栋2单元101室。罚款2000元。',
      '当事人张**，住址：重庆市潼南区桂林街道******。罚款2000元。',
    ],
    ['经查李四家住双江村3组15号，情况属实。', '经查李*家住******，情况属实。'],
    ['罚款2000元。', '罚款2000元。'],
  ]);
});

describe('secrecy_mark', () => {
  it.each([
    ['机密★1年 at the head', '机密★1年\n关于某事项的通知', ['secrecy_mark:机密★1年']],
    ['秘密★ inside a line', '文件（秘密★）', ['secrecy_mark:秘密★']],
    ['绝密★长期', '绝密★长期', ['secrecy_mark:绝密★长期']],
    ['full-width digits in the term', '秘密★１０年', ['secrecy_mark:秘密★１０年']],
    ['秘密 alone on the first line', '秘密\n潼南区人民政府办公室', ['secrecy_mark:秘密']],
    ['机密 1年 alone, indented', '　　机密 1年\n正文', ['secrecy_mark:机密 1年']],
    ['密级：秘密', '密级：秘密', ['secrecy_mark:秘密']],
    ['内部资料 standalone', '（内部资料）', ['secrecy_mark:内部资料']],
    ['内部资料 注意保存', '内部资料　注意保存', ['secrecy_mark:内部资料', 'secrecy_mark:注意保存']],
    ['揭开秘密 (ordinary word)', '揭开秘密', []],
    ['秘密花园', '参观秘密花园', []],
    ['保守国家秘密', '各单位要保守国家秘密。', []],
    ['heading that starts with 机密 but is a title', '机密文件管理办法', []],
    ['内部资料 inside a sentence', '不得对外提供内部资料和数据', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'secrecy_mark')).toEqual(expected));
});

describe('sensitive_word', () => {
  const opts = { sensitiveWords: ['敏感项目', '项目', 'VPN', '  '] };
  it.each([
    ['configured word', '本项目已完成', ['sensitive_word:项目']],
    ['longest configured word wins', '该敏感项目', ['sensitive_word:敏感项目']],
    ['case-insensitive Latin', '使用vpn访问', ['sensitive_word:vpn']],
    ['blank words are ignored', '空格  之间', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, opts, 'sensitive_word')).toEqual(expected));
});

describe('unit_name', () => {
  // A small registry standing in for `org`: registered names of seeds/000, aliases and the typos of seeds/README.md.
  const registered = new Set([
    '区住房城乡建委',
    '区城市管理局',
    '区财政局',
    '区政府办公室',
    '梓潼街道',
    '区委宣传部',
  ]);
  const resolveUnit = (name: string) => {
    if (registered.has(name)) return { known: true };
    if (name === '区城管局') return { known: true, suggestion: '区城市管理局', confidence: 1 };
    if (name === '区住房城市建委') return { known: false, suggestion: '区住房城乡建委', confidence: 0.86 };
    if (name === '区财务局') return { known: false, suggestion: '区财政局', confidence: 0.3 };
    return { known: false };
  };
  it.each([
    ['typo from seed 001', '\t区住房城市建委、', ['unit_name:区住房城市建委→区住房城乡建委']],
    ['alias named two ways', '区城管局\n', ['unit_name:区城管局→区城市管理局']],
    ['registered name', '（牵头单位:区财政局、区政府办公室）', []],
    ['registered name followed by a verb', '区财政局负责', []],
    ['unit with bracketed alias', '区委宣传部（区政府新闻办）', []],
    ['registered township', '梓潼街道', []],
    ['low-confidence suggestion is hidden', '区财务局', []],
    ['unknown without suggestion is quiet by default', '区某某局', []],
    ['typo inside prose after 按照', '按照区住房城市建委要求', ['unit_name:区住房城市建委→区住房城乡建委']],
    ['prose before 区 is not taken as a place name', '强化区政府办公室、', []],
    [
      'typo after prose that looks like a place prefix',
      '强化区住房城市建委、',
      ['unit_name:区住房城市建委→区住房城乡建委'],
    ],
    ['no candidate without a boundary (区政府办公室汇同…, seed 002)', '区政府办公室汇同区住房城市建委。', []],
    ['full name with the district', '（渝中区住房城市建委）', ['unit_name:区住房城市建委→区住房城乡建委']],
  ])('%s', (_name, text, expected) => {
    const got = runChecks(text, { resolveUnit })
      .filter((f) => f.kind === 'unit_name')
      .map((f) => `${f.kind}:${f.text}→${f.suggestion}`);
    expect(got).toEqual(expected);
  });
  it('reportUnknownUnits shows unknown names', () => {
    const f = runChecks('区某某局', { resolveUnit, reportUnknownUnits: true });
    expect(f.map((x) => [x.kind, x.text, x.suggestion])).toEqual([['unit_name', '区某某局', undefined]]);
  });
  it('the one-click fix replaces the typo with the registered name', () => {
    const [f] = runChecks('区住房城市建委', { resolveUnit });
    expect(f?.masked).toBe('区住房城乡建委');
    expect(f?.blocking).toBe(false);
  });
  it('without a resolver no unit findings are made', () => expect(kinds('区住房城市建委、')).toEqual([]));
});

describe('invalid_date', () => {
  it.each([
    ['2月30日', '于2月30日前完成', ['invalid_date:2月30日']],
    ['2023年2月29日 (not leap)', '2023年2月29日', ['invalid_date:2023年2月29日']],
    ['2024年2月29日 (leap)', '2024年2月29日', []],
    ['2月29日 without a year may exist', '2月29日', []],
    ['4月31日', '2025年4月31日', ['invalid_date:2025年4月31日']],
    ['13月1日', '13月1日', ['invalid_date:13月1日']],
    ['0日', '6月0日', ['invalid_date:6月0日']],
    ['2023-02-30', '日期2023-02-30', ['invalid_date:2023-02-30']],
    ['2021.6.31', '2021.6.31', ['invalid_date:2021.6.31']],
    ['ordinary date', '2021年6月30日前', []],
    ['8月31日 (seed 003)', '8月31日', []],
    ['Chinese numerals, 二月三十日', '二〇二三年二月三十日', ['invalid_date:二〇二三年二月三十日']],
    ['Chinese numerals, 十一月三十一日', '十一月三十一日', ['invalid_date:十一月三十一日']],
    ['Chinese numerals, valid', '二〇二三年十二月三十一日', []],
    ['Chinese numerals, leap day 2024', '二〇二四年二月二十九日', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'invalid_date')).toEqual(expected));
});

describe('date_order', () => {
  it.each([
    ['from options, published earlier', '', { writtenDate: '2023-03-01', publishedDate: '2023-02-28' }, 1],
    ['from options, same day', '', { writtenDate: '2023-03-01', publishedDate: '2023-03-01' }, 0],
    ['from options, later', '', { writtenDate: '2021-09-26', publishedDate: '2021-09-29' }, 0],
    ['from the text', '成文日期：2023年3月1日\n发布日期：2023年2月1日', {}, 1],
    ['from the text, ISO form', '成文日期:2021-09-26 发布日期:2021-09-29', {}, 0],
    ['only one date known', '发布日期：2023年2月1日', {}, 0],
  ])('%s', (_name, text, opts, count) => expect(kinds(text, opts, 'date_order')).toHaveLength(count));
  it('points at the 发布日期 value when it comes from the text', () => {
    const text = '成文日期：2023年3月1日\n发布日期：2023年2月1日';
    const [f] = runChecks(text).filter((x) => x.kind === 'date_order');
    expect(f && text.slice(f.start, f.end)).toBe('2023年2月1日');
  });
});

describe('links', () => {
  it.each([
    ['http link', '详见 http://www.cqtn.gov.cn/zwgk。', ['insecure_link:http://www.cqtn.gov.cn/zwgk']],
    ['https link', '详见 https://www.cqtn.gov.cn/zwgk', []],
    ['ftp link', 'ftp://files.example.cn/a', ['insecure_link:ftp://files.example.cn/a']],
    ['empty label in host', 'https://www..gov.cn/', ['broken_link:https://www..gov.cn/']],
    ['missing colon', 'http//www.gov.cn', ['broken_link:http//www.gov.cn']],
    ['misspelt scheme', 'htp://www.gov.cn', ['broken_link:htp://www.gov.cn']],
    ['host without a dot', 'https://gov/', ['broken_link:https://gov/']],
    ['unreachable per caller', 'https://www.gov.cn/old', ['broken_link:https://www.gov.cn/old']],
    ['Chinese text right after the link', '见http://www.gov.cn详见', ['insecure_link:http://www.gov.cn']],
    ['link in brackets', '（http://www.gov.cn/a）', ['insecure_link:http://www.gov.cn/a']],
  ])('%s', (_name, text, expected) =>
    expect(
      runChecks(text, { brokenLinks: ['https://www.gov.cn/old/'] })
        .filter((f) => f.kind.endsWith('link'))
        .map((f) => `${f.kind}:${f.text}`),
    ).toEqual(expected),
  );
});

describe('blocking, offsets and sources', () => {
  const text = '机密★1年\n张三手机13812341234，电话023-62345678，详见http://a.gov.cn，2月30日';
  const all = runChecks(text);
  it('every finding text equals the slice at its offsets', () => {
    for (const f of all) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
  it.each([
    ['secrecy_mark', true],
    ['mobile', true],
    ['landline', false],
    ['insecure_link', false],
    ['invalid_date', false],
  ] as [FindingKind, boolean][])('default: %s blocking=%s', (kind, blocking) => {
    expect(all.find((f) => f.kind === kind)?.blocking).toBe(blocking);
  });
  it('blockingKinds overrides the defaults', () => {
    const f = runChecks(text, { blockingKinds: ['landline'] });
    expect(f.filter((x) => x.blocking).map((x) => x.kind)).toEqual(['landline']);
  });
  it('findings are sorted by position', () => {
    const starts = all.map((f: Finding) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
  it('runChecksOnParts labels each finding with its part', () => {
    const f = runChecksOnParts([
      { source: '正文', text: '无' },
      { source: '附件 名单.xlsx › 工作表 Sheet2（隐藏）', text: '13812341234' },
    ]);
    expect(f.map((x) => [x.kind, x.source])).toEqual([['mobile', '附件 名单.xlsx › 工作表 Sheet2（隐藏）']]);
  });
  it('an unreadable attachment blocks by default', () => {
    const f = unreadableAttachmentFinding('附件 a.pdf', '附件无法打开：文件已损坏');
    expect([f.kind, f.blocking, f.message]).toEqual([
      'unreadable_attachment',
      true,
      '附件无法打开：文件已损坏',
    ]);
  });
});

describe('extractLinks (what the server probes)', () => {
  eachEquals(
    extractLinks,
    [
      ['详见 https://www.gov.cn/zhengce/。', ['https://www.gov.cn/zhengce/']],
      ['http://www.cq.gov.cn详见', ['http://www.cq.gov.cn']],
      ['a https://x.gov.cn/a b https://x.gov.cn/a', ['https://x.gov.cn/a']],
      ['ftp://files.gov.cn/x http//bad.gov.cn https://bad', []],
    ],
    '%s → %j',
  );
});

// Issue 13 part 8: full-width digits, split numbers, names next to numbers, 内部资料-like marks.
describe('personal data written in full width or split', () => {
  const valid = withCheck('50010319900101123');
  const full = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const split = (sep: string, ...sizes: number[]) =>
    sizes
      .map((n, i) => {
        const at = sizes.slice(0, i).reduce((a, b) => a + b, 0);
        return valid.slice(at, at + n);
      })
      .join(sep);
  it.each([
    ['full-width ID', `身份证号：${full(valid)}。`, [`id_card:${full(valid)}`]],
    ['ID split 6-8-4 by spaces', `身份证 ${split(' ', 6, 8, 4)}`, [`id_card:${split(' ', 6, 8, 4)}`]],
    ['ID split 6-8-4 by hyphens', `证件${split('-', 6, 8, 4)}`, [`id_card:${split('-', 6, 8, 4)}`]],
    ['ID split 6-4-4-4', `证件 ${split(' ', 6, 4, 4, 4)}`, [`id_card:${split(' ', 6, 4, 4, 4)}`]],
    [
      'split ID with a wrong check digit',
      `证件 ${wrongCheck('50010319900101123').replace(/^(\d{6})(\d{8})/, '$1 $2 ')}`,
      [],
    ],
    [
      'mixed separators are not one ID',
      `证件 ${valid.slice(0, 6)} ${valid.slice(6, 14)}-${valid.slice(14)}`,
      [],
    ],
    ['full-width mobile', '手机：１３８１２３４５６７８', ['mobile:１３８１２３４５６７８']],
    [
      'full-width mobile with full-width hyphens',
      '１３８－１２３４－５６７８',
      ['mobile:１３８－１２３４－５６７８'],
    ],
    ['mobile split with spaced hyphens', '138 - 1234 - 5678', ['mobile:138 - 1234 - 5678']],
    ['landline split in the local number', '023-6234 5678', ['landline:023-6234 5678']],
    ['full-width landline', '（０２３）６２３４５６７８', ['landline:（０２３）６２３４５６７８']],
    ['full-width amount is no phone', '金额１２３４５元', []],
  ])('%s', (_name, text, expected) =>
    expect(kinds(text).filter((k) => !k.startsWith('personal_name'))).toEqual(expected),
  );

  it('masks a full-width mobile keeping its width', () => {
    const [f] = runChecks('１３８１２３４５６７８');
    expect(f).toMatchObject({ kind: 'mobile', masked: '１３８****５６７８', blocking: true });
  });
});

describe('personal_name next to an ID number or phone (non-blocking)', () => {
  const valid = withCheck('50010319900101123');
  it.each([
    ['name, comma, ID label', `张三，身份证号：${valid}`, ['张三']],
    ['label before the name', `联系人：李四 电话 13812345678`, ['李四']],
    ['name right before the phone', `王小明13812345678`, ['王小明']],
    ['bracketed phone', `欧阳娜娜（手机：138-1234-5678）`, ['欧阳娜娜']],
    ['name before a landline', `赵六 023-62345678`, ['赵六']],
    ['no name before the number', `咨询电话：13812345678`, []],
    ['a unit, not a person', `区政务服务中心电话023-62345678`, []],
    ['name far from the number', `张三在会上发言。全文共计十二页，联系电话023-62345678`, []],
  ])('%s', (_name, text, names) => {
    const found = runChecks(text).filter((f) => f.kind === 'personal_name');
    expect(found.map((f) => f.text)).toEqual(names);
    for (const f of found) {
      expect(f.blocking).toBe(false);
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
  });
});

describe('内部资料 / 内部文件 / 秘密 / 机密 marks', () => {
  it.each([
    ['内部文件 standalone', '【内部文件】关于调整的通知', ['secrecy_mark:内部文件']],
    ['bare 机密 in brackets', '（机密）会议纪要', ['secrecy_mark:机密']],
    ['bare 秘密 before a space', '秘密 关于某事项的请示', ['secrecy_mark:秘密']],
    ['内部资料 asking not to pass on', '本文件为内部资料，请勿外传。', ['secrecy_mark:内部资料']],
    ['内部文件 注意保存 in a sentence', '此系内部文件注意保存', ['secrecy_mark:内部文件']],
    ['商业秘密 is an ordinary word', '涉及商业秘密的，不予公开。', []],
    ['机密性 is an ordinary word', '保障数据机密性', []],
    ['内部文件 in prose', '清理内部文件制度', []],
  ])('%s', (_name, text, expected) => expect(kinds(text, {}, 'secrecy_mark')).toEqual(expected));
});
