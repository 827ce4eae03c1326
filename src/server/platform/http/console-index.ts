// The console's index.html as sent for one address: the page's own code named as modulepreload links (from
// page-preloads.json, written by the console build: vite.admin.config.ts, pagePreloads), so that a page opened from
// its address loads its code beside the main bundle instead of after the main bundle has run (issue 15 part 5).
import fs from 'node:fs';
import { matchesRoute } from '../../../contracts/route-pattern';

/** Route pattern → the page's files (under /admin/), as the build writes them. */
export type PagePreloads = Record<string, string[]>;

/** The links for the page at this path inside /admin ("/tasks/ledger"), before </head>; the html as is otherwise. */
export function withPagePreloads(html: string, preloads: PagePreloads, path: string): string {
  const route = Object.keys(preloads).find((p) => matchesRoute(p, path));
  const files = route ? (preloads[route] ?? []) : [];
  // File names from our own build (hashed, [\w.-]); anything else is not linked.
  const links = files
    .filter((f) => /^assets\/[\w.-]+\.js$/.test(f))
    .map((f) => `<link rel="modulepreload" crossorigin href="/admin/${f}">`)
    .join('');
  return links ? html.replace('</head>', `${links}</head>`) : html;
}

let cached: { file: string; mtimeMs: number; preloads: PagePreloads } | null = null;

/** page-preloads.json of the current build (read again when a build replaces it); none before the first build. */
export function readPagePreloads(file: string): PagePreloads {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return {};
  }
  if (cached?.file !== file || cached.mtimeMs !== mtimeMs) {
    cached = { file, mtimeMs, preloads: JSON.parse(fs.readFileSync(file, 'utf8')) as PagePreloads };
  }
  return cached.preloads;
}
