// Shared pieces of the disclosure console pages: labels, colours, the column tree (the API's types and hooks are
// in contracts/disclosure.ts and queries.ts).
import type { UnitTreeNode } from '../../../contracts/api';
import type { ColumnRow } from '../../../contracts/disclosure';
import {
  type CatalogLevel,
  categoryGroups,
  categoryOfColumns,
  columnChain,
} from '../../../domain/disclosure/catalog';
import type { Timeliness } from '../../../domain/disclosure/rules';
import type { ItemStatus } from '../../../domain/disclosure/workflow';

export {
  INTERPRETATION_FORM_LABELS,
  ITEM_KIND_LABELS,
  TIMELINESS_LABELS,
  VALIDITY_LABELS,
} from '../../../domain/disclosure/rules';
export {
  ITEM_STATUS_LABELS,
  REVIEW_ACTION_DONE,
  REVIEW_ACTION_LABELS,
} from '../../../domain/disclosure/workflow';
export { FINDING_KIND_LABELS } from '../../../domain/review/types';

export const ITEM_STATUS_COLORS: Partial<Record<ItemStatus, string>> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  scheduled: 'cyan',
  published: 'success',
  withdrawn: 'error',
};
export const TIMELINESS_COLORS: Partial<Record<Timeliness, string>> = {
  on_time: 'green',
  late: 'orange',
  pending: 'blue',
  overdue: 'red',
};

export type { ItemDetail, ItemRow } from '../../../contracts/disclosure';

export interface ColumnTreeNode {
  value: string;
  title: string;
  key: string;
  children: ColumnTreeNode[];
}

/** The units from the top of the tree down to `unitId` (empty when it is not in the tree). */
function unitPath(tree: readonly UnitTreeNode[], unitId: string): UnitTreeNode[] {
  const path: UnitTreeNode[] = [];
  const find = (nodes: readonly UnitTreeNode[]): boolean =>
    nodes.some((n) => {
      path.push(n);
      if (n.id === unitId || find(n.children)) return true;
      path.pop();
      return false;
    });
  find(tree);
  return path;
}

/**
 * The unit a new draft is published under: the user's own, or for an 内设科室 (subdivision) the nearest unit above
 * it that the user can see — the same rule as the server's publishingUnitOf.
 */
export function publishingUnit(tree: readonly UnitTreeNode[], unitId: string): string {
  const path = unitPath(tree, unitId);
  for (let i = path.length - 1; i >= 0; i--) if (path[i]!.kind !== 'subdivision') return path[i]!.id;
  return unitId;
}

/** Whose Art. 21 list a unit's items take (the server's catalogLevelOf): 镇街 the township list. */
export function unitLevel(tree: readonly UnitTreeNode[], unitId: string | null | undefined): CatalogLevel {
  return unitId && unitPath(tree, unitId).at(-1)?.kind === 'township' ? 'township' : 'county';
}

/** The 公开类别 select: the Art. 20 categories and the unit's Art. 21 list, in two labelled groups. */
export const categoryOptions = (level: CatalogLevel) =>
  categoryGroups(level).map((g) => ({ label: g.label, title: g.label, options: g.options }));

/** The category the chosen column files items under (its own code or its nearest coded ancestor's), or null. */
export function columnCategory(
  rows: readonly ColumnRow[],
  columnId: string | null | undefined,
): string | null {
  return columnId ? categoryOfColumns(columnChain(rows, columnId)) : null;
}

/** Flat rows → antd tree data. */
export function columnTree(rows: readonly ColumnRow[]): ColumnTreeNode[] {
  const make = (parentId: string | null): ColumnTreeNode[] =>
    rows
      .filter((r) => r.parentId === parentId)
      .map((r) => ({ value: r.id, key: r.id, title: r.name, children: make(r.id) }));
  return make(null);
}

/** The server's gate key of a finding (overrides and partial masks refer to it). */
export { findingKey as keyOf } from '../../../domain/review/gate';

/**
 * A body that is plain text (typed into the old text box, or stored so by an import) becomes paragraphs; HTML, such
 * as the rich-text editor's value, is kept (the server sanitises it). Applied when loading the form and on saving.
 */
export function toBodyHtml(text: string): string {
  if (/<[a-z][^>]*>/i.test(text)) return text;
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
    .join('');
}
