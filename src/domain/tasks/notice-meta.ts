// The notice's title block: title, issuer, 文号, 成文日期 and the plan's year.

import { HAN_DIGITS } from '../text/han-digits';
import type { DocBlock, TableBlock } from './blocks';
import { isoDate, parseSmallNumber } from './deadlines';
import { compact } from './notice-text';

// ---------------------------------------------------------------------------------------------------------
// Metadata

const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,16}[〔［[（(【﹝]\d{4}[〕］\]）)】﹞]\s*\d{1,4}\s*号$/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
// "二〇二二年三月一日": the 成文日期 in Chinese numerals, as documents before GB/T 9704-2012 wrote it (○ and Ｏ for 〇).
const HAN_DATE_LINE =
  /^([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** A line that is only a date, in Arabic or Chinese numerals → 'YYYY-MM-DD'; null for anything else. */
function dateLine(line: string): string | null {
  const arabic = DATE_LINE.exec(line);
  if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const han = HAN_DATE_LINE.exec(line);
  if (!han) return null;
  const year = Number([...(han[1] ?? '')].map((c) => HAN_DIGITS[c] ?? 0).join(''));
  return isoDate(year, parseSmallNumber(han[2] ?? ''), parseSmallNumber(han[3] ?? ''));
}
const ISSUER_LIKE = /(人民政府办公室|人民政府|政府办公室|办公厅|办公室|委员会|领导小组)$/;
const DOC_TYPE_END = /(通知|意见|方案|决定|函|要点|分工|计划|通报|报告)$/;
// "…的具体措施" / "若干措施": a list of measures with their units is a plan as well.
const PLAN_TITLE = /(要点|分工|分解|方案|计划|任务|清单|具体措施|若干措施|安排|台账|重点工作|政务公开)/;

interface Metadata {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  year: number | null;
}

function isNavigation(s: string): boolean {
  return (
    /^(您当前的位置|当前位置|首页\s*[>＞|｜])/.test(s) ||
    (s.match(/[>＞]/g) ?? []).length >= 2 ||
    (s.match(/[|｜]/g) ?? []).length >= 2
  );
}

/** The metadata block of a government page (索引号, 发布机构, 成文日期…), not a table of tasks. */
function isMetadataTable(table: TableBlock): boolean {
  const labels = table.rows
    .flat()
    .filter((c) => /^(?:索引号|发布机构|成文日期|发文字号|发布日期|主题分类)/.test(compact(c.text)));
  return labels.length >= 2 && table.rows.length <= 8;
}

/** A row "索引号： | 0001/2024-56 | 发文字号： | 某政办发〔2024〕5号" as its lines "索引号：0001/2024-56", …. */
function labelledValues(row: { text: string }[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < row.length; k++) {
    const t = row[k]?.text.trim() ?? '';
    const next = row[k + 1]?.text.trim();
    if (/[:：]$/.test(t) && next !== undefined) {
      out.push(`${t}${next}`);
      k++;
    } else if (t !== '') out.push(t);
  }
  return out;
}

/** The rows of one shown cell at the top of a table, before its first row of several cells. */
function titleRows(table: TableBlock): string[] {
  const out: string[] = [];
  for (const row of table.rows.slice(0, 5)) {
    const shown = row.filter((c) => !c.mergedFrom && c.text.trim() !== '');
    if (shown.length > 1) break;
    if (shown[0]) out.push(shown[0].text.trim());
  }
  return out;
}

export function readMetadata(blocks: DocBlock[]): Metadata {
  // Only the paragraphs before the first table and the first 60 paragraphs can hold the title block.
  const paras: string[] = [];
  for (const b of blocks) {
    if (b.type === 'table' && isMetadataTable(b)) {
      // A page's 索引号 / 发布机构 / 成文日期 block laid out as a table: its rows are lines of the title block.
      paras.push(...b.rows.flatMap(labelledValues));
      continue;
    }
    if (b.type === 'table') {
      // A spreadsheet has no paragraphs: its title stands in rows of one cell above the header ("…任务分工表").
      if (paras.length === 0) paras.push(...titleRows(b));
      break;
    }
    paras.push(b.text.trim());
  }
  const head = paras.slice(0, 60);
  let docNumber: string | null = null;
  for (const p of head.slice(0, 20)) {
    const c = compact(p).replace(/^(?:发文字号|文号)[:：]/, '');
    if (DOC_NUMBER.test(c)) {
      docNumber = c;
      break;
    }
  }
  let title: string | null = null;
  let issuer: string | null = null;
  for (let i = 0; i < Math.min(head.length, 25); i++) {
    const p = compact(head[i] ?? '').replace(/[|｜]+$/, '');
    const at = p.indexOf('关于');
    if (at < 0 || p.length > 120 || /[。；]/.test(p) || isNavigation(p) || /[:：]$/.test(p)) continue;
    // A title may run over several lines ("关于印发…2020年" / "政务公开工作要点任务分工的通知").
    let t = p;
    let j = i;
    while (!DOC_TYPE_END.test(t) && j + 1 < head.length && j - i < 3) {
      const next = compact(head[j + 1] ?? '');
      if (next === '' || /[。；：:]/.test(next)) break;
      t += next;
      j++;
    }
    if (at > 0) issuer = p.slice(0, at);
    else {
      const prev = compact(head[i - 1] ?? '');
      if (ISSUER_LIKE.test(prev) && prev.length <= 40) {
        issuer = prev;
        t = prev + t;
      }
    }
    title = t;
    break;
  }
  if (title === null) {
    for (const p0 of head.slice(0, 25)) {
      const p = compact(p0);
      if (
        p.length >= 6 &&
        p.length <= 80 &&
        PLAN_TITLE.test(p) &&
        !/[。，；：:]/.test(p) &&
        !isNavigation(p)
      ) {
        title = p;
        break;
      }
    }
  }
  let date: string | null = null;
  let signatureIndex = -1;
  for (let i = 0; i < paras.length; i++) {
    const d = dateLine(compact(paras[i] ?? ''));
    if (d) {
      date = d;
      signatureIndex = i;
      break;
    }
  }
  if (date === null) {
    for (const p of head) {
      const m = /(?:成文日期|发布日期|日期)\s*[:：]\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})/.exec(p);
      if (m) {
        date = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
        break;
      }
    }
  }
  if (issuer === null && signatureIndex > 0) {
    const prev = compact(paras[signatureIndex - 1] ?? '');
    if (ISSUER_LIKE.test(prev) && prev.length <= 40) issuer = prev;
  }
  let year: number | null = null;
  // A period in the title ("五年行动计划(2021—2025年)") starts in its first year: the plan's year is that one.
  const ty = title
    ? (/(20\d{2}|19\d{2})\s*[—–－~至到-]\s*(?:20|19)\d{2}\s*年/.exec(title) ??
      /(20\d{2}|19\d{2})\s*年/.exec(title))
    : null;
  if (ty) year = Number(ty[1]);
  else {
    // A title without a year ("潍坊政务公开工作要点实施方案") may be followed by the plan's full title line.
    const titled = head
      .slice(0, 25)
      .map(compact)
      .find((p) => p.length <= 80 && PLAN_TITLE.test(p) && !/[。，；：:]/.test(p) && /(20\d{2})年/.test(p));
    const m = titled ? /(20\d{2})年/.exec(titled) : null;
    if (m) year = Number(m[1]);
    // A plan issued in the second half of December without a year in its title is the coming year's plan.
    else if (date) year = Number(date.slice(0, 4)) + (date.slice(5) >= '12-15' ? 1 : 0);
    // Without a dated title or a 成文日期, the 文号's year ("许政〔2020〕20号") is the year it was issued.
    else if (docNumber) year = Number(/(\d{4})/.exec(docNumber)?.[1] ?? '') || null;
  }
  return { title, issuer, docNumber, date, year };
}
