// 政务新媒体 (issue 12 part 3; REGULATIONS §5 and MON-5): post records per account, the 2-week no-update veto,
// the 未提供有效互动功能 veto, and the platforms' exported post lists (.xlsx), whose headers differ by platform and
// are recognised from a vocabulary.
import { firstDate, isFresh, latestUpTo } from './dates';

/** MON-5: no post in the 14 days before the check → veto (the same window as a website's home page). */
export const NO_UPDATE_DAYS = 14;

export const ACCOUNT_VETO_RULES = ['not_updated', 'no_interaction'] as const;
export type AccountVetoRule = (typeof ACCOUNT_VETO_RULES)[number];
export const ACCOUNT_VETO_LABELS: Record<AccountVetoRule, string> = {
  not_updated: '内容不更新',
  no_interaction: '未提供有效互动功能',
};

export interface AccountVeto {
  rule: AccountVetoRule;
  detail: string;
}

export interface AccountJudgement {
  verdict: '合格' | '不合格';
  /** The latest post on or before the check day (later dates are not evidence of an update). */
  lastPost: string | undefined;
  vetoes: AccountVeto[];
}

/** 抽查 of one account on `asOf`: fresh if a post is dated on or after as-of minus 14 days; any veto → 不合格. */
export function judgeAccount(
  input: { postDates: readonly string[]; asOf: string; interactionWorks: boolean },
  days = NO_UPDATE_DAYS,
): AccountJudgement {
  const lastPost = latestUpTo(input.postDates, input.asOf);
  const vetoes: AccountVeto[] = [];
  if (!isFresh(lastPost, input.asOf, days))
    vetoes.push({
      rule: 'not_updated',
      detail: lastPost
        ? `最近一次发布于${lastPost}，检查前${days}天内未更新`
        : `没有发布记录，视为检查前${days}天内未更新`,
    });
  if (!input.interactionWorks) vetoes.push({ rule: 'no_interaction', detail: '未提供有效互动功能' });
  return { verdict: vetoes.length ? '不合格' : '合格', lastPost, vetoes };
}

/** Header names of the platforms' exported post lists, per field, in order of preference. */
export const POST_COLUMNS = {
  title: ['标题', '文章标题', '内容标题', '作品标题', '视频标题', '作品名称', '微博内容', '正文'],
  publishedAt: ['发布时间', '发表时间', '群发时间', '发布日期', '创建时间', '发文时间'],
  reads: ['阅读量', '阅读数', '阅读次数', '浏览量', '播放量', '阅读人数'],
  url: ['链接', '原文链接', '文章链接', '作品链接', '网址', 'URL'],
} as const;
export type PostField = keyof typeof POST_COLUMNS;
/** Every header the reader looks for (the sheet reader's optional columns). */
export const POST_HEADERS: string[] = Object.values(POST_COLUMNS).flat();

export const POST_IMPORT_MAX_ROWS = 5000;
const TITLE_MAX = 300;

/**
 * 阅读量 as platforms print it: "1234", "1,234", "1.2万", "10万+" (WeChat's cap) → a whole number; "" → null;
 * anything else → undefined (an error).
 */
export function parseReadCount(text: string): number | null | undefined {
  const t = text.replace(/[,，\s]/g, '');
  if (t === '') return null;
  const m = /^(\d+(?:\.\d+)?)(万)?\+?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] ? 10_000 : 1);
  return Number.isSafeInteger(Math.round(n)) ? Math.round(n) : undefined;
}

export interface PostRow {
  row: number;
  title: string;
  publishedOn: string;
  reads: number | null;
  url: string;
}

export interface PostProblem {
  row: number;
  message: string;
}

/** The column of each field: the first header of its vocabulary that holds anything. */
function columnsOf(rows: readonly { values: Record<string, string> }[]): Partial<Record<PostField, string>> {
  const out: Partial<Record<PostField, string>> = {};
  for (const field of Object.keys(POST_COLUMNS) as PostField[]) {
    const name = POST_COLUMNS[field].find((h) => rows.some((r) => (r.values[h] ?? '').trim() !== ''));
    if (name) out[field] = name;
  }
  return out;
}

/**
 * Reads an exported post list (rows keyed by header): the title and the publication time are required, 阅读量 and
 * 链接 optional. Every problem is named with its row; a post dated after `asOf` or repeated in the file is one.
 */
export function readPostTable(
  rows: readonly { row: number; values: Record<string, string> }[],
  asOf: string,
): { posts: PostRow[]; errors: PostProblem[]; columns: Partial<Record<PostField, string>> } {
  const columns = columnsOf(rows);
  const errors: PostProblem[] = [];
  const missing = (['title', 'publishedAt'] as const).filter((f) => !columns[f]);
  if (missing.length)
    return {
      posts: [],
      columns,
      errors: missing.map((f) => ({
        row: 1,
        message: `表头缺少${f === 'title' ? '标题' : '发布时间'}列（可用：${POST_COLUMNS[f].join('、')}）`,
      })),
    };
  const posts: PostRow[] = [];
  const seen = new Map<string, number>();
  const cell = (r: { values: Record<string, string> }, f: PostField) =>
    columns[f] ? (r.values[columns[f]] ?? '').trim() : '';
  for (const r of rows) {
    const problems: string[] = [];
    const title = cell(r, 'title').replace(/\s+/g, ' ');
    if (!title) problems.push('标题为空');
    else if (title.length > TITLE_MAX) problems.push(`标题超过${TITLE_MAX}字`);
    const when = cell(r, 'publishedAt');
    const publishedOn = firstDate(when);
    if (!publishedOn) problems.push(when ? `发布时间“${when}”无法识别` : '发布时间为空');
    else if (publishedOn > asOf) problems.push(`发布时间${publishedOn}晚于今天`);
    const reads = parseReadCount(cell(r, 'reads'));
    if (reads === undefined) problems.push(`阅读量“${cell(r, 'reads')}”不是数字`);
    const url = cell(r, 'url');
    if (url && !/^https?:\/\/\S+$/i.test(url)) problems.push('链接应为 http:// 或 https:// 开头的网址');
    if (!problems.length) {
      const key = `${publishedOn}|${title}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push(`与第${earlier}行重复`);
      else seen.set(key, r.row);
    }
    if (problems.length) errors.push({ row: r.row, message: problems.join('；') });
    else posts.push({ row: r.row, title, publishedOn: publishedOn!, reads: reads ?? null, url });
  }
  if (rows.length === 0) errors.push({ row: 1, message: '表格中没有数据行' });
  return { posts, errors, columns };
}
