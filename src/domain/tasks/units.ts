// Unit cells of a task table: "区发展改革委、区商务委", "X牵头，Y配合", "(牵头单位:…,责任单位:…)".
// Names are kept as written (whitespace removed, no correction, groups such as "区政府各部门" or
// "…等部门（单位）" not expanded): matching to the unit registry is the org module's job.

import { splitOutsideBrackets } from '../text/brackets';
import {
  BY_DUTY,
  CELL_UNIT_LABEL,
  isLeadLabel,
  joinLevels,
  looksLikeUnitName,
  ROLE_TAIL,
  splitJoined,
  splitTogether,
  withoutWorkTails,
} from './cells';

/**
 * Split a unit cell on 、 , ， ; ； and line breaks, never inside brackets. A bare "等" closing the list
 * ("财政所、土管所等": and others) is not part of the last name; "X等部门（单位）" keeps its words.
 */
export function splitUnitList(cell: string): string[] {
  const names = splitOutsideBrackets(cell, '、,，;；\n')
    .map((name) => cleanUnitName(name).replace(/^(.{2,})等$/u, '$1'))
    .filter((name) => name !== '')
    .flatMap(splitJoined);
  return joinLevels(names);
}

/**
 * "区发改委 区财政局牵头 区审计局配合", "区发改委/区财政局": names a copied cell separates with spaces or slashes. A
 * separator between two whole unit names of four characters or more becomes 、 (one list), or ， after a role word
 * (a new clause); any other stays as written ("区 财政局", "区委 宣传部": one name). A line break of the cell
 * separates two whole names of any length ("各镇街⏎区级各部门"); one inside a name ("区发展改革⏎委", a wrapped PDF
 * cell) is removed with the other white space.
 */
function spacedNames(text: string, separator: RegExp, min: number): string {
  const whole = (token: string) => token.length >= min && looksLikeUnitName(token);
  let out = '';
  let from = 0;
  for (const m of text.matchAll(separator)) {
    const index = m.index ?? 0;
    out += text.slice(from, index);
    from = index + m[0].length;
    const left = /[^、，,;；]*$/.exec(out)?.[0] ?? '';
    const right = /^[^、，,;；\s/／]*/.exec(text.slice(from))?.[0] ?? '';
    const leftBare = left.replace(ROLE_TAIL, '');
    const joins = whole(leftBare) && whole(right.replace(ROLE_TAIL, ''));
    out += joins ? (leftBare !== left ? '，' : '、') : m[0];
  }
  return out + text.slice(from);
}

/**
 * "(首位单位为牵头单位,下同)", "列第一位的为牵头单位": the notice's convention that the first unit of each list
 * leads. Read once for the whole notice; the note itself is not part of a unit's name.
 */
export const FIRST_LISTED_LEADS =
  /(?:首位单位|首位|列(?:在)?第一位的?(?:责任)?(?:单位)?|排(?:在)?第一位的?(?:责任)?(?:单位)?|排名第一的?(?:责任)?(?:单位)?|第一个单位)(?:为|是)牵头/;
const FIRST_LISTED_NOTE = new RegExp(`[（(][^（）()]*${FIRST_LISTED_LEADS.source}[^（）()]*[）)]`, 'g');

/**
 * "市有关单位(见附件1,下同)", "各县区(以下简称县区)": a bracket that sends the reader elsewhere or names an
 * abbreviation is a note on the name, not part of it.
 */
const REFERENCE_NOTE = /[（(〔][^（）()〔〕]*(?:见附件|见附表|详见|下同|以下简称)[^（）()〔〕]*[）)〕]/g;

/** Whitespace removed; sentence punctuation at the ends dropped ("各乡镇街委。", "——区发改委牵头"). */
export function cleanUnitName(raw: string): string {
  return raw
    .replace(FIRST_LISTED_NOTE, '')
    .replace(REFERENCE_NOTE, '')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^[。．.:：、，,;；—–-]+/, '')
    .replace(/[。．.:：、，,;；]+$/, '');
}

