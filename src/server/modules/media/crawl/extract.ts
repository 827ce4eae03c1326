// HTML → PageModel for the site analysis (parse5: the HTML standard's tree, so broken markup reads as a browser
// reads it). Only structure the rules need: text lines, links, list rows, label/value fields, dates.
import { parse } from 'parse5';
import { firstDate, type ListEntry, type PageLink, type PageModel } from '../../../../domain/media';

type Node = {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  parentNode?: Node | null;
};

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'select',
  'option',
  'head',
]);
const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot td th tr ul caption'.split(
    ' ',
  ),
);
const CRUMB_LINE = /^(您的位置|当前位置|所在位置|您现在的位置|位置)[：:]/;
const CRUMB_CLASS = /pos|crumb|location|weizhi|dqwz|position|path|mbx/i;
const NOT_A_STEP = /^(正文|详情|内容|留言详情|详细信息|文章|列表|信息详情|浏览)$/;

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const kids = (n: Node) => n.childNodes ?? [];
const squash = (s: string) => s.replace(/[\t\n\r\f ]+/g, ' ').trim();

function textOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  if (n.tagName && SKIP.has(n.tagName)) return '';
  const inner = kids(n).map(textOf).join('');
  return n.tagName && BLOCK.has(n.tagName) ? ` ${inner} ` : inner;
}

function* walk(n: Node): Generator<Node> {
  yield n;
  if (n.tagName && SKIP.has(n.tagName) && n.tagName !== 'head') return;
  for (const c of kids(n)) yield* walk(c);
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data|about|sms):/i.test(h)) return undefined;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

const SHORT_DATE = /^[[(（【]?\s*\d{1,2}\s*(?:[-/.]\s*\d{1,2}|月\s*\d{1,2}\s*日)\s*[\])）】]?$/;
const ROW_STOP = new Set(['body', 'html', 'ul', 'ol', 'table', 'tbody', 'thead', 'main', 'form']);

/**
 * Dated rows outside li/tr (lists built of div, dd or p): from a title-like link, climb while the ancestor holds no
 * other link; the row is dated by the text beside the link. Undated loose links are menus and body links, not items.
 */
function looseRows(all: Node[], base: string, used: Set<Node>): ListEntry[] {
  const out: ListEntry[] = [];
  const linkCount = (n: Node) =>
    [...walk(n)].filter((x) => x.tagName === 'a' && squash(textOf(x)).length >= 2).length;
  for (const a of all) {
    if (a.tagName !== 'a' || used.has(a)) continue;
    const href = absolute(attr(a, 'href'), base);
    const title = squash(textOf(a));
    if (!href || title.length < 4) continue;
    let row = a;
    for (let up = 0; up < 3; up++) {
      const p = row.parentNode;
      if (!p?.tagName || ROW_STOP.has(p.tagName) || linkCount(p) > 1) break;
      row = p;
    }
    const rest = squash(textOf(row).replace(textOf(a), ' '));
    const date = firstDate(rest) ?? firstDate(attr(a, 'title') ?? '');
    // A date without its year ("11-20") is read by the analysis, which knows the as-of year.
    if (date) out.push({ href, title, rest, date });
    else if (SHORT_DATE.test(rest)) out.push({ href, title, rest });
  }
  return out;
}

