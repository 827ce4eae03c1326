import { Drawer, Space } from 'antd';
import type { ReactNode } from 'react';

/** A record's drawer, open while an id is chosen: loading until its query answers, then the sections stacked. */
export function DetailDrawer<T>({
  id,
  onClose,
  query,
  title,
  width,
  testId,
  children,
}: {
  id: string | null;
  onClose: () => void;
  query: { isPending: boolean; data: T | undefined };
  title: ReactNode;
  width: number;
  testId: string;
  children: (record: T) => ReactNode;
}) {
  return (
    <Drawer
      title={title}
      open={!!id}
      onClose={onClose}
      size={width}
      destroyOnHidden
      data-testid={testId}
      loading={query.isPending && !!id}
    >
      {query.data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {children(query.data)}
        </Space>
      ) : null}
    </Drawer>
  );
}
