import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import type { PermissionCode } from '../../contracts/permissions';
import { usePermission } from '../auth';

/**
 * The primary "add" button of a page or list: plus icon, 新增 unless the page names what it adds; with a
 * permission, shown only to users who have it.
 */
export function CreateButton({
  onClick,
  testId,
  permission,
  children = '新增',
}: {
  onClick: () => void;
  testId?: string;
  permission?: PermissionCode;
  children?: ReactNode;
}) {
  const can = usePermission();
  if (permission && !can(permission)) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}
