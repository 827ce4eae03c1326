// Text of a page saved or copied from a government website: the notice sits among site chrome (navigation,
// breadcrumbs, the 索引号/发布机构 metadata block, print/share buttons, footers, document-library banners and
// injected spam lines). The chrome is dropped; the metadata block's 成文日期 and 文号 are kept as plain lines
// the title reader understands.

import { bracketOpen } from '../text/brackets';
import { joinQuotedCells } from './blocks';
import { DEADLINE_LABEL, UNIT_LABEL } from './cells';

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Labels of the metadata block ("索 引 号：…", "发布机构 | …"). */
const META_LABEL =
  /^(索引号|发布机构|发布机关|发文机构|发文机关|主题分类|组配分类|信息分类|体裁分类|服务对象|成文日期|生成日期|发文日期|发布日期|印发日期|公开日期|发文字号|文号|有效性|统一编号|统一登记号|登记号|公开范围|公开方式|公开形式|公开目录|公开责任部门|生效日期|失效日期|生效时间|废止时间|废止日期|标题|名称|文件名称|分类|来源|信息来源|关键词|关键字|内容概述|浏览次数|点击次数|访问次数|阅读次数|浏览量|政策咨询机关|政策咨询电话|归档时间|文件编号|所属机构|发布时间|更新时间|作者|责任编辑|字号)$/;

/** Lines that are site furniture, whatever the site. */
const CHROME = [
  /^(首页|网站首页)?\s*[>＞»]/,
  /^(您当前的位置|您现在的位置|当前位置|您所在的位置|当前所在位置|所在位置)/,
  /^(打印|打印本页|打印整页|打印内容|关闭|关闭窗口|返回顶部|返回首页|分享|分享到|收藏|扫一扫|视力保护色|无障碍|无障碍阅读|关怀版|繁体|繁體|简体|微信|微博|字体|字号|【|•|登录|注册|English)/,
  /^(主办|承办|主办单位|承办单位|版权所有|网站标识码|网站地图|联系我们|技术支持|Copyright|©)/i,
  /(ICP备|公网安备|京ICP|网站标识码)/,
  // link lists under the article
  /^(相关链接|相关阅读|相关稿件|相关新闻|相关文章|友情链接)$/,
  /^(上一篇|下一篇)/,
  // Document-library pages around a notice: file names, upload data, "download to read on".
  /\.(docx?|wps|pdf|xlsx?)$/i,
  /^-?\s*(文档编号|上传时间|上传人|格式|页数|大小|文档简介|资源描述)\s*[:：]/,
  /(由会员分享|可在线阅读|请在.{1,12}上搜索|下载文档|下载后继续阅读|当前文档共|已阅读\d+页|还剩\d+页|点击查看更多|版权说明|千万精品文档)/,
  /^第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页$/,
];

/** Gambling spam injected into hacked or mirrored pages. */
const SPAM =
  /(bet\s*365|365\s*bet|beat365|博彩|娱乐城|百家乐|棋牌|彩票|体育登[陆录]|亚洲版官网|真人娱乐|澳门|威尼斯人|葡京)/i;

/** "【责任单位】区发改委", "【完成时限】6月底前": an item's labels in 【】, not a site's buttons or column tag. */
const SQUARE_LABEL = new RegExp(`^\\s*【\\s*(?:${UNIT_LABEL}|${DEADLINE_LABEL})\\s*】`);

function isChrome(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (SPAM.test(t)) return true;
  if (SQUARE_LABEL.test(t)) return false;
  const s = squash(t);
  if ((s.match(/[>＞»]/g) ?? []).length >= 2 && s.length <= 80 && !/[。；]/.test(s)) return true;
  return s.length <= 80 && CHROME.some((re) => re.test(t) || re.test(s));
}

