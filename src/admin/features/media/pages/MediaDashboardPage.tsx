// 网站健康与整改看板 (issue 12 part 7): findings per check of each site over the last half year (不合格 checks
// marked red), and the open 整改 per unit with those past their deadline.
import { Empty, Row, Table, Tag } from 'antd';
import { useMemo } from 'react';
import type { MediaDashboard } from '../../../../contracts/media';
import { CANVAS_TOOLTIP } from '../../../components/chartTooltip';
import { type ChartOption, EChart } from '../../../components/EChart';
import { PageContainer } from '../../../components/PageContainer';
import { StatCard } from '../../../components/StatCard';
import { StatsPanel } from '../../../components/StatsPage';
import { useMediaDashboard } from '../queries';

const FAIL = '#cf1322';

/** One line per site: findings per check, on the union of the check days; failed checks drawn red. */
export function healthOption(health: MediaDashboard['health']): ChartOption {
  const days = [...new Set(health.flatMap((h) => h.checks.map((c) => c.asOf)))].sort();
  return {
    tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis' },
    legend: {},
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1, name: '问题数' },
    series: health.map((h) => {
      const byDay = new Map(h.checks.map((c) => [c.asOf, c]));
      return {
        name: h.name,
        type: 'line',
        connectNulls: true,
        data: days.map((d) => {
          const c = byDay.get(d);
          if (!c) return null;
          return c.verdict === '合格'
            ? c.findings
            : { value: c.findings, symbolSize: 10, itemStyle: { color: FAIL } };
        }),
      };
    }),
  };
}

export default function MediaDashboardPage() {
  const d = useMediaDashboard().data;
  const option = useMemo(() => (d ? healthOption(d.health) : null), [d]);
  const latest = d?.health.map((h) => ({ ...h, last: h.checks.at(-1) })) ?? [];
  return (
    <PageContainer title="网站健康与整改" testId="media-dashboard-page">
      {d ? (
        <Row gutter={[16, 16]}>
          <StatCard title="近半年检查的网站" value={d.health.length} />
          <StatCard
            title="最近一次不合格"
            value={latest.filter((h) => h.last?.verdict !== '合格').length}
            alert
          />
          <StatCard title="未完成整改" value={d.openByUnit.reduce((n, u) => n + u.open, 0)} />
          <StatCard title="逾期整改" value={d.openByUnit.reduce((n, u) => n + u.overdue, 0)} alert />
          <StatsPanel title="网站健康趋势（每次检查发现的问题数，红点为不合格）" size="wide">
            {option && d.health.length ? (
              <EChart
                testId="site-health-chart"
                label={latest
                  .map(
                    (h) =>
                      `${h.name}：最近检查${h.last?.asOf ?? '无'}，${h.last?.verdict ?? ''}，问题${h.last?.findings ?? 0}个`,
                  )
                  .join('；')}
                option={option}
              />
            ) : (
              <Empty description="近半年没有检查记录" />
            )}
          </StatsPanel>
          <StatsPanel title="各单位未完成整改" size="narrow">
            <Table
              size="small"
              rowKey="unitId"
              dataSource={d.openByUnit}
              pagination={false}
              data-testid="open-rectifications-table"
              columns={[
                { title: '单位', dataIndex: 'unitName' },
                { title: '未完成', dataIndex: 'open', width: 80 },
                {
                  title: '已逾期',
                  dataIndex: 'overdue',
                  width: 80,
                  render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
                },
              ]}
            />
          </StatsPanel>
        </Row>
      ) : null}
    </PageContainer>
  );
}
