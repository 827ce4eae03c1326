// What both ledgers (by assignment and by task) share: the plan picker of their title row, and their last columns:
// 状态, 最近报送 and 详情, which opens the assignment; and the plan's 台账 export (also on the dashboard).
import { Select, type TableColumnType } from 'antd';
import { type LedgerStatus, tasksApi, type WorkPlanSummary } from '../../../../contracts/tasks';
import { LEDGER_STATUS_LABELS } from '../../../../domain/tasks/ledger';
import { DownloadButton } from '../../../components/DownloadButton';
import { LinkButton } from '../../../components/LinkButton';
import { statusColumn } from '../../../components/StatusTag';
import { STATUS_COLORS } from '../labels';

type AssignmentLike = { id: string; status: LedgerStatus; lastReportAt: string | null };

export function assignmentTailColumns<T extends AssignmentLike>(
  reportWidth: number,
  onOpen: (id: string) => void,
  testId?: (r: T) => string,
): TableColumnType<T>[] {
  return [
    statusColumn<T, LedgerStatus>(LEDGER_STATUS_LABELS, STATUS_COLORS, 90),
    {
      title: '最近报送',
      dataIndex: 'lastReportAt',
      width: reportWidth,
      render: (d: string | null) => (d ? d.slice(0, 10) : '—'),
    },
    {
      title: '操作',
      key: 'op',
      width: 80,
      render: (_, r) => (
        <LinkButton onClick={() => onOpen(r.id)} data-testid={testId?.(r)}>
          详情
        </LinkButton>
      ),
    },
  ];
}

/** The ledgers' 工作任务分工 picker (`年 title` per plan). */
export function PlanSelect({
  plans,
  value,
  onChange,
}: {
  plans: readonly WorkPlanSummary[] | undefined;
  value: string | undefined;
  onChange: (planId: string) => void;
}) {
  return (
    <Select
      aria-label="工作任务分工"
      style={{ minWidth: 320 }}
      placeholder="选择任务分工"
      value={value}
      onChange={onChange}
      options={(plans ?? []).map((p) => ({ value: p.id, label: `${p.year}年 ${p.title}` }))}
    />
  );
}

/** 导出台账: the plan's 任务台账 .xlsx (the pages show it with tasks:ledger:export once a plan is chosen). */
export function LedgerExportButton({ planId, testId }: { planId: string; testId?: string }) {
  return (
    <DownloadButton
      endpoint={tasksApi.exportLedger}
      args={{ query: { planId } }}
      fallbackName="任务台账.xlsx"
      label="导出台账"
      testId={testId}
    />
  );
}
