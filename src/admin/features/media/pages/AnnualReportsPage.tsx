// 政府网站工作年度报表: each registered site's report of the year with its state and the 1月31日 due day (逾期 in
// red), the .xlsx summary; the editor drawer shows the groups of the national layout, each computed value with its
// source and a field to override it (以手填为准), and the buttons of the user's role: 保存, 提交 (主办单位), 退回 and
// 发布 (政务公开办).
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type AnnualReportRow, annualReportApi } from '../../../../contracts/media';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import { PageContainer } from '../../../components/PageContainer';
import { actionsColumn } from '../../../components/StatusTag';
import { chinaYear, YearInput } from '../../../components/YearInput';
import { AnnualReportDrawer, ReportStateTag } from '../components/AnnualReportDrawer';
import { useAnnualReports } from '../queries';

/** 2026-01-31 → 1月31日. */
const dueLabel = (due: string) => `${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日`;

export default function AnnualReportsPage() {
  const [year, setYear] = useState(chinaYear(1));
  const [open, setOpen] = useState<AnnualReportRow | null>(null);
  const list = useAnnualReports(year);
  const can = usePermission();
  // What the row's button leads to for this user: a submitted report waits for the office's review.
  const actionOf = (status: AnnualReportRow['status']) =>
    status === 'published'
      ? '查看'
      : status === 'submitted'
        ? can('media:report:review')
          ? '审核'
          : '查看'
        : '填报';
  return (
    <PageContainer title="年度报表" testId="media-annual-reports-page">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Alert
          type="info"
          showIcon
          title={`各政府网站应于${year + 1}年1月31日前在首页公开《政府网站工作年度报表》（${year}年度）。`}
        />
        <Space wrap>
          <span>年度</span>
          <YearInput value={year} onChange={setYear} testId="annual-report-year" />
          <DownloadButton
            endpoint={annualReportApi.summary}
            args={{ query: { year } }}
            fallbackName={`${year}年度政府网站工作年度报表汇总.xlsx`}
            label="导出汇总"
            testId="annual-report-summary"
          />
        </Space>
        <Table<AnnualReportRow>
          rowKey="websiteId"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50 }}
          data-testid="annual-reports-table"
          scroll={{ x: 900 }}
          columns={[
            { title: '网站名称', dataIndex: 'websiteName', width: 200 },
            { title: '主办单位', dataIndex: 'unitName', width: 160 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 110,
              render: (s: AnnualReportRow['status']) => <ReportStateTag status={s} />,
            },
            {
              title: '截止',
              key: 'due',
              width: 150,
              render: (_, r) =>
                r.overdue ? (
                  <Tag color="red">逾期（截止{dueLabel(r.due)}）</Tag>
                ) : (
                  <Tag>截止{dueLabel(r.due)}</Tag>
                ),
            },
            {
              title: '退回理由',
              dataIndex: 'returnReason',
              ellipsis: true,
              render: (s: string) => s || '—',
            },
            actionsColumn(
              100,
              (r) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setOpen(r)}
                  aria-label={`${actionOf(r.status)} ${r.websiteName}`}
                  data-testid="annual-report-open"
                >
                  {actionOf(r.status)}
                </Button>
              ),
              'op',
            ),
          ]}
        />
      </Space>
      {open ? <AnnualReportDrawer row={open} onClose={() => setOpen(null)} /> : null}
    </PageContainer>
  );
}
