// The whole-site analysis (MON-2…4 and the content checks) over the pages the crawler extracted. Template parts —
// the menu, the footer, anything on most pages — are told apart by frequency, so no rule depends on one site's markup.
import { firstDate, latestUpTo, shortDate, urlDate } from './dates';
import { guideElementsPresent, missingGuideElements } from './guide';
import { type ListEntry, type PageModel, pageKey } from './page';
import {
  type CheckThresholds,
  type ColumnPatterns,
  classifyColumn,
  DEFAULT_COLUMN_PATTERNS,
  DEFAULT_THRESHOLDS,
  decideVerdict,
  judgeColumn,
  messageOverdue,
  type Veto,
} from './rules';
import { findWordingIssues, STARTER_DICTIONARY, type WordingDictionary } from './wording';

export const FINDING_KINDS = [
  'broken_link',
  'stale_column',
  'blank_column',
  'unanswered_message',
  'serious_error',
  'typo',
  'missing_identity',
  'incomplete_guide',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  page: string;
  target?: string;
  column?: string;
  text?: string;
  detail: string;
}

export interface SiteReport {
  site: string;
  asOf: string;
  pages: number;
  verdict: '合格' | '不合格';
  vetoes: Veto[];
  findings: Finding[];
}

export interface SiteInput {
  site: string;
  home: string;
  asOf: string;
  reachable: boolean;
  pages: PageModel[];
  brokenLinks: { page: string; target: string; detail: string }[];
  availability?: { failed: number; total: number };
  thresholds?: CheckThresholds;
  patterns?: ColumnPatterns;
  dictionary?: WordingDictionary;
}

const NODATA =
  /暂无(信息|数据|内容|记录|相关|文章)|没有(相关)?(信息|数据|记录)|无相关(信息|记录)|信息为空|(栏目|页面)?(正在)?建设中|敬请期待/;
const BREADCRUMB = /^(您的位置|当前位置|所在位置|您现在的位置|位置)[：:]/;
const LEFT_LABEL = /^(留言|提问|咨询|来信|提交|写信|发帖)(时间|日期)$/;
const ANSWER_DATE_LABEL = /^(答复|回复|办理|处理|回信|反馈)(时间|日期)$/;
const ANSWER_TEXT_LABEL = /^(答复|回复|办理|处理|反馈)(内容|意见|情况|结果)?$/;
const PLACEHOLDER = /尚未|未答复|未回复|待回复|待答复|暂无|处理中|办理中|正在办理|待处理|^[-—\s/（）()]*$/;
const STATUS_OPEN = /待回复|未回复|未答复|待答复|办理中|处理中|待处理|未办结|正在办理/;
const GUIDE_CONTEXT = /指南|办事|服务事项|政务服务/;

/** Lines and links present on at least half the pages (min. 2): the template. */
function templateOf(pages: PageModel[]) {
  const min = Math.max(2, Math.ceil(pages.length / 2));
  const count = <T>(pick: (p: PageModel) => T[]) => {
    const m = new Map<T, number>();
    for (const p of pages) for (const x of new Set(pick(p))) m.set(x, (m.get(x) ?? 0) + 1);
    return new Set([...m].filter(([, n]) => n >= min).map(([x]) => x));
  };
  return {
    lines: pages.length >= 2 ? count((p) => p.lines) : new Set<string>(),
    links: pages.length >= 2 ? count((p) => p.links.map((l) => pageKey(l.href))) : new Set<string>(),
    entries:
      pages.length >= 2
        ? count((p) => p.entries.map((e) => `${pageKey(e.href)}|${e.title}`))
        : new Set<string>(),
  };
}

/** "发布日期：…　信息来源：…" → label/value pairs, one per segment of a line. */
function lineFields(lines: readonly string[]) {
  const out: { label: string; value: string }[] = [];
  lines.forEach((line, i) => {
    // A label alone on its line ("答复内容") labels the next line.
    const alone = /^([\u4e00-\u9fa5]{2,8})\s*[：:]?$/.exec(line.trim());
    if (alone) {
      out.push({ label: alone[1]!, value: lines[i + 1]?.trim() ?? '' });
      return;
    }
    for (const seg of line.split(/\s{2,}|　+/)) {
      const m = /^([\u4e00-\u9fa5]{2,8})\s*[：:]\s*(.*)$/.exec(seg.trim());
      if (m) out.push({ label: m[1]!, value: m[2]!.trim() });
    }
  });
  return out;
}

/**
 * The identity elements the footer lacks. The footer is the template's text (on most pages) plus the home page's
 * last lines; on a site of one or two pages, the whole home page.
 */
function siteIdentity(home: PageModel | undefined, templateLines: Set<string>, pageCount: number): string[] {
  const homeLines = home?.lines ?? [];
  const footer =
    pageCount >= 3 && templateLines.size ? [...templateLines, ...homeLines.slice(-8)] : homeLines;
  const text = footer.join('\n');
  const has: [string, boolean][] = [
    ['网站标识码', /网站标识码|网站识别码|标识码/.test(text)],
    ['ICP备案号', /ICP\s*(备|证|备案)/i.test(text)],
    ['公安机关备案号', /公网安备|公安机关备案|公安备案|网安备/.test(text)],
    ['主办单位', /主办单位|主办[：:]|主办机关|主办方/.test(text)],
    ['联系电话', /联系电话|电话\s*[：:]|联系方式|服务热线|tel\s*[：:]/i.test(text)],
  ];
  return has.filter(([, ok]) => !ok).map(([name]) => name);
}

