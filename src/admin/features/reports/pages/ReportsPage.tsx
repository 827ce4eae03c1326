import { Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReportOverviewRow } from '../../../../contracts/reports';
import { usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { chinaYear, YearInput } from '../../../components/YearInput';
import { chinaTime } from '../../../time';
import { ReportSettingsCard } from '../components/ReportSettingsCard';
import { useReportOverview } from '../queries';

export default function ReportsPage() {
  // Reports are written in January for the year before.
  const [year, setYear] = useState(() => chinaYear(1));
  const q = useReportOverview(year);
  const can = usePermission();
  return (
    <PageContainer
      title="年度报告"
      testId="reports-page"
      extra={<YearInput value={year} onChange={setYear} testId="reports-year" />}
    >
      <Flex vertical gap={16}>
        <Table<ReportOverviewRow>
          rowKey="unitId"
          loading={q.isPending}
          dataSource={q.data ?? []}
          pagination={false}
          data-testid="data-table"
          columns={[
            {
              title: '单位',
              dataIndex: 'unitName',
              render: (v: string, r) => <Link to={`/reports/${r.unitId}/${year}`}>{v}</Link>,
            },
            {
              title: '报告',
              dataIndex: 'reportId',
              width: 100,
              render: (v: string | null) => (v ? '已编写' : '未编写'),
            },
            {
              title: '校验',
              width: 160,
              render: (_: unknown, r) =>
                r.errors > 0 ? (
                  <Tag color="red">{r.errors} 处错误</Tag>
                ) : r.warnings > 0 ? (
                  <Tag color="gold">{r.warnings} 处提示</Tag>
                ) : (
                  <Tag color="green">通过</Tag>
                ),
            },
            {
              title: '发布',
              dataIndex: 'publishedAt',
              width: 180,
              render: (v: string | null, r) =>
                v ? (
                  chinaTime(v)
                ) : r.overdue ? (
                  <Tag color="red">逾期未发布（期限 {r.publicationDue}）</Tag>
                ) : (
                  <Tag>未发布（期限 {r.publicationDue}）</Tag>
                ),
            },
          ]}
        />
        {can('reports:report:publish') && <ReportSettingsCard />}
      </Flex>
    </PageContainer>
  );
}
