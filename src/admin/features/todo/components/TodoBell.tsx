import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTodo } from '../queries';

/** The bell in the top bar: the number of things waiting, leading to the home page's 待办. */
export function TodoBell() {
  // The count waits until the page has drawn (the browser idle, two seconds at most): on a loaded 2-core machine
  // its request would otherwise take CPU from the server and the browser while the page's own data loads. On the
  // home page the 待办 list asks for the same answer at once and the bell shares it.
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const done = () => setIdle(true);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(done, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(done, 1000);
    return () => clearTimeout(id);
  }, []);
  const q = useTodo(idle);
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
