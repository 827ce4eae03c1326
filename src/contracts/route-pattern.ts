// A console route pattern ("/requests/cases/:id") against a path inside /admin: the console's page table and first
// data (admin/pages.ts, admin/first-data.ts) and the server's page preloads (platform/http/console-index.ts) match
// paths the same way. No imports: the console's boot script loads this before anything else.

export function matchesRoute(pattern: string, path: string): boolean {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  return a.length === b.length && a.every((s, i) => s.startsWith(':') || s === b[i]);
}