/** "索 引 号：x  主题分类：y" → [["索引号","x"],["主题分类","y"]]; null when the line is not metadata. */
function metaPairs(line: string): [string, string][] | null {
  const cells = line
    .split(/[|｜\t]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const pairs: [string, string][] = [];
  const parts = cells.flatMap((c) => c.split(/\s{2,}/));
  let label: string | null = null;
  for (const part of parts) {
    const m = /^([^:：]{1,12})[:：]\s*(.*)$/.exec(part);
    const key = m ? squash(m[1] ?? '') : squash(part);
    if (m && META_LABEL.test(key)) {
      if (m[2]) pairs.push([key, m[2].trim()]);
      else label = key;
    } else if (!m && META_LABEL.test(key)) label = key;
    else if (label) {
      pairs.push([label, part]);
      label = null;
    } else return null;
  }
  return pairs.length > 0 || label ? pairs : null;
}

/** The metadata worth keeping, as lines the title reader knows: "成文日期：2021-06-28", "冠政办发〔2021〕9号". */
function keptMeta(pairs: [string, string][]): string[] {
  const out: string[] = [];
  for (const [k, v] of pairs) {
    if (/^(成文日期|发文日期|印发日期|发布日期)$/.test(k) && /\d{4}/.test(v)) out.push(`${k}：${v}`);
    else if (/^(发文字号|文号)$/.test(k) && /〔\d{4}〕|\[\d{4}\]|（\d{4}）/.test(v)) out.push(squash(v));
  }
  return out;
}

/**
 * "? ?二、重点任务": indentation saved in the wrong encoding (non-breaking or full-width spaces become "?").
 * Question marks in front of Chinese text or a number are never part of it, so they go.
 */
function withoutLostSpaces(line: string): string {
  return line.replace(/^[\s\u00a0\u3000]*\?[\s\u00a0\u3000?]*(?=[\u4e00-\u9fff（(\d])/u, '');
}

/**
 * "【政务公开任务分工】淮南市残疾人联合会2024年…": a site's column name in 【】 in front of the title. The tag
 * goes, the title stays. "【打印】【关闭】" and "【字体：大 中 小】" are left to the chrome rules.
 */
function withoutColumnTag(line: string): string {
  if (SQUARE_LABEL.test(line)) return line;
  const m = /^\s*【[^】]{1,16}】\s*(.*)$/.exec(line);
  const rest = m?.[1] ?? '';
  return m && !rest.startsWith('【') && /[\u4e00-\u9fff]{6}/.test(rest) ? rest : line;
}

const LOST_BREAK = new RegExp(
  `\\s+(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d{1,2}[.．、](?!\\d)|${UNIT_LABEL}\\s*[:：])`,
  'g',
);

/**
 * The signature block of a page whose line breaks were lost: "…请认真贯彻执行。 自贡市人民政府办公室",
 * "2022年4月28日 自贡市2022年…方案", "(此件公开发布) 2021年6月25日". The issuer after a full stop and a date
 * at the start or the end of a line stand on lines of their own.
 */
const LOST_SIGNATURE =
  /(?<=。)\s+(?=[\u4e00-\u9fff]{2,30}(?:人民政府办公室|人民政府|办公厅|办公室|领导小组)$)|(?<=^\d{4}年\d{1,2}月\d{1,2}日)\s+(?=\S)|(?<=\S)\s+(?=\d{4}年\d{1,2}月\d{1,2}日$)/;

/**
 * A page whose line breaks were lost keeps only spaces between its paragraphs ("…召开。 一、王丹县长牵头重点工作
 * 1.全县生产总值增长7.5%左右；… 责任单位:县发改局…"). A long line with numbered items and a unit label
 * (after spaces, or in an item's bracket: "…制定本方案。 一、… (一)…。(责任单位:…)") is split before each item;
 * other lines are left as they are.
 */
function withLostBreaks(line: string): string[] {
  if (line.length < 120) return line.split(LOST_SIGNATURE);
  const cuts = [...line.matchAll(LOST_BREAK)];
  const labelled = new RegExp(`[\\s（(〔]${UNIT_LABEL}\\s*[:：]`).test(line);
  if (cuts.length < 2 || !labelled) return line.split(LOST_SIGNATURE);
  return line
    .split(LOST_BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Width as a page sets it: a Chinese character or full-width mark takes two columns, a digit or a letter one. */
function visualWidth(line: string): number {
  let w = 0;
  for (const ch of line.trim()) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
}

// A new paragraph even after a full line: a heading or item number, 附件, a unit line, a date on its own.
const PARAGRAPH_START = new RegExp(
  `^\\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[）)]|\\d{1,2}\\s*[.．、](?!\\d)|[①-⑳]|附件|${UNIT_LABEL}\\s*[:：]|\\d{4}年\\d{1,2}月\\d{1,2}日$)`,
);
// "— 2 —", "- 3 -", "第 2 页 共 5 页": a page's number, between two lines of one paragraph.
const PAGE_NUMBER =
  /^\s*(?:[—－-]\s*\d{1,3}\s*[—－-]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

/**
 * Text copied from a PDF (or read from one) breaks every paragraph at the page's width. When most long lines end at
 * the same width, that is what happened: a line that reaches the width continues on the next, unless the next one
 * starts a paragraph of its own (an item number, a unit line, a date); page numbers between them go. Text whose
 * lines are paragraphs (a web page, a Word file) has no such common width and is left as it is.
 */
export function joinWrappedLines(lines: string[]): string[] {
  const prose = (l: string) => l.trim() !== '' && !/[|｜\t]/.test(l);
  const long = lines.filter((l) => prose(l) && visualWidth(l) >= 30);
  if (long.length < 3) return lines;
  const full = long.reduce((a, l) => Math.max(a, visualWidth(l)), 0);
  // The page's width: the widest lines, within the two columns a line's last mark or digit may leave.
  const widest = long.filter((l) => visualWidth(l) >= full - 3);
  const many = long.length >= 5 && widest.length >= 4 && widest.length * 3 >= long.length;
  if (!many && !fewBroken(lines, full, prose)) return lines;
  const out: string[] = [];
  let open = false; // the last line out reached the width: the next may continue it
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (open && PAGE_NUMBER.test(line)) continue;
    // A bracket still open ("（牵头单位：…；" ⏎ "责任单位：…）") continues whatever the next line starts with.
    const inBracket = open && bracketOpen(out[out.length - 1] ?? '');
    if (open && prose(line) && (inBracket || !PARAGRAPH_START.test(line))) {
      out[out.length - 1] = `${out[out.length - 1]}${line.trim()}`;
      open = visualWidth(line) >= full - 3;
      continue;
    }
    out.push(raw);
    open = prose(line) && visualWidth(line) >= full - 3;
  }
  return out;
}

/**
 * A short text has few lines at the page's width. They were broken there when the lines after them finish the
 * paragraph: the run of full lines ends in a shorter line that is no paragraph of its own and closes a sentence
 * (in Word or web text a long paragraph is followed by the next paragraph; in a table copied cell by cell, by
 * a unit's name or a date).
 */
function fewBroken(lines: string[], full: number, prose: (l: string) => boolean): boolean {
  const atWidth = (l: string | undefined) =>
    l !== undefined && prose(l) && visualWidth(l.trimEnd()) >= full - 3;
  let runs = 0;
  let finished = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!atWidth(lines[i]) || atWidth(lines[i - 1])) continue;
    let j = i + 1;
    while (j < lines.length && (atWidth(lines[j]) || PAGE_NUMBER.test(lines[j] ?? ''))) j++;
    const tail = lines[j] ?? '';
    runs++;
    const continues = !PARAGRAPH_START.test(tail) || bracketOpen(lines[j - 1] ?? '');
    if (prose(tail) && continues && /[。；;）)！!？?”」]\s*$/.test(tail)) finished++;
  }
  return runs >= 2 && finished * 4 >= runs * 3;
}

/**
 * The notice without the page around it. Metadata blocks come in three shapes: "label：value" on one line,
 * "label | value | label | value" rows, and a label alone on its line with the value on the next.
 */
export function cleanPageText(text: string): string {
  const lines = joinWrappedLines(
    joinQuotedCells(text.replace(/\r\n?/g, '\n')).split('\n').flatMap(withLostBreaks),
  );
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = withoutColumnTag(withoutLostSpaces(lines[i] ?? ''));
    if (isChrome(line)) continue;
    const pairs = metaPairs(line);
    if (pairs) {
      const bare = squash(line).replace(/[:：|｜]+$/, '');
      if (pairs.length === 0 && META_LABEL.test(bare) && !/[:：]/.test(line)) {
        // A label alone: its value is the next non-empty line, when that is short.
        let j = i + 1;
        while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
        const value = (lines[j] ?? '').trim();
        if (j < lines.length && value.length <= 60 && !metaPairs(value)) {
          out.push(...keptMeta([[bare, value]]));
          i = j;
        }
        continue;
      }
      out.push(...keptMeta(pairs));
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
