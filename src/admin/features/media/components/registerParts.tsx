// Parts shared by the two registers (websites, 政务新媒体): the search fields, the status column and the verdict of
// the latest check (合格 in green, 不合格 in red).
import { Form, Input, type TableColumnType, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ChannelStatus } from '../../../../domain/media/registry';
import { FilterSelect } from '../../../components/FilterSelect';
import { statusColumn } from '../../../components/StatusTag';
import { CHANNEL_STATUS_COLORS, CHANNEL_STATUS_LABELS } from '../labels';

export function RegisterSearch({ label, placeholder }: { label: string; placeholder: string }) {
  return (
    <>
      <Form.Item name="q" label={label}>
        <Input allowClear placeholder={placeholder} />
      </Form.Item>
      <FilterSelect name="status" label="状态" labels={CHANNEL_STATUS_LABELS} width={120} />
    </>
  );
}

/** The registers' 状态 column. */
export const channelStatusColumn = <T,>() =>
  statusColumn<T, ChannelStatus>(CHANNEL_STATUS_LABELS, CHANNEL_STATUS_COLORS, 80);

/** A check's verdict: 合格 in green, anything else in red. */
export function VerdictTag({
  verdict,
  children,
  testId,
}: {
  verdict: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Tag color={verdict === '合格' ? 'green' : 'red'} data-testid={testId}>
      {children ?? verdict}
    </Tag>
  );
}

/** The registers' latest-check column: its date and verdict, or `none` when the channel was never checked. */
export function lastVerdictColumn<T>(
  title: string,
  latest: (r: T) => { on: string; verdict: string } | null,
  none: string,
): TableColumnType<T> {
  return {
    title,
    key: 'last',
    width: 150,
    render: (_, r) => {
      const last = latest(r);
      return last ? (
        <VerdictTag verdict={last.verdict}>
          {last.on} {last.verdict}
        </VerdictTag>
      ) : (
        none
      );
    },
  };
}
