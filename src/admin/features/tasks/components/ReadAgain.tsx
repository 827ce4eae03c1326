// Reading a notice again, the officer's way: with a table's columns named by hand (手动指定表格的列), or by its
// numbered items when it names no unit (按编号条目读取). Offered after a reading that found no task, and from the
// preview to correct a table read wrongly.
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import type { ImportPreview, ManualColumnsBody, TablePreview } from '../../../../contracts/tasks';
import { ApiError } from '../../../api';
import { previewImport, previewPasted } from '../queries';
import { ColumnMapper } from './ColumnMapper';

/** What the officer sent last: a file, or pasted text. */
export type Source = { file: File } | { text: string };
export type Reading = { columns?: ManualColumnsBody; items?: boolean };
type Again = UseMutationResult<ImportPreview, Error, Reading>;

/** The notice sent last read again with a reading; `onRead` gets the preview and the reading it came from. */
export function useReadAgain(
  source: Source | null,
  year: number | null,
  onRead: (p: ImportPreview, read: Reading) => void,
): Again {
  return useMutation({
    mutationFn: (read: Reading) => {
      if (!source) return Promise.reject(new Error('请重新上传通知'));
      return 'file' in source
        ? previewImport(source.file, year, () => {}, read)
        : previewPasted(source.text, year, read);
    },
    meta: { silent: true },
    onSuccess: onRead,
  });
}

/** The error of the last reading again, when it was of this kind. */
const errorOf = (again: Again, kind: keyof Reading) =>
  again.error && again.variables?.[kind]
    ? again.error instanceof ApiError
      ? again.error.message
      : '识别失败'
    : null;

/** 手动指定表格的列 for these tables, started from the columns used last (if any). */
export function ColumnsCard({
  tables,
  used,
  again,
}: {
  tables: TablePreview[];
  used: ManualColumnsBody | null;
  again: Again;
}) {
  return (
    <Card size="small" title="手动指定表格的列" data-testid="tasks-columns-card">
      <ColumnMapper
        tables={tables}
        used={used}
        pending={again.isPending}
        error={errorOf(again, 'columns')}
        onApply={(columns) => again.mutate({ columns })}
      />
    </Card>
  );
}

/** After a reading that found no task: name a table's columns (when there are tables), or read the numbered items. */
export function UnreadHelp({ tables, again }: { tables: TablePreview[]; again: Again }) {
  const itemsError = errorOf(again, 'items');
  return (
    <>
      {tables.length > 0 ? <ColumnsCard tables={tables} used={null} again={again} /> : null}
      <Card size="small" title="通知没有写明承担单位？" data-testid="tasks-items-card">
        <Space orientation="vertical">
          <Typography.Text type="secondary">
            工作要点等通知常不写承担单位：可把最末一级编号条目（“一、”“（一）”“1.”下的条目）读作任务，承担单位在下一步逐项填写，不是任务的条目可“不导入”。
          </Typography.Text>
          <Button
            loading={again.isPending && !!again.variables?.items}
            onClick={() => again.mutate({ items: true })}
            data-testid="tasks-items-apply"
          >
            按编号条目读取
          </Button>
          {itemsError ? (
            <Alert type="error" showIcon title={itemsError} data-testid="tasks-items-error" />
          ) : null}
        </Space>
      </Card>
    </>
  );
}
