import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import { DUE_COLORS, dueLevel } from './labels';
import { useOpenCases } from './queries';

/** Home-page card: the open applications with the nearest reply due dates. */
export default function DueCard() {
  const q = useOpenCases(5);
  return (
    <Card title="临期申请" extra={<Link to="/requests/cases">全部</Link>} data-testid="home-due-card">
      <List
        size="small"
        loading={q.isPending}
        dataSource={(q.data?.items ?? []).filter((c) => c.replyDue)}
        locale={{ emptyText: '没有待答复的申请' }}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/requests/cases/${c.id}`}>{c.caseNo}</Link>
            <span
              style={{
                flex: 1,
                margin: '0 8px',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
            >
              {c.description}
            </span>
            <Tag color={DUE_COLORS[dueLevel(c.workingDaysLeft)]}>{c.replyDue}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
