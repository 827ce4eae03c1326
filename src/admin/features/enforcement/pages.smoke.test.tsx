import { describe, expect, it } from 'vitest';
import { type EnforcementRow, enforcementApi } from '../../../contracts/enforcement';
import type { RoleCode } from '../../../contracts/roles';
import { ME_KEY } from '../../auth';
import { searchKey } from '../../components/SearchTable';
import { keyOf } from '../../queries';
import { expectHides, expectShows, me, renderPage } from '../../testing/smoke';
import EnforcementPage from './pages/EnforcementPage';

const row = (over: Partial<EnforcementRow>): EnforcementRow => ({
  id: '11111111-1111-4111-8111-111111111111',
  unitId: 'fgw',
  unitName: '区发展改革委',
  kind: 'penalty',
  docNumber: '潼发改罚〔2026〕1号',
  partyType: 'person',
  partyName: '张三丰',
  partyCode: '50*************232',
  decisionDate: '2026-02-02',
  dueDate: '2026-02-11',
  dueProvisional: false,
  conclusion: '罚款2000元',
  basis: null,
  status: 'draft',
  publishedOn: null,
  state: 'overdue',
  withdrawReason: null,
  createdAt: '2026-02-02T01:00:00.000Z',
  ...over,
});

function render(role: RoleCode, rows: EnforcementRow[]): string {
  return renderPage(<EnforcementPage />, [
    [ME_KEY, me(role, { username: 'x', unitId: 'fgw', unitName: '区发展改革委' })],
    [searchKey(enforcementApi.list, { page: 1, pageSize: 20 }), { items: rows, total: rows.length }],
    [
      keyOf(enforcementApi.summary, { query: { year: new Date().getFullYear() } }),
      { byKind: [{ kind: 'penalty', total: 1, published: 0, overdue: 1, late: 0 }], overdue: 1 },
    ],
  ]);
}

describe('EnforcementPage', () => {
  it('a liaison records, imports and publishes; an overdue draft is shown as such', () => {
    const html = render('liaison', [row({})]);
    expectShows(html, [
      'data-testid="enforcement-create"',
      'data-testid="enforcement-import"',
      'data-testid="enforcement-publish"',
    ]);
    expect(html).not.toContain('data-testid="enforcement-withdraw"'); // a draft is published, not withdrawn
    expect(html).toContain('逾期未公示');
    expect(html).toContain('有 1 件执法决定已超过公示时限仍未公示');
  });

  it('a reviewer reads only: no record, import or publish', () => {
    const html = render('reviewer', [row({ status: 'published', publishedOn: '2026-02-12', state: 'late' })]);
    expect(html).toContain('潼发改罚〔2026〕1号');
    expectHides(html, [
      'data-testid="enforcement-create"',
      'data-testid="enforcement-publish"',
      'data-testid="enforcement-withdraw"',
    ]);
    expect(html).toContain('逾期公示');
  });
});
