import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { CallArgs, Endpoint } from '../../contracts/http';
import { download, downloadFrom } from '../api';
import { showError } from '../queryClient';

/** Downloads a file from the API (blob + the server's file name). */
export function DownloadButton<E extends Endpoint = Endpoint>({
  endpoint,
  args,
  path,
  fallbackName,
  label = '导出',
  testId,
}: {
  /** The download endpoint contract, with its arguments. */
  endpoint?: E;
  args?: CallArgs<E>;
  /** Transitional: a download path for features whose contracts are not yet in src/contracts. */
  path?: string;
  fallbackName: string;
  label?: string;
  testId?: string;
}) {
  const [loading, setLoading] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={loading}
      data-testid={testId}
      onClick={async () => {
        setLoading(true);
        try {
          const name = endpoint
            ? await downloadFrom(endpoint, fallbackName, args)
            : await download(path ?? '', fallbackName);
          void message.success(`已导出：${name}`);
        } catch (e) {
          showError(e);
        } finally {
          setLoading(false);
        }
      }}
    >
      {label}
    </Button>
  );
}
