// One select of a list page's search form (状态, 类型, 逾期 …): cleared, it means 全部.
import { Form, Select } from 'antd';

type Option = { value: string; label: string };

/** The options of a select from a label dictionary, in the dictionary's order. */
export const optionsOf = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function FilterSelect({
  name,
  label,
  labels,
  options,
  width,
  placeholder,
  testId,
}: {
  name: string;
  label: string;
  /** code → label; or the options themselves. */
  labels?: Record<string, string>;
  options?: Option[];
  width: number;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <Form.Item name={name} label={label}>
      <Select
        allowClear
        style={{ width }}
        aria-label={label}
        placeholder={placeholder}
        options={options ?? optionsOf(labels ?? {})}
        data-testid={testId}
      />
    </Form.Item>
  );
}
