// 政策咨询与信箱月度统计: received, answered on time and late per month (ECharts), by channel, by unit, satisfaction;
// the letters per month and by type.
import { Table } from 'antd';
import {
  CONSULT_CHANNEL_LABELS,
  LETTER_TYPE_LABELS,
  SATISFACTION_LABELS,
} from '../../../../contracts/interaction';
import { EChart, monthlyBars } from '../../../components/EChart';
import { StatCard } from '../../../components/StatCard';
import { CountList, StatsPanel, YearStatsPage } from '../../../components/StatsPage';
import { useConsultStats, useInteractionStats } from '../queries';

/** The consultations' figures, with the letters' once they have loaded too. */
function useStats(year: number) {
  const s = useConsultStats(year).data;
  const both = useInteractionStats(year).data;
  const letters = both?.byMonth.map((m) => ({ month: m.month, ...m.letter })) ?? [];
  return s && { s, both, letters };
}

export default function ConsultStatsPage() {
  return (
    <YearStatsPage
      title="政策咨询统计"
      testId="consult-stats-page"
      yearTestId="consult-stats-year"
      useStats={useStats}
    >
      {({ s, both, letters }) => (
        <>
          <StatCard title="本年收到" value={s.byMonth.reduce((n, m) => n + m.received, 0)} />
          <StatCard title="逾期答复" value={s.byMonth.reduce((n, m) => n + m.late, 0)} />
          <StatCard title="办理中" value={s.open} />
          <StatCard title="已逾期未答复" value={s.overdue} alert />
          <StatsPanel title="按月咨询量" size="wide">
            <EChart
              testId="consult-by-month"
              label={s.byMonth
                .map((m) => `${m.month}：收到${m.received}，按时答复${m.onTime}，逾期答复${m.late}`)
                .join('；')}
              option={monthlyBars(s.byMonth, [
                ['收到', 'received'],
                ['按时答复', 'onTime'],
                ['逾期答复', 'late'],
              ])}
            />
          </StatsPanel>
          <StatsPanel title="渠道与满意度" size="narrow">
            <CountList
              rows={s.byChannel.map((c) => ({
                key: c.channel,
                label: CONSULT_CHANNEL_LABELS[c.channel],
                count: c.count,
              }))}
            />
            <CountList
              rows={s.satisfaction.map((c) => ({
                key: c.satisfaction,
                label: SATISFACTION_LABELS[c.satisfaction],
                count: c.count,
              }))}
            />
          </StatsPanel>
          {both && (
            <>
              <StatsPanel title="信箱来信按月" size="wide">
                <EChart
                  testId="letters-by-month"
                  label={letters
                    .map((m) => `${m.month}：收到${m.received}，已答复${m.replied}，按时答复${m.onTime}`)
                    .join('；')}
                  option={monthlyBars(letters, [
                    ['收到', 'received'],
                    ['已答复', 'replied'],
                    ['按时答复', 'onTime'],
                  ])}
                />
              </StatsPanel>
              <StatsPanel title="来信按类型" size="narrow">
                <ul data-testid="letters-by-type">
                  {both.letterByType.map((t) => (
                    <li key={t.type}>
                      {LETTER_TYPE_LABELS[t.type]}：收到 {t.received}，已答复 {t.replied}，按时 {t.onTime}
                    </li>
                  ))}
                </ul>
              </StatsPanel>
            </>
          )}
          <StatsPanel title="按承办单位" size="full">
            <Table
              size="small"
              rowKey="unitName"
              dataSource={s.byUnit}
              pagination={false}
              columns={[
                { title: '单位', dataIndex: 'unitName' },
                { title: '收到', dataIndex: 'received', width: 100 },
                { title: '已答复', dataIndex: 'answered', width: 100 },
              ]}
            />
          </StatsPanel>
        </>
      )}
    </YearStatsPage>
  );
}
