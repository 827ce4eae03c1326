// Deadline phrases of 任务分工 notices ("完成时限" cells and deadlines written inside a measure's text).
// Dates are calendar dates 'YYYY-MM-DD' computed with UTC helpers, so results never depend on TZ.
import { HAN_DIGITS } from '../text/han-digits';

export type DeadlineKind = 'date' | 'recurring' | 'continuous' | 'relative';
export type RecurrencePeriod = 'week' | 'month' | 'quarter' | 'year';

export interface Deadline {
  kind: DeadlineKind;
  /** kind 'date': the last day the task may be done on. */
  date?: string;
  /** kind 'recurring': the period the task repeats in, and the minimum number of times per period. */
  every?: RecurrencePeriod;
  times?: number;
  /** The phrase as written in the notice. */
  raw: string;
}

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: '限期完成',
  recurring: '周期性',
  continuous: '持续性',
  relative: '事件触发',
};

export const RECURRENCE_LABELS: Record<RecurrencePeriod, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  year: '每年',
};

// Notices write 两 for 2 in counts ("两个月").
const CN_DIGITS: Record<string, number> = { ...HAN_DIGITS, 两: 2 };

/** "12", "十二", "二十", "三" → number (small numbers as used in notices); NaN when not a number. */
export function parseSmallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0);
  if (s.length === 1 && CN_DIGITS[s] !== undefined) return CN_DIGITS[s];
  return Number.NaN;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' or null when the day does not exist (2月30日). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  if (d > lastDayOfMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const NUM = '\\d+|[一二两三四五六七八九十]+';
const PERIOD: Record<string, RecurrencePeriod> = {
  年: 'year',
  年度: 'year',
  季: 'quarter',
  季度: 'quarter',
  月: 'month',
  个月: 'month',
  周: 'week',
  星期: 'week',
};

interface Hit {
  start: number;
  end: number;
  deadline: Deadline;
}

type Matcher = (text: string, planYear: number, opts: DeadlineOptions) => Hit[];

export interface DeadlineOptions {
  /**
   * The text is a 完成时限 cell, not a measure's sentence: a bare month ("12月", "2021年2月公布…") is a
   * deadline there, and so are words of ongoing work ("常态化", "持续开展").
   */
  cell?: boolean;
}

function all(re: RegExp, text: string, f: (m: RegExpExecArray) => Omit<Hit, 'start' | 'end'> | null): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(re)) {
    const r = f(m as RegExpExecArray);
    if (r) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, ...r });
  }
  return out;
}

function yearOf(prefix: string | undefined, planYear: number): number {
  if (!prefix) return planYear;
  if (/^(次年|下一年|下年|翌年|第二年|明年)$/.test(prefix)) return planYear + 1;
  if (/^(当年|本年|今年|年内)$/.test(prefix)) return planYear;
  const y = /^(\d{4})年?$/.exec(prefix);
  return y ? Number(y[1]) : planYear;
}

const YEAR_PREFIX = '(\\d{4}年|次年|下一年|下年|翌年|第二年|明年|当年|本年|今年)?';

/** The last day of the month a match names: group 1 the year prefix, group 2 the month (digits or Chinese). */
function endOfMonth(m: RegExpMatchArray, planYear: number) {
  const y = yearOf(m[1], planYear);
  const mo = parseSmallNumber(m[2] ?? '');
  const date = Number.isNaN(mo) ? null : isoDate(y, mo, lastDayOfMonth(y, mo));
  return date ? { deadline: { kind: 'date' as const, date, raw: m[0] } } : null;
}

