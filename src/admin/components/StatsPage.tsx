// The frame of a statistics page: the title with the year box (one calendar year, China time), the figures in a
// Row once loaded ('加载中…' before), and the panels of its charts and tables.
import { Card, Col, Row } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { PageContainer } from './PageContainer';
import { chinaYear, YearInput } from './YearInput';

/** A statistics page for one year: `useStats(year)` loads its figures; `children` lays them out (StatCard, StatsPanel). */
export function YearStatsPage<T>({
  title,
  testId,
  yearTestId,
  useStats,
  children,
}: {
  title: string;
  testId: string;
  yearTestId: string;
  useStats: (year: number) => T | undefined;
  children: (stats: T) => ReactNode;
}) {
  const [year, setYear] = useState(() => chinaYear());
  const stats = useStats(year);
  return (
    <PageContainer
      title={title}
      testId={testId}
      extra={<YearInput value={year} onChange={setYear} testId={yearTestId} />}
    >
      <StatsBody stats={stats}>{children}</StatsBody>
    </PageContainer>
  );
}

/** The figures in a Row once loaded, '加载中…' before. */
export function StatsBody<T>({
  stats,
  children,
}: {
  stats: T | undefined;
  children: (stats: T) => ReactNode;
}) {
  return stats ? <Row gutter={[16, 16]}>{children(stats)}</Row> : '加载中…';
}

const PANEL_SPAN = { wide: { xs: 24, xl: 14 }, narrow: { xs: 24, xl: 10 }, full: { xs: 24 } } as const;

/** A titled card of a statistics page: `wide` (14/24 on a large screen), `narrow` (10/24) or `full` width. */
export function StatsPanel({
  title,
  size,
  children,
}: {
  title: string;
  size: keyof typeof PANEL_SPAN;
  children: ReactNode;
}) {
  return (
    <Col {...PANEL_SPAN[size]}>
      <Card title={title}>{children}</Card>
    </Col>
  );
}

/** A panel's counts as a list, `label：count` a line (channels, satisfaction, application families…). */
export function CountList({
  rows,
  testId,
  style,
}: {
  rows: readonly { key: string; label: string; count: number }[];
  testId?: string;
  style?: CSSProperties;
}) {
  return (
    <ul data-testid={testId} style={style}>
      {rows.map((r) => (
        <li key={r.key}>
          {r.label}：{r.count}
        </li>
      ))}
    </ul>
  );
}
