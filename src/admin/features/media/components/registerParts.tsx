// Parts shared by the two registers (websites, 政务新媒体): the search fields and the status column.
import { Form, Input } from 'antd';
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
