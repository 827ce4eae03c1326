import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useTodo } from '../queries';

/** The bell in the top bar: the number of things waiting, leading to the home page's 待办. */
export function TodoBell() {
  const q = useTodo();
  const navigate = useNavigate();
  const n = q.data?.total ?? 0;
  return (
    <Badge count={n} size="small" overflowCount={99}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={n ? `待办 ${n} 项` : '待办'}
        onClick={() => navigate('/#todo')}
        data-testid="todo-bell"
      />
    </Badge>
  );
}
