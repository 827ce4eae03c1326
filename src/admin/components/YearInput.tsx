// The year picker of yearly pages (statistics, annual reports): 2008 (the regulations' first year) to 2100.
import { InputNumber } from 'antd';
import { chinaDate } from '../time';

/** This year in China time (UTC+8), minus `back` years. */
export function chinaYear(back = 0): number {
  return Number(chinaDate().slice(0, 4)) - back;
}

export function YearInput({
  value,
  onChange,
  testId,
}: {
  value: number;
  onChange: (year: number) => void;
  testId: string;
}) {
  return (
    <InputNumber
      aria-label="年度"
      value={value}
      min={2008}
      max={2100}
      onChange={(v) => v && onChange(v)}
      data-testid={testId}
    />
  );
}
