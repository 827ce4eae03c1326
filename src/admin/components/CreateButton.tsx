import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';

/** The primary "add" button of a page or list: plus icon, 新增 unless the page names what it adds. */
export function CreateButton({
  onClick,
  testId,
  children = '新增',
}: {
  onClick: () => void;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}
