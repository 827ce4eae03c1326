// 手动指定表格的列: when the parser did not know a table's header (or read it wrongly), the officer sees the
// table's first rows, says what each column holds and how many rows the header takes, and the notice is read
// again with that. Later tables of the same width (a table broken at page ends) follow the same columns.
import { Alert, Button, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ManualColumnsBody, TablePreview } from '../../../../contracts/tasks';
import { COLUMN_ROLE_LABELS, COLUMN_ROLES, type ColumnRole } from '../../../../domain/tasks/notice';

const ROLE_OPTIONS = COLUMN_ROLES.map((r) => ({ value: r, label: COLUMN_ROLE_LABELS[r] }));

/** The table to start from: the one the officer used last, else one the parser read, else the longest. */
function firstTable(tables: TablePreview[], used: ManualColumnsBody | null): TablePreview | undefined {
  return (
    tables.find((t) => t.table === used?.table) ??
    tables.find((t) => t.roles !== null) ??
    [...tables].sort((a, b) => b.rowCount - a.rowCount)[0]
  );
}

const rolesFor = (t: TablePreview, used: ManualColumnsBody | null): ColumnRole[] =>
  Array.from(
    { length: t.width },
    (_, i) => (used?.table === t.table ? used.roles[i] : (t.roles ?? t.guess)?.[i]) ?? 'ignore',
  );

export function ColumnMapper({
  tables,
  used,
  pending,
  error,
  onApply,
}: {
  tables: TablePreview[];
  /** The columns of the reading shown now, when the officer named them. */
  used: ManualColumnsBody | null;
  pending: boolean;
  error: string | null;
  onApply: (columns: ManualColumnsBody) => void;
}) {
  const start = firstTable(tables, used);
  const [tableNo, setTableNo] = useState(start?.table ?? 1);
  const table = tables.find((t) => t.table === tableNo) ?? start;
  const [headerRows, setHeaderRows] = useState(
    used && used.table === start?.table ? used.headerRows : (start?.headerRows ?? 1),
  );
  const [roles, setRoles] = useState<ColumnRole[]>(start ? rolesFor(start, used) : []);
  if (!table) return null;

  const pick = (no: number) => {
    const t = tables.find((x) => x.table === no);
    if (!t) return;
    setTableNo(no);
    setHeaderRows(t.headerRows);
    setRoles(rolesFor(t, used));
  };
  const setRole = (col: number, role: ColumnRole) =>
    setRoles((rs) => rs.map((r, i) => (i === col ? role : r)));
  const tasks = roles.filter((r) => r === 'task').length;
  const problem =
    tasks === 0
      ? '请指定一列为“工作任务”'
      : tasks > 1
        ? '“工作任务”只能指定一列，其余可设为“分类（上级任务）”'
        : null;
  const noUnits = !roles.some((r) => r === 'lead' || r === 'responsible');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="tasks-columns">
      <Typography.Text type="secondary">
        为表格的每一列选择用途，并填写表头占几行；系统按这些列重新识别（同样列数的后续表格视为同一张表的续表）。
        {table.roles === null && table.guess !== null && used?.table !== table.table
          ? '已按各列内容预选用途，请核对。'
          : ''}
      </Typography.Text>
      <Space wrap>
        {tables.length > 1 ? (
          <Select<number>
            aria-label="表格"
            style={{ minWidth: 260 }}
            value={table.table}
            onChange={pick}
            options={tables.map((t) => ({
              value: t.table,
              label: `表${t.table}${t.name ? `「${t.name}」` : ''}：${t.rowCount} 行 × ${t.width} 列`,
            }))}
          />
        ) : (
          <Typography.Text>
            表{table.table}
            {table.name ? `「${table.name}」` : ''}：{table.rowCount} 行 × {table.width} 列
          </Typography.Text>
        )}
        <span>表头行数</span>
        <InputNumber
          aria-label="表头行数"
          min={0}
          max={Math.min(20, table.rowCount)}
          value={headerRows}
          onChange={(v) => setHeaderRows(v ?? 0)}
        />
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <table className="gk-column-map" data-testid="tasks-columns-table">
          <thead>
            <tr>
              <th scope="col">行</th>
              {roles.map((role, col) => (
                <th key={col} scope="col">
                  <Select<ColumnRole>
                    aria-label={`第${col + 1}列的用途`}
                    data-testid={`tasks-column-${col + 1}`}
                    size="small"
                    style={{ width: 136 }}
                    value={role}
                    onChange={(r) => setRole(col, r)}
                    options={ROLE_OPTIONS}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className={r < headerRows ? 'gk-column-map-header' : undefined}>
                <td>{r < headerRows ? <Tag>表头</Tag> : r + 1}</td>
                {row.map((cell, col) => (
                  <td key={col}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {table.rowCount > table.rows.length ? (
          <Typography.Text type="secondary">
            仅显示前 {table.rows.length} 行，共 {table.rowCount} 行
          </Typography.Text>
        ) : null}
      </div>
      {problem ? <Alert type="info" showIcon title={problem} /> : null}
      {!problem && noUnits ? (
        <Alert type="warning" showIcon title="未指定牵头单位或责任单位列：导入前需逐项填写承担单位" />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} data-testid="tasks-columns-error" /> : null}
      <Button
        type="primary"
        disabled={!!problem}
        loading={pending}
        onClick={() => onApply({ table: table.table, headerRows, roles })}
        data-testid="tasks-columns-apply"
      >
        按指定的列识别
      </Button>
    </Space>
  );
}