const MATCHERS: Matcher[] = [
  // "每年度1月31日前", "每年12月": a yearly due day or month. Before the plain date rules so that its date is
  // not read as one.
  (text) =>
    all(/每(?:一)?年度?(?:的)?(\d{1,2})月(?:份)?(?:(\d{1,2}|底|末)日?)?(?:前|之前|以前)?/g, text, (m) => ({
      deadline: { kind: 'recurring', every: 'year', raw: m[0] },
    })),
  // Relative to an event: "…印发…3个月内", "收到后5个工作日内", "作出之日起7个工作日内".
  (text) =>
    all(
      new RegExp(
        `([^，。；,;：:\\n（()）]{0,40}?)(?<![\\d月年])(${NUM})\\s*(个工作日|工作日|个月|日|天|周|小时)(?:内|以内)`,
        'g',
      ),
      text,
      (m) => {
        // "每季度结束后10个工作日内": the limit of a recurring task, which the 每季度 rule reads.
        if (/每(?:一)?(?:年度|年|季度|季|个月|月|周|星期)/.test(m[1] ?? '')) return null;
        const raw = m[0]
          .replace(/^\s*(?:\d+[.．、]|[（(][\d一二三四五六七八九十]+[）)])\s*/, '')
          .replace(/^(?:并且|并|须|必须|应当|应|要|均|需)?(?:在|于)?/, '');
        return { deadline: { kind: 'relative', raw } };
      },
    ),
  // Dates with a day: "2020年10月20日前", "8月31日", "次年3月15日前".
  (text, planYear) =>
    all(new RegExp(`${YEAR_PREFIX}(\\d{1,2})月(\\d{1,2})日(?:前|之前|以前)?`, 'g'), text, (m) => {
      const date = isoDate(yearOf(m[1], planYear), Number(m[2]), Number(m[3]));
      return date ? { deadline: { kind: 'date', date, raw: m[0] } } : null;
    }),
  // Dates written with dots, slashes or dashes: "2022.6.30前", "2022/06/30", "2022-6-30".
  (text) =>
    all(/(?<!\d)((?:19|20)\d{2})[.．/-](\d{1,2})[.．/-](\d{1,2})(?!\d)日?(?:前|之前|以前)?/g, text, (m) => {
      const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      return date ? { deadline: { kind: 'date', date, raw: m[0] } } : null;
    }),
  // In a 完成时限 cell, a year and month with a dot or dash ("2022.12", "2022-12"): the month's end.
  (text, _planYear, opts) =>
    opts.cell
      ? all(/^\s*((?:19|20)\d{2})[.．/-](\d{1,2})\s*(?:前|之前|以前|底前)?\s*$/g, text, (m) => {
          const y = Number(m[1]);
          const mo = Number(m[2]);
          const date = mo >= 1 && mo <= 12 ? isoDate(y, mo, lastDayOfMonth(y, mo)) : null;
          return date ? { deadline: { kind: 'date', date, raw: m[0].trim() } } : null;
        })
      : [],
  // A span of years ("2022—2023年", "2022至2023年"): by the end of its last year.
  (text) =>
    all(/((?:19|20)\d{2})\s*(?:年)?\s*[—–－~～至到-]\s*((?:19|20)\d{2})年(?:底|末)?(?:前)?/g, text, (m) => ({
      deadline: { kind: 'date', date: `${m[2]}-12-31`, raw: m[0] },
    })),
  // Holidays with a fixed date: "元旦前" the plan year's last day, "国庆前" / "国庆节前" the 30th of September.
  (text, planYear) =>
    all(/(元旦|国庆节?)(?:前|之前|以前)/g, text, (m) => ({
      deadline: {
        kind: 'date',
        date: m[1] === '元旦' ? `${planYear}-12-31` : `${planYear}-09-30`,
        raw: m[0],
      },
    })),
  // A third of a month: "10月上旬" (by the 10th), "中旬前" (the 20th), "下旬" (the month's end).
  (text, planYear) =>
    all(
      new RegExp(
        `${YEAR_PREFIX}(\\d{1,2}|[一二三四五六七八九十]+)月(?:份)?(上|中|下)旬(?:末)?(?:前|之前|以前)?`,
        'g',
      ),
      text,
      (m) => {
        const y = yearOf(m[1], planYear);
        const mo = parseSmallNumber(m[2] ?? '');
        if (Number.isNaN(mo)) return null;
        const day = m[3] === '上' ? 10 : m[3] === '中' ? 20 : lastDayOfMonth(y, mo);
        const date = isoDate(y, mo, day);
        return date ? { deadline: { kind: 'date', date, raw: m[0] } } : null;
      },
    ),
  // End of a month: "2021年6月底前", "10月底前", "次年1月底前", "9月末".
  (text, planYear) =>
    all(
      new RegExp(`${YEAR_PREFIX}(\\d{1,2}|[一二三四五六七八九十]+)月(?:份)?(?:底|末)(?:前|之前|以前)?`, 'g'),
      text,
      (m) => endOfMonth(m, planYear),
    ),
  // A month as the limit: "2021年8月前", "10月份前", "9月内"; in a 完成时限 cell also a bare "12月".
  // "X月前" is read as "by the end of month X", as "X季度前" below.
  (text, planYear, opts) =>
    all(
      new RegExp(
        `${YEAR_PREFIX}(\\d{1,2}|[一二三四五六七八九十]+)月(?:份)?${opts.cell ? '(?:前|之前|以前|内|完成)?' : '(?:前|之前|以前|内)'}(?![\\d日号])`,
        'g',
      ),
      text,
      (m) => endOfMonth(m, planYear),
    ),
  // "年内", "年度内", "本年度内", "年内完成": by the end of the plan's year.
  (text, planYear) =>
    all(/(?<![\u4e00-\u9fa5\d])(?:本|当|今)?年度?内(?:完成)?/g, text, (m) => ({
      deadline: { kind: 'date', date: `${planYear}-12-31`, raw: m[0] },
    })),
  // End of a year: "2023年底前", "2023年年底前", "年底前", "年末"; in a 完成时限 cell a year alone ("2022年",
  // "2022年度", "2022年内").
  (text, planYear, opts) =>
    all(
      opts.cell
        ? /(\d{4})年年?(?:底|末)(?:前|之前|以前)?|年(?:底|末)(?:前|之前|以前)?|^\s*(\d{4})(?:年度?内?|年全年)(?:完成)?\s*$/g
        : /(\d{4})年年?(?:底|末)(?:前|之前|以前)?|年(?:底|末)(?:前|之前|以前)?/g,
      text,
      (m) => {
        const y = Number(m[1] ?? m[2] ?? planYear);
        return { deadline: { kind: 'date', date: `${y}-12-31`, raw: m[0].trim() } };
      },
    ),
  // Quarters: "三季度前", "第二季度末", "2023年四季度底前". "X季度前" is read as "by the end of quarter X"
  // (the usual reading in these notices; a notice meaning "before quarter X starts" writes 季度初).
  (text, planYear) =>
    all(new RegExp(`${YEAR_PREFIX}第?([一二三四1-4])季度(?:末|底)?(?:前|之前|以前)?`, 'g'), text, (m) => {
      const q = parseSmallNumber(m[2] ?? '');
      if (!(q >= 1 && q <= 4)) return null;
      const y = yearOf(m[1], planYear);
      return {
        deadline: { kind: 'date', date: isoDate(y, q * 3, lastDayOfMonth(y, q * 3)) ?? '', raw: m[0] },
      };
    }),
  // In a 完成时限 cell, "年中" alone: by the middle of the year (06-30), as 上半年.
  (text, planYear, opts) =>
    opts.cell
      ? all(/^\s*年中(?:前|之前)?\s*$/g, text, (m) => ({
          deadline: { kind: 'date', date: `${planYear}-06-30`, raw: m[0].trim() },
        }))
      : [],
  // Half years: "上半年", "下半年" (by 06-30 / 12-31).
  (text, planYear) =>
    all(new RegExp(`${YEAR_PREFIX}(上|下)半年(?:前|之前|内|底|末)?`, 'g'), text, (m) => {
      const y = yearOf(m[1], planYear);
      return { deadline: { kind: 'date', date: m[2] === '上' ? `${y}-06-30` : `${y}-12-31`, raw: m[0] } };
    }),
  // "每半年": twice a year (the ledger counts periods of a year, a quarter, a month or a week).
  (text) =>
    all(/每(?:个)?半年(?:度)?/g, text, (m) => ({
      deadline: { kind: 'recurring', every: 'year', times: 2, raw: m[0] },
    })),
  // "每两个月", "每三个月", "每六个月": so many times a year (12 divided by the months), as 每半年 is; "每三个月" is
  // a quarter's work, whole.
  (text) =>
    all(/每(两|二|三|四|六|[2346])个?月/g, text, (m) => {
      const months = parseSmallNumber(m[1] ?? '');
      const deadline: Deadline =
        months === 3
          ? { kind: 'recurring', every: 'quarter', raw: m[0] }
          : { kind: 'recurring', every: 'year', times: 12 / months, raw: m[0] };
      return { deadline };
    }),
  // "按月公开", "按季度更新": the period the work repeats in.
  (text) =>
    all(/按(年度|年|季度|季|月|周)(?:公开|更新|发布|报送|通报|开展)?/g, text, (m) => {
      const every = PERIOD[m[1] ?? ''];
      return every ? { deadline: { kind: 'recurring', every, raw: m[0] } } : null;
    }),
  // Recurring: "每年至少开展1次", "每周更新不少于3次", "每季度", "每月".
  (text) =>
    all(
      new RegExp(
        `每(?:一)?(年度|年|季度|季|个月|月|周|星期)(?:([^，。；,;：:\\n]{0,30}?)(?:至少|不少于|不低于|最少)?\\s*(${NUM})\\s*次)?`,
        'g',
      ),
      text,
      (m) => {
        const every = PERIOD[m[1] ?? ''];
        if (!every) return null;
        const times = m[3] ? parseSmallNumber(m[3]) : Number.NaN;
        const d: Deadline = { kind: 'recurring', every, raw: m[0] };
        if (!Number.isNaN(times)) d.times = times;
        return { deadline: d };
      },
    ),
  // Continuous: no end date.
  (text, _planYear, opts) =>
    all(
      opts.cell
        ? // In a 完成时限 cell, "不定期", "适时", "即时", "动态更新", "分阶段推进" and "根据工作需要/按要求" also
          // say there is no fixed date.
          /及时公开|长期坚持|长期推进|持续推进|适时办理|全年|常态化(?:推进|开展)?|持续开展|长期|常年|持续|随时|及时|即时|实时|动态(?:更新|调整|管理)|分(?:阶段|步骤)(?:推进|实施|完成)?|不定期|适时|即日起|根据工作(?:需要|安排|进度|部署)|按(?:上级)?(?:工作)?要求|按规定(?:时限|时间)?|按时/g
        : /及时(?:准确|全面|主动|权威|规范|完整)?公开|长期坚持|长期推进|持续推进|适时办理|全年/g,
      text,
      (m) => ({ deadline: { kind: 'continuous', raw: m[0] } }),
    ),
];

