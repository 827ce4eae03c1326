// Shared pieces of the disclosure console pages: types of the API answers, labels, the column tree.
import { useQuery } from '@tanstack/react-query';
import type { UnitTreeNode } from '../../../contracts/api';
import type { ColumnRow } from '../../../contracts/disclosure';
import { ART20_CATEGORIES } from '../../../domain/disclosure/catalog';
import type { Timeliness } from '../../../domain/disclosure/rules';
import type { ItemStatus } from '../../../domain/disclosure/workflow';
import type { Finding } from '../../../domain/review/types';
import { get } from '../../api';

export {
  INTERPRETATION_FORM_LABELS,
  ITEM_KIND_LABELS,
  TIMELINESS_LABELS,
  VALIDITY_LABELS,
} from '../../../domain/disclosure/rules';
export { ITEM_STATUS_LABELS, REVIEW_ACTION_LABELS } from '../../../domain/disclosure/workflow';
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

export const ART20_OPTIONS = ART20_CATEGORIES.map((a) => ({ value: a.code, label: `${a.no}${a.name}` }));

export interface ItemRow {
  id: string;
  kind: 'general' | 'normative' | 'interpretation';
  title: string;
  indexNo: string;
  status: ItemStatus;
  level: number;
  unitName: string;
  writtenDate: string | null;
  publishDate: string | null;
  publishAt: string | null;
  validity: 'in_force' | 'expired' | 'repealed' | null;
  expiryDate: string | null;
  blocking: number;
  updatedAt: string;
  timeliness: { status: Timeliness; deadline: string } | null;
}

export interface ItemDetail extends Omit<ItemRow, 'blocking' | 'unitName'> {
  unitId: string;
  unitName: string;
  rootId: string;
  version: number;
  columnId: string | null;
  docNumber: string | null;
  formedDate: string | null;
  topic: string | null;
  art20: string | null;
  summary: string;
  bodyHtml: string;
  createdBy: string;
  approvedBy: string[];
  withdrawReason: string | null;
  effectiveDate: string | null;
  repealedDate: string | null;
  repealedById: string | null;
  replacedById: string | null;
  policyRootId: string | null;
  interpretationForm: 'text' | 'graphic' | 'video' | 'qa' | null;
  needsInterpretation: boolean;
  findings: Finding[];
  overrides: { key: string; reason: string; byName?: string }[];
  attachments: { id: string; name: string; size: number; mime: string }[];
  history: {
    id: string;
    action: string;
    levelName: string | null;
    userName: string | null;
    comment: string | null;
    at: string;
  }[];
  versions: { id: string; version: number; status: ItemStatus }[];
  levels: string[];
  levelName: string | null;
  gate: { allowed: boolean; unresolved: Finding[] };
  interpretations: { id: string; title: string; status: ItemStatus; form: string | null }[];
  policy: { id: string; title: string; status: ItemStatus } | null;
  missingInterpretation: boolean;
  validityNow: 'in_force' | 'expired' | 'repealed' | null;
}

export const COLUMNS_KEY = ['/disclosure/columns'] as const;

/** Query key of one unit's catalog ('root': the district government's); COLUMNS_KEY covers them all. */
export const columnsKey = (unitId?: string | null) => [...COLUMNS_KEY, unitId ?? 'root'] as const;

/** One unit's catalog (each unit has its own; default the district government's). */
export function useColumns(unitId?: string | null) {
  return useQuery({
    queryKey: columnsKey(unitId),
    queryFn: ({ signal }) =>
      get<ColumnRow[]>(`/disclosure/columns${unitId ? `?unitId=${unitId}` : ''}`, signal),
  });
}

export interface ColumnTreeNode {
  value: string;
  title: string;
  key: string;
  children: ColumnTreeNode[];
}

/**
 * The unit a new draft is published under: the user's own, or for an 内设科室 (subdivision) the nearest unit above
 * it that the user can see — the same rule as the server's publishingUnitOf.
 */
export function publishingUnit(tree: readonly UnitTreeNode[], unitId: string): string {
  const path: UnitTreeNode[] = [];
  const find = (nodes: readonly UnitTreeNode[]): boolean =>
    nodes.some((n) => {
      path.push(n);
      if (n.id === unitId || find(n.children)) return true;
      path.pop();
      return false;
    });
  find(tree);
  for (let i = path.length - 1; i >= 0; i--) if (path[i]!.kind !== 'subdivision') return path[i]!.id;
  return unitId;
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
