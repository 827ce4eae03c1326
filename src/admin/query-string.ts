// Query strings of the API client, without its other imports (boot.ts builds a first page's address with them).

/** Rows per page of a list (SearchTable) until the user picks another size. */
export const LIST_PAGE_SIZE = 20;

/** Query string from a filter object; empty values (undefined, null, '') are left out. */
export function buildQuery(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
