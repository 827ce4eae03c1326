// What a table cell holds, read from the cell itself: a unit list, a deadline, a row number, a heading or
// task text. Tables copied from web pages lose their grid (cells shift left when a merged cell is omitted,
// rows run together when each cell is on its own line), so their cells are placed by what they say.

import { splitOutsideBrackets } from '../text/brackets';
import { parseDeadline } from './deadlines';

/** Header labels of task tables, by the column they name. */
export type Role = 'seq' | 'task' | 'lead' | 'responsible' | 'deadline' | 'other';

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Words of who does the work, before 单位/部门/科室 in a label or a column's header ("配合单位", "归口部门"). */
const DOERS = '责任|负责|配合|参与|协办|协同|协助|协作|实施|承担|执行|落实|归口';

export function roleOf(header: string): Role | null {
  // "责任处（室）", "责任镇（街道）": a bracket in a label abbreviates the same word ("责任处室").
  const h = squash(header)
    .replace(/[|｜]+$/, '')
    .replace(/[（(]([^（）()]{1,4})[）)]/g, '$1');
  // Header cells are short labels; a long cell is content even when it mentions "责任单位" or "时限".
  if (h === '' || h.length > 16) return null;
  if (/^(序号|编号|序)$/.test(h)) return 'seq';
  if (isLeaderHeader(h)) return 'other';
  // 主责 and 主办 name the lead as 牵头 does ("X主办、Y协办").
  if (/牵头|主责|主办/.test(h)) return 'lead';
  // The other units: a word of who does the work before 单位/部门/科室/处室/股室 ("负责单位", "承担部门"), the
  // level between them ("责任县直单位"), the kind of unit after 责任 ("责任乡镇", "责任处（室）"), or 主体; the
  // word alone, as in a header "牵头 | 配合" or "责任分工".
  if (
    new RegExp(
      // 相关/职能 name units too ("各相关部门"), so they are labels only in a header.
      `(?:${DOERS}|承办|相关|职能)(?:[省市区县旗]直)?(?:单位|部门|科室|处室|股室)|^责任(?:处|科|股|乡镇|镇街|镇|街道|乡)|(?:责任|实施|执行|落实)主体|^(?:配合|协办|承办|责任|(?:责任|职责)?分工)$`,
    ).test(h)
  )
    return 'responsible';
  // The deadline; a label of time alone ("时间", "期限") or a short one ending in it ("办结时间", "推进时间",
  // "完成年限"; not when work starts, "启动时间") heads the deadline column of a task table.
  if (
    /时限|时间要求|时间节点|时间安排|时间进度|时间计划|进度计划|完成期限|完成时间|完成日期|完成节点|截止|进度安排|进度要求|时序|^时间表$|^(?!启动|开始|起始|发布|印发|成文)[\u4e00-\u9fff]{0,4}(?:时间|期限|日期|年限|时段)$/.test(
      h,
    )
  )
    return 'deadline';
  // What is to be done: 任务/举措/措施 anywhere, and the other ways tables name it ("工作重点", "公开内容").
  if (
    /任务|举措|措施|事项|工作要点|公开要点|内容$|具体要求|工作要求|细化分工|重点工作|工作重点|主要工作/.test(
      h,
    )
  )
    return 'task';
  return 'other';
}

/** A column of the leaders in charge ("分管县领导", "责任领导", "牵头领导"): it names persons, not units. */
export function isLeaderHeader(header: string): boolean {
  const h = squash(header);
  return h.length <= 8 && /领导$/.test(h);
}

/**
 * A column of who supervises, assesses or is to be contacted ("督办单位", "督查部门", "考核科室", "联系单位"): its
 * cells name units that do not do the work.
 */
export function isOverseerHeader(header: string): boolean {
  const h = squash(header);
  return h.length <= 8 && /督办|督查|督导|监督|考核|联系/.test(h);
}

/**
 * A cell of a leaders' column: one or more personal names, often spaced to align ("俞 悦", "陆 明俞 悦"). Only
 * short runs of Chinese characters that are not a unit's name qualify.
 */
export function looksLikePersons(cell: string): boolean {
  const raw = cell.replace(/[|｜]/g, '').trim();
  const n = squash(raw);
  if (!/^[\u4e00-\u9fff]{2,12}$/.test(n) || looksLikeUnitName(n)) return false;
  return n.length <= 3 || /[\u4e00-\u9fff][\s\u3000]+[\u4e00-\u9fff]/.test(raw);
}

