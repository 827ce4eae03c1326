// One figure of a statistics page in a quarter-width card; `alert` colours a non-zero figure red (逾期).
import { Card, Col, Statistic } from 'antd';

export function StatCard(props: { title: string; value: number | string; alert?: boolean; testId?: string }) {
  return (
    <Col xs={12} md={6}>
      <Card>
        <Statistic
          title={props.title}
          value={props.value}
          valueStyle={{ color: props.alert && props.value ? '#cf1322' : undefined }}
          data-testid={props.testId}
        />
      </Card>
    </Col>
  );
}
