// Server-side render of the 来电登记, 舆情 and 公开承诺 pages with seeded list data: pages that crash on realistic
// rows are caught, masked callers and overdue flags show, and a read-only role gets no write buttons.
import { describe, expect, it } from 'vitest';
import type { CallInfo, CommitmentInfo, OpinionInfo } from '../../../contracts/hotline';
import type { RoleCode } from '../../../contracts/roles';
import { searchKey } from '../../components/SearchTable';
import { keyOf } from '../../queries';
import { expectShows, renderAs, text } from '../../testing/smoke';
import { hotlineApi } from './hotline-queries';
import CallsPage from './pages/CallsPage';
import CommitmentsPage from './pages/CommitmentsPage';
import OpinionsPage from './pages/OpinionsPage';

const FIRST = { page: 1, pageSize: 20 };

const call: CallInfo = {
  id: 'c1',
  callNo: 'LD2026-0001',
  channel: 'hotline_12345',
  workOrderNo: 'GD001',
  calledAt: '2026-03-02T01:30:00.000Z',
  callerName: '王**',
  callerPhone: '138****8000',
  question: '技术改造补贴什么时候申报？',
  answer: null,
  unitId: 'fgw',
  unitName: '区发展改革委',
  status: 'open',
  source: 'import',
  consultationId: null,
  consultNo: null,
  canHandOver: true,
};
const opinion: OpinionInfo = {
  id: 'o1',
  eventNo: 'YQ2026-0001',
  source: '本地论坛',
  summary: '网传学位不足',
  level: 'grave',
  unitId: 'fgw',
  unitName: '区发展改革委',
  foundAt: '2026-03-01T00:00:00.000Z',
  responseDue: '2026-03-02T00:00:00.000Z',
  status: 'open',
  overdue: true,
  response: null,
  responseChannel: null,
  respondedAt: null,
  onTime: null,
  evaluation: null,
  allowedActions: ['respond'],
};
const commitment: CommitmentInfo = {
  id: 'k1',
  commitNo: 'CN2026-0001',
  content: '3 月底前完成加装电梯审批',
  place: '新闻发布会',
  unitId: 'fgw',
  unitName: '区发展改革委',
  promisedOn: '2026-02-20',
  dueOn: '2026-02-28',
  status: 'ongoing',
  completedOn: null,
  overdue: true,
  lastProgress: '2026-02-25',
  progress: [{ id: 'p1', on: '2026-02-25', text: '已审批 8 个', by: '区发展改革委', evidence: [] }],
};

const page = (role: RoleCode, node: React.ReactNode) =>
  text(
    renderAs(role, node, (qc) => {
      qc.setQueryData(searchKey(hotlineApi.listCalls, FIRST), { items: [call], total: 1 });
      qc.setQueryData(searchKey(hotlineApi.listOpinions, FIRST), { items: [opinion], total: 1 });
      qc.setQueryData(searchKey(hotlineApi.listCommitments, FIRST), { items: [commitment], total: 1 });
      qc.setQueryData(keyOf(hotlineApi.getCommitment, { params: { id: 'k1' } }), commitment);
    }),
  );

describe('hotline console pages', () => {
  it('来电登记: masked caller in China time; the liaison may log, import and hand over', () => {
    const html = page('liaison', <CallsPage />);
    expectShows(html, ['王**', '138****8000', '2026-03-02 09:30', '12345 GD001']);
    expect(html).toMatch(/登记来电.*导入 12345 工单|导入 12345 工单.*登记来电/);
    expect(html).toContain('转为政策咨询');
  });

  it('a reviewer reads the ledgers without write buttons', () => {
    expect(page('reviewer', <CallsPage />)).not.toMatch(/登记来电|导入 12345 工单|转为政策咨询/);
    expect(page('reviewer', <OpinionsPage />)).not.toMatch(/登记舆情|发布回应/);
    expect(page('reviewer', <CommitmentsPage />)).not.toContain('登记承诺');
  });

  it('舆情: level, deadline passed in red, the response action', () => {
    const html = page('liaison', <OpinionsPage />);
    expectShows(html, ['重大', '2026-03-02 08:00 （已超时）', '发布回应']);
  });

  it('公开承诺: overdue due date and the last progress', () => {
    const html = page('liaison', <CommitmentsPage />);
    expectShows(html, ['2026-02-28 （已逾期）', '2026-02-25', '登记承诺']);
  });
});
