import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { Dashboard, DashboardBucket, WorkPlanSummary } from '../../../../contracts/tasks';
import { LEDGER_STATUS_LABELS, type LedgerStatus } from '../../../../domain/tasks/ledger';
import { buildQuery, get } from '../../../api';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import { PageContainer } from '../../../components/PageContainer';
import { BucketChart } from '../components/BarChart';

const rate = (b: DashboardBucket) => (b.total ? `${Math.round((b.closed / b.total) * 100)}%` : '—');

export default function DashboardPage() {
  const can = usePermission();
  const plans = useQuery({
    queryKey: ['tasks', 'plans'],
    queryFn: ({ signal }) => get<WorkPlanSummary[]>('/tasks/plans', signal),
  });
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const current = planId ?? plans.data?.[0]?.id;
  const q = useQuery({
    queryKey: ['tasks', 'dashboard', current],
    queryFn: ({ signal }) => get<Dashboard>(`/tasks/dashboard${buildQuery({ planId: current })}`, signal),
    enabled: !!current,
  });
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
              path={`/tasks/bulletin.docx${buildQuery({ planId: current })}`}
              fallbackName="通报.docx"
              label="生成通报"
              testId="tasks-bulletin"
            />
          ) : null}
          {current && can('tasks:ledger:export') ? (
            <DownloadButton
              path={`/tasks/export.xlsx${buildQuery({ planId: current })}`}
              fallbackName="任务台账.xlsx"
              label="导出台账"
            />
          ) : null}
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
