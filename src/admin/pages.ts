// The console's pages by path, their code loaded lazily (the components are in routes.tsx).
import type { ComponentType } from 'react';
import { matches } from './first-data';

type Loader = () => Promise<{ default: ComponentType }>;

export const LOADERS: Record<string, Loader> = {
  '/': () => import('./features/home/pages/HomePage'),
  '/org/units': () => import('./features/org/pages/UnitsPage'),
  '/org/users': () => import('./features/org/pages/UsersPage'),
  '/org/roles': () => import('./features/org/pages/RolesPage'),
  '/org/leading-group': () => import('./features/org/pages/LeadingGroupPage'),
  '/tasks/ledger': () => import('./features/tasks/pages/LedgerPage'),
  '/tasks/by-task': () => import('./features/tasks/pages/TaskLedgerPage'),
  '/tasks/import': () => import('./features/tasks/pages/ImportPage'),
  '/tasks/dashboard': () => import('./features/tasks/pages/DashboardPage'),
  '/tasks/extensions': () => import('./features/tasks/pages/ExtensionsPage'),
  '/requests/cases': () => import('./features/requests/pages/RequestsPage'),
  '/requests/cases/:id': () => import('./features/requests/pages/CaseDetailPage'),
  '/requests/stats': () => import('./features/requests/pages/StatsPage'),
  '/interaction/consultations': () => import('./features/interaction/pages/ConsultationsPage'),
  '/interaction/consultations/:id': () => import('./features/interaction/pages/ConsultationPage'),
  '/interaction/letters': () => import('./features/interaction/pages/LettersPage'),
  '/interaction/qa': () => import('./features/interaction/pages/QaBasePage'),
  '/interaction/stats': () => import('./features/interaction/pages/ConsultStatsPage'),
  '/interaction/calls': () => import('./features/interaction/pages/CallsPage'),
  '/interaction/opinions': () => import('./features/interaction/pages/OpinionsPage'),
  '/interaction/commitments': () => import('./features/interaction/pages/CommitmentsPage'),
  '/reports': () => import('./features/reports/pages/ReportsPage'),
  '/reports/:unitId/:year': () => import('./features/reports/pages/ReportEditorPage'),
  '/disclosure/items': () => import('./features/disclosure/pages/ItemsPage'),
  '/disclosure/items/:id': () => import('./features/disclosure/pages/ItemEditPage'),
  '/disclosure/inbox': () => import('./features/disclosure/pages/InboxPage'),
  '/disclosure/catalog': () => import('./features/disclosure/pages/CatalogPage'),
  '/disclosure/directory/import': () => import('./features/directory/pages/DirectoryImportPage'),
  '/disclosure/directory/coverage': () => import('./features/directory/pages/CoveragePage'),
  '/disclosure/normative': () => import('./features/disclosure/pages/NormativePage'),
  '/disclosure/enforcement': () => import('./features/enforcement/pages/EnforcementPage'),
  '/disclosure/decisions': () => import('./features/decisions/pages/DecisionsPage'),
  '/disclosure/normative-review': () => import('./features/normative/pages/NormativeReviewPage'),
  '/disclosure/interpretations': () => import('./features/disclosure/pages/InterpretationsPage'),
  '/disclosure/briefings': () => import('./features/disclosure/pages/BriefingsPage'),
  '/disclosure/calendar': () => import('./features/disclosure/pages/PublishCalendarPage'),
  '/disclosure/stats': () => import('./features/disclosure/pages/StatsPage'),
  '/disclosure/settings': () => import('./features/disclosure/pages/SettingsPage'),
  '/media/websites': () => import('./features/media/pages/WebsitesPage'),
  '/media/accounts': () => import('./features/media/pages/AccountsPage'),
  '/media/filings': () => import('./features/media/pages/FilingsPage'),
  '/media/dashboard': () => import('./features/media/pages/MediaDashboardPage'),
  '/media/bulletins': () => import('./features/media/pages/BulletinsPage'),
  '/media/annual-reports': () => import('./features/media/pages/AnnualReportsPage'),
  '/assessment/tree': () => import('./features/assessment/pages/TreePage'),
  '/assessment/scoring': () => import('./features/assessment/pages/ScoringPage'),
  '/assessment/ranking': () => import('./features/assessment/pages/RankingPage'),
  '/audit/logs': () => import('./features/audit/pages/AuditLogsPage'),
  '/audit/logins': () => import('./features/audit/pages/LoginLogsPage'),
  '/audit/pia': () => import('./features/disclosure/pages/PiaRecordsPage'),
  '/system/calendar': () => import('./features/system/pages/CalendarPage'),
  '/system/security': () => import('./features/system/pages/SecurityPage'),
};

/** A page's module once loaded (by main.tsx's preload or the first render), so that it renders without suspending. */
export const loaded = new Map<string, ComponentType>();
export const load = (path: string) =>
  LOADERS[path]!().then((m) => {
    loaded.set(path, m.default);
    return m;
  });

/** Starts loading the code of the page at this path (inside /admin): on a menu item's hover, and at the start. */
export function preloadPage(path: string): void {
  const page = Object.keys(LOADERS).find((p) => matches(p, path));
  if (page) load(page).catch(() => undefined);
}
