// 政策咨询与信箱月度统计: received, answered on time and late per month (ECharts), by channel, by unit, satisfaction;
// the letters per month and by type.
import { Card, Col, Row, Table } from 'antd';
import { useState } from 'react';
import {
  CONSULT_CHANNEL_LABELS,
  LETTER_TYPE_LABELS,
  SATISFACTION_LABELS,
} from '../../../../contracts/interaction';
import { EChart, monthlyBars } from '../../../components/EChart';
import { PageContainer } from '../../../components/PageContainer';
import { StatCard } from '../../../components/StatCard';
import { chinaYear, YearInput } from '../../../components/YearInput';
import { useConsultStats, useInteractionStats } from '../queries';

export default function ConsultStatsPage() {
  const [year, setYear] = useState(() => chinaYear());
  const s = useConsultStats(year).data;
  const both = useInteractionStats(year).data;
  const letters = both?.byMonth.map((m) => ({ month: m.month, ...m.letter })) ?? [];
  return (
    <PageContainer
      title="政策咨询统计"
      testId="consult-stats-page"
      extra={<YearInput value={year} onChange={setYear} testId="consult-stats-year" />}
    >
      {s ? (
        <Row gutter={[16, 16]}>
          <StatCard title="本年收到" value={s.byMonth.reduce((n, m) => n + m.received, 0)} />
          <StatCard title="逾期答复" value={s.byMonth.reduce((n, m) => n + m.late, 0)} />
          <StatCard title="办理中" value={s.open} />
          <StatCard title="已逾期未答复" value={s.overdue} alert />
          <Col xs={24} xl={14}>
            <Card title="按月咨询量">
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
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="渠道与满意度">
              <ul>
                {s.byChannel.map((c) => (
                  <li key={c.channel}>
                    {CONSULT_CHANNEL_LABELS[c.channel]}：{c.count}
                  </li>
                ))}
              </ul>
              <ul>
                {s.satisfaction.map((c) => (
                  <li key={c.satisfaction}>
                    {SATISFACTION_LABELS[c.satisfaction]}：{c.count}
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
          {both && (
            <>
              <Col xs={24} xl={14}>
                <Card title="信箱来信按月">
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
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card title="来信按类型">
                  <ul data-testid="letters-by-type">
                    {both.letterByType.map((t) => (
                      <li key={t.type}>
                        {LETTER_TYPE_LABELS[t.type]}：收到 {t.received}，已答复 {t.replied}，按时 {t.onTime}
                      </li>
                    ))}
                  </ul>
                </Card>
              </Col>
            </>
          )}
          <Col xs={24}>
            <Card title="按承办单位">
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
            </Card>
          </Col>
        </Row>
      ) : (
        '加载中…'
      )}
    </PageContainer>
  );
}