/**
 * "一级指标" … "五级指标": the levels of an assessment table (考核指标式任务分解表); "一级要点" / "二级要点" are
 * the same kind of column in a 要点分工方案 (the points of the plan and, finest, the tasks under them).
 */
export const INDICATOR_LEVEL = /^[一二三四五六七八九十]级(?:指标|要点)$/;

/**
 * The roles of a header row's labels. In an assessment table ("一级指标 … 五级指标 / 责任科室") the finest
 * indicator level (its last indicator column) says what is to be done, the coarser ones are its categories:
 * when no other column names the task, that column is the task column.
 */
export function headerRoles(labels: string[]): (Role | null)[] {
  const roles = labels.map(roleOf);
  // Indicator levels after the columns that say 任务 or 要求 ("工作要求 | 一级要点 | 二级要点") are finer than
  // they are: those columns are categories. Levels before a task column are its categories.
  const levels = labels.flatMap((l, k) => (isIndicatorLevel(l) ? [k] : []));
  const finest = levels[levels.length - 1];
  if (levels.length >= 2 && finest !== undefined && finest > roles.lastIndexOf('task')) {
    roles[finest] = 'task';
    return roles;
  }
  if (roles.includes('task')) return roles;
  // A table that names no task column may head it with what the work is for or about ("工作目标", "工作项目",
  // "要点", "具体工作"): that column is the task. Beside a task column such a column is a detail, not the task.
  const about = labels.findLastIndex((l) => WORK_ABOUT.test(squash(l)));
  if (about >= 0 && roles[about] === 'other') {
    roles[about] = 'task';
    return roles;
  }
  // A header that names its units ("责任单位") but heads the task with a word of its own ("实施要点", "推进路径"):
  // the nearest label before the units that names no part of a task table is the task's (those before it are
  // its categories). A unit cell of the body ("各相关部门") is no unit label.
  // (With indicator levels, the rule above decides.)
  const firstUnit = roles.findIndex((r) => r === 'lead' || r === 'responsible');
  if (
    firstUnit > 0 &&
    levels.length === 0 &&
    !/^(?:各|有关|相关|其他|其它)/.test(squash(labels[firstUnit] ?? ''))
  ) {
    const own = labels.slice(0, firstUnit).findLastIndex((l, k) => roles[k] === 'other' && isOwnTaskLabel(l));
    if (own >= 0) roles[own] = 'task';
  }
  return roles;
}

/**
 * A short label of letters only that names no unit and no leaders: what a table may head its tasks with. One
 * indicator level alone ("一级指标") does not (see headerRoles), nor a table's caption ("附表二").
 */
function isOwnTaskLabel(label: string): boolean {
  const l = squash(label);
  return (
    /^[\u4e00-\u9fff]{2,8}$/.test(l) &&
    !/^附(?:件|表)|^表[一二三四五六七八九十]/.test(l) &&
    !isIndicatorLevel(l) &&
    !isLeaderHeader(l) &&
    !looksLikeUnitName(l)
  );
}

/** Labels that name the work less directly than 任务/措施 do; the task column only when no column says 任务. */
const WORK_ABOUT = /^(?:工作|主要|具体|阶段|年度)?(?:目标|项目|要点|工作|安排)(?:名称|内容)?$/;

export function isIndicatorLevel(label: string): boolean {
  return INDICATOR_LEVEL.test(squash(label).replace(/[|｜]+$/, ''));
}

/** A header row: at least one task column and one unit column among short labels. */
export function isHeaderRoles(roles: (Role | null)[]): boolean {
  return (
    roles.includes('task') &&
    roles.some((r) => r === 'lead' || r === 'responsible') &&
    roles.filter((r) => r !== null && r !== 'other').length >= 2
  );
}

