// Server-side rendering of console pages for the smoke tests (no browser is available there): a signed-in user
// of a built-in role, a page inside the app's providers with seeded query data, and the text a user reads.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { expect } from 'vitest';
import type { CurrentUser } from '../../contracts/api';
import { BUILTIN_ROLES, type RoleCode } from '../../contracts/roles';
import { ME_KEY } from '../auth';

/** A user holding exactly the permissions of `role`, in the district government's office unless `extra` says. */
export function me(role: RoleCode, extra: Partial<CurrentUser> = {}): CurrentUser {
  const def = BUILTIN_ROLES.find((r) => r.code === role)!;
  return {
    id: 'u-1',
    username: 'zhangsan',
    name: '张三',
    unitId: 'gov',
    unitName: '某某区人民政府办公室',
    roles: [role],
    permissions: def.permissions,
    dataScope: def.dataScope,
    mustChangePassword: false,
    mustEnrollTotp: false,
    ...extra,
  };
}

/** Query data the page finds already loaded: [query key, data]. */
export type Seed = [readonly unknown[], unknown][];

/** A query client that never fetches: what is seeded is all there is. */
export function seededClient(seed: Seed = []): QueryClient {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  for (const [key, data] of seed) qc.setQueryData(key, data);
  return qc;
}

/** The page as HTML, rendered at `path` with the app's providers (Chinese locale, antd App, query client). */
export function renderPage(node: ReactNode, data: Seed | QueryClient, path = '/'): string {
  const qc = data instanceof QueryClient ? data : seededClient(data);
  return renderToString(
    <ConfigProvider locale={zhCN}>
      <App>
        <QueryClientProvider client={qc}>
          <MemoryRouter initialEntries={[path]}>{node}</MemoryRouter>
        </QueryClientProvider>
      </App>
    </ConfigProvider>,
  );
}

/** The visible text of rendered HTML, white space folded. */
export const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The page's HTML for a 区发展改革委 user of `role`, with `seed` putting the page's query data in place first. */
export function renderAs(role: RoleCode, page: ReactNode, seed: (qc: QueryClient) => void): string {
  const qc = seededClient([[ME_KEY, me(role, { username: 'x', unitId: 'fgw', unitName: '区发展改革委' })]]);
  seed(qc);
  return renderPage(page, qc);
}

/** `html` (or its text) holds each of `parts`: the texts and `data-testid="…"` a user of the page is shown. */
export function expectShows(html: string, parts: string[]) {
  for (const part of parts) expect(html).toContain(part);
}

/** `html` holds none of `parts`: what the page keeps from this user. */
export function expectHides(html: string, parts: string[]) {
  for (const part of parts) expect(html).not.toContain(part);
}
