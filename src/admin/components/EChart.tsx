// One ECharts chart from an option (modular import: bar, line and pie only). Described for screen readers by its label.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CANVAS_TOOLTIP } from './chartTooltip';
import { useChart } from './useChart';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({
  option,
  testId,
  label,
  height = 320,
}: {
  option: ChartOption;
  testId: string;
  label?: string;
  height?: number;
}) {
  const ref = useChart(option);
  return <div ref={ref} style={{ height }} data-testid={testId} role="img" aria-label={label ?? testId} />;
}

/** Grouped bars per month of a year: one series per [name, field] of the month rows. */
export function monthlyBars<M extends { month: string }>(
  months: readonly M[],
  series: readonly (readonly [string, keyof M])[],
): ChartOption {
  return {
    tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis' },
    legend: {},
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.month.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(([name, key]) => ({ name, type: 'bar', data: months.map((m) => m[key]) })),
  };
}
