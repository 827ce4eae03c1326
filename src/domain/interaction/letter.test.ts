import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { builtinCalendar } from '../calendar/testing';
import {
  LETTER_REPEAT_DAYS,
  LETTER_TYPE_LABELS,
  LETTER_TYPES,
  type LetterStatus,
  letterActions,
  letterDue,
  letterOverdue,
  maskLetterText,
  publicationOf,
  repeatedLetter,
  replyOnTime,
  replyStatus,
  SHIPPED_SENSITIVE_WORDS,
  sensitiveHits,
  transferRefusal,
} from './letter';

const cal = builtinCalendar();

describe('letter types', () => {
  it('the five types of issue 11 part 4, in order', () => {
    expect(LETTER_TYPES.map((t) => LETTER_TYPE_LABELS[t])).toEqual(['咨询', '建议', '投诉', '求助', '其他']);
  });
});

describe('reply clock: 15 working days on the calendar', () => {
  // Counted by hand on the 2026 notices: the receipt day does not count.
  it.each([
    ['three ordinary weeks', '2026-03-02', 15, '2026-03-23'],
    ['received on a Saturday', '2026-03-07', 15, '2026-03-27'],
    ['received on 中秋 2026, over 国庆 (10-01..10-07 off, 10-10 make-up)', '2026-09-25', 15, '2026-10-22'],
    ['a setting of 10 days', '2026-03-02', 10, '2026-03-16'],
  ])('%s: %s + %i → %s', (_name, received, days, due) => {
    expect(letterDue(cal, received, days)).toBe(due);
  });
  it.each<[LetterStatus, string, string, boolean]>([
    ['open', '2026-03-23', '2026-03-23', false],
    ['open', '2026-03-23', '2026-03-24', true],
    ['reviewing', '2026-03-23', '2026-03-24', true],
    ['replied', '2026-03-23', '2026-04-30', false],
  ])('%s due %s as of %s → overdue %s', (status, due, asOf, want) => {
    expect(letterOverdue(status, due, asOf)).toBe(want);
  });
  it.each([
    ['2026-03-23', '2026-03-23', true],
    ['2026-03-23', '2026-03-24', false],
  ])('due %s replied %s → on time %s (a late reply is accepted and recorded)', (due, on, want) => {
    expect(replyOnTime(due, on)).toBe(want);
  });
});

describe('transitions', () => {
  it.each<[LetterStatus, boolean, boolean, string[]]>([
    ['open', true, false, ['transfer', 'reply']],
    ['reviewing', true, false, ['approve', 'return']],
    ['replied', false, false, []],
    ['replied', true, false, ['publish']],
    ['replied', true, true, ['unpublish']],
  ])('%s consent %s published %s → %j', (status, consent, published, want) => {
    expect(letterActions(status, { consent, published })).toEqual(want);
  });
  eachReturns(
    replyStatus,
    [
      [true, 'reviewing'],
      [false, 'replied'],
    ],
    'reply with review required %s → %s',
  );
  it.each([
    ['to the holder', 'A', 'A', [], /不能转办给当前承办单位/],
    ['back to a unit that passed it on', 'B', 'A', [{ from: 'A', to: 'B' }], /不能再转回/],
    ['onwards', 'B', 'C', [{ from: 'A', to: 'B' }], null],
  ] as const)('transfer %s', (_n, holder, target, history, want) => {
    const r = transferRefusal(holder, target, history);
    if (want) expect(r).toMatch(want);
    else expect(r).toBeNull();
  });
});

const writer = { writerName: '张建国', writerPhone: '13912345678', writerIdNo: '510104198001011234' };
const fullOfData = {
  subject: '张建国反映小区噪音扰民',
  body:
    '我叫张建国，身份证510104198001011234，电话13912345678，住址锦江区书院街道红星路88号3栋2单元501室。' +
    '邻居李四（电话 139-8765-4321）每晚施工。也可联系 zhangjg@example.com。',
  reply: '经核查，已责令施工方整改。如有问题请拨打 028-86661234。',
  ...writer,
  consent: true,
  status: 'replied' as const,
};