/** Split on 、，,；; and line breaks outside brackets. */
export function splitOutside(text: string, seps = '、，,；;\n'): string[] {
  return splitOutsideBrackets(text, seps)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// A zone's name ("平潭综合实验区", "高新区", "经开区", "新材料产业园") stands for its administering body.
const ORG_END =
  /(开发区|实验区|试验区|示范区|新区|园区|专班|海关|学校|党校|产业园|工业园|物流园|科技园|创业园|幼儿园|管理区|保税区|合作区|功能区|自贸区|高新区|经开区|办公室|办|局|委员会|委|厅|处|科|室|股|部门|部|中心|政府|单位|街道|办事处|镇|乡|院|馆|所|站|队|会|组|支行|分行|行|分局|公司|集团|社|台|团|机构|管委会|银行|小组|司|署|法院|检察院|科室|处室|股室|街镇|乡镇|制定主体|实施主体|责任主体|执法主体)$/;

/**
 * "按职责分工负责" and the way other notices word it ("按照职责分工负责", "按照职责负责", "按各自职责落实",
 * "按职能分工落实", "按照职能分别落实"): who does the work, without ranking the units.
 */
export const BY_DUTY = '按(?:照)?(?:各自)?(?:职责|职能)(?:分工)?(?:分别)?(?:负责|落实)';

/** The way a clause says what a unit does: "牵头", "配合", "负责落实", "按职责分工负责". */
export const ROLE_TAIL = new RegExp(
  `(?:等)?(?:分别)?(?:牵头落实|牵头负责|负责牵头|牵头|负责落实|具体负责|具体落实|${BY_DUTY}|负责|主办|配合落实|配合|参与|协助|协办|协同|参照落实|参照执行|落实)$`,
);

/** A unit's name as a careful officer would accept it: "区发改委", "各科室", "规划信息处(爱卫办)". */
export function looksLikeUnitName(raw: string): boolean {
  const n = squash(raw)
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/等$/, '');
  if (n.length < 2 || n.length > 30) return false;
  if (/[。：:“”《》]/.test(n)) return false;
  return ORG_END.test(n) || (/^(各|有关|相关|其他|其它)/.test(n) && n.length <= 16);
}

/**
 * "其他股室及属下单位": two units joined by 及 (以及), when the part before it ends as a unit's name does and the
 * part after it is a unit's name. "和" is not split: it joins the words of one name ("住房和城乡建设局"); nor is
 * "X及有关单位" ("区政府各部门及有关单位"): an open group closing the name, as "X等部门" is one entry.
 */
export function splitJoined(name: string): string[] {
  const m = /^(.{2,}?)(?:以及|及)(.{2,})$/.exec(name);
  if (!m) return [name];
  const [, a = '', b = ''] = m;
  const bare = (s: string) => s.replace(/[（(][^）)]*[）)]$/, '');
  if (/^(?:有关|相关|其他|其它)/.test(b)) return [name];
  return ORG_END.test(bare(a)) && looksLikeUnitName(a) && looksLikeUnitName(b) ? [a, b] : [name];
}

/** "X会同Y" / "X会Y": X leads together with Y (both unit names). */
export function splitTogether(clause: string): [string, string] | null {
  const m = /^(.+?)(会同|会)(.+)$/.exec(squash(clause));
  if (!m) return null;
  const [, a = '', sep, b = ''] = m;
  // A bare "会" joins two offices ("宣传处会办公室"); after 委 it is part of a name (常委会, 管委会).
  if (sep === '会' && !/(处|科|室|局|办|股|中心|部)$/.test(a)) return null;
  return looksLikeUnitName(a) && looksLikeUnitName(b.replace(ROLE_TAIL, '')) ? [a, b] : null;
}

/**
 * A label that names units, as notices write it: 牵头/主责 or one of the doers' words with 单位, 部门, 科室, 处室 or
 * 股室 ("牵头单位：", "责任科室：", "负责单位：", "归口部门："), also "牵头责任单位"/"主要责任单位" (lead) and
 * "协同责任单位"/"配合责任单位" (responsible). 牵头, 主责 and 主要责任 name lead units, the others responsible ones.
 * (主办/承办 are left to table headers: "主办单位：" and "承办单位：" in prose are a web page's footer.)
 */
export const UNIT_LABEL = `(?:牵头责任|主要责任|协同责任|配合责任|牵头|主责|${DOERS})(?:单位|部门|科室|处室|股室)`;
/** A unit label as a cell or a bracket may shorten it: "牵头：X；配合：Y" are 牵头单位 and 配合单位. */
export const CELL_UNIT_LABEL = `(?:${UNIT_LABEL}|牵头|主责|配合|协办|协同|参与)`;
/** A label that names a deadline in an annotation ("（牵头单位：X；完成时限：…）", "时间节点：", "截止时间："). */
export const DEADLINE_LABEL =
  '(?:完成时限|时限要求|完成时间|完成日期|完成期限|时间节点|时间要求|时间安排|截止时间|截止日期|办结时限|时限)';
