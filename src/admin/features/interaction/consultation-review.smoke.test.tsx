import { describe, expect, it } from 'vitest';
import { type ConsultDetail, interactionApi } from '../../../contracts/interaction';
import type { RoleCode } from '../../../contracts/roles';
import { keyOf } from '../../queries';
import { expectShows, renderAs, text } from '../../testing/smoke';
import ConsultationPage from './pages/ConsultationPage';

// Rendered outside a route, the page reads the consultation of id ''.
const waiting: ConsultDetail = {
  id: '',
  consultNo: 'ZX2026-0007',
  channel: 'phone',
  workOrderNo: null,
  question: '小微企业申请技术改造补贴需要哪些材料？',
  askerName: '王**',
  unitId: 'fgw',
  unitName: '区发展改革委',
  status: 'open',
  receivedOn: '2026-03-02',
  answerDue: '2026-03-09',
  answeredOn: null,
  overdue: false,
  reviewing: true,
  onTime: null,
  satisfaction: null,
  sensitiveWords: [],
  queryCode: 'ABCD2345',
  askerContact: null,
  answer: '请携带申请表和营业执照',
  answeredBy: 'fgw_liaison',
  satisfactionNote: null,
  qaEntryId: null,
  history: [{ at: '2026-03-02T01:00:00.000Z', by: 'fgw_liaison', text: '拟写答复，提交审核' }],
  allowedActions: ['approve', 'return'],
  similar: [],
};

const render = (role: RoleCode) =>
  text(
    renderAs(role, <ConsultationPage />, (qc) =>
      qc.setQueryData(keyOf(interactionApi.getConsultation, { params: { id: '' } }), waiting),
    ),
  );

describe('ConsultationPage: an answer waiting for review', () => {
  it('the reviewer sees the draft with 通过 and 退回', () => {
    const html = render('reviewer');
    expectShows(html, ['答复待审核', '答复稿（待审核）', '审核答复']);
    expect(html).toMatch(/通 ?过/);
    expect(html).toMatch(/退 ?回/);
  });
  it('the handler sees it waiting, without the review card and without 答复 or 转办', () => {
    const html = render('liaison');
    expect(html).toContain('答复待审核');
    expect(html).not.toContain('审核答复');
    expect(html).not.toContain('转办理由');
  });
});
