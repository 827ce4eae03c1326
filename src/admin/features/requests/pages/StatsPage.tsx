// 依申请公开统计: one year's closed cases, on-time rate, open and overdue cases, requests per month and the outcomes.
import { CANVAS_TOOLTIP } from '../../../components/chartTooltip';
import { EChart as Chart, monthlyBars } from '../../../components/EChart';
import { StatCard } from '../../../components/StatCard';
import { CountList, StatsPanel, YearStatsPage } from '../../../components/StatsPage';
import { useRequestStats } from '../queries';

const useStats = (year: number) => useRequestStats(year).data;

export default function StatsPage() {
  return (
    <YearStatsPage
      title="依申请公开统计"
      testId="requests-stats-page"
      yearTestId="stats-year"
      useStats={useStats}
    >
      {(s) => (
        <>
          <StatCard title="本年办结" value={s.closed} testId="stats-closed" />
          <StatCard
            title="按期答复率"
            value={s.onTimeRate === null ? '—' : `${(s.onTimeRate * 100).toFixed(1)}%`}
          />
          <StatCard title="办理中" value={s.open} />
          <StatCard title="已逾期" value={s.overdue} alert />
          <StatsPanel title="按月申请量" size="wide">
            <Chart
              testId="chart-by-month"
              option={monthlyBars(s.byMonth, [
                ['收到', 'received'],
                ['办结', 'closed'],
              ])}
            />
          </StatsPanel>
          <StatsPanel title="办理结果构成" size="narrow">
            <Chart
              testId="chart-outcomes"
              option={{
                tooltip: { ...CANVAS_TOOLTIP, trigger: 'item' },
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
            <CountList
              testId="stats-families"
              style={{ margin: 0 }}
              rows={s.byFamily.map((f) => ({ key: f.family, label: f.label, count: f.count }))}
            />
          </StatsPanel>
        </>
      )}
    </YearStatsPage>
  );
}
