// Server-side render of 规范性文件清理 with seeded query data: who may start, mark and publish.
import { describe, expect, it } from 'vitest';
import { type CampaignDetail, normativeApi } from '../../../contracts/normative';
import type { RoleCode } from '../../../contracts/roles';
import { keyOf } from '../../queries';
import { expectShows, renderAs } from '../../testing/smoke';
import NormativeReviewPage from './pages/NormativeReviewPage';

const ID = '11111111-1111-4111-8111-111111111111';
const detail: CampaignDetail = {
  campaign: {
    id: ID,
    year: 2026,
    title: '2026年行政规范性文件清理',
    status: 'open',
    dueDate: '2026-04-30',
    publishedOn: null,
    total: 2,
    marked: 1,
  },
  units: [{ unitId: 'fgw', unitName: '区发展改革委', total: 2, marked: 1 }],
  marks: [
    {
      id: 'm1',
      itemId: ID,
      title: '粮食收购补贴实施细则',
      docNumber: '潼发改规〔2023〕2号',
      unitId: 'fgw',
      unitName: '区发展改革委',
      writtenDate: '2023-05-01',
      decision: 'repeal',
      reason: '上位政策已调整',
      markedAt: '2026-03-02T01:00:00.000Z',
    },
    {
      id: 'm2',
      itemId: ID,
      title: '产业扶持资金管理办法',
      docNumber: null,
      unitId: 'fgw',
      unitName: '区发展改革委',
      writtenDate: '2024-03-01',
      decision: null,
      reason: null,
      markedAt: null,
    },
  ],
};

function render(role: RoleCode): string {
  return renderAs(role, <NormativeReviewPage />, (qc) => {
    qc.setQueryData(keyOf(normativeApi.campaigns), [detail.campaign]);
    qc.setQueryData(keyOf(normativeApi.campaign, { params: { id: ID } }), detail);
  });
}

describe('NormativeReviewPage', () => {
  it('the office may start a campaign and (once all are marked) publish it', () => {
    const html = render('office');
    expect(html).toContain('data-testid="campaign-start"');
    expect(html).toContain('data-testid="campaign-publish"');
    expect(html.replaceAll('<!-- -->', '')).toContain('已标记 1 / 2 件');
  });
  it('a liaison marks its documents, and neither starts nor publishes', () => {
    const html = render('liaison');
    expect(html).not.toContain('data-testid="campaign-start"');
    expect(html).not.toContain('data-testid="campaign-publish"');
    expectShows(html, ['data-testid="mark-edit"', '上位政策已调整', '未标记']);
  });
  it('a reviewer reads the campaign only', () => {
    const html = render('reviewer');
    expect(html).toContain('粮食收购补贴实施细则');
    expect(html).not.toContain('data-testid="mark-edit"');
  });
});
