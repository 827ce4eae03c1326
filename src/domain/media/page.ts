// What the crawler extracts from one HTML page: the input of the pure site analysis (no HTML here).

export interface PageLink {
  /** Absolute URL after resolving against the page (fragment removed). */
  href: string;
  text: string;
}

/** A row of a list (li / tr) holding a link: an item of a column, a message of 政务咨询. */
export interface ListEntry {
  href: string;
  title: string;
  date?: string;
  /** The rest of the row's text (status words like 待回复). */
  rest: string;
}

export interface PageModel {
  url: string;
  title: string;
  /** meta ColumnName (the 国办 page-tag standard), else the last breadcrumb step, else the list heading. */
  columnName: string;
  breadcrumb: string;
  /** Text lines in document order (one per block element). */
  lines: string[];
  links: PageLink[];
  entries: ListEntry[];
  /** List containers (ul, ol, list tables) with no row. */
  emptyLists: number;
  /** Label → value pairs from th/td rows, dt/dd and "标签：值" lines. */
  fields: { label: string; value: string }[];
  /** 发布日期 / 发布时间 written on the page. */
  publishedDate?: string;
  meta: Record<string, string>;
}

/** The same page whatever the trailing index.html, slash, or fragment: /bmdt/, /bmdt and /bmdt/index.html. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/(index|default)\.s?html?$/i, '/').replace(/\/+$/, '');
    return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}`;
  } catch {
    return url;
  }
}