export const isLeadLabel = (label: string): boolean => /^(?:牵头|主责|主要责任)/.test(label);

/**
 * "各县、市、区政府" is one name, 各县（市、区）政府, written with 、 instead of brackets: after "各县"/"各乡"/"各州"
 * the bare level words ("市", "区政府", "市人民政府") are not units of their own and stay with it; so is
 * "各市〔州〕、县〔市、区〕政府" (the governments of the cities and of the counties), whose levels carry their
 * alternatives in brackets. So is
 * "县直、驻县有关单位" (县直有关单位 and 驻县有关单位, one group): "县直"/"市直" alone names no unit, it shares the
 * noun of the name after it.
 */
export function joinLevels(names: string[]): string[] {
  const out: string[] = [];
  let open = false;
  let shared = false;
  for (const n of names) {
    // "各市〔州〕、县〔市、区〕政府": a level word may carry its alternatives in brackets; the noun may be the
    // governments' offices ("各区、县〔市〕政府办公室").
    const level =
      /^(?:县|市|区|乡|镇|旗|州|盟|街道)(?:[（(〔][^）)〕]*[）)〕])?((?:人民)?政府(?:办公室)?|管委会|办事处)?$/.exec(
        n,
      );
    if ((open && level && out.length > 0) || (shared && out.length > 0)) {
      out[out.length - 1] = `${out[out.length - 1]}、${n}`;
      open = open && level !== null && !level[1];
      shared = false;
      continue;
    }
    out.push(n);
    open = /^各(?:县|市|区|乡|镇|旗|州|盟)(?:[（(〔][^）)〕]*[）)〕])?$/.test(n);
    shared = /^(?:省|市|州|盟|县|区|旗)直(?:属)?$/.test(n);
  }
  return out;
}

/**
 * "区司法局牵头区级规范性文件集中公开工作,区各…制定主体具体落实;各成员单位负责做好本单位…工作": a unit cell
 * written as sentences, each naming a unit, its role and the work it does. The work ("…工作") after the role
 * word is not part of the unit statement; dropped only in a cell of two or more such clauses, since one clause
 * alone ("市财政局负责做好预算公开工作") may be a task.
 */
const WORK_TAIL = /(牵头|负责|配合|具体落实)(?:做好)?[^，,；;]{2,40}工作$/;

export function withoutWorkTails(cell: string): string {
  const clauses = splitOutside(cell, '，,；;');
  if (clauses.length < 2 || !clauses.some((c) => WORK_TAIL.test(c))) return cell;
  const stripped = clauses.map((c) => c.replace(WORK_TAIL, '$1'));
  return stripped.every((c) => ROLE_TAIL.test(c)) ? stripped.join('；') : cell;
}

/** True when the whole cell names units (with their roles), and nothing else. */
export function isUnitCell(cell: string): boolean {
  const t = withoutWorkTails(squash(unitsAndDeadline(cell).units));
  if (t === '' || t.length > 200 || /[。]/.test(t)) return false;
  const labelled = t.replace(new RegExp(`${CELL_UNIT_LABEL}[:：]`, 'g'), '、');
  const clauses = splitOutside(labelled);
  if (clauses.length === 0) return false;
  const bares = clauses.map((c) => c.replace(ROLE_TAIL, ''));
  if (bares.some((b, k) => b === '' && !ROLE_TAIL.test(clauses[k] ?? ''))) return false;
  // "各县、市、区政府配合": level words after "各县" are part of its name, as in a unit list.
  return joinLevels(bares.filter((b) => b !== '')).every((n) => splitTogether(n) || looksLikeUnitName(n));
}

/**
 * A unit cell that also says when ("区财政局，年底前", "区发改委（2022年6月底前完成）"): its units, and the
 * clauses at its end or the brackets that are deadlines, which belong to the row's 完成时限.
 */
