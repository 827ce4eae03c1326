import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import type { Endpoint } from '../../contracts/http';
import { type RowError, rowErrorsOf, upload, uploadTo } from '../api';
import { showError } from '../queryClient';

/**
 * Uploads an .xlsx to an all-or-nothing import endpoint. Row errors (400 VALIDATION, details.rows) are listed
 * in a dialog so the user can fix the sheet and try again.
 */
export function ImportButton<R>({
  endpoint,
  path,
  label = '导入',
  accept = '.xlsx',
  onDone,
  describe,
  testId,
}: {
  /** The import endpoint contract (`upload: true`). */
  endpoint?: Endpoint;
  /** Transitional: an upload path for features whose contracts are not yet in src/contracts. */
  path?: string;
  label?: string;
  accept?: string;
  onDone?: (result: R) => void;
  describe: (result: R) => string;
  testId?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [rows, setRows] = useState<RowError[] | null>(null);
  const [errorMessage, setErrorMessage] = useState('');
  const { message } = App.useApp();

  return (
    <>
      <Upload
        accept={accept}
        showUploadList={false}
        beforeUpload={async (file) => {
          setBusy(true);
          try {
            const result = (
              endpoint ? await uploadTo(endpoint, file) : await upload<R>(path ?? '', file)
            ) as R;
            void message.success(describe(result));
            onDone?.(result);
          } catch (e) {
            const r = rowErrorsOf(e);
            if (r.length > 0) {
              setErrorMessage(e instanceof Error ? e.message : '导入失败');
              setRows(r);
            } else showError(e);
          } finally {
            setBusy(false);
          }
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          {label}
        </Button>
      </Upload>
      <Modal
        open={rows !== null}
        title="导入失败：请修改以下行后重新导入"
        onCancel={() => setRows(null)}
        footer={
          <Button type="primary" onClick={() => setRows(null)}>
            知道了
          </Button>
        }
        width={640}
      >
        <Alert
          type="error"
          showIcon
          title={errorMessage}
          description="导入为整体操作，本次未导入任何数据。"
        />
        <Table<RowError>
          style={{ marginTop: 12 }}
          data-testid="import-row-errors"
          size="small"
          rowKey={(r) => `${r.row}-${r.message}`}
          dataSource={rows ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80 },
            { title: '错误', dataIndex: 'message' },
          ]}
        />
      </Modal>
    </>
  );
}
