// Server-side render of the 年度报告 overview with seeded query data: the 年报设置 card (区人民政府's counting
// scope, 镇街 deadline) for those who publish reports, not for a liaison.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportsApi } from '../../../contracts/reports';
import type { RoleCode } from '../../../contracts/roles';
import { keyOf } from '../../queries';
import { renderAs, text } from '../../testing/smoke';
import ReportsPage from './pages/ReportsPage';

// The page opens on last year (China date): the clock stands on 2026-03-02.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:00:00+08:00'));
});
afterAll(() => vi.useRealTimers());

function render(role: RoleCode): string {
  return renderAs(role, <ReportsPage />, (qc) => {
    qc.setQueryData(keyOf(reportsApi.overview, { query: { year: 2025 } }), [
      {
        unitId: 'town',
        unitName: '双江镇',
        reportId: null,
        errors: 0,
        warnings: 0,
        publishedAt: null,
        publicationDue: '2026-02-20',
        overdue: true,
      },
    ]);
    qc.setQueryData(keyOf(reportsApi.getSettings), { governmentScope: 'own', townshipDeadline: '02-20' });
  });
}

describe('ReportsPage', () => {
  it('shows the office the 年报设置 with the saved values', () => {
    const html = render('office');
    expect(text(html)).toMatch(/逾期未发布（期限 ?2026-02-20 ?）/);
    expect(html).toContain('data-testid="report-settings"');
    expect(text(html)).toContain('区人民政府年报表三、表四的统计口径');
    expect(html).toContain('value="02-20"');
  });

  it('hides the settings from a liaison', () => {
    const html = render('liaison');
    expect(text(html)).toContain('双江镇');
    expect(html).not.toContain('data-testid="report-settings"');
  });
});
