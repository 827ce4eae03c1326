// Automatic pre-publication checks (issue 5 part 6): personal data, secrecy marks, sensitive words, unit names,
// dates and links. Pure: the unit registry, the list of unreachable links and the dates come from the caller.
// Heuristics prefer missing a doubtful case to flooding the reviewer: every number is validated (check digit,
// real birth date, Luhn), and a digit run that is part of a longer digit run is never a phone or ID number.
import { toHalfWidth } from '../privacy/width';
import { HAN_DIGITS } from '../text/han-digits';
import { maskAddressFinding, maskAll, maskValue } from './mask';
import {
  type CheckOptions,
  DEFAULT_BLOCKING_KINDS,
  FINDING_KIND_LABELS,
  type Finding,
  type FindingKind,
  PERSONAL_DATA_KINDS,
} from './types';
import { daysInMonth, isValidId15, isValidId18, isValidUscc, luhnValid } from './validators';

type Draft = Omit<Finding, 'blocking' | 'masked' | 'source'> & { masked?: string };

/** A finding of `text` found at `start`. */
const draft = (kind: FindingKind, text: string, start: number, message: string): Draft => ({
  kind,
  text,
  start,
  end: start + text.length,
  message,
});

const HAN = '\\p{Script=Han}';

// ---------- personal data ----------

// Personal-data rules run on the half-width copy of the text (toHalfWidth), so full-width digits match too.
// An ID number whole, or split into 6-8-4 or 6-4-4-4 groups by one kind of separator.
const ID_RE =
  /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15}|\d{6}([- \u3000])(?:\d{8}\1\d{3}[\dXx]|\d{4}\1\d{4}\1\d{3}[\dXx]))(?![\dA-Za-z])/g;
// Optional +86/0086, then 1[3-9]x and two 4-digit groups, each optionally after up to three '-' or spaces.
const MOBILE_RE = /(?<![\d+])(?:(?:\+|00)86[- \u3000]?)?1[3-9]\d(?:[- \u3000]{0,3}\d{4}){2}(?!\d)/g;
// Area code 010, 02x or 0[3-9]xx, in brackets or followed by '-' or a space; local number 7-8 digits, which may
// be split before its last four.
const LANDLINE_RE =
  /(?<!\d)(?:[(（](?:010|02\d|0[3-9]\d{2})[)）][ \u3000]?|(?:010|02\d|0[3-9]\d{2})[- \u3000])[1-9]\d{2,3}[- \u3000]?\d{4}(?:(?:-|转)\d{1,6})?(?!\d)/g;
// A bare local number is only a landline after a label.
const LABELLED_LOCAL_RE = /(?:电话|座机|传真|Tel|TEL|tel)[:：]?[ \u3000]*([2-9]\d{6,7})(?!\d)/g;
const BANK_RE = /(?<!\d)(?:\d{4}[- \u3000]?){3}\d{4,7}(?!\d)/g;
const EMAIL_RE =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Ordinary passports: E + 8 digits, E + letter (not I/O) + 7 digits, old G + 8 digits.
const PASSPORT_RE = /(?<![A-Za-z0-9])(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})(?![A-Za-z0-9])/g;
// Service, official and diplomatic passports (P/S/D…) only after the word 护照.
const LABELLED_PASSPORT_RE = /护照(?:号码|号)?[:：]?[ \u3000]*([A-Z]{1,2}\d{7,8})(?![A-Za-z0-9])/g;

