// One required whole-number setting (a limit, a period) with its unit, range and help: the security policy's fields
// and the retention periods are each a list of these.
import { Form, InputNumber } from 'antd';

export function WholeNumberItem(props: {
  name: string;
  label: string;
  help: string;
  unit: string;
  min: number;
  max: number;
  testId: string;
}) {
  const { label } = props;
  return (
    <Form.Item
      name={props.name}
      label={label}
      extra={props.help}
      rules={[{ required: true, message: `请输入${label}` }]}
    >
      <InputNumber
        min={props.min}
        max={props.max}
        precision={0}
        suffix={props.unit}
        style={{ width: 160 }}
        data-testid={props.testId}
      />
    </Form.Item>
  );
}
