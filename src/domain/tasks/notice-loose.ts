// Task tables copied from web pages (TableBlock.loose): cells are placed by what they hold, not by column.
// A row is: [section headings] [a group's title] [row number] task text, its units, its deadline. A cell of a
// merged group title or unit appears only on the group's first row; the rows after it carry it down.

import type { TableBlock } from './blocks';
import {
  type CellKind,
  headingLevel,
  isLeaderHeader,
  isOverseerHeader,
  kindOf,
  looksLikePersons,
  type Role,
} from './cells';
import type { Context, UnitCell } from './notice-context';
import { normSpaces } from './notice-text';
import type { PlanTask } from './notice-types';
import { splitUnits } from './units';

interface Row {
  texts: string[];
  /** Unit cells in the order shown; `none`: a "/" cell standing in a unit column (it keeps its place). */
  units: { text: string; role?: 'lead' | 'responsible'; none?: boolean }[];
  deadlines: string[];
  line?: number;
  /** A "/" read in the deadline column of an aligned row. */
  noneDeadline: boolean;
  /** The row's last cell is a "/" (in a shifted row, the deadline column's: see `shownUnits`). */
  endsNone: boolean;
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000|｜]+/g, '');

const emptyRow = (): Row => ({
  texts: [],
  units: [],
  deadlines: [],
  noneDeadline: false,
  endsNone: false,
});

/**
 * The unit cells of a row and whether it says it has no deadline. The "/" cells of a shifted row (merged cells
 * left out) are placed by their place: the deadline column is the last, so a "/" closing a row without a
 * deadline is the deadline's; the others stand in unit columns, in order.
 */
function shownUnits(r: Row, hasDeadline: boolean): { units: Row['units']; noneDeadline: boolean } {
  const last = r.units[r.units.length - 1];
  if (!r.noneDeadline && hasDeadline && r.deadlines.length === 0 && r.endsNone && last?.none)
    return { units: r.units.slice(0, -1), noneDeadline: true };
  return { units: r.units, noneDeadline: r.noneDeadline };
}

/** What a 完成时限 cell says when it names no time: as the situation requires, to be announced. */
const UNDATED_DUE =
  /^(?:视(?:情况|需要|工作需要|实际)|根据(?:工作)?(?:需要|实际|安排)|按需|待定|另行(?:通知|安排))[\u4e00-\u9fff]{0,4}$/;

