import { Badge, Card, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TodoGroup } from '../../../../contracts/todo';
import { useTodo } from '../queries';

function Group({ g }: { g: TodoGroup }) {
  return (
    <List
      size="small"
      dataSource={g.items}
      locale={{ emptyText: '暂无' }}
      renderItem={(i) => (
        <List.Item>
          <Link to={i.link} style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {i.title}
          </Link>
          {i.due ? (
            <Tag color={i.overdue ? 'red' : 'orange'}>{i.overdue ? `已逾期 ${i.due}` : `${i.due} 前`}</Tag>
          ) : null}
        </List.Item>
      )}
      footer={g.count > g.items.length ? <Link to={g.link}>查看全部 {g.count} 项</Link> : null}
    />
  );
}

/** The home page's 待办: what waits for this user, by kind, unconfirmed online applications first. */
export function TodoCard() {
  const q = useTodo();
  const groups = q.data?.groups ?? [];
  return (
    <Card title="我的待办" id="todo" data-testid="home-todo" loading={q.isPending}>
      {groups.length === 0 ? (
        <Empty description="您当前的角色没有需要办理的事项" />
      ) : (
        <Collapse
          defaultActiveKey={groups.filter((g) => g.count > 0).map((g) => g.kind)}
          items={groups.map((g) => ({
            key: g.kind,
            label: (
              <Space>
                <Typography.Text strong={g.count > 0}>{g.label}</Typography.Text>
                <Badge count={g.count} showZero color={g.count ? '#cf1322' : '#8c8c8c'} />
                {g.overdue > 0 ? <Tag color="red">逾期 {g.overdue}</Tag> : null}
              </Space>
            ),
            children: <Group g={g} />,
          }))}
          data-testid="todo-groups"
        />
      )}
    </Card>
  );
}