/** A page's text without the titles of links to other pages: a wrong title is the linked page's fault, once. */
function withoutLinkTitles(p: PageModel, lines: readonly string[]): string {
  const self = pageKey(p.url);
  const titles = [
    ...new Set(p.links.filter((l) => pageKey(l.href) !== self && l.text.length >= 4).map((l) => l.text)),
  ];
  titles.sort((a, b) => b.length - a.length);
  let text = lines.join('\n');
  for (const t of titles) text = text.split(t).join('\n');
  return text;
}

export function analyseSite(input: SiteInput): SiteReport {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const patterns = input.patterns ?? DEFAULT_COLUMN_PATTERNS;
  const dict = input.dictionary ?? STARTER_DICTIONARY;
  const { asOf, pages } = input;
  const findings: Finding[] = [];
  const tpl = templateOf(pages);
  const homeKey = pageKey(input.home);
  const home = pages.find((p) => pageKey(p.url) === homeKey);
  const byKey = new Map(pages.map((p) => [pageKey(p.url), p]));
  const own = (p: PageModel) => p.lines.filter((l) => !tpl.lines.has(l));
  // A row's date: written in full, else without its year, else the page's own 发布日期, else its address.
  const entryDate = (e: ListEntry) =>
    e.date ?? shortDate(e.rest, asOf) ?? byKey.get(pageKey(e.href))?.publishedDate ?? urlDate(e.href);
  const ownEntries = (p: PageModel) =>
    p.entries.filter((e) => !tpl.entries.has(`${pageKey(e.href)}|${e.title}`));
  // First-level columns: the menu, i.e. the template's links (all of the home page's links on a one-page site).
  const nav = pages.length >= 3 ? tpl.links : new Set((home?.links ?? []).map((l) => pageKey(l.href)));

  for (const b of input.brokenLinks) findings.push({ kind: 'broken_link', ...b });

  // The date a page speaks for: its own 发布日期, else the date of a list row linking to it.
  const listedDate = new Map<string, string>();
  for (const p of pages)
    for (const e of p.entries) {
      const d = e.date ?? shortDate(e.rest, asOf);
      if (d) listedDate.set(pageKey(e.href), d);
    }
  const dateOf = (p: PageModel) => p.publishedDate ?? listedDate.get(pageKey(p.url));

  // Columns: list pages (not articles, not the home page) grouped by column name and folder (pagination).
  const groups = new Map<string, { name: string; pages: PageModel[] }>();
  for (const p of pages) {
    if (pageKey(p.url) === homeKey || p.publishedDate) continue;
    const entries = ownEntries(p);
    const text = own(p).filter((l) => !BREADCRUMB.test(l) && l !== p.columnName && !p.title.startsWith(l));
    const blank =
      entries.length === 0 &&
      (text.some((l) => NODATA.test(l)) || (p.emptyLists > 0 && text.join('').length <= 30));
    if (entries.length === 0 && !blank) continue;
    const name = p.columnName || p.title;
    const dir = new URL(p.url).pathname.replace(/[^/]*$/, '');
    const key = `${name}|${dir}`;
    const g = groups.get(key) ?? { name, pages: [] };
    g.pages.push(p);
    groups.set(key, g);
  }
  let stale = 0;
  let blankCount = 0;
  for (const g of groups.values()) {
    const main = g.pages.reduce((a, b) => (a.url.length <= b.url.length ? a : b));
    const entries = g.pages.flatMap(ownEntries);
    if (entries.length === 0) {
      blankCount++;
      findings.push({
        kind: 'blank_column',
        page: main.url,
        column: g.name,
        detail: `栏目“${g.name}”无任何内容`,
      });
      continue;
    }
    const dates = entries.map(entryDate);
    if (dates.every((d) => !d)) continue; // nothing dated: not judged
    const latest = latestUpTo(dates, asOf);
    const firstLevel = g.pages.some((p) => nav.has(pageKey(p.url)));
    const j = judgeColumn(classifyColumn(g.name, patterns), firstLevel, latest, asOf, t);
    if (!j.stale) continue;
    stale++;
    findings.push({
      kind: 'stale_column',
      page: main.url,
      column: g.name,
      detail: `${j.rule}：最新信息发布于${latest ?? '（无）'}`,
    });
  }

  // 政务咨询 messages: detail pages (留言时间 / 答复时间 fields), else the status on the list row.
  const messages = new Map<string, { page: string; left: string; answered: boolean; answeredOn?: string }>();
  const isConsult = (p: PageModel) =>
    classifyColumn(p.columnName, patterns) === 'consult' ||
    classifyColumn(p.breadcrumb, patterns) === 'consult';
  for (const p of pages) {
    if (!isConsult(p)) continue;
    for (const e of ownEntries(p))
      if (e.date && (STATUS_OPEN.test(e.rest) || /已回复|已答复|已办结|已处理/.test(e.rest)))
        messages.set(pageKey(e.href), { page: e.href, left: e.date, answered: !STATUS_OPEN.test(e.rest) });
  }
  for (const p of pages) {
    if (!isConsult(p)) continue;
    const lines = own(p);
    const fields = [...p.fields, ...lineFields(lines)];
    const listed = messages.get(pageKey(p.url));
    const leftField = fields
      .map((f) => (LEFT_LABEL.test(f.label) ? firstDate(f.value) : undefined))
      .find(Boolean);
    const left = leftField ?? listed?.left;
    if (!left) continue;
    const answeredOn = fields
      .map((f) => (ANSWER_DATE_LABEL.test(f.label) ? firstDate(f.value) : undefined))
      .find(Boolean);
    const reply = fields.find((f) => ANSWER_TEXT_LABEL.test(f.label));
    // The detail page's answer fields decide; without them the list row's status; without either, only an
    // explicit 待回复/尚未答复 on the page makes it unanswered (no evidence is not a fault).
    const answered =
      answeredOn || reply
        ? !!answeredOn || !PLACEHOLDER.test(reply!.value)
        : listed
          ? listed.answered
          : !lines.some((l) => STATUS_OPEN.test(l) || /尚未(答复|回复)/.test(l));
    if (!leftField && !listed) continue;
    messages.set(pageKey(p.url), { page: p.url, left, answered, ...(answeredOn ? { answeredOn } : {}) });
  }
  let unanswered = 0;
  for (const m of messages.values()) {
    if (!messageOverdue(m, asOf, t)) continue;
    unanswered++;
    findings.push({
      kind: 'unanswered_message',
      page: m.page,
      detail: m.answered
        ? `${m.left}留言，${m.answeredOn}才答复，超过${t.messageMonths}个月`
        : `${m.left}留言，至${asOf}超过${t.messageMonths}个月未答复`,
    });
  }

  // Wording, 办事指南: each page's own text (the template is checked once, with the home page).
  let serious = 0;
  for (const p of pages) {
    const lines = pageKey(p.url) === homeKey ? p.lines : own(p);
    for (const w of findWordingIssues(withoutLinkTitles(p, lines), dateOf(p) ?? asOf, dict)) {
      if (w.kind === 'serious_error') serious++;
      findings.push({ kind: w.kind, page: p.url, text: w.text, detail: w.detail });
    }
    // A guide: element labels on a page of a 办事/指南 column, or a label table (th/td) of at least 3 of them. A
    // notice that merely has "申请条件" and "办理流程" paragraphs is not a guide.
    const labels = p.fields.map((f) => f.label);
    const present = guideElementsPresent(labels, own(p));
    const context = GUIDE_CONTEXT.test(`${p.columnName} ${p.breadcrumb} ${p.title}`);
    if ((present.size >= 2 && context) || guideElementsPresent(labels, []).size >= 3) {
      const missing = missingGuideElements(present);
      if (missing.length >= t.guideMissingMin)
        findings.push({
          kind: 'incomplete_guide',
          page: p.url,
          detail: `办事指南缺少要素：${missing.join('、')}`,
        });
    }
  }

  if (input.reachable && home)
    for (const name of siteIdentity(home, tpl.lines, pages.length))
      findings.push({
        kind: 'missing_identity',
        page: input.home,
        text: name,
        detail: `网站页脚缺少${name}`,
      });

  const homeEntries = home?.entries ?? [];
  const homeLatest = latestUpTo(
    homeEntries.map((e) => e.date ?? shortDate(e.rest, asOf)),
    asOf,
  );
  const { verdict, vetoes } = decideVerdict(
    {
      reachable: input.reachable,
      ...(homeLatest ? { homeLatest } : {}),
      staleColumns: stale,
      blankColumns: blankCount,
      unansweredMessages: unanswered,
      seriousErrors: serious,
      asOf,
      ...(input.availability ? { availability: input.availability } : {}),
    },
    t,
  );
  const order = (k: FindingKind) => FINDING_KINDS.indexOf(k);
  findings.sort((a, b) => order(a.kind) - order(b.kind) || a.page.localeCompare(b.page));
  return { site: input.site, asOf, pages: pages.length, verdict, vetoes, findings };
}

export const FINDING_LABELS: Record<FindingKind, string> = {
  broken_link: '链接不可用',
  stale_column: '栏目不更新',
  blank_column: '空白栏目',
  unanswered_message: '留言超期未答复',
  serious_error: '严重表述错误',
  typo: '错别字',
  missing_identity: '网站标识缺失',
  incomplete_guide: '办事指南要素缺失',
};

/** The same fault in two checks has the same key (page addresses compared as pageKey does). */
export function findingKey(f: Finding): string {
  return [f.kind, pageKey(f.page), f.target ? pageKey(f.target) : '', f.column ?? '', f.text ?? ''].join('|');
}
