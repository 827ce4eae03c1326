// What a console page's first screen asks for before it can ask its own (FIRST_DATA), for boot.ts: the console's first
// script starts these GETs before React, antd and the page's code have arrived. Free of imports but the query
// string's and the route matcher's, so that boot.ts stays small.
import { matchesRoute as matches } from '../contracts/route-pattern';
import { buildQuery, LIST_PAGE_SIZE } from './query-string';

export { matches };

/** A GET a first screen needs, and the GET its answer leads to (early.ts). Paths as `pathFor` writes them (no /api). */
export type FirstData = { path: string; next?: (data: unknown) => string | null };

/**
 * The first page of a plan's ledger as the ledger pages ask for it: the first plan of the list (the pages show it
 * until another is chosen), page 1 at the lists' page size. early.test.ts checks it against the contracts' pathFor.
 */
export function firstPlanPage(ledgerPath: string) {
  return (plans: unknown): string | null => {
    const id = Array.isArray(plans) ? (plans[0] as { id?: unknown } | undefined)?.id : undefined;
    return typeof id === 'string'
      ? `${ledgerPath}${buildQuery({ planId: id, page: 1, pageSize: LIST_PAGE_SIZE })}`
      : null;
  };
}

/**
 * What a page's first screen asks for before anything else can be asked: boot.ts starts these GETs beside the page's
 * code, each answering the page's first call for the same path (early.ts). The ledgers need the plan list to know
 * which plan to show, and their first page as soon as that list is there.
 */
export const FIRST_DATA: Record<string, FirstData[]> = {
  '/': [{ path: '/todo' }],
  '/tasks/ledger': [{ path: '/tasks/plans', next: firstPlanPage('/tasks/ledger') }],
  '/tasks/by-task': [{ path: '/tasks/plans', next: firstPlanPage('/tasks/ledger/tasks') }],
  '/tasks/dashboard': [{ path: '/tasks/plans' }],
};

/** The GETs the first screen of the page at this path (inside /admin) needs. */
export function firstData(path: string): FirstData[] {
  const page = Object.keys(FIRST_DATA).find((p) => matches(p, path));
  return page ? (FIRST_DATA[page] ?? []) : [];
}
