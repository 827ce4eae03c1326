// 发布统计: items per unit and column, Art. 26 timeliness, normative counts for the annual report's table 二.
import { Card, Col, InputNumber, Row, Statistic, Table } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { CANVAS_TOOLTIP } from '../../../components/chartTooltip';
import { PageContainer } from '../../../components/PageContainer';
import { useStats } from '../queries';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function StatsPage() {
  const [year, setYear] = useState(2026);
  const q = useStats(year);
  const chartRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!chartRef.current || !q.data) return;
    const chart = echarts.init(chartRef.current);
    chart.setOption({
      tooltip: CANVAS_TOOLTIP,
      grid: { left: 140, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: q.data.byUnit.map((u) => u.unitName).reverse() },
      series: [{ type: 'bar', data: q.data.byUnit.map((u) => u.n).reverse() }],
    });
    return () => chart.dispose();
  }, [q.data]);
  const s = q.data;
  return (
    <PageContainer
      title="发布统计"
      testId="disclosure-stats-page"
      extra={
        <InputNumber
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => v && setYear(v)}
          aria-label="统计年度"
          addonBefore="年度"
        />
      }
    >
      <Row gutter={16}>
        {(
          [
            ['按时公开', s?.timeliness.on_time],
            ['超期公开', s?.timeliness.late],
            ['规范性文件·本年制发', s?.normative.issued],
            ['本年废止', s?.normative.repealed],
            ['现行有效', s?.normative.inForce],
          ] as const
        ).map(([title, value]) => (
          <Col key={title} xs={12} md={4}>
            <Statistic title={title} value={value ?? 0} />
          </Col>
        ))}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title="各单位发布数">
            <div ref={chartRef} style={{ height: 360 }} data-testid="stats-chart" />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="各栏目发布数">
            <Table
              size="small"
              rowKey={(r) => r.columnName ?? 'none'}
              pagination={false}
              dataSource={s?.byColumn ?? []}
              columns={[
                { title: '栏目', dataIndex: 'columnName', render: (n: string | null) => n ?? '（未分栏目）' },
                { title: '条数', dataIndex: 'n', width: 80 },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
