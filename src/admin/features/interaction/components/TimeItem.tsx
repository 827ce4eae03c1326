// A required form field for a China time typed as YYYY-MM-DD HH:mm (来电时间, 发现时间, 回应时间): the forms send it
// through fromChinaTime.
import { Form, Input } from 'antd';
import { TIME_PATTERN } from '../labels-hotline';

export function TimeItem({
  name,
  label,
  missing = '请填写',
  testId,
}: {
  name: string;
  label: string;
  /** The message when it is left empty. */
  missing?: string;
  testId?: string;
}) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: missing }, TIME_PATTERN]}>
      <Input placeholder="YYYY-MM-DD HH:mm" data-testid={testId} />
    </Form.Item>
  );
}
