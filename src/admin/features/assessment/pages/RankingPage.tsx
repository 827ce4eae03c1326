// 考核排名: every unit's total from live data (ECharts bar), rank, 通报表扬/批评, drill-down from each score to the
// records behind it; .xlsx export and publication on the portal (/xxgk/khpg).
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { assessmentApi, type UnitResult } from '../../../../contracts/assessment';
import { BULLETIN_LABELS } from '../../../../domain/assessment/scoring';
import { PLAN_STATUS_LABELS } from '../../../../domain/assessment/tree';
import { usePermission } from '../../../auth';
import { CANVAS_TOOLTIP } from '../../../components/chartTooltip';
import { DownloadButton } from '../../../components/DownloadButton';
import { type ChartOption, EChart } from '../../../components/EChart';
import { PlanPage, usePlanKey } from '../components/PlanPicker';
import { usePublish, useResults } from '../queries';

function Drilldown({ u }: { u: UnitResult }) {
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={u.indicators}
      columns={[
        { title: '指标', render: (_, i) => `${i.code} ${i.category}·${i.name}` },
        { title: '分值', dataIndex: 'weight', width: 70 },
        {
          title: '得分',
          width: 80,
          render: (_, i) => (i.applicable ? i.score : <Tag data-testid={`na-${i.code}`}>不适用</Tag>),
        },
        { title: '计分依据', dataIndex: 'source' },
      ]}
      expandable={{
        rowExpandable: (i) => i.records.length > 0,
        expandedRowRender: (i) => (
          <ul data-testid={`records-${i.code}`}>
            {i.records.map((r) => (
              <li key={r.id}>
                <Tag color={r.ok ? 'green' : 'red'}>{r.ok ? '达标' : '未达标'}</Tag>
                {r.label}：{r.detail}
              </li>
            ))}
          </ul>
        ),
      }}
    />
  );
}

export default function RankingPage() {
  const [key, setKey] = usePlanKey(1);
  const { data } = useResults(key);
  const { message } = App.useApp();
  const publish = usePublish(() => void message.success('考核结果已公布到门户网站'));
  const can = usePermission();
  const option = useMemo<ChartOption | null>(
    () =>
      data
        ? {
            tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'value', max: 100 },
            // Every unit named (ECharts would skip every other name of a long list).
            yAxis: {
              type: 'category',
              inverse: true,
              data: data.units.map((u) => u.unit),
              axisLabel: { interval: 0 },
            },
            series: [{ name: '总分', type: 'bar', data: data.units.map((u) => u.total) }],
          }
        : null,
    [data],
  );
  const plan = data?.plan;
  return (
    <PlanPage
      title="考核排名"
      testId="assess-ranking-page"
      plan={key}
      onPlan={setKey}
      actions={
        <>
          <DownloadButton
            endpoint={assessmentApi.export}
            args={{ query: key }}
            fallbackName="考核结果.xlsx"
            testId="assess-export"
          />
          <DownloadButton
            endpoint={assessmentApi.bulletin}
            args={{ query: key }}
            fallbackName="考核通报.docx"
            label="考核通报"
            testId="assess-bulletin"
          />
          {can('assessment:result:publish') ? (
            <Button
              type="primary"
              disabled={plan?.status !== 'scoring'}
              loading={publish.isPending}
              onClick={() => publish.mutate(key)}
              data-testid="assess-publish"
            >
              公布结果
            </Button>
          ) : null}
        </>
      }
    >
      {data && option ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            状态：{PLAN_STATUS_LABELS[data.plan.status]}
            {data.plan.stored ? '' : '（默认指标体系，尚未保存）'}
            。总分按平台实时数据计算，展开可查看每项得分背后的记录。
            {data.noRecords === 'spread'
              ? '本年度无相关记录的指标不适用，其分值按比例分摊：总分 = 适用指标得分 × 100 ÷ 适用指标分值合计。'
              : '本年度无相关记录的指标按满分计。'}
          </Typography.Text>
          <Card title="总分">
            <EChart
              testId="assess-chart"
              option={option}
              // About 22 px a unit, so that each name has its line.
              height={Math.max(320, data.units.length * 22 + 40)}
              label={data.units.map((u) => `${u.rank}. ${u.unit} ${u.total}分`).join('；')}
            />
          </Card>
          <Table
            data-testid="assess-ranking"
            rowKey="unitId"
            dataSource={data.units}
            pagination={false}
            columns={[
              { title: '排名', dataIndex: 'rank', width: 70 },
              { title: '单位', dataIndex: 'unit' },
              { title: '总分', dataIndex: 'total', width: 90 },
              {
                title: '适用分值',
                dataIndex: 'applicableWeight',
                width: 90,
                render: (w: number) =>
                  w === 100 ? '100' : <span title="其余指标不适用，总分已折算为百分制">{w}</span>,
              },
              {
                title: '通报',
                width: 110,
                render: (_, u) =>
                  u.bulletin ? (
                    <Tag color={u.bulletin === 'praise' ? 'green' : 'red'}>{BULLETIN_LABELS[u.bulletin]}</Tag>
                  ) : null,
              },
            ]}
            expandable={{ expandedRowRender: (u) => <Drilldown u={u} /> }}
          />
        </Space>
      ) : (
        '加载中…'
      )}
    </PlanPage>
  );
}