/** Reads a loose table from the row after its header; `roles` are the header's column roles in order. */
export function readLooseTable(
  block: TableBlock,
  headerRow: number,
  roles: (Role | null)[],
  ctx: Context,
  tableNo: number,
): void {
  const labels = new Set((block.rows[headerRow] ?? []).map((c) => squash(c.text)).filter((t) => t !== ''));
  const unitRoles = roles.filter((r): r is 'lead' | 'responsible' => r === 'lead' || r === 'responsible');
  const hasDeadline = roles.includes('deadline');
  const taskColumn = roles.lastIndexOf('task');
  // A "分管县领导" column: its cells are persons' names, which are neither task text nor units.
  const hasLeaders = (block.rows[headerRow] ?? []).some((c) => isLeaderHeader(c.text));
  // A "督办单位" column: its units oversee the work; in a row that kept every cell they are left out.
  const overseers = (block.rows[headerRow] ?? []).map((c) => isOverseerHeader(c.text));
  // Section stack: [level 1 "一、…", level 2 "（一）…", level 3 a group's own title cell].
  const sections: string[] = [];
  // Unit and deadline cells of aligned rows, by column: an empty one continues the cell above (merged).
  const carried = new Map<number, string>();
  let row = emptyRow();
  let last: { units: UnitCell[]; deadline: string } | null = null;

  const flush = () => {
    const r = row;
    row = emptyRow();
    if (r.texts.length === 0 || ctx.full()) return;
    const texts = joinBroken(r.texts);
    const items = numberedRun(texts);
    const titles = texts.slice(0, texts.length - items.length);
    if (titles.length > 0) {
      // Cells before the text are the titles of the group the row opens ("工作任务" over "具体要求").
      sections.length = Math.min(sections.length, 2);
      while (sections.length < 2) sections.push('');
      sections.push(titles.join(' '));
    }
    const source = `表${tableNo}${r.line !== undefined ? `（文本第${r.line}行）` : ''}`;
    for (const [k, text] of items.entries()) addRow(r, text, source, k > 0);
  };

  /** One task of a row; `shared`: a further numbered item under the same (merged) unit and deadline cells. */
  const addRow = (r: Row, text: string, source: string, shared: boolean) => {
    const ref = ctx.nextRef();
    const shown = shownUnits(r, hasDeadline);
    const noneUnits = shown.units.filter((u) => u.none).length;
    // Roles by column when the row shows one cell per unit column ("/" included), else the first unit role.
    let units: UnitCell[] = shown.units.flatMap((u, k) =>
      u.none
        ? []
        : [
            {
              text: u.text,
              role:
                u.role ??
                (unitRoles.length === shown.units.length
                  ? (unitRoles[k] ?? 'responsible')
                  : (unitRoles[0] ?? 'responsible')),
            },
          ],
    );
    const lastLead = last?.units.filter((u) => u.role === 'lead') ?? [];
    const only = shown.units.length === 1 ? shown.units[0] : undefined;
    if (
      noneUnits === 0 &&
      only &&
      !only.role &&
      unitRoles.includes('lead') &&
      unitRoles.includes('responsible') &&
      lastLead.length > 0 &&
      splitUnits(only.text, 'responsible').lead.length === 0
    ) {
      // A row of a table with a 牵头 and a 责任 column showing one unit cell: the lead cell is merged with the
      // one above (a lead spans its group's rows), and the cell shown names the responsible units.
      units = [...lastLead, { text: only.text, role: 'responsible' }];
      ctx.warn(
        ref,
        source,
        `该行只有一个单位单元格：按合并单元格沿用上一行的牵头单位“${lastLead.map((u) => u.text).join('；')}”，本格作为责任单位，请核对`,
      );
    }
    if (
      units.length === 0 &&
      noneUnits > 0 &&
      noneUnits === shown.units.length &&
      noneUnits < unitRoles.length &&
      last
    ) {
      // "… | / | / |" under a 牵头/责任/时限 header: the "/" cells stand in the first unit columns, in order; the
      // unit columns the row does not show are merged with the cells above and continue them.
      const merged = new Set(unitRoles.slice(noneUnits));
      units = last.units.filter((u) => merged.has(u.role));
      if (units.length > 0)
        ctx.warn(
          ref,
          source,
          `该行单位列少于表头，按合并单元格沿用上一行的“${units.map((u) => u.text).join('；')}”，请核对`,
        );
    }
    if (units.length === 0 && noneUnits === 0 && unitRoles.length > 0 && last && last.units.length > 0) {
      units = last.units;
      ctx.warn(
        ref,
        source,
        `该行没有责任单位，按合并单元格沿用上一行的“${units.map((u) => u.text).join('；')}”，请核对`,
      );
    }
    let deadline = r.deadlines.join('\n');
    if (deadline === '' && !shown.noneDeadline && hasDeadline && last && last.deadline !== '') {
      deadline = last.deadline;
      ctx.warn(ref, source, `该行没有完成时限，按合并单元格沿用上一行的“${deadline}”，请核对`);
    }
    if (shared && units.length > 0)
      ctx.warn(ref, source, '该项与上一项共用一个责任单位单元格（合并单元格），请核对');
    const task: PlanTask | null = ctx.addTask({
      section: sections.filter((s) => s !== ''),
      text,
      unitCells: units,
      deadlineCell: deadline,
      source,
    });
    if (task) last = { units, deadline };
  };

  const take = (cell: string, line: number | undefined) => {
    const kind: CellKind = kindOf(cell);
    const t = normSpaces(cell.replace(/\s*[|｜]\s*$/, ''));
    switch (kind) {
      case 'none':
        row.units.push({ text: '', none: true });
        row.endsNone = true;
        return;
      case 'empty':
      case 'status':
      case 'score':
        return;
      case 'heading': {
        if (row.texts.length > 0) flush();
        const level = headingLevel(t) ?? 1;
        sections.length = Math.min(sections.length, level - 1);
        while (sections.length < level - 1) sections.push('');
        sections.push(t);
        return;
      }
      case 'seq':
        // Text before a row number without units of its own is the group's title cell of this row.
        if (row.texts.length > 0 && (row.units.length > 0 || row.deadlines.length > 0)) flush();
        return;
      case 'unit':
        row.units.push({ text: t });
        row.endsNone = false;
        return;
      case 'deadline':
        row.deadlines.push(t);
        row.endsNone = false;
        return;
      case 'text':
        if (hasLeaders && looksLikePersons(cell)) return;
        // One cell a line: "视情况" / "另行通知" after a row's units, where its deadline stands, is that deadline
        // unread (the officer sees "无法识别的完成时限"), not the next group's title.
        if (
          block.loose === 'stream' &&
          hasDeadline &&
          row.texts.length > 0 &&
          row.units.length > 0 &&
          row.deadlines.length === 0 &&
          UNDATED_DUE.test(t)
        ) {
          row.deadlines.push(t);
          return;
        }
        if (row.texts.length > 0 && (row.units.length > 0 || row.deadlines.length > 0)) flush();
        else if (block.loose === 'stream' && isSentence(row.texts[row.texts.length - 1] ?? '')) flush();
        if (row.texts.length === 0) row.line = line;
        row.texts.push(t);
        row.endsNone = false;
        return;
    }
  };

  let titleAbove = false;
  // Whether a row above (below the header and the titles) could have unit cells a row without them continues.
  let unitsAbove = false;
  for (let r = headerRow + 1; r < block.rows.length; r++) {
    const kept = block.rows[r] ?? [];
    const cells =
      block.loose === 'rows' && kept.length === roles.length
        ? kept.map((c, k) => (overseers[k] ? { ...c, text: '' } : c))
        : kept;
    // The header repeated at a page break: its labels again (a row that merely mentions 任务 and 牵头 is not).
    if (
      cells.some((c) => squash(c.text) !== '') &&
      cells.every((c) => squash(c.text) === '' || labels.has(squash(c.text)))
    )
      continue;
    const title =
      block.loose === 'rows'
        ? titleAcross(cells, block.rows.slice(r + 1, r + 4), roles.includes('seq') || !unitsAbove)
        : null;
    if (title !== null) {
      flush();
      // A title right under another is a level below it ("加大主动公开力度" over "深入推进…信息公开").
      if (!titleAbove) {
        sections.length = Math.min(sections.length, 2);
        while (sections.length < 2) sections.push('');
      }
      sections.push(title);
      titleAbove = true;
      unitsAbove = false;
      continue;
    }
    titleAbove = false;
    unitsAbove = true;
    // A row whose every cell fits its column is aligned: its unit and deadline columns are read in place
    // (an empty one continuing the cell above). A shifted row ("3.及时反馈… | 各科室 | |") is not.
    const aligned =
      block.loose === 'rows' &&
      cells.length === roles.length &&
      cells.every((c, k) => fits(c.text, roles[k]));
    cells.forEach((c, k) => {
      const role = roles[k];
      // A column after the task's that names none of its parts (工作目标, 完成标准, 备注) is not the task's text;
      // nor is a 序号 cell ("一", "二").
      if (aligned && ((role === 'other' && k > taskColumn) || role === 'seq')) return;
      if (!aligned || !(role === 'lead' || role === 'responsible' || role === 'deadline')) {
        take(c.text, c.line);
        return;
      }
      let t = normSpaces(c.text);
      if (kindOf(t) === 'none') {
        // Said to be none: not a value, and the empty cells below continue nothing.
        carried.set(k, '');
        if (role === 'deadline') row.noneDeadline = true;
        else row.units.push({ text: '', role, none: true });
        return;
      }
      if (t === '' && row.texts.length > 0) {
        t = carried.get(k) ?? '';
        if (t !== '')
          ctx.warn(
            ctx.nextRef(),
            `表${tableNo}（文本第${c.line}行）`,
            `单元格为空，按合并单元格沿用上一行的“${t}”，请核对`,
          );
      } else if (t !== '') carried.set(k, t);
      if (t === '') return;
      if (role === 'deadline') row.deadlines.push(t);
      else row.units.push({ text: t, role });
    });
    // A row of a 'rows' table is a real row; a 'stream' table's rows end only where the page marked them.
    flush();
  }
  flush();
}

