import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import type { Paged } from '../../../contracts/api';
import type { CaseSummary } from '../../../contracts/requests';
import { get } from '../../api';
import { DUE_COLORS, dueLevel } from './labels';

/** Home-page card: the open applications with the nearest reply due dates. */
export default function DueCard() {
  const q = useQuery({
    queryKey: ['/requests/cases', { status: 'open', pageSize: 5 }],
    queryFn: ({ signal }) => get<Paged<CaseSummary>>('/requests/cases?status=open&pageSize=5', signal),
  });
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
