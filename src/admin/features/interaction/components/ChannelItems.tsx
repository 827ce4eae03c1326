// The 渠道 of a registration (来电, 政策咨询) and, for a 12345 one, its work-order number: one pair of fields for
// both forms, which name the number in their own words.
import { Form, Input, Select } from 'antd';
import { optionsOf } from '../../../components/FilterSelect';

export function ChannelItems({
  label,
  labels,
  orderLabel,
}: {
  label: string;
  labels: Record<string, string>;
  /** The number's name: 工单编号, 工单号. */
  orderLabel: string;
}) {
  const channel = Form.useWatch('channel');
  return (
    <>
      <Form.Item name="channel" label={label} rules={[{ required: true }]}>
        <Select options={optionsOf(labels)} />
      </Form.Item>
      {channel === 'hotline_12345' && (
        <Form.Item
          name="workOrderNo"
          label={`12345 ${orderLabel}`}
          rules={[{ required: true, message: `请填写${orderLabel}` }]}
        >
          <Input />
        </Form.Item>
      )}
    </>
  );
}
