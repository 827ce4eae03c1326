// Pure part of the module registry: which pages and menu groups a user may see. routes.tsx holds the actual
// pages; later modules add their entries there.
import type { PermissionCode } from '../contracts/permissions';

export interface PageEntry {
  /** Path below /admin, starting with '/'. */
  path: string;
  label: string;
  /** The user needs at least one of these; none = every logged-in user. */
  anyOf?: PermissionCode[];
  hideInMenu?: boolean;
}

export interface ModuleEntry<P extends PageEntry = PageEntry> {
  key: string;
  label: string;
  pages: P[];
}

export function canSee(
  page: PageEntry,
  granted: ReadonlySet<PermissionCode> | readonly PermissionCode[],
): boolean {
  if (!page.anyOf || page.anyOf.length === 0) return true;
  const set = granted instanceof Set ? granted : new Set(granted);
  return page.anyOf.some((p) => set.has(p));
}

/** Modules with only the pages the user may open; modules left empty disappear. */
export function visibleModules<P extends PageEntry, M extends ModuleEntry<P>>(
  modules: readonly M[],
  granted: readonly PermissionCode[],
): M[] {
  const set = new Set(granted);
  const out: M[] = [];
  for (const m of modules) {
    const pages = m.pages.filter((p) => !p.hideInMenu && canSee(p, set));
    if (pages.length > 0) out.push({ ...m, pages });
  }
  return out;
}

/** The menu key that should be highlighted for a location: the longest registered path that prefixes it. */
export function selectedPath(modules: readonly ModuleEntry[], pathname: string): string | null {
  let best: string | null = null;
  for (const m of modules) {
    for (const p of m.pages) {
      const match =
        p.path === '/' ? pathname === '/' : pathname === p.path || pathname.startsWith(`${p.path}/`);
      if (match && (best === null || p.path.length > best.length)) best = p.path;
    }
  }
  return best;
}

/** First page the user may open (landing after login when '/' is not allowed). */
export function firstAllowedPath(
  modules: readonly ModuleEntry[],
  granted: readonly PermissionCode[],
): string | null {
  const vis = visibleModules(modules, granted);
  return vis[0]?.pages[0]?.path ?? null;
}