export function extractPage(html: string, url: string): PageModel {
  const doc = parse(html) as unknown as Node;
  const all = [...walk(doc)];
  const meta: Record<string, string> = {};
  let base = url;
  let title = '';
  for (const n of all) {
    if (n.tagName === 'meta') {
      const name = attr(n, 'name');
      if (name) meta[name.toLowerCase()] = attr(n, 'content') ?? '';
    } else if (n.tagName === 'base') base = absolute(attr(n, 'href'), url) ?? base;
    else if (n.tagName === 'title' && !title) title = squash(textOf(n));
  }

  // Lines: the text between block boundaries.
  const lines: string[] = [];
  let buf = '';
  const flush = () => {
    const s = squash(buf);
    if (s) lines.push(s);
    buf = '';
  };
  const visit = (n: Node) => {
    if (n.nodeName === '#text') buf += n.value ?? '';
    if (n.tagName && SKIP.has(n.tagName)) return;
    const block = !!n.tagName && BLOCK.has(n.tagName);
    if (block) flush();
    for (const c of kids(n)) visit(c);
    if (block) flush();
  };
  for (const c of kids(doc)) visit(c);
  flush();

  const links: PageLink[] = [];
  const entries: ListEntry[] = [];
  const fields: { label: string; value: string }[] = [];
  let emptyLists = 0;
  let h1 = '';
  let heading = '';
  let crumb = lines.find((l) => CRUMB_LINE.test(l)) ?? '';
  const used = new Set<Node>();
  for (const n of all) {
    const tag = n.tagName;
    if (!tag) continue;
    if ((tag === 'a' || tag === 'area') && attr(n, 'href')) {
      const href = absolute(attr(n, 'href'), base);
      if (href) links.push({ href, text: squash(textOf(n)) });
    } else if (tag === 'iframe' || tag === 'frame') {
      // Framed content is part of the site: followed like a link.
      const href = absolute(attr(n, 'src'), base);
      if (href) links.push({ href, text: '' });
    } else if (tag === 'meta' && /^refresh$/i.test(attr(n, 'http-equiv') ?? '')) {
      // <meta http-equiv="refresh" content="0;url=/portal/">: a home page that only redirects.
      const href = absolute(/url\s*=\s*['"]?([^'";]+)/i.exec(attr(n, 'content') ?? '')?.[1], base);
      if (href) links.push({ href, text: '' });
    } else if (tag === 'h1' && !h1) h1 = squash(textOf(n));
    else if ((tag === 'h2' || tag === 'h3') && !heading)
      heading = squash(textOf(n)).replace(/\s*更多.*$/, '');
    if (!crumb && CRUMB_CLASS.test(`${attr(n, 'class') ?? ''} ${attr(n, 'id') ?? ''}`))
      crumb = squash(textOf(n));
    const inner = ['ul', 'ol', 'table', 'li', 'tr'].includes(tag) ? [...walk(n)].slice(1) : [];
    if (tag === 'ul' || tag === 'ol') {
      if (!kids(n).some((c) => c.tagName === 'li')) emptyLists++;
    } else if (tag === 'table') {
      const rows = inner.filter((c) => c.tagName === 'tr');
      if (rows.length > 0 && rows.every((r) => !kids(r).some((c) => c.tagName === 'td'))) emptyLists++;
    } else if (tag === 'dl') {
      const items = kids(n).filter((c) => c.tagName === 'dt' || c.tagName === 'dd');
      for (let i = 0; i + 1 < items.length; i++)
        if (items[i]!.tagName === 'dt' && items[i + 1]!.tagName === 'dd')
          fields.push({ label: squash(textOf(items[i]!)), value: squash(textOf(items[i + 1]!)) });
    }
    if (
      (tag === 'li' && !inner.some((c) => c.tagName === 'li')) ||
      (tag === 'tr' && !inner.some((c) => c.tagName === 'table'))
    ) {
      const anchors = inner.filter((c) => c.tagName === 'a' && absolute(attr(c, 'href'), base));
      // The title is the longest link text ("[部门动态] 标题" rows carry a column link too).
      const a = anchors.reduce<Node | undefined>(
        (best, x) => (!best || squash(textOf(x)).length > squash(textOf(best)).length ? x : best),
        undefined,
      );
      if (a) {
        used.add(a);
        const linkText = squash(textOf(a));
        const rest = squash(textOf(n).replace(textOf(a), ' '));
        const date = firstDate(rest) ?? firstDate(attr(a, 'title') ?? '');
        entries.push({
          href: absolute(attr(a, 'href'), base)!,
          title: linkText,
          rest,
          ...(date ? { date } : {}),
        });
      }
    }
    if (tag === 'tr') {
      const cells = kids(n).filter((c) => c.tagName === 'td' || c.tagName === 'th');
      for (let i = 0; i + 1 < cells.length; i += 2) {
        const label = squash(textOf(cells[i]!)).replace(/[：:]$/, '');
        if (label.length > 0 && label.length <= 10)
          fields.push({ label, value: squash(textOf(cells[i + 1]!)) });
      }
    }
  }

  entries.push(...looseRows(all, base, used));

  const steps = crumb
    .replace(CRUMB_LINE, '')
    .split(/\s*(?:»|>|＞|›|→|\/|－|—)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  while (steps.length > 1 && NOT_A_STEP.test(steps[steps.length - 1]!)) steps.pop();
  const lastStep = steps.length > 1 ? steps[steps.length - 1]! : '';
  const columnName = (meta.columnname || lastStep || heading || '').trim();
  const pageTitle = h1 || title.split(/\s+[-_|–—]\s+|[_|]/)[0]!.trim();
  const published = lines
    .map((l) => /(?:发布|发表|公开|更新|发文)(?:日期|时间)\s*[：:]\s*(.{0,24})|发布于\s*(.{0,24})/.exec(l))
    .map((m) => (m ? firstDate(m[1] ?? m[2] ?? '') : undefined))
    .find(Boolean);
  return {
    url,
    title: pageTitle,
    columnName,
    breadcrumb: steps.join(' » '),
    lines,
    links,
    entries,
    emptyLists,
    fields,
    ...(published ? { publishedDate: published } : {}),
    meta,
  };
}