describe('publication: masked, never raw', () => {
  it('a letter full of personal data marked 同意公开 is published masked', () => {
    const p = publicationOf(fullOfData);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const all = `${p.subject}${p.body}${p.reply}`;
    for (const raw of [
      '张建国',
      '510104198001011234',
      '13912345678',
      '139-8765-4321',
      'zhangjg@example.com',
      '红星路88号',
    ])
      expect(all).not.toContain(raw);
    expect(p.subject).toBe('张**反映小区噪音扰民');
    expect(p.body).toContain('每晚施工');
    expect(p.masked).toBeGreaterThanOrEqual(6);
  });
  it.each([
    ['no consent', { consent: false }, /未同意公开/],
    ['not replied', { status: 'open' as const, reply: null }, /尚未答复/],
    ['under review', { status: 'reviewing' as const }, /尚未答复/],
    ['a sensitive word in the body', { body: '有人在小区附近办证刻章' }, /来信内容含有敏感词“办证刻章”/],
    ['a sensitive word in the reply', { reply: '已查处代开发票行为' }, /答复含有敏感词“代开发票”/],
  ])('refused: %s', (_n, over, reason) => {
    const p = publicationOf({ ...fullOfData, ...over });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reasons.join('；')).toMatch(reason);
  });
  it.each([
    ['the writer named without a number next to it', '张建国同志来信', '张**同志来信'],
    ['the writer phone', '号码13912345678', '号码139****5678'],
    ['a house number', '住红星路88号3栋2单元501室', '住红星路******'],
    ['nothing personal', '建议增加公交班次', '建议增加公交班次'],
    ['an ID number with a wrong check digit', '身份证510104199002021236', '身份证51*************236'],
    ['a long account number', '账号 6222020200112233', '账号 6**************3'],
  ])('%s', (_n, text, want) => {
    expect(maskLetterText(text, writer).text).toBe(want);
  });
  it('the shipped list is small and non-empty; hits are reported once', () => {
    expect(SHIPPED_SENSITIVE_WORDS.length).toBeGreaterThan(0);
    expect(sensitiveHits('办证刻章，办证刻章', SHIPPED_SENSITIVE_WORDS)).toEqual(['办证刻章']);
  });
  // SECURITY.md 39: a word written another way is still found.
  it.each([
    ['literal', '小区门口有人办证刻章', ['办证刻章']],
    ['space-padded', '小区门口有人办 证 刻 章', ['办证刻章']],
    ['full-width spaces and marks between', '有人办　证·刻＊章', ['办证刻章']],
    ['full-width Latin, other case', '兼职ＱＱ刷单', ['qq刷单']],
    ['line break inside', '办证\n刻章', ['办证刻章']],
    ['nothing', '建议增加公交班次', []],
  ] as const)('sensitive word, %s', (_n, text, want) => {
    expect(sensitiveHits(text, ['办证刻章', 'qq刷单', '赌博'])).toEqual(want);
  });
});

describe('a repeated letter (SECURITY.md 39): one writer, alike, within the window', () => {
  const earlier = [
    { id: 'a', body: '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。', receivedOn: '2026-03-01' },
    { id: 'b', body: '建议在幸福里小区增设公交站。', receivedOn: '2026-02-20' },
  ];
  it.each([
    ['the same text', '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。', '2026-03-02', 'a'],
    [
      'spaces, punctuation and width changed',
      '红星路工地 每晚施工到凌晨 噪音扰民 请尽快处理！',
      '2026-03-02',
      'a',
    ],
    ['a few words changed', '红星路工地每晚都施工到凌晨，噪音扰民，请你们尽快处理。', '2026-03-02', 'a'],
    ['another matter', '幸福里小区路灯坏了三个月，请维修。', '2026-03-02', null],
    [
      'the same text after the window',
      '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。',
      '2026-04-01',
      null,
    ],
    ['on the last day of the window', '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。', '2026-03-31', 'a'],
  ] as const)('%s', (_n, body, asOf, want) => {
    expect(repeatedLetter(body, earlier, asOf, LETTER_REPEAT_DAYS)?.id ?? null).toBe(want);
  });
  it('a shorter window is a setting', () => {
    expect(repeatedLetter(earlier[1]!.body, earlier, '2026-03-02', 7)).toBeNull();
    expect(repeatedLetter(earlier[1]!.body, earlier, '2026-03-02', 10)?.id).toBe('b');
  });
});
