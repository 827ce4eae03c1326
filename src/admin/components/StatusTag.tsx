import { type TableColumnType, Tag } from 'antd';
import type { ReactNode } from 'react';

/** A coloured tag from a code, its label dictionary and its colour dictionary. */
export function StatusTag<C extends string>({
  value,
  labels,
  colors,
}: {
  value: C;
  labels: Record<C, string>;
  colors: Partial<Record<C, string>>;
}) {
  return (
    <Tag color={colors[value]} data-status={value}>
      {labels[value] ?? value}
    </Tag>
  );
}

/** A table column that shows its code as a StatusTag (the usual 状态 column). */
export function statusColumn<T, C extends string = string>(
  labels: Record<C, string>,
  colors: Partial<Record<C, string>>,
  width?: number,
  title = '状态',
  dataIndex = 'status',
): TableColumnType<T> {
  return {
    title,
    dataIndex,
    width,
    render: (v: C) => <StatusTag value={v} labels={labels} colors={colors} />,
  };
}

/** A table column that shows its code's label (类型, 渠道 …). */
export function labelColumn<T, C extends string = string>(
  title: string,
  dataIndex: string,
  labels: Record<C, string>,
  width?: number,
): TableColumnType<T> {
  return { title, dataIndex, width, render: (v: C) => labels[v] };
}

/** The 操作 column, kept in view at the right of a wide table. */
export function actionsColumn<T>(
  width: number,
  render: (row: T) => ReactNode,
  key = 'actions',
): TableColumnType<T> {
  return { title: '操作', key, width, fixed: 'right', render: (_, row) => render(row) };
}

export const USER_STATUS_LABELS = { active: '正常', disabled: '停用' } as const;
export const USER_STATUS_COLORS = { active: 'green', disabled: 'default' } as const;
export const RESULT_LABELS = { success: '成功', failure: '失败' } as const;
export const RESULT_COLORS = { success: 'green', failure: 'red' } as const;
