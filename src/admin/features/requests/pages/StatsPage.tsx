import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { EChart as Chart, monthlyBars } from '../../../components/EChart';
import { PageContainer } from '../../../components/PageContainer';
import { StatCard } from '../../../components/StatCard';
import { chinaYear, YearInput } from '../../../components/YearInput';
import { useRequestStats } from '../queries';

export default function StatsPage() {
  // The current year in China time; the chart is for one calendar year.
  const [year, setYear] = useState(() => chinaYear());
  const q = useRequestStats(year);
  const s = q.data;
  return (
    <PageContainer
      title="依申请公开统计"
      testId="requests-stats-page"
      extra={<YearInput value={year} onChange={setYear} testId="stats-year" />}
    >
      {s ? (
        <Row gutter={[16, 16]}>
          <StatCard title="本年办结" value={s.closed} testId="stats-closed" />
          <StatCard
            title="按期答复率"
            value={s.onTimeRate === null ? '—' : `${(s.onTimeRate * 100).toFixed(1)}%`}
          />
          <StatCard title="办理中" value={s.open} />
          <StatCard title="已逾期" value={s.overdue} alert />
          <Col xs={24} xl={14}>
            <Card title="按月申请量">
              <Chart
                testId="chart-by-month"
                option={monthlyBars(s.byMonth, [
                  ['收到', 'received'],
                  ['办结', 'closed'],
                ])}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="办理结果构成">
              <Chart
                testId="chart-outcomes"
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['35%', '65%'],
                      data: s.byFamily
                        .filter((f) => f.count > 0)
                        .map((f) => ({ name: f.label, value: f.count })),
                    },
                  ],
                }}
              />
              <ul data-testid="stats-families" style={{ margin: 0 }}>
                {s.byFamily.map((f) => (
                  <li key={f.family}>
                    {f.label}：{f.count}
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
        </Row>
      ) : (
        '加载中…'
      )}
    </PageContainer>
  );
}
