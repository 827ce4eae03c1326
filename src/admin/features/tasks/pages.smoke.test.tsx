import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Paged } from '../../../contracts/api';
import { orgApi } from '../../../contracts/org';
import type { RoleCode } from '../../../contracts/roles';
import {
  type Dashboard,
  type LedgerRow,
  type TaskLedgerPage as TaskPage,
  tasksApi,
  type WorkPlanSummary,
} from '../../../contracts/tasks';
import { ME_KEY } from '../../auth';
import { searchKey } from '../../components/SearchTable';
import { keyOf } from '../../queries';
import { expectShows, me as meOf, renderPage, type Seed, text } from '../../testing/smoke';
import { ImportUnitsTable } from './components/ImportUnitsTable';
import DashboardPage from './pages/DashboardPage';
import ImportPage from './pages/ImportPage';
import LedgerPage from './pages/LedgerPage';
import TaskLedgerPage from './pages/TaskLedgerPage';

// The liaison and the office of the 区发展改革委.
const me = (role: RoleCode) =>
  meOf(role, { id: 'u-1', username: 'zs', unitId: 'fgw', unitName: '区发展改革委' });
const render = (node: ReactNode, seed: Seed) => renderPage(node, seed);

const plan: WorkPlanSummary = {
  id: 'p1',
  title: '渝中区2021年政务公开工作要点任务分工',
  docNumber: null,
  date: '2021-06-04',
  year: 2021,
  cadence: 'quarter',
  taskCount: 46,
  assignmentCount: 587,
  createdAt: '2026-03-02T01:00:00.000Z',
};
const row: LedgerRow = {
  id: 'a1',
  planId: 'p1',
  taskId: 't1',
  ref: 'T001',
  section: ['一、紧扣“十四五”'],
  text: '公开《纲要》',
  unitId: 'fgw',
  unitName: '区发展改革委',
  isLead: true,
  period: null,
  dueDate: '2021-06-30',
  deadlineRaw: '6月底前',
  state: 'not_started',
  status: 'overdue',
  leadReview: null,
  returnReason: null,
  lastReportAt: null,
  closedAt: null,
};

describe('tasks pages', () => {
  it('ledger shows the rows with their derived status and the lead mark', () => {
    const t = text(
      render(<LedgerPage />, [
        [ME_KEY, me('liaison')],
        [['tasks', 'plans'], [plan]],
        [
          searchKey(tasksApi.ledger, { planId: 'p1', page: 1, pageSize: 20 }),
          { items: [row], total: 1 } satisfies Paged<LedgerRow>,
        ],
      ]),
    );
    expect(t).toContain('区发展改革委（牵头）');
    expect(t).toContain('逾期');
    // a liaison cannot export
    expect(t).not.toContain('导出台账');
  });

  it('dashboard shows the totals; the office gets the bulletin and settings', () => {
    const d: Dashboard = {
      today: '2026-03-02',
      totals: { not_started: 3, in_progress: 1, submitted: 0, closed: 2, returned: 0, overdue: 4 },
      byUnit: [
        { key: 'fgw', label: '区发展改革委', total: 10, closed: 2, overdue: 4, submitted: 0, returned: 0 },
      ],
      bySection: [],
    };
    const t = text(
      render(<DashboardPage />, [
        [ME_KEY, me('office')],
        [['tasks', 'plans'], [plan]],
        [keyOf(tasksApi.dashboard, { query: { planId: 'p1' } }), d],
        [['tasks', 'settings'], { reminderDaysBefore: 5 }],
      ]),
    );
    expectShows(t, ['生成通报', '提醒与报送周期', '20%']);
  });

  it('import starts with the upload step', () => {
    const t = text(render(<ImportPage />, [[ME_KEY, me('office')]]));
    expect(t).toContain('点击或拖拽任务分工通知到此处');
  });

  it('import preview: a name the registry settled still shows its caveat (等 = others not named)', () => {
    const etc = '「区住房城乡建委等相关单位」以“等”结尾，名单可能不完整';
    const unsure = '「区住房城市建委」未匹配到已登记单位';
    const t = text(
      render(
        <ImportUnitsTable
          names={['区住房城乡建委等相关单位', '区住房城市建委']}
          units={[
            {
              written: '区住房城乡建委等相关单位',
              status: 'exact',
              unitId: 'zjw',
              unitName: '区住房城乡建委',
              suggestions: [],
              warnings: [etc],
            },
            { written: '区住房城市建委', status: 'unknown', suggestions: [], warnings: [unsure] },
          ]}
          effective={{ 区住房城乡建委等相关单位: ['zjw'], 区住房城市建委: null }}
          setChoice={() => {}}
          decisions={{}}
          setDecision={() => {}}
          left={['区住房城市建委']}
        />,
        [
          [keyOf(orgApi.unitTree), []],
          [keyOf(orgApi.groups), []],
        ],
      ),
    );
    expect(t).toContain('名称一致');
    expect(t).toContain(etc);
    // An unmatched name says so with its status and its picker, not twice.
    expect(t).toContain('未匹配');
    expect(t).not.toContain(unsure);
  });

  it('ledger by task: one row per task with progress, full text, bulk actions by permission', () => {
    const page: TaskPage = {
      plan: { id: 'p1', title: plan.title, year: 2021 },
      total: 1,
      items: [
        {
          taskId: 't1',
          planId: 'p1',
          ref: 'T001',
          section: ['一、紧扣“十四五”'],
          text: '公开《纲要》全文并做好解读',
          measures: [],
          deadlineRaw: '6月底前',
          leadUnitsWritten: ['区发展改革委'],
          responsibleUnitsWritten: ['区教委'],
          status: 'overdue',
          progress: { total: 2, closed: 1, submitted: 0, overdue: 1, percent: 50 },
          units: [
            {
              id: 'a1',
              unitId: 'fgw',
              unitName: '区发展改革委',
              isLead: true,
              period: null,
              dueDate: '2021-06-30',
              state: 'not_started',
              status: 'overdue',
              lastReportAt: null,
              closedAt: null,
            },
          ],
          carriedFrom: { taskId: 't0', year: 2020, ref: '7', planTitle: '2020年任务分工' },
          closedAt: null,
          closeNote: null,
          closeEvidence: null,
        },
      ],
    };
    const seed = (role: RoleCode) =>
      text(
        render(<TaskLedgerPage />, [
          [ME_KEY, me(role)],
          [['tasks', 'plans'], [plan]],
          [searchKey(tasksApi.taskLedger, { planId: 'p1', page: 1, pageSize: 20 }), page],
        ]),
      );
    const office = seed('office');
    expectShows(office, [
      '公开《纲要》全文并做好解读',
      '销号 1/2，逾期 1',
      '回头看：2020年第 7 项',
      '批量催办',
      '批量延期',
    ]);
    const liaison = seed('liaison');
    expect(liaison).toContain('批量催办');
    expect(liaison).not.toContain('批量延期');
    expect(liaison).not.toContain('回头看：未完成任务转入下一年度');
  });
});
