// Parser for a notice setting up a 政务公开工作领导小组 (seed 000, 潼南府办〔2023〕18号), from plain text lines.
// The lead feeds .docx paragraphs joined by "\n" through the same function. Pure; never throws: whatever is
// missing or odd becomes a Chinese warning.
import { splitOutsideBrackets } from '../text/brackets';
import { HAN_DIGITS } from '../text/han-digits';
import { cleanUnitName, normalizeUnitName, splitParenthesised } from '../units/normalize';

export interface LeadingGroupPerson {
  name: string;
  title: string;
}

export interface LeadingGroupDuty {
  /** the unit as written before the colon */
  unit: string;
  text: string;
}

export interface LeadingGroupNotice {
  /** The title WITHOUT the issuing office ("关于成立…的通知"): the issuer is a separate field, as in the
   * document's own layout where 发文机关 and 标题 are separate lines. */
  title: string | null;
  /** The issuing office as printed above the title (重庆市潼南区人民政府办公室), null when absent. */
  issuer: string | null;
  /** 发文字号, brackets normalised to 〔〕 (GB/T 9704). */
  docNumber: string | null;
  /** 成文日期 'YYYY-MM-DD' (the date under the signature). */
  date: string | null;
  leader: LeadingGroupPerson | null;
  deputyLeaders: LeadingGroupPerson[];
  /** member units exactly as written (trailing 分管负责人 and punctuation removed) */
  memberUnits: string[];
  officeUnit: string | null;
  officeDirector: string | null;
  duties: LeadingGroupDuty[];
  warnings: string[];
}

const CN = '\\u4e00-\\u9fff';
const HEADING = /^[一二三四五六七八九十]+[、.．]/;
const DUTY_HEADING =
  /^[一二三四五六七八九十]+[、.．]\s*(?:各?成员单位(?:主要)?职责|成员单位工作职责|职责分工)/;
const LABEL = /^(?:副\s*组\s*长|组\s*长|成\s*员|办公室主任|联\s*络\s*员)\s*[:：]/;
const TITLE_WORDS =
  /(?:主任|局长|区长|县长|市长|镇长|书记|部长|主席|常委|委员|秘书长|处长|科长|负责人|馆长|院长|组长)/;

/** Lines with full-width spaces and tabs turned into ASCII spaces and ends trimmed; the words are untouched. */
function toLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\u3000\t\u00a0]/g, ' ').trim());
}

// Notices typed on Latin keyboards write 〇 as a letter O.
const CN_DIGITS: Record<string, number> = { ...HAN_DIGITS, O: 0, o: 0 };