/**
 * A row of a copied table that shows one short text cell, without a full stop, followed by a row that shows
 * its own units: a group title written across the table ("深入推进民生保障信息公开"). A row showing only its text
 * otherwise continues the merged unit cells above (a task of the group). Titles of two or three levels stand
 * over that row where nothing else can be meant (`sure`): in a table whose rows are numbered (a 序号 column),
 * under the header or another title (no unit cell above to continue), or titles numbered as headings ("一、…").
 */
function titleAcross(
  cells: { text: string }[],
  following: { text: string }[][],
  sure: boolean,
): string | null {
  const shortText = (row: { text: string }[]) => {
    const shown = row.filter((c) => kindOf(c.text) !== 'empty');
    const only = shown[0];
    if (shown.length !== 1 || !only || kindOf(only.text) !== 'text') return null;
    const t = normSpaces(only.text);
    return t.length > 30 || /[。；;]$/.test(t) ? null : t;
  };
  const t = shortText(cells);
  if (t === null) return null;
  for (const next of following) {
    if (next.some((c) => kindOf(c.text) === 'unit')) return t;
    const below = shortText(next);
    if (below === null || !(sure || (headingLevel(t) !== null && headingLevel(below) !== null))) return null;
  }
  return null;
}

/** Whether a cell's content can stand in a column of this role. */
function fits(cell: string, role: Role | null | undefined): boolean {
  const kind = kindOf(cell);
  if (kind === 'empty') return true;
  if (kind === 'none') return role === 'lead' || role === 'responsible' || role === 'deadline';
  if (role === 'lead' || role === 'responsible') return kind === 'unit';
  // A short phrase in the deadline column of a complete row is its deadline, read or not ("视情况"): the
  // officer sees "无法识别的完成时限" rather than a task of two words.
  if (role === 'deadline')
    return (
      kind === 'deadline' ||
      (kind === 'text' && normSpaces(cell).replace(/\s/g, '').length <= 8 && !/[。；;，,]/.test(cell))
    );
  // A column of none of the task's parts (备注, 工作目标) may mention a period ("按季度报送进展"); a unit there says
  // the row's cells have shifted left (a merged cell omitted).
  return kind !== 'unit' && (role === 'other' || kind !== 'deadline');
}

