// Each console page as a React component (src/admin/modules.tsx lists the pages; pages.ts loads their code).
import { type ComponentType, createElement, lazy } from 'react';
import { LOADERS, load, loaded } from './pages';

/**
 * Each page as a component: the loaded module itself when boot.ts's preload has finished (no Suspense fallback and
 * no second render), else React's lazy() wrapper around the same import.
 */
export const PAGE_COMPONENTS: Record<string, ComponentType> = Object.fromEntries(
  Object.keys(LOADERS).map((path) => {
    const Lazy = lazy(() => load(path));
    const Page = () => createElement(loaded.get(path) ?? Lazy);
    return [path, Page];
  }),
);