/** 二〇二三 → 2023; 十二 → 12; 二十一 → 21; ASCII/full-width digits pass through. */
function cnNumber(s: string): number | null {
  const ascii = s.normalize('NFKC');
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!s.includes('十')) {
    let n = 0;
    for (const c of s) {
      const d = CN_DIGITS[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return s.length > 0 ? n : null;
  }
  const [tens, ones] = s.split('十');
  const t = tens ? CN_DIGITS[tens] : 1;
  const o = ones ? CN_DIGITS[ones] : 0;
  if (t === undefined || o === undefined) return null;
  return t * 10 + o;
}

const DATE_RE =
  /([0-9０-９]{4}|[〇零一二三四五六七八九Oo]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;

/** A calendar date as 'YYYY-MM-DD', checked for existence (UTC arithmetic, TZ-independent). */
function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseDate(s: string): string | null {
  const m = DATE_RE.exec(s);
  if (m) {
    const y = cnNumber(m[1] ?? '');
    const mo = cnNumber(m[2] ?? '');
    const d = cnNumber(m[3] ?? '');
    return y !== null && mo !== null && d !== null ? isoDate(y, mo, d) : null;
  }
  const iso = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(s.normalize('NFKC'));
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/**
 * "曾  伟  区委常委、区政府常务副区长" → { 曾伟, 区委常委、区政府常务副区长 }. Two-character names are padded
 * with spaces to the width of three in Chinese documents, so single-character pieces are joined.
 */
export function splitPersonLine(s: string): LeadingGroupPerson | null {
  const text = s.trim().replace(/[。；;，,]$/, '');
  if (!text) return null;
  // 张三（区政府办公室主任）
  const paren = new RegExp(`^([${CN}·]{2,5})\\s*[（(](.+)[）)]$`).exec(text);
  if (paren) return { name: paren[1] ?? '', title: (paren[2] ?? '').trim() };
  const parts = text.split(/\s+/);
  let name = '';
  let i = 0;
  while (i < parts.length && (parts[i] ?? '').length === 1 && name.length < 3) {
    name += parts[i];
    i += 1;
  }
  if (name.length >= 2) return { name, title: parts.slice(i).join(' ') };
  if (name.length === 0 && parts.length > 1 && (parts[0] ?? '').length <= 4) {
    return { name: parts[0] ?? '', title: parts.slice(1).join(' ') };
  }
  // No space between name and title: the title starts with a place or body (区委常委…, 县政府…).
  const glued = new RegExp(`^([${CN}·]{2,4}?)((?:中共|区|县|市|省|镇|乡|街道).+)$`).exec(text);
  if (glued) return { name: glued[1] ?? '', title: glued[2] ?? '' };
  if (new RegExp(`^[${CN}·]{2,4}$`).test(text)) return { name: text, title: '' };
  return { name: text.replace(/\s+/g, ''), title: '' };
}

/** A segment after "、" starts a new person when it is "name␠title" or a bare 2–4 character name. */
function startsPerson(seg: string): boolean {
  const t = seg.trim();
  if (/^(?:区|县|市|省|中共)/.test(t)) return false;
  return (
    new RegExp(`^[${CN}·](?:\\s*[${CN}·]){1,3}(?:\\s+\\S|$)`).test(t) &&
    !TITLE_WORDS.test(t.split(/\s+/)[0] ?? '')
  );
}

function splitPeople(s: string): LeadingGroupPerson[] {
  const segs = s.split(/[、；;，,]/);
  const merged: string[] = [];
  for (const seg of segs) {
    const last = merged.length - 1;
    if (last >= 0 && !startsPerson(seg)) merged[last] = `${merged[last]}、${seg.trim()}`;
    else merged.push(seg.trim());
  }
  return merged.flatMap((m) => {
    const p = splitPersonLine(m);
    return p ? [p] : [];
  });
}

/** Split on 、，; outside parentheses. */
function splitList(s: string): string[] {
  return splitOutsideBrackets(s, '、，,；;', '（(', '）)')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

const PERSON_SUFFIX =
  /(?:分管负责同志|分管负责人|主要负责同志|主要负责人|有关负责同志|负责同志|负责人|分管领导|主要领导)$/;

function stripPersonSuffix(unit: string): string {
  return unit
    .replace(/[。.]$/, '')
    .trim()
    .replace(PERSON_SUFFIX, '')
    .trim();
}

/** Whether a duty's unit as written pairs with a member as written (区委网信办 ↔ 区委网信办（区网信办）). */
function pairs(duty: string, member: string): boolean {
  const spell = (s: string): string[] => {
    const c = cleanUnitName(s);
    const p = splitParenthesised(c);
    return [c, ...(p ? [p.outer, p.inner] : [])].map((x) => normalizeUnitName(x));
  };
  const a = spell(duty);
  const b = spell(member);
  return a.some((x) => b.includes(x));
}

export function parseLeadingGroupNotice(text: string): LeadingGroupNotice {
  const lines = toLines(text);
  const warnings: string[] = [];
  const out: LeadingGroupNotice = {
    title: null,
    issuer: null,
    docNumber: null,
    date: null,
    leader: null,
    deputyLeaders: [],
    memberUnits: [],
    officeUnit: null,
    officeDirector: null,
    duties: [],
    warnings,
  };
  const whole = lines.join('\n');
  if (!whole.includes('领导小组')) {
    warnings.push('文本中没有“领导小组”，不像成立领导小组的通知');
  }

  // 发文字号: 潼南府办〔2023〕18号; [2023] or （2023） are normalised to 〔2023〕.
  const num = new RegExp(
    `([${CN}]{1,12})\\s*[〔［\\[（(【]\\s*(\\d{4})\\s*[〕］\\]）)】]\\s*(\\d+)\\s*号`,
  ).exec(whole);
  if (num) out.docNumber = `${num[1]}〔${num[2]}〕${num[3]}号`;
  else warnings.push('未找到发文字号');

  // Title: from a line containing "关于" up to the line ending in 通知/决定 (titles may wrap over lines).
  const titleStart = lines.findIndex((l) => /关于/.test(l) && !LABEL.test(l) && l.length < 80);
  if (titleStart >= 0) {
    let title = '';
    for (let i = titleStart; i < Math.min(lines.length, titleStart + 4); i++) {
      const l = lines[i] ?? '';
      if (i > titleStart && l === '') continue;
      title += l;
      if (/(?:通知|决定|函)$/.test(l)) break;
    }
    const at = title.indexOf('关于');
    if (at > 0) out.issuer = title.slice(0, at).trim();
    out.title = title.slice(at).replace(/\s+/g, '');
  } else {
    warnings.push('未找到标题（“关于……的通知”）');
  }
  if (!out.issuer) {
    const before = titleStart >= 0 ? lines.slice(0, titleStart) : lines.slice(0, 6);
    const issuer = before.find(
      (l) => /(?:人民政府办公室|人民政府|办公厅|办公室|委员会)$/.test(l) && l.length <= 30,
    );
    if (issuer) out.issuer = issuer;
  }

  // 成文日期: the last line that is only a date (the signature block); else the last date anywhere.
  const dateLines = lines.filter((l) => DATE_RE.test(l) && l.replace(DATE_RE, '').trim() === '');
  const dateSource = dateLines.at(-1) ?? [...lines].reverse().find((l) => DATE_RE.test(l));
  if (dateSource) {
    out.date = parseDate(dateSource);
    if (!out.date) warnings.push(`成文日期无法识别：${dateSource}`);
    else if (dateLines.length === 0) warnings.push(`未找到单独成行的成文日期，取正文中的日期 ${out.date}`);
  } else {
    warnings.push('未找到成文日期');
  }

  // 组长 / 副组长 / 成员.
  let i = 0;
  while (i < lines.length) {
    const l = lines[i] ?? '';
    const leader = /^组\s*长\s*[:：]\s*(.*)$/.exec(l);
    const deputy = /^副\s*组\s*长\s*[:：]\s*(.*)$/.exec(l);
    const member = /^成\s*员(?:单\s*位)?\s*[:：]\s*(.*)$/.exec(l);
    const director = /^(?:领导小组)?办公室主任\s*[:：]\s*(.*)$/.exec(l);
    if (leader) {
      const p = splitPersonLine(leader[1] ?? '');
      if (out.leader) warnings.push(`出现多个“组长”，已取第一个：${out.leader.name}`);
      else if (p) out.leader = p;
    } else if (deputy) {
      out.deputyLeaders.push(...splitPeople(deputy[1] ?? ''));
      // Further deputies on their own lines: "张  三  区财政局局长".
      let j = i + 1;
      while (j < lines.length) {
        const next = lines[j] ?? '';
        if (next === '') {
          j += 1;
          continue;
        }
        if (LABEL.test(next) || HEADING.test(next) || !startsPerson(next) || !TITLE_WORDS.test(next)) break;
        out.deputyLeaders.push(...splitPeople(next));
        j += 1;
      }
      i = j;
      continue;
    } else if (member) {
      let list = member[1] ?? '';
      // The list may wrap over lines until it ends with "。".
      let j = i + 1;
      while (!/[。.]$/.test(list) && j < lines.length) {
        const next = lines[j] ?? '';
        if (next === '') {
          j += 1;
          continue;
        }
        if (LABEL.test(next) || HEADING.test(next) || /^领导小组/.test(next)) break;
        list += next;
        j += 1;
      }
      out.memberUnits.push(
        ...splitList(list)
          .map(stripPersonSuffix)
          .filter((u) => u !== ''),
      );
      i = j;
      continue;
    } else if (director && !out.officeDirector) {
      const p = splitPersonLine(director[1] ?? '');
      if (p) out.officeDirector = p.name;
    }
    i += 1;
  }
  if (!out.leader) warnings.push('未找到组长');
  if (out.deputyLeaders.length === 0) warnings.push('未找到副组长');
  if (out.memberUnits.length === 0) warnings.push('未找到成员单位');

  // 领导小组办公室设在区政府办公室，汤青青同志兼任办公室主任
  const office = /领导小组办公室(?:设在|设于)\s*([^，,。；;\s]+)/.exec(whole);
  if (office) out.officeUnit = office[1] ?? null;
  else warnings.push('未找到领导小组办公室所在单位');
  if (!out.officeDirector) {
    const dir =
      new RegExp(`([${CN}](?:\\s*[${CN}]){1,3})\\s*(?:同志)?(?:兼任|担任|任)(?:领导小组)?办公室主任`).exec(
        whole,
      ) ?? new RegExp(`办公室主任由\\s*([${CN}](?:\\s*[${CN}]){1,3}?)\\s*(?:同志)?(?:兼任|担任)`).exec(whole);
    // "由汤青青同志兼任…": the regex may take the 由 in; names do not start with it in practice.
    if (dir)
      out.officeDirector = (dir[1] ?? '')
        .replace(/\s+/g, '')
        .replace(/同志$/, '')
        .replace(/^(?:由|并|另|现)/, '');
    else warnings.push('未找到领导小组办公室主任');
  }

  // 成员单位职责: "（一）区政府办公室：承担……" up to the next top-level heading.
  const dutyStart = lines.findIndex((l) => DUTY_HEADING.test(l));
  if (dutyStart < 0) warnings.push('未找到“成员单位职责”部分');
  else {
    const ITEM = /^(?:[（(][一二三四五六七八九十百]+[）)]|\d+[.、．])\s*([^：:。]{2,40}?)\s*[:：]\s*(.*)$/;
    for (let k = dutyStart + 1; k < lines.length; k++) {
      const l = lines[k] ?? '';
      if (HEADING.test(l)) break;
      if (l === '') continue;
      const m = ITEM.exec(l);
      const last = out.duties.at(-1);
      if (m) out.duties.push({ unit: (m[1] ?? '').trim(), text: (m[2] ?? '').trim() });
      else if (last) last.text += l;
    }
    if (out.duties.length === 0) warnings.push('“成员单位职责”部分没有可识别的条目');
  }
  for (const d of out.duties) {
    if (!out.memberUnits.some((m) => pairs(d.unit, m))) {
      warnings.push(`职责条目中的单位「${d.unit}」不在成员单位名单中`);
    }
  }
  return out;
}
