// The fields of a list page's search form: a select (状态, 类型, 逾期 …), a text box (关键词, 用户 …) and a date
// range. Cleared, each means 全部.
import { DatePicker, Form, Input, Select } from 'antd';

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

/** A text box of a search form (关键词, 用户 …). */
export function FilterInput({
  name,
  label,
  width,
  placeholder,
  testId,
}: {
  name: string;
  label: string;
  width: number;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <Form.Item name={name} label={label}>
      <Input allowClear placeholder={placeholder} style={{ width }} data-testid={testId} />
    </Form.Item>
  );
}

/** A date range of a search form (either end may stay open), as the form value `range`. */
export function FilterRange({ label, width }: { label: string; width?: number }) {
  return (
    <Form.Item name="range" label={label}>
      <DatePicker.RangePicker allowEmpty={[true, true]} style={width ? { width } : undefined} />
    </Form.Item>
  );
}
