import { CalculatorOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  InputNumber,
  Row,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type CSSProperties, useMemo } from 'react';
import type { CalendarYearSummary } from '../../../../contracts/calendar';
import { usePermission } from '../../../auth';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { DAY_KIND_LABELS, type DayKind, dayIndex, type GridDay, monthGrid } from '../calendarGrid';
import { yearOfCalendarJson } from '../calendarJson';
import { useAddWorkingDays, useCalendarYears, useSaveCalendarYear } from '../calendarQueries';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const KIND_STYLE: Record<DayKind, CSSProperties> = {
  workday: {},
  weekend: { color: '#8c8c8c' },
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  makeup: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
};

function MonthGrid({
  year,
  month,
  index,
}: {
  year: number;
  month: number;
  index: ReturnType<typeof dayIndex>;
}) {
  const weeks = monthGrid(year, month, index);
  return (
    <Card size="small" title={`${month} 月`} styles={{ body: { padding: 8 } }}>
      <table style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'center', fontSize: 12 }}>
        <thead>
          <tr>
            {WEEKDAYS.map((w) => (
              <th key={w} style={{ fontWeight: 400, color: '#8c8c8c' }}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find((d) => d)?.date}>
              {week.map((d: GridDay | null, i) =>
                d ? (
                  <td
                    key={d.date}
                    title={d.holiday ? `${d.holiday} ${DAY_KIND_LABELS[d.kind]}` : DAY_KIND_LABELS[d.kind]}
                    data-date={d.date}
                    data-kind={d.kind}
                    style={{ padding: 2, borderRadius: 4, ...KIND_STYLE[d.kind] }}
                  >
                    {d.day}
                  </td>
                ) : (
                  <td key={`pad-${i}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function YearPanel({ summary }: { summary: CalendarYearSummary }) {
  const index = useMemo(() => dayIndex(summary), [summary]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: '依据', label: '依据', children: <>{summary.source}</> },
          { key: '全年工作日', label: '全年工作日', children: <>{summary.workingDays} 天</> },
        ]}
      />
      <Space wrap>
        <Tag color="red">放假</Tag>
        <Tag color="blue">调休上班</Tag>
        <Typography.Text type="secondary">灰色为周末</Typography.Text>
      </Space>
      <Space wrap size={[8, 8]}>
        {summary.holidays.map((h) => (
          <Tag key={h.name}>
            {h.name}：放假 {h.off.length} 天
            {h.makeupWorkdays.length ? `，调休上班 ${h.makeupWorkdays.join('、')}` : ''}
          </Tag>
        ))}
      </Space>
      <Row gutter={[12, 12]}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
          <Col key={m} xs={24} sm={12} lg={8} xl={6}>
            <MonthGrid year={summary.year} month={m} index={index} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function Calculator() {
  const calc = useAddWorkingDays();
  return (
    <Card title="工作日计算" data-testid="calendar-calculator">
      <Form<{ date: Dayjs; days: number }>
        layout="inline"
        onFinish={(v) => calc.mutate({ date: v.date.format('YYYY-MM-DD'), days: v.days })}
      >
        <Form.Item name="date" label="起算日" rules={required('请选择日期')}>
          <DatePicker data-testid="calc-date" />
        </Form.Item>
        <Form.Item name="days" label="工作日数" rules={required('请输入天数')}>
          <InputNumber min={0} max={366} precision={0} data-testid="calc-days" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={calc.isPending}>
            计算
          </Button>
        </Form.Item>
      </Form>
      {calc.data ? (
        <div style={{ marginTop: 16 }} data-testid="calc-result">
          <Typography.Title level={5}>
            结果：{calc.data.date}
            {calc.data.provisional ? (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                暂定（跨入尚未公布节假日安排的年份）
              </Tag>
            ) : null}
          </Typography.Title>
          <Timeline items={calc.data.trace.map((t, i) => ({ key: `${i}-${t}`, content: t }))} />
        </div>
      ) : null}
    </Card>
  );
}

/** Loads a year's holiday data (the JSON format of src/domain/calendar/data) once the State Council publishes it. */
function YearUpload() {
  const { message } = App.useApp();
  const save = useSaveCalendarYear(
    (y) => void message.success(`已更新 ${y.year} 年工作日历（全年工作日 ${y.workingDays} 天）`),
  );
  return (
    <Upload
      accept=".json,application/json"
      showUploadList={false}
      beforeUpload={(file) => {
        void file.text().then((text) => save.mutate(yearOfCalendarJson(text)));
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<UploadOutlined />} loading={save.isPending} data-testid="calendar-upload">
        导入年度日历
      </Button>
    </Upload>
  );
}

export default function CalendarPage() {
  const can = usePermission();
  const years = useCalendarYears();
  const sorted = useMemo(() => [...(years.data ?? [])].sort((a, b) => a.year - b.year), [years.data]);
  const thisYear = String(new Date().getFullYear());
  const defaultKey = sorted.some((y) => String(y.year) === thisYear)
    ? thisYear
    : String(sorted.at(-1)?.year ?? '');

  return (
    <PageContainer
      title="工作日历"
      testId="calendar-page"
      extra={can('system:calendar:update') ? <YearUpload /> : null}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card loading={years.isPending}>
          {sorted.length === 0 ? (
            years.isError ? (
              <Alert type="error" title="日历数据加载失败" />
            ) : (
              <Empty description="暂无日历数据" />
            )
          ) : (
            <Tabs
              defaultActiveKey={defaultKey}
              items={sorted.map((y) => ({
                key: String(y.year),
                label: `${y.year} 年`,
                children: <YearPanel summary={y} />,
              }))}
            />
          )}
        </Card>
        <Calculator />
      </Space>
    </PageContainer>
  );
}
