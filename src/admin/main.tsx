import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, type RouteObject, RouterProvider } from 'react-router';
import { setApiHooks } from './api';
import { LoginPage } from './features/auth/pages/LoginPage';
import { PasswordPage } from './features/auth/pages/PasswordPage';
import { AdminLayout } from './layout/AdminLayout';
import { NotFound, RequirePage } from './layout/RequirePage';
import { createQueryClient, setErrorNotifier } from './queryClient';
import { ADMIN_MODULES } from './routes';

dayjs.locale('zh-cn');

const BASENAME = '/admin';
const queryClient = createQueryClient();

const pageRoutes: RouteObject[] = ADMIN_MODULES.flatMap((m) =>
  m.pages.map((p): RouteObject => {
    const Page = p.component;
    const element = (
      <RequirePage key={p.path} page={p}>
        <Page />
      </RequirePage>
    );
    return p.path === '/' ? { index: true, element } : { path: p.path.slice(1), element };
  }),
);

const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    { path: '/password', element: <PasswordPage /> },
    { path: '/', element: <AdminLayout />, children: [...pageRoutes, { path: '*', element: <NotFound /> }] },
  ],
  { basename: BASENAME },
);

// The API wrapper navigates inside the SPA (no full reload) on 401 / forced password change.
setApiHooks({
  navigate: (path) => {
    const inApp = path.startsWith(BASENAME) ? path.slice(BASENAME.length) || '/' : path;
    void router.navigate(inApp, { replace: true });
  },
});

/** Connects the central error display to antd's context-aware message API. */
function ErrorNotifier() {
  const { message } = AntApp.useApp();
  useEffect(() => setErrorNotifier((text) => void message.error(text)), [message]);
  return null;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <ErrorNotifier />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
