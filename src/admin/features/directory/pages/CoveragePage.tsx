// 标准目录覆盖检查 ("两张皮"): per unit and domain, rows with nothing published (未公开) or published late (超期公开)
// in the period; a stacked bar per unit; the findings sent out as 整改 tasks to the tasks ledger.
import { App, Button, Card, Input, Space, Table, Tag } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { COVERAGE_LABELS, type Coverage, type CoverageRow } from '../../../../contracts/directory';
import { usePermission } from '../../../auth';
import { CANVAS_TOOLTIP } from '../../../components/chartTooltip';
import { PageContainer } from '../../../components/PageContainer';
import { chinaTime } from '../../../time';
import { useCoverage, useDirectoryVersions, useRectify } from '../queries';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS = { ok: 'green', missing: 'red', late: 'orange', not_due: 'default' } as const;
type Summary = Coverage['summary'][number];

function CoverageChart({ summary }: { summary: Summary[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || summary.length === 0) return;
    const units = [...new Set(summary.map((s) => s.unitName))];
    const sum = (u: string, k: 'ok' | 'missing' | 'late') =>
      summary.filter((s) => s.unitName === u).reduce((n, s) => n + s[k], 0);
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: CANVAS_TOOLTIP,
      legend: {},
      grid: { left: 120, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: units },
      series: (['ok', 'late', 'missing'] as const).map((k) => ({
        name: COVERAGE_LABELS[k],
        type: 'bar',
        stack: 'all',
        data: units.map((u) => sum(u, k)),
      })),
    });
    return () => chart.dispose();
  }, [summary]);
  return (
    <div ref={ref} style={{ height: 40 + 28 * new Set(summary.map((s) => s.unitName)).size }} aria-hidden />
  );
}

export default function CoveragePage() {
  const { message } = App.useApp();
  const can = usePermission();
  const versions = useDirectoryVersions();
  // Default period: this year so far (China date).
  const [from, setFrom] = useState(() => `${chinaTime(new Date()).slice(0, 4)}-01-01`);
  const [to, setTo] = useState(() => chinaTime(new Date()).slice(0, 10));
  const [dueDate, setDueDate] = useState('');
  const [query, setQuery] = useState<{ from: string; to: string } | null>({ from, to });
  const q = useCoverage(query);
  const rectify = useRectify((r) => message.success(`已下发 ${r.taskCount} 项整改任务，可在任务台账中跟踪`));
  const c = q.data;
  const problems = c ? c.rows.filter((r) => r.status === 'missing' || r.status === 'late').length : 0;
  return (
    <PageContainer
      title="标准目录覆盖检查"
      testId="directory-coverage-page"
      extra={
        <Space wrap>
          <Input type="date" aria-label="开始日期" value={from} onChange={(e) => setFrom(e.target.value)} />
          <Input type="date" aria-label="结束日期" value={to} onChange={(e) => setTo(e.target.value)} />
          <Button type="primary" onClick={() => setQuery({ from, to })} data-testid="coverage-run">
            检查
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          {versions.data?.[0]
            ? `现行目录：${versions.data[0].title}（第 ${versions.data[0].version} 版，${versions.data[0].rowCount} 项）`
            : '尚未导入标准目录'}
          {c ? `；检查至 ${c.asOf}，发现问题 ${problems} 项` : ''}
        </Card>
        {c && c.summary.length > 0 ? (
          <Card size="small" title="各单位情况">
            <CoverageChart summary={c.summary} />
          </Card>
        ) : null}
        <Table<Summary>
          size="small"
          rowKey={(s) => `${s.unitId}|${s.domain}`}
          loading={q.isLoading}
          dataSource={c?.summary ?? []}
          data-testid="coverage-summary"
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '领域', dataIndex: 'domain' },
            { title: '事项', dataIndex: 'total', width: 70 },
            { title: '已按时公开', dataIndex: 'ok', width: 100 },
            { title: '超期公开', dataIndex: 'late', width: 90 },
            { title: '未公开', dataIndex: 'missing', width: 80 },
            { title: '未到期', dataIndex: 'notDue', width: 80 },
          ]}
        />
        <Table<CoverageRow>
          size="small"
          rowKey={(r) => `${r.rowId}|${r.unitId}`}
          dataSource={c?.rows ?? []}
          data-testid="coverage-rows"
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '单位', dataIndex: 'unitName', width: 120 },
            { title: '领域', dataIndex: 'domain', width: 100 },
            { title: '事项', key: 'i', render: (_: unknown, r) => `${r.level1} › ${r.level2}` },
            { title: '公开时限', dataIndex: 'due', width: 170 },
            {
              title: '结果',
              key: 's',
              width: 100,
              render: (_: unknown, r) => <Tag color={COLORS[r.status]}>{COVERAGE_LABELS[r.status]}</Tag>,
            },
            { title: '说明', key: 'n', render: (_: unknown, r) => r.notes.join('；') || '—' },
          ]}
        />
        {can('disclosure:catalog:update') && problems > 0 ? (
          <Space>
            <span>整改期限</span>
            <Input
              type="date"
              aria-label="整改期限"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
            />
            <Button
              disabled={!dueDate || !query}
              loading={rectify.isPending}
              onClick={() => query && rectify.mutate({ ...query, dueDate })}
              data-testid="coverage-rectify"
            >
              下发整改任务
            </Button>
          </Space>
        ) : null}
      </Space>
    </PageContainer>
  );
}
