// First: before any schema of the contracts is built (see zod-jitless.ts).
import './zod-jitless';
// Second: before anything inserts a style (the CSP's style nonce, see csp-nonce.ts).
import './csp-nonce';
// Third: the current page's code, beside the rest.
import './start-page';
import type { ThemeConfig } from 'antd';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES build of the locale: 'antd/locale/zh_CN' is CommonJS and brings CommonJS copies of the pickers' locales.
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, type RouteObject, RouterProvider } from 'react-router';
// Zero-runtime antd: its component styles come from one static stylesheet (cached, parsed once) instead of being
// generated and injected by every component on its first render (about a fifth of a screen's main-thread time).
import 'antd/dist/antd.css';
import './a11y.css';
import { setApiHooks } from './api';
import { STYLE_NONCE } from './csp-nonce';
import { LoginPage } from './features/auth/pages/LoginPage';
import { PasswordPage } from './features/auth/pages/PasswordPage';
import { TwoStepPage } from './features/auth/pages/TwoStepPage';
import { AdminLayout } from './layout/AdminLayout';
import { NotFound, RequirePage } from './layout/RequirePage';
import { ADMIN_MODULES } from './modules';
import { createQueryClient, setErrorNotifier } from './queryClient';
import { PAGE_COMPONENTS } from './routes';

// WCAG 2.1 AA contrast (4.5:1) for the console (e2e/console-a11y): antd's default primary #1677ff under white text
// is 4.1:1, and its tertiary, description and placeholder greys (black at 45% and 25%) are 3.4:1 and 1.9:1 on white.
// Blue-7 and black at 55% or more pass (black at 53.5% is the 4.5:1 line).

// Tags of the preset colours: antd writes their text in colour-7 of the palette on colour-1, below 4.5:1 for gold,
// orange, lime, cyan and others; these darker shades (colour-8 to -10) pass for all.
/** The Tag's own palette (components.Tag): its colour-7 tokens, which antd uses as the text colour of a tag. */
const TAG_TEXT = {
  gold7: '#874d00',
  orange7: '#873800',
  yellow7: '#614700',
  lime7: '#3f6600',
  green7: '#135200',
  cyan7: '#00474f',
  blue7: '#003eb3',
  geekblue7: '#10239e',
  purple7: '#391085',
  magenta7: '#9e1068',
  red7: '#a8071a',
  volcano7: '#871400',
};
const THEME: ThemeConfig = {
  zeroRuntime: true,
  components: { Tag: TAG_TEXT },
  token: {
    colorPrimary: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.55)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorLink: '#0958d9',
    // Red-7: danger buttons and links (antd's #ff4d4f on white is 3.3:1).
    colorError: '#cf1322',
  },
};

dayjs.locale('zh-cn');

const BASENAME = '/admin';
const queryClient = createQueryClient();

const pageRoutes: RouteObject[] = ADMIN_MODULES.flatMap((m) =>
  m.pages.map((p): RouteObject => {
    const Page = PAGE_COMPONENTS[p.path];
    if (!Page) throw new Error(`页面 ${p.path} 没有组件（admin/routes.tsx）`);
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
    { path: '/two-step', element: <TwoStepPage /> },
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
      <ConfigProvider locale={zhCN} theme={THEME} csp={STYLE_NONCE ? { nonce: STYLE_NONCE } : undefined}>
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