/**
 * Every deadline phrase in `raw` (a 完成时限 cell or a measure's text), in order of appearance. Dates without
 * a year take `planYear`; "次年" is the year after it. Returns [] when nothing is recognised.
 */
export function parseDeadline(written: string, planYear: number, opts: DeadlineOptions = {}): Deadline[] {
  // A space a copied page puts between a number and its 年/月/日 ("2022 年底前") is not part of the date.
  // Full-width digits ("２０２２年６月") are the same digits.
  const raw = written
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[ \u00a0\u3000]+(?=[年月日])/g, '$1');
  let masked = raw;
  const hits: Hit[] = [];
  for (const matcher of MATCHERS) {
    for (const h of matcher(masked, planYear, opts)) {
      if (h.end <= h.start) continue;
      hits.push(h);
      // Mask what was read so that later, weaker rules do not read it again.
      masked = masked.slice(0, h.start) + '\u0000'.repeat(h.end - h.start) + masked.slice(h.end);
    }
  }
  return hits.sort((a, b) => a.start - b.start).map((h) => canonical(h.deadline));
}

/** Fields in the contract's order: kind, date, every, times, raw. */
export function canonical(d: Deadline): Deadline {
  return {
    kind: d.kind,
    ...(d.date !== undefined ? { date: d.date } : {}),
    ...(d.every !== undefined ? { every: d.every } : {}),
    ...(d.times !== undefined ? { times: d.times } : {}),
    raw: d.raw,
  };
}
