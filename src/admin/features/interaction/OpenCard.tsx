import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import { useOpenConsultations } from './queries';

/** Home-page card for handlers: the consultations waiting for an answer, nearest due date first. */
export default function OpenCard() {
  const q = useOpenConsultations(5);
  return (
    <Card
      title="待答复咨询"
      extra={<Link to="/interaction/consultations">全部</Link>}
      data-testid="home-consult-card"
    >
      <List
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '没有待答复的咨询' }}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/interaction/consultations/${c.id}`} style={{ flex: 1, marginRight: 8 }}>
              {c.question.length > 24 ? `${c.question.slice(0, 24)}…` : c.question}
            </Link>
            <Tag color={c.overdue ? 'red' : 'blue'}>
              {c.answerDue}
              {c.overdue ? ' 已逾期' : ''}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
