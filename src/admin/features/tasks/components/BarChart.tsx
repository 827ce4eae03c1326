// ECharts, modular import: only the bar chart and the pieces it uses are bundled.
import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { DashboardBucket } from '../../../../contracts/tasks';
import { CANVAS_TOOLTIP } from '../../../components/chartTooltip';
import { useChart } from '../../../components/useChart';

echarts.use([EBar, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Stacked horizontal bars: 已销号 / 逾期 / 其他 per bucket. */
export function BucketChart({ buckets, testId }: { buckets: DashboardBucket[]; testId?: string }) {
  const option = useMemo(() => {
    const labels = buckets.map((b) => (b.label.length > 16 ? `${b.label.slice(0, 16)}…` : b.label));
    return {
      tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: ['已销号', '逾期', '其他'] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [
        { name: '已销号', type: 'bar', stack: 't', color: '#52c41a', data: buckets.map((b) => b.closed) },
        { name: '逾期', type: 'bar', stack: 't', color: '#f5222d', data: buckets.map((b) => b.overdue) },
        {
          name: '其他',
          type: 'bar',
          stack: 't',
          color: '#bfbfbf',
          data: buckets.map((b) => b.total - b.closed - b.overdue),
        },
      ],
    };
  }, [buckets]);
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      data-testid={testId}
      role="img"
      aria-label={buckets
        .map((b) => `${b.label}：共${b.total}，已销号${b.closed}，逾期${b.overdue}`)
        .join('；')}
      style={{ width: '100%', height: Math.max(240, buckets.length * 28 + 60) }}
    />
  );
}