// "X牵头" marks lead units; "Y配合" / "Y参与" / "Y协助" mark responsible ones. "X负责（落实）" and
// "X按职责分工负责" say who does the work without ranking it: the cell's own role applies, unless
// another clause names units that assist ("X负责，Y配合": X is in charge of them and leads). "Y参照落实" (the
// towns do likewise, following the lead's model) is done work too: responsible.
// "X主办、Y协办": the office in charge (主办) leads, those assisting (协办) are responsible.
const LEAD_SUFFIX = /^(.*?)(?:等)?(?:分别)?(?:牵头负责|牵头落实|牵头|负责牵头|主办|主责)$/;
const RESP_SUFFIX = new RegExp(
  `^(.*?)(?:等)?(?:配合落实|配合|参与|协助|协办|协同|${BY_DUTY}|负责落实|具体负责|具体落实|参照落实|参照执行|落实)$`,
);
const ASSIST_SUFFIX = /^(.*?)(?:等)?(?:配合|参与|协助|协办|协同)$/;
const IN_CHARGE = /^(.*?)(?:等)?(?:负责落实|负责)$/;
const BY_DUTY_END = new RegExp(`${BY_DUTY}$`);
const NEUTRAL_SUFFIX = new RegExp(`(?:等)?(?:分别)?(?:负责落实|${BY_DUTY}|参照落实|参照执行|负责)$`);

/**
 * One cell that may name lead and responsible units together: "X牵头，Y配合", "X牵头,Y等有关单位",
 * "牵头单位：X；责任单位：Y". Without any marker every name goes to `defaultRole`.
 */
export function splitUnits(
  cell: string,
  defaultRole: 'lead' | 'responsible' = 'responsible',
  opts: { commaLeads?: boolean } = {},
): { lead: string[]; responsible: string[] } {
  const lead: string[] = [];
  const responsible: string[] = [];
  const lines = spacedNames(cell.trim(), /[ \t\u00a0\u3000]*\n[ \t\u00a0\u3000]*/g, 2);
  const spaced = spacedNames(lines, /[ \t\u00a0\u3000]*[/／][ \t\u00a0\u3000]*|[ \t\u00a0\u3000]+/g, 4);
  const text = withoutWorkTails(spaced.replace(/[\s\u00a0\u3000]+/g, ' ').trim());
  const labelled = splitLabelled(text, opts.commaLeads);
  if (labelled) {
    for (const [role, part] of labelled) (role === 'lead' ? lead : responsible).push(...splitUnitList(part));
    return { lead, responsible };
  }
  const tagged = splitTagged(text);
  if (tagged) return tagged;
  // Clauses separated by ，,；; (outside brackets); a clause ending in 牵头 makes its names lead units, and
  // once a lead clause was seen, later unmarked clauses are the cooperating (responsible) units.
  const clauses = splitClauses(text);
  const hasLeadMarker = clauses.some(
    (c) => LEAD_SUFFIX.test(cleanUnitName(c)) || splitTogether(cleanUnitName(c)),
  );
  const assisted = !hasLeadMarker && clauses.some((c) => ASSIST_SUFFIX.test(cleanUnitName(c)));
  let seenLead = false;
  for (const clause of clauses) {
    // "由区财政局负责": 由 is the preposition, not part of the name.
    const c = cleanUnitName(clause).replace(/^由(?=\S{2})/, '');
    if (c === '') continue;
    const together = splitTogether(c);
    if (together) {
      lead.push(...splitUnitList(together[0]));
      responsible.push(...splitUnitList(together[1].replace(NEUTRAL_SUFFIX, '')));
      seenLead = true;
      continue;
    }
    const lm = LEAD_SUFFIX.exec(c);
    if (lm) {
      lead.push(...splitUnitList(lm[1] ?? ''));
      seenLead = true;
      continue;
    }
    // Without a lead, "X负责，Y配合": the one in charge of those who assist leads (Y's marker says Y assists).
    if (assisted && !BY_DUTY_END.test(c)) {
      const im = IN_CHARGE.exec(c);
      if (im) {
        lead.push(...splitUnitList(im[1] ?? ''));
        seenLead = true;
        continue;
      }
    }
    const rm = hasLeadMarker ? RESP_SUFFIX.exec(c) : ASSIST_SUFFIX.exec(c);
    if (rm) {
      responsible.push(...splitUnitList(rm[1] ?? ''));
      continue;
    }
    const bare = c.replace(NEUTRAL_SUFFIX, '');
    if (seenLead || defaultRole === 'responsible') responsible.push(...splitUnitList(bare));
    else lead.push(...splitUnitList(bare));
  }
  return { lead, responsible };
}

/**
 * A role written after each name: "区财政局（牵头）、区审计局", "X（主责）、Y（配合）", "X为牵头单位，Y为配合单位".
 * Names without a tag cooperate when another leads. Null when no name carries a tag.
 */