/**
 * A cell broken at a page break ("…包括检查计划及方案、检查结" / "果及处理信息(0.5"): the row's last text cell
 * continues the one before it when that one is long and stops in mid-sentence, without closing punctuation.
 * Group titles before a task are short labels, so they are never joined.
 */
export function joinBroken(texts: string[]): string[] {
  const before = texts[texts.length - 2];
  const last = texts[texts.length - 1];
  if (before === undefined || last === undefined) return texts;
  const stopped = /[。；;！!？?：:）)」”]$/.test(before);
  if (before.length <= 40 || stopped || LIST_NUMBER.test(last) || headingLevel(last) !== null) return texts;
  return [...texts.slice(0, -2), `${before}${last}`];
}

const LIST_NUMBER = /^(\d{1,3})\s*[.．、](?!\d)/;

/**
 * The row's task texts: its last text cell, or, when the row ends in two or more numbered items in sequence
 * ("3.…", "4.…", "5.…" over one merged unit cell), each of those items. Cells before them are group titles.
 */
function numberedRun(texts: string[]): string[] {
  let start = texts.length - 1;
  while (start > 0) {
    const here = LIST_NUMBER.exec(texts[start] ?? '');
    const before = LIST_NUMBER.exec(texts[start - 1] ?? '');
    if (!here || !before || Number(before[1]) + 1 !== Number(here[1])) break;
    start--;
  }
  return texts.slice(start);
}

/**
 * A text cell that is a whole sentence closed by a full stop ("积极推进单位预算、决算及相关报表公开。"): a task,
 * never a group's title (a label). Followed by another text cell without units between, it is a row of its own
 * whose unit cell is merged with the one above.
 */
const isSentence = (t: string) => t.length >= 10 && /[。；;]$/.test(t) && !LIST_NUMBER.test(t);
