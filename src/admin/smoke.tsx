// Server-side rendering of a console page for the pages' smoke tests: the signed-in user of a built-in role and
// the query data the page would have fetched.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { CurrentUser } from '../contracts/api';
import { BUILTIN_ROLES, type RoleCode } from '../contracts/roles';
import { ME_KEY } from './auth';

/** A user of 区发展改革委 holding one built-in role. */
export function meAs(role: RoleCode): CurrentUser {
  const def = BUILTIN_ROLES.find((r) => r.code === role)!;
  return {
    id: 'u-1',
    username: 'x',
    name: '张三',
    unitId: 'fgw',
    unitName: '区发展改革委',
    roles: [role],
    permissions: def.permissions,
    dataScope: def.dataScope,
    mustChangePassword: false,
    mustEnrollTotp: false,
  };
}

/** The page's HTML for `role`, with `seed` putting the page's query data in place first. */
export function renderAs(role: RoleCode, page: ReactNode, seed: (qc: QueryClient) => void): string {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  qc.setQueryData(ME_KEY, meAs(role));
  seed(qc);
  return renderToString(
    <ConfigProvider locale={zhCN}>
      <App>
        <QueryClientProvider client={qc}>
          <MemoryRouter>{page}</MemoryRouter>
        </QueryClientProvider>
      </App>
    </ConfigProvider>,
  );
}
