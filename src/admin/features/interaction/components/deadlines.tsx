// How the 互动回应 records show their deadlines (政策咨询, 信箱, 公开承诺): the due day, red with （已逾期） once
// the record is overdue, and the day answered, with （逾期答复） when the answer came late. One place, so the
// ledgers and the detail views say it the same way.
import { type TableColumnType, Tag } from 'antd';

export function DueDay({ day, overdue }: { day: string; overdue: boolean }) {
  return overdue ? <Tag color="red">{day}（已逾期）</Tag> : day;
}

/** A ledger's deadline column (140 px). */
export function dueColumn<T extends { overdue: boolean }>(
  title: string,
  dataIndex: keyof T & string,
): TableColumnType<T> {
  return {
    title,
    dataIndex,
    width: 140,
    render: (v: string, r) => <DueDay day={v} overdue={r.overdue} />,
  };
}

/** A ledger's 答复 column (150 px): the day answered, or — before. */
export function answeredColumn<T extends { onTime: boolean | null }>(
  dataIndex: keyof T & string,
): TableColumnType<T> {
  return {
    title: '答复',
    dataIndex,
    width: 150,
    render: (v: string | null, r) => (v ? `${v}${r.onTime === false ? '（逾期答复）' : ''}` : '—'),
  };
}
