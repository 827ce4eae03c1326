import { Card, Col, Row, Statistic } from 'antd';
import { useState } from 'react';
import { EChart as Chart } from '../../../components/EChart';
import { PageContainer } from '../../../components/PageContainer';
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
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="本年办结" value={s.closed} data-testid="stats-closed" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title="按期答复率"
                value={s.onTimeRate === null ? '—' : `${(s.onTimeRate * 100).toFixed(1)}%`}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="办理中" value={s.open} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title="已逾期"
                value={s.overdue}
                valueStyle={{ color: s.overdue ? '#cf1322' : undefined }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card title="按月申请量">
              <Chart
                testId="chart-by-month"
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: {},
                  xAxis: { type: 'category', data: s.byMonth.map((m) => `${Number(m.month.slice(5))}月`) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    { name: '收到', type: 'bar', data: s.byMonth.map((m) => m.received) },
                    { name: '办结', type: 'bar', data: s.byMonth.map((m) => m.closed) },
                  ],
                }}
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