export function unitsAndDeadline(cell: string): { units: string; due: string[] } {
  const due: string[] = [];
  let units = cell.replace(/[（(]([^（）()]{2,30})[）)]/g, (whole, inner: string) => {
    if (kindOf(inner) !== 'deadline') return whole;
    due.push(inner);
    return '';
  });
  for (;;) {
    const m = /^([\s\S]*[^\s，,；;])\s*[，,；;]\s*([^，,；;（）()]+)$/.exec(units);
    if (!m || kindOf(m[2] ?? '') !== 'deadline') break;
    due.unshift((m[2] ?? '').trim());
    units = m[1] ?? '';
  }
  return { units, due };
}

export type CellKind =
  | 'empty'
  | 'none'
  | 'seq'
  | 'score'
  | 'heading'
  | 'unit'
  | 'deadline'
  | 'status'
  | 'text';

/**
 * A cell that says "nothing here" on purpose ("/", "—", "——", "无"): a unit or deadline column left without
 * a value for this row. It is neither a unit nor a deadline nor task text, and unlike an empty cell of copied
 * text it does not continue the cell above.
 */
export function isNoneMark(cell: string): boolean {
  return /^(?:[/／\\]|[-－—–─]{1,2}|无|暂无)$/.test(squash(cell).replace(/^[|｜]+|[|｜]+$/g, ''));
}

const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

export function headingLevel(text: string): number | null {
  const t = squash(text);
  if (/^[一二三四五六七八九十]+、/.test(t)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(t)) return 2;
  return null;
}

/** The event a deadline counts from, written before it in a few words ("受理后", "事项办结之日起"). */
const EVENT_BEFORE = /^[^，,。；;]{1,8}?(?:后|之日起)/;

function startsWithDeadline(t: string): boolean {
  const first = parseDeadline(t, 2000, { cell: true })[0];
  if (first === undefined) return false;
  const s = t.replace(/^(?:于|在|须|应|依法)/, '');
  const raw = squash(first.raw);
  return s.startsWith(raw) || s.replace(EVENT_BEFORE, '').startsWith(raw);
}

export function kindOf(cell: string): CellKind {
  const t = squash(cell).replace(/^[|｜]+|[|｜]+$/g, '');
  if (t === '') return 'empty';
  if (isNoneMark(t)) return 'none';
  // A row number alone, also in Chinese numerals ("（一）", "三、"): no heading has no words.
  if (
    /^(?:\d{1,3}[.、．]?|[（(]\d{1,3}[）)]|[一二三四五六七八九十]{1,3}、?|[（(][一二三四五六七八九十]{1,3}[）)])$/.test(
      t,
    )
  )
    return 'seq';
  // An assessment table's score ("0.75", "0.5"): neither a row number nor text.
  if (/^\d{1,3}\.\d{1,2}$/.test(t)) return 'score';
  if (/^(推进中|进行中|正在推进|已完成|未完成|完成|已启动|√|是|否)$/.test(t)) return 'status';
  if (HEADING.test(t) && t.length <= 50 && !/[。；;].+/.test(t)) return 'heading';
  if (isUnitCell(t)) return 'unit';
  if (t.length <= 40 && !/[。；;]/.test(t)) {
    // A 完成时限 cell starts with its deadline ("2021年8月前", "长期推进", "年底前完成"); a task that merely
    // mentions one ("做好常态化疫情防控信息发布") does not.
    // …and says little else ("年底前完成"), or each of its clauses does ("2021年2月公布预算信息,2021年8月公布
    // 上年度决算信息"); "在2020年10月20日前，编制完成26个…目录并向社会公开" is a task.
    const found = parseDeadline(t, 2000, { cell: true });
    let rest = t;
    for (const d of found) rest = rest.replace(squash(d.raw), '');
    // (a date may be followed by what is due then, "2021年8月前公布决算信息"; a word such as 按时 or 每月 by a
    // few letters only: "按时公开环境质量信息" is a task)
    const room = found[0]?.kind === 'date' ? 8 : 4;
    const short = rest.replace(/[，,、；;和及或前完成于在须应]/g, '').length <= room;
    const clauses = t.split(/[，,；;]/).filter((c) => c !== '');
    if (startsWithDeadline(t) && (short || (clauses.length >= 2 && clauses.every(startsWithDeadline))))
      return 'deadline';
  }
  return 'text';
}
