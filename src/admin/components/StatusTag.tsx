import { type TableColumnType, Tag } from 'antd';

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

export const USER_STATUS_LABELS = { active: '正常', disabled: '停用' } as const;
export const USER_STATUS_COLORS = { active: 'green', disabled: 'default' } as const;
export const RESULT_LABELS = { success: '成功', failure: '失败' } as const;
export const RESULT_COLORS = { success: 'green', failure: 'red' } as const;
