import { App, Button, Card, Col, InputNumber, Row, Select, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import {
  type Cadence,
  type DashboardBucket,
  tasksApi,
  type WorkPlanSummary,
} from '../../../../contracts/tasks';
import { CADENCE_LABELS, LEDGER_STATUS_LABELS, type LedgerStatus } from '../../../../domain/tasks/ledger';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import { optionsOf } from '../../../components/FilterSelect';
import { PageContainer } from '../../../components/PageContainer';
import { BucketChart } from '../components/BarChart';
import { LedgerExportButton } from '../components/ledgerColumns';
import { useDashboard, usePlans, useSaveReminderDays, useSetCadence, useTasksSettings } from '../queries';

const rate = (b: DashboardBucket) => (b.total ? `${Math.round((b.closed / b.total) * 100)}%` : '—');

export default function DashboardPage() {
  const can = usePermission();
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const current = planId ?? plans.data?.[0]?.id;
  const q = useDashboard(current);
  const d = q.data;
  const columns = [
    { title: '名称', dataIndex: 'label' },
    { title: '任务', dataIndex: 'total', width: 70 },
    { title: '已销号', dataIndex: 'closed', width: 80 },
    { title: '逾期', dataIndex: 'overdue', width: 70 },
    { title: '待审核', dataIndex: 'submitted', width: 80 },
    { title: '退回', dataIndex: 'returned', width: 70 },
    { title: '完成率', key: 'rate', width: 80, render: (_: unknown, b: DashboardBucket) => rate(b) },
  ];
  return (
    <PageContainer
      title="督办看板"
      testId="tasks-dashboard-page"
      extra={
        <Space wrap>
          <Select
            aria-label="工作任务分工"
            style={{ minWidth: 300 }}
            value={current}
            onChange={setPlanId}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.year}年 ${p.title}` }))}
          />
          {current && can('tasks:bulletin:export') ? (
            <DownloadButton
              endpoint={tasksApi.bulletin}
              args={{ query: { planId: current } }}
              fallbackName="通报.docx"
              label="生成通报"
              testId="tasks-bulletin"
            />
          ) : null}
          {current && can('tasks:ledger:export') ? <LedgerExportButton planId={current} /> : null}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card loading={q.isPending && !!current}>
          <Row gutter={16} data-testid="tasks-totals">
            {(Object.keys(LEDGER_STATUS_LABELS) as LedgerStatus[]).map((s) => (
              <Col key={s} xs={12} md={4}>
                <Statistic
                  title={<span style={{ color: '#595959' }}>{LEDGER_STATUS_LABELS[s]}</span>}
                  value={d?.totals[s] ?? 0}
                  valueStyle={s === 'overdue' ? { color: '#cf1322' } : undefined}
                  data-testid={`total-${s}`}
                />
              </Col>
            ))}
          </Row>
        </Card>
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card title="按单位">
              {d ? <BucketChart buckets={d.byUnit.slice(0, 30)} testId="chart-units" /> : null}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="按板块">
              {d ? <BucketChart buckets={d.bySection} testId="chart-sections" /> : null}
            </Card>
          </Col>
        </Row>
        {current && can('tasks:plan:import') ? (
          <SettingsCard plan={(plans.data ?? []).find((p) => p.id === current)} />
        ) : null}
        <Card title="各单位明细">
          <Table<DashboardBucket>
            size="small"
            rowKey="key"
            dataSource={d?.byUnit ?? []}
            pagination={{ pageSize: 20 }}
            columns={columns}
            data-testid="tasks-by-unit"
          />
        </Card>
      </Space>
    </PageContainer>
  );
}

/** Office settings: reminder lead time, and the reporting cadence of the plan's continuous tasks. */
function SettingsCard({ plan }: { plan: WorkPlanSummary | undefined }) {
  const { message } = App.useApp();
  const settings = useTasksSettings();
  const [days, setDays] = useState<number | null>(null);
  const saveDays = useSaveReminderDays(() => void message.success('已保存'));
  const saveCadence = useSetCadence(plan?.id, () => void message.success('已更新持续性任务的报送周期'));
  const value = days ?? settings.data?.reminderDaysBefore ?? 5;
  return (
    <Card title="提醒与报送周期">
      <Space wrap size={24}>
        <Space>
          <span>到期前</span>
          <InputNumber aria-label="到期前提醒的工作日数" min={1} max={30} value={value} onChange={setDays} />
          <span>个工作日提醒</span>
          <Button onClick={() => saveDays.mutate(value)} loading={saveDays.isPending}>
            保存
          </Button>
        </Space>
        {plan ? (
          <Space>
            <span>持续性任务报送周期</span>
            <Select<Cadence>
              aria-label="持续性任务报送周期"
              style={{ width: 120 }}
              value={plan.cadence}
              onChange={(c) => saveCadence.mutate(c)}
              options={optionsOf(CADENCE_LABELS)}
            />
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