const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '令狐',
  '夏侯',
];
const NAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SINGLE_SURNAMES}])[${HAN}]{1,2}?`;
const NUM = '[0-9０-９一二三四五六七八九十百零〇]';
// Words after which a personal name is expected (the name is otherwise required to start after a non-Han char).
const NAME_LABELS = '姓名|申请人|被申请人|当事人|户主|村民|居民|业主|住户|租户|承租人|联系人|学生|患者|家属';
// Name, then a separator and/or "家住"/"住址：", then place words ending in a street-like suffix, a house number
// with 号 and optional building/unit/room parts. The separator or keyword is required so that a place name that
// starts with a surname character ("金佛大道1号5栋") is not read as a person. Only [ \u3000] count as spaces so
// a match never crosses a table cell (\t) or a line.
const LIVES = '(?:家住|现住|住址[：:]?|户籍地址[：:]?|居住地[：:]?|住)';
// After these the name needs no boundary before it ("经查张三，家住…").
const LIVES_STRONG = '(?:家住|现住|住址[：:]?|户籍地址[：:]?|居住地[：:]?|居住在|住在)';
const ADDRESS_TAIL =
  `[：: \\u3000]*([${HAN}0-9]{0,24}?(?:大道|胡同|路|街|巷|弄|道|村|社区|小区|组)${NUM}+(?:-${NUM}+)?号` +
  `(?:[${HAN}]{0,6}?${NUM}*[A-Za-z]?(?:号楼|栋|幢|单元|楼|层|室|附${NUM}+号)(?:-?${NUM}+)?)*)`;
const ADDRESS_RES = [
  new RegExp(
    `(?<=^|[^${HAN}]|${NAME_LABELS})(${NAME})(?:[，,：: \\u3000]+${LIVES}?|${LIVES})${ADDRESS_TAIL}`,
    'gu',
  ),
  new RegExp(`(${NAME})[，,：: \\u3000]*${LIVES_STRONG}${ADDRESS_TAIL}`, 'gu'),
];

function idFindings(text: string): Draft[] {
  const out: Draft[] = [];
  for (const m of text.matchAll(ID_RE)) {
    const s = m[0];
    const id = s.replace(/[- \u3000]/g, '');
    const ok = id.length === 18 ? isValidId18(id) : isValidId15(id);
    if (!ok) continue;
    out.push(
      draft(
        'id_card',
        s,
        m.index,
        id.length === 18 ? '疑似居民身份证号码（校验位正确）' : '疑似 15 位旧居民身份证号码',
      ),
    );
  }
  return out;
}

// Readers join the cells of a table row with '\t' (docx and xlsx alike) and rows with '\n'. An ID typed over
// adjacent cells of one row ("500103 | 19900101 | 1232") is found when the cells hold nothing but its digits and
// join to a valid 18-digit number: the check digit, the birth date and the province code keep unrelated number
// cells (amounts, years) from being joined into a false finding. Never across rows.
const MAX_ID_CELLS = 4;
function splitCellIdFindings(text: string): Draft[] {
  const out: Draft[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const cells: { start: number; value: string }[] = [];
    let at = lineStart;
    for (const value of line.split('\t')) {
      cells.push({ start: at, value });
      at += value.length + 1;
    }
    lineStart += line.length + 1;
    for (let i = 0; i < cells.length; i++) {
      let joined = '';
      for (let j = i; j < Math.min(cells.length, i + MAX_ID_CELLS); j++) {
        const cell = cells[j]!;
        if (!/^\d+[Xx]?$/.test(cell.value)) break;
        joined += cell.value;
        if (/[Xx]/.test(joined.slice(0, -1)) || joined.length > 18) break;
        if (j > i && joined.length === 18 && isValidId18(joined)) {
          const first = cells[i]!;
          const whole = text.slice(first.start, cell.start + cell.value.length);
          out.push(
            draft('id_card', whole, first.start, '疑似居民身份证号码（分在相邻单元格中，校验位正确）'),
          );
          break;
        }
      }
    }
  }
  return out;
}

function simpleFindings(text: string, re: RegExp, kind: FindingKind, message: string, group = 0): Draft[] {
  const out: Draft[] = [];
  // The 'd' flag gives the exact offsets of a capture group.
  const withIndices = group === 0 || re.hasIndices ? re : new RegExp(re.source, `${re.flags}d`);
  for (const m of text.matchAll(withIndices)) {
    const s = m[group];
    const at = group === 0 ? m.index : m.indices?.[group]?.[0];
    if (!s || at === undefined) continue;
    out.push(draft(kind, s, at, message));
  }
  return out;
}

function bankFindings(text: string): Draft[] {
  const out: Draft[] = [];
  for (const m of text.matchAll(BANK_RE)) {
    const s = m[0].replace(/[- \u3000]+$/, '');
    const digits = s.replace(/\D/g, '');
    if (digits.length < 16 || digits.length > 19) continue;
    // Card schemes issued in China start with 3 (JCB/AE), 4 (Visa), 5 (Mastercard), 6 (UnionPay) or 9 (old domestic).
    if (!/^[34569]/.test(digits)) continue;
    if (!luhnValid(digits) || isValidId18(digits) || isValidUscc(digits)) continue;
    out.push(draft('bank_card', s, m.index, '疑似银行卡号（Luhn 校验通过）'));
  }
  return out;
}

function addressFindings(text: string): Draft[] {
  const out: Draft[] = [];
  for (const m of ADDRESS_RES.flatMap((re) => [...text.matchAll(re)])) {
    const whole = m[0];
    const addr = m[2] ?? '';
    const afterNo = addr.slice(addr.search(new RegExp(`${NUM}+(?:-${NUM}+)?号`, 'u')));
    // "Detailed" means down to the dwelling: a building/unit/room after 号, or a village group (组) before it.
    const detailed =
      /号楼|栋|幢|单元|室/.test(afterNo.slice(1)) || /组/.test(addr.slice(0, addr.length - afterNo.length));
    if (!detailed) continue;
    out.push(draft('address', whole, m.index, `疑似姓名（${m[1]}）及详细住址`));
  }
  return out;
}

/** Keep the first of overlapping findings in (start, longer first) order; ties go to the earlier kind. */
function dropOverlaps(drafts: Draft[]): Draft[] {
  const order = (k: FindingKind) => PERSONAL_DATA_KINDS.indexOf(k);
  const sorted = [...drafts].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || order(a.kind) - order(b.kind),
  );
  const kept: Draft[] = [];
  // Kept findings are disjoint and in start order, so overlap with any of them means overlap with the reach.
  let reach = Number.NEGATIVE_INFINITY;
  for (const d of sorted) {
    if (d.start < reach) continue;
    kept.push(d);
    reach = d.end;
  }
  return kept;
}

// A personal name right before an ID number or phone ("张三，身份证号：…", "联系人：李四 电话 138…"): the number
// is masked anyway, but the name next to it tells who it belongs to. The name must start the text or follow a
// non-Han character or a label, as in addresses.
const NUMBER_LABEL =
  '(?:公民身份号码|身份证(?:号码|号)?|证件号码?|联系电话|联系方式|手机(?:号码|号)?|电话(?:号码)?|座机|Tel|TEL|tel)';
const NAME_BEFORE_NUMBER_RE = new RegExp(
  `(?<=^|[^${HAN}]|${NAME_LABELS})(${NAME})[，,：:、 \u3000（(]*(?:${NUMBER_LABEL}[：: \u3000]*)?$`,
  'u',
);
const NAMED_KINDS: readonly FindingKind[] = ['id_card', 'mobile', 'landline'];

function namesNextToNumbers(text: string, numbers: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const n of numbers) {
    if (!NAMED_KINDS.includes(n.kind)) continue;
    const from = Math.max(0, n.start - 20);
    const before = text.slice(from, n.start);
    const m = NAME_BEFORE_NUMBER_RE.exec(before);
    const name = m?.[1];
    if (!m || !name) continue;
    const message = `疑似姓名（${name}）紧邻${FINDING_KIND_LABELS[n.kind]}，请核实是否需要隐去`;
    out.push(draft('personal_name', name, from + m.index, message));
  }
  return out;
}

function personalData(original: string): Draft[] {
  const text = toHalfWidth(original);
  const numbers = dropOverlaps([
    // Order matters for ties: an 18-digit valid ID is an ID, not a bank card.
    ...idFindings(text),
    ...splitCellIdFindings(text),
    ...bankFindings(text),
    ...simpleFindings(text, MOBILE_RE, 'mobile', '疑似手机号码'),
    ...simpleFindings(text, LANDLINE_RE, 'landline', '疑似固定电话号码（含区号）'),
    ...simpleFindings(text, LABELLED_LOCAL_RE, 'landline', '疑似固定电话号码', 1),
    ...simpleFindings(text, EMAIL_RE, 'email', '电子邮箱地址'),
    ...simpleFindings(text, PASSPORT_RE, 'passport', '疑似护照号码'),
    ...simpleFindings(text, LABELLED_PASSPORT_RE, 'passport', '疑似护照号码', 1),
    ...addressFindings(text),
  ]);
  // A name inside an address finding is already reported with it.
  const found = dropOverlaps([...numbers, ...namesNextToNumbers(text, numbers)]);
  // Offsets are the same in both texts; findings quote the original (full-width) characters.
  return found.map((d) => ({ ...d, text: original.slice(d.start, d.end) }));
}

// ---------- secrecy marks and sensitive words ----------

const MARK_STAR_RE =
  /(?:绝密|机密|秘密)[ \u3000]*[★☆][ \u3000]*(?:[0-9０-９]+年|[一二三四五六七八九十]+年|长期)?/g;
// A mark alone on its line (a heading), optionally with its term: "秘密", "机密 1年".
const MARK_LINE_RE =
  /^[ \t\u3000]*((?:绝密|机密|秘密)(?:[ \u3000]*(?:[0-9０-９]+年|长期))?)[ \t\u3000]*\r?$/gm;
const MARK_LEVEL_RE = /密级[:：][ \u3000]*(绝密|机密|秘密)/g;
// 内部资料 / 内部文件 / 注意保存 and a bare 绝密 / 机密 / 秘密 only as standalone phrases ("【内部资料】", "（机密）"),
// not inside a longer Chinese word or sentence: "商业秘密" and "国家秘密" are ordinary words of disclosure texts.
const MARK_PHRASE_RE = new RegExp(
  `(?<![${HAN}])(?:内部资料|内部文件|注意保存|绝密|机密|秘密)(?![${HAN}])`,
  'gu',
);
// 内部资料 / 内部文件 inside a sentence when it asks not to pass it on ("本文件为内部资料，请勿外传").
const MARK_INTERNAL_RE =
  /内部(?:资料|文件)(?=[，,。 \u3000]*(?:注意保存|请勿外传|不得外传|严禁外传|请妥善保管))/g;

function secrecyMarks(text: string): Draft[] {
  const msg = '含密级或内部资料标志，涉密或内部信息不得公开';
  return dropOverlaps([
    ...simpleFindings(text, MARK_STAR_RE, 'secrecy_mark', msg),
    ...simpleFindings(text, MARK_LINE_RE, 'secrecy_mark', msg, 1),
    ...simpleFindings(text, MARK_LEVEL_RE, 'secrecy_mark', msg, 1),
    ...simpleFindings(text, MARK_PHRASE_RE, 'secrecy_mark', msg),
    ...simpleFindings(text, MARK_INTERNAL_RE, 'secrecy_mark', msg),
  ]);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sensitiveWords(text: string, words: readonly string[]): Draft[] {
  const list = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (list.length === 0) return [];
  // One alternation, longest first, so a word inside a longer configured word is reported once.
  const re = new RegExp(list.map(escapeRe).join('|'), 'giu');
  return simpleFindings(text, re, 'sensitive_word', '含敏感词').map((d) => ({
    ...d,
    message: `含敏感词「${d.text}」`,
  }));
}

// ---------- unit names ----------

const UNIT_SUFFIX = '(?:委员会|办公室|管委会|中心|局|委|办|部|院)';
// Words that may follow a unit name inside prose.
const UNIT_FOLLOW = '(?:牵头|负责|会同|配合|和|及|与|等|要|按|对|的|在|为)';
// The body excludes 区/县 and 、 so that "区政府办公室汇同区委网信办" (prose glued to a name) is not one candidate.
const UNIT_RE = new RegExp(
  `(?<![${HAN}])((?:[${HAN}]{2,3}(?:区|县)|区|县)[^\\P{Script=Han}区县]{1,12}?${UNIT_SUFFIX})(?=[^${HAN}]|$|${UNIT_FOLLOW})`,
  'gu',
);
const TOWN_RE = new RegExp(`(?<![${HAN}])([${HAN}]{2,4}?(?:街道|镇|乡))(?![${HAN}])`, 'gu');
const NOT_A_TOWN = /^(?:各|全|本|有关|所属|相关|乡镇)/;
const PLACE_PREFIX = /^[\p{Script=Han}]{2,3}?(?=[区县])/u;

function unitNames(text: string, opts: CheckOptions): Draft[] {
  const resolve = opts.resolveUnit;
  if (!resolve) return [];
  const minConfidence = opts.minUnitConfidence ?? 0.5;
  const cache = new Map<string, ReturnType<typeof resolve>>();
  const lookup = (name: string) => {
    let r = cache.get(name);
    if (!r) {
      r = resolve(name);
      cache.set(name, r);
    }
    return r;
  };
  const usable = (name: string, r: ReturnType<typeof resolve>) =>
    r.suggestion && r.suggestion !== name && (r.confidence ?? 1) >= minConfidence ? r.suggestion : undefined;
  const candidates = [
    ...simpleFindings(text, UNIT_RE, 'unit_name', '', 1),
    ...simpleFindings(text, TOWN_RE, 'unit_name', '', 1).filter((d) => !NOT_A_TOWN.test(d.text)),
  ];
  const out: Draft[] = [];
  for (const full of candidates) {
    let c = full;
    let r = lookup(c.text);
    // "强化区政府办公室": the 2-3 characters before 区/县 may be prose, not a place name. When the full form
    // means nothing to the registry, judge the name from 区/县 on.
    const prefix = PLACE_PREFIX.exec(c.text)?.[0];
    if (prefix && !r.known && !usable(c.text, r)) {
      const text = c.text.slice(prefix.length);
      c = { ...c, text, start: c.start + prefix.length };
      r = lookup(text);
    }
    const suggestion = usable(c.text, r);
    if (r.known && !suggestion) continue;
    if (!r.known && !suggestion && !opts.reportUnknownUnits) continue;
    out.push({
      ...c,
      masked: suggestion ?? c.text,
      suggestion,
      message: suggestion
        ? r.known
          ? `「${c.text}」不是规范名称，应为「${suggestion}」`
          : `单位名录中没有「${c.text}」，是否应为「${suggestion}」？`
        : `单位名录中没有「${c.text}」`,
    });
  }
  return out;
}

// ---------- dates ----------

const DATE_CN_RE = /(?<!\d)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;
const DATE_NUM_RE = /(?<![\d.\-/])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])/g;

function dateExists(y: number | undefined, m: number, d: number): boolean {
  // Without a year, 2月29日 may exist (leap year 2000 stands in).
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y ?? 2000, m);
}

// Dates in Chinese numerals ("二〇二三年二月三十日"), as in documents before GB/T 9704-2012.
const DATE_HAN_RE =
  /(?:([〇零一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g;

/** 一..九, 十, 十一..十九, 二十.., 三十一; undefined when it is not a number of that form. */
function hanNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? HAN_DIGITS[tens] : undefined;
  return (tens ? (HAN_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (HAN_DIGITS[ones] ?? 0) : 0);
}

function invalidDates(text: string): Draft[] {
  const out: Draft[] = [];
  const push = (m: RegExpMatchArray & { index: number }, y: number | undefined, mo: number, d: number) => {
    if (dateExists(y, mo, d)) return;
    out.push(draft('invalid_date', m[0], m.index, `日期「${m[0]}」不存在`));
  };
  for (const m of text.matchAll(DATE_CN_RE)) {
    push(m, m[1] ? Number(m[1]) : undefined, Number(m[2]), Number(m[3]));
  }
  for (const m of text.matchAll(DATE_NUM_RE)) push(m, Number(m[1]), Number(m[3]), Number(m[4]));
  for (const m of text.matchAll(DATE_HAN_RE)) {
    const y = m[1] ? Number([...m[1]].map((c) => HAN_DIGITS[c] ?? 0).join('')) : undefined;
    const mo = hanNumber(m[2] ?? '');
    const d = hanNumber(m[3] ?? '');
    if (mo === undefined || d === undefined) continue;
    push(m, y, mo, d);
  }
  return out;
}

const LABELLED_DATE = '((?:19|20)\\d{2})(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?';

/** ISO date from a labelled field such as "成文日期：2023年3月1日", with its position. */
function labelledDate(text: string, label: string): { iso: string; start: number; end: number } | undefined {
  const m = new RegExp(`${label}[:：]?[ \\u3000]*${LABELLED_DATE}`).exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!dateExists(y, mo, d)) return undefined;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { iso, start: m.index + m[0].search(/\d/), end: m.index + m[0].length };
}

function dateOrder(text: string, opts: CheckOptions): Draft[] {
  const written = opts.writtenDate ?? labelledDate(text, '成文日期')?.iso;
  const pubInText = labelledDate(text, '发布日期');
  const published = opts.publishedDate ?? pubInText?.iso;
  // ISO 'YYYY-MM-DD' strings compare correctly as strings.
  if (!written || !published || published >= written) return [];
  const pos = !opts.publishedDate && pubInText ? pubInText : undefined;
  return [
    {
      kind: 'date_order',
      text: pos ? text.slice(pos.start, pos.end) : '',
      start: pos?.start ?? 0,
      end: pos?.end ?? 0,
      message: `发布日期 ${published} 早于成文日期 ${written}`,
    },
  ];
}

// ---------- links ----------

// A URL ends at the first space, quote, bracket or non-ASCII character: Chinese text right after a link
// ("http://www.gov.cn详见") is not part of it.
const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'()\u0080-\uffff]*/gi;
// Common typing errors of a scheme: "http//", "https:/x", "htp://", "http:\\".
const BAD_SCHEME_RE =
  /\b(?:(?:https?)(?:\/\/|:\/(?!\/)|:\\\\)|(?:htp|htps|hhtp|hhtps|ttp|ttps):\/\/)[^\s<>"'()\u0080-\uffff]*/gi;

function isWellFormedUrl(u: string): boolean {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return false;
  }
  const host = url.hostname;
  if (!host || host.length > 253) return false;
  if (/^\[.*\]$/.test(host)) return true;
  const labels = host.split('.');
  if (labels.length < 2 && host !== 'localhost') return false;
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(l));
}

/**
 * The well-formed http(s) links of `text`, in order, without duplicates: what the caller may probe (I/O happens
 * outside domain/) before passing the unreachable ones back as `brokenLinks`.
 */
export function extractLinks(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(URL_RE)) {
    const u = m[0].replace(/[.,;:!?]+$/, '');
    if (/^https?:/i.test(u) && isWellFormedUrl(u)) out.add(u);
  }
  return [...out];
}

function links(text: string, brokenLinks: readonly string[]): Draft[] {
  const broken = new Set(brokenLinks.map((l) => l.replace(/\/$/, '')));
  const out: Draft[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const u = m[0].replace(/[.,;:!?]+$/, '');
    if (!isWellFormedUrl(u)) {
      out.push(draft('broken_link', u, m.index, `链接格式错误：${u}`));
    } else if (broken.has(u.replace(/\/$/, ''))) {
      out.push(draft('broken_link', u, m.index, `链接无法访问：${u}`));
    } else if (!/^https:/i.test(u)) {
      out.push(draft('insecure_link', u, m.index, `链接未使用 HTTPS：${u}`));
    }
  }
  for (const m of text.matchAll(BAD_SCHEME_RE)) {
    const u = m[0].replace(/[.,;:!?]+$/, '');
    out.push(draft('broken_link', u, m.index, `链接格式错误：${u}`));
  }
  return out;
}

// ---------- entry points ----------

/** Run every check on `text`. Findings are sorted by position; offsets are UTF-16 indices into `text`. */
export function runChecks(text: string, opts: CheckOptions = {}): Finding[] {
  const blocking = new Set(opts.blockingKinds ?? DEFAULT_BLOCKING_KINDS);
  const drafts = [
    ...personalData(text),
    ...secrecyMarks(text),
    ...sensitiveWords(text, opts.sensitiveWords ?? []),
    ...unitNames(text, opts),
    ...invalidDates(text),
    ...dateOrder(text, opts),
    ...links(text, opts.brokenLinks ?? []),
  ];
  return drafts
    .map((d) => {
      const f: Finding = {
        ...d,
        masked: d.masked ?? maskValue(d.kind, d.text),
        blocking: blocking.has(d.kind),
      };
      if (d.suggestion === undefined) delete f.suggestion;
      if (opts.source !== undefined) f.source = opts.source;
      return f;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The finding for an attachment that could not be opened (extraction happens outside domain/). */
export function unreadableAttachmentFinding(source: string, error: string, opts: CheckOptions = {}): Finding {
  const blocking = new Set(opts.blockingKinds ?? DEFAULT_BLOCKING_KINDS);
  return {
    kind: 'unreadable_attachment',
    text: '',
    start: 0,
    end: 0,
    masked: '',
    blocking: blocking.has('unreadable_attachment'),
    message: error,
    source,
  };
}

/**
 * Free text the public reads, with every name + detailed address found masked: the name to its surname, the
 * address truncated to 乡镇/街道 (published enforcement decisions).
 */
export function maskAddresses(text: string): string {
  return maskAll(
    text,
    addressFindings(toHalfWidth(text)).map((d) => {
      const t = text.slice(d.start, d.end);
      return { ...d, text: t, masked: maskAddressFinding(t, true), blocking: false };
    }),
  );
}

/**
 * The finding for text a PDF draws and then hides under an opaque box (a failed redaction, found outside
 * domain/): always blocking, never masked (a PDF cannot be rewritten here), offsets into the part's text when the
 * covered text is found there.
 */
export function coveredTextFinding(source: string, partText: string, covered: string): Finding {
  const at = partText.indexOf(covered);
  return {
    kind: 'covered_text',
    text: covered,
    start: Math.max(at, 0),
    end: at < 0 ? 0 : at + covered.length,
    masked: covered,
    blocking: true,
    message:
      'PDF 中有被遮盖但未删除的文字：遮盖框只挡住了显示，文字仍可复制和检索；请在原文件中删除这些文字后重新生成 PDF',
    source,
  };
}

/**
 * Run the checks on several texts (body, each attachment part), labelling each finding with its source; a part
 * with `covered` text (a PDF page) adds its covered_text finding.
 */
export function runChecksOnParts(
  parts: readonly { source: string; text: string; covered?: string }[],
  opts: CheckOptions = {},
): Finding[] {
  return parts.flatMap((p) => [
    ...(p.covered ? [coveredTextFinding(p.source, p.text, p.covered)] : []),
    ...runChecks(p.text, { ...opts, source: p.source }),
  ]);
}

export { FINDING_KIND_LABELS };