const ROLE_TAG =
  /^(.+?)(?:[（(](牵头|牵头单位|牵头部门|主责|主责单位|主办|配合|配合单位|协办|协同|参与|责任单位|参照执行|参照落实)[）)]|为(牵头单位|牵头部门|配合单位|配合部门|责任单位|责任部门))$/;
function splitTagged(text: string): { lead: string[]; responsible: string[] } | null {
  const names = splitUnitList(text);
  const tags = names.map((n) => ROLE_TAG.exec(n));
  if (!tags.some((t) => t !== null)) return null;
  const lead: string[] = [];
  const responsible: string[] = [];
  names.forEach((n, k) => {
    const t = tags[k];
    const role = t?.[2] ?? t?.[3] ?? '';
    (/^(?:牵头|主责|主办)/.test(role) ? lead : responsible).push(t?.[1] ?? n);
  });
  return { lead, responsible };
}

/** Clauses separated by ，,；; — and by a 、 right after a role word ("X主办、Y协办", "X牵头、Y配合"). */
function splitClauses(text: string): string[] {
  return splitOutsideBrackets(text, '，,；;\n').flatMap((c) => c.split(/(?<=牵头|主办)、/));
}

const LABEL = new RegExp(`(${CELL_UNIT_LABEL})\\s*[:：]`, 'g');

/**
 * "牵头单位：X，责任单位：Y" → [['lead', 'X'], ['responsible', 'Y']]; null when there is no label.
 * `commaLeads`: the notice said "逗号前为牵头单位…下同" once for all its 责任单位 lists.
 */
export function splitLabelled(text: string, commaLeads = false): ['lead' | 'responsible', string][] | null {
  const marks = [...text.matchAll(LABEL)];
  if (marks.length === 0) return null;
  const out: ['lead' | 'responsible', string][] = [];
  marks.forEach((m, k) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = k + 1 < marks.length ? (marks[k + 1]?.index ?? text.length) : text.length;
    const role = isLeadLabel(m[1] ?? '') ? 'lead' : 'responsible';
    out.push(...commaLead(role, withoutNote(text.slice(start, end)), commaLeads));
  });
  return out;
}

/**
 * A labelled list ends at its full stop; a sentence after it is a note ("…按职责分工负责。具体任务均涉及相关市
 * (州)人民政府，不再做分工，下同。"), unless it is the "逗号前的为牵头单位" note, which the list needs.
 */
function withoutNote(part: string): string {
  if (COMMA_LEAD_NOTE.test(part)) return part;
  const stop = part.search(/。(?=[^。]*[\u4e00-\u9fff])/);
  return stop >= 0 ? part.slice(0, stop) : part;
}

/**
 * The note "逗号前的为牵头单位" closing a unit list: the names before the first comma lead. It may add that
 * several leads each lead their part ("多个牵头单位的按职责分别牵头") and that it holds for the lists below ("下同").
 */
const COMMA_LEAD =
  '(?:其中)?(?:第一个)?逗号(?:之)?前(?:面)?(?:的)?(?:单位)?(?:为|是)牵头单位(?:[，,；;]?多个牵头单位的?(?:按(?:照)?职责)?分别牵头)?';
const COMMA_LEAD_NOTE = new RegExp(`[\\s。．.，,；;]*${COMMA_LEAD}(?:[，,；;]?下同)?[\\s。．.；;]*$`);
/** The note says "下同": every labelled 责任单位 list of the notice follows it, also those without the note. */
export const COMMA_LEAD_BELOW = new RegExp(`${COMMA_LEAD}[，,；;]?下同`);

/**
 * "A、B，C、D。逗号前的为牵头单位。" → lead A、B; the rest keep the label's role (a 责任单位 label: responsible).
 * Without the note the list is returned whole, unless the notice gave the note for all lists below (`below`):
 * then a 责任单位 list that does not say its roles itself ("X牵头") is split the same way.
 */
function commaLead(
  role: 'lead' | 'responsible',
  part: string,
  below = false,
): ['lead' | 'responsible', string][] {
  const noted = COMMA_LEAD_NOTE.test(part);
  const byConvention = below && role === 'responsible' && !/牵头|配合|负责|落实|参与|协助|协同/.test(part);
  if (!noted && !byConvention) return [[role, part]];
  const list = part.replace(COMMA_LEAD_NOTE, '');
  const [first = '', ...rest] = splitOutsideBrackets(list, '，,');
  return rest.length === 0
    ? [['lead', first]]
    : [
        ['lead', first],
        ['responsible', rest.join('，')],
      ];
}
