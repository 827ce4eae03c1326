// The console's pages by path, loaded lazily, and what each page's first screen asks for. Free of React and of
// the API client, so that boot.ts (the console's first, tiny script) can start a page's code and data before the
// rest of the console has arrived.
import type { ComponentType } from 'react';
import { buildQuery, LIST_PAGE_SIZE } from './query-string';

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

/** A page's module once loaded (by boot.ts's preload or the first render), so that it renders without suspending. */
export const loaded = new Map<string, ComponentType>();
export const load = (path: string) =>
  LOADERS[path]!().then((m) => {
    loaded.set(path, m.default);
    return m;
  });

/** A route pattern ("/requests/cases/:id") against a path inside /admin. */
export function matches(pattern: string, path: string): boolean {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  return a.length === b.length && a.every((s, i) => s.startsWith(':') || s === b[i]);
}

/** A GET a first screen needs, and the GET its answer leads to (early.ts). Paths as `pathFor` writes them (no /api). */
export type FirstData = { path: string; next?: (data: unknown) => string | null };

/**
 * The first page of a plan's ledger as the ledger pages ask for it: the first plan of the list (the pages show it
 * until another is chosen), page 1 at the lists' page size. early.test.ts checks it against the contracts' pathFor.
 */
export function firstPlanPage(ledgerPath: string) {
  return (plans: unknown): string | null => {
    const id = Array.isArray(plans) ? (plans[0] as { id?: unknown } | undefined)?.id : undefined;
    return typeof id === 'string'
      ? `${ledgerPath}${buildQuery({ planId: id, page: 1, pageSize: LIST_PAGE_SIZE })}`
      : null;
  };
}

/**
 * What a page's first screen asks for before anything else can be asked: boot.ts starts these GETs beside the page's
 * code, each answering the page's first call for the same path (early.ts). The ledgers need the plan list to know
 * which plan to show, and their first page as soon as that list is there.
 */
const FIRST_DATA: Record<string, FirstData[]> = {
  '/': [{ path: '/todo' }],
  '/tasks/ledger': [{ path: '/tasks/plans', next: firstPlanPage('/tasks/ledger') }],
  '/tasks/by-task': [{ path: '/tasks/plans', next: firstPlanPage('/tasks/ledger/tasks') }],
  '/tasks/dashboard': [{ path: '/tasks/plans' }],
};

/** Starts loading the code of the page at this path (inside /admin), and returns the GETs its first screen needs. */
export function preloadPage(path: string): FirstData[] {
  const page = Object.keys(LOADERS).find((p) => matches(p, path));
  if (!page) return [];
  load(page).catch(() => undefined);
  return FIRST_DATA[page] ?? [];
}
