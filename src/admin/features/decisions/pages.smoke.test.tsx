// Server-side render of the 决策预公开 page with seeded query data: what each role may do with a draft.
import { describe, expect, it } from 'vitest';
import { type DecisionRow, decisionsApi } from '../../../contracts/decisions';
import type { RoleCode } from '../../../contracts/roles';
import { searchKey } from '../../components/SearchTable';
import { expectShows, renderAs } from '../../testing/smoke';
import DecisionsPage from './pages/DecisionsPage';

const row = (over: Partial<DecisionRow>): DecisionRow => ({
  id: '11111111-1111-4111-8111-111111111111',
  unitId: 'fgw',
  unitName: '区发展改革委',
  title: '关于调整城区公交票价的决定（征求意见稿）',
  background: '背景',
  basis: '依据',
  explanation: '说明',
  draftText: '全文',
  channels: null,
  commentDays: 30,
  status: 'draft',
  openedOn: null,
  periodEnd: null,
  periodEndMoved: false,
  adoptionDue: null,
  adoptionAlert: 'none',
  adoptionSummary: null,
  adoptionEntries: null,
  adoptionCounts: null,
  adoptionPublishedOn: null,
  finalItemId: null,
  decidedOn: null,
  comments: { total: 0, pending: 0, shown: 0 },
  createdAt: '2026-03-02T01:00:00.000Z',
  ...over,
});

function render(role: RoleCode, rows: DecisionRow[]): string {
  return renderAs(role, <DecisionsPage />, (qc) => {
    qc.setQueryData(searchKey(decisionsApi.list, { page: 1, pageSize: 20 }), {
      items: rows,
      total: rows.length,
    });
  });
}

describe('DecisionsPage', () => {
  it('a liaison drafts and opens a draft for comment', () => {
    const html = render('liaison', [row({})]);
    expectShows(html, [
      'data-testid="decision-create"',
      'data-testid="decision-open"',
      '关于调整城区公交票价的决定（征求意见稿）',
    ]);
  });

  it('a reviewer reads only; an overdue adoption report and held comments are flagged', () => {
    const html = render('reviewer', [
      row({
        status: 'closed',
        openedOn: '2026-03-02',
        periodEnd: '2026-04-07',
        adoptionDue: '2026-05-07',
        adoptionAlert: 'overdue',
        comments: { total: 3, pending: 1, shown: 2 },
      }),
    ]);
    expect(html).not.toContain('data-testid="decision-create"');
    expect(html).not.toContain('data-testid="decision-open"');
    expect(html).toContain('2026-05-07 已逾期');
    expect(html).toContain('3 条（待审 1）');
  });
});
