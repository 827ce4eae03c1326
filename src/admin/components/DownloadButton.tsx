import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { CallArgs, Endpoint } from '../../contracts/http';
import { download, downloadFrom } from '../api';
import { showError } from '../queryClient';
import type { QueryParams } from './SearchTable';

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

/**
 * The export of a list with the filters last applied to it: give `onFiltersChange` to the list's SearchTable and
 * render `button` where the page wants it.
 */
export function useFilteredExport<E extends Endpoint>(
  endpoint: E,
  button: { fallbackName: string; label?: string; testId?: string },
) {
  const [filters, setFilters] = useState<QueryParams>({});
  return {
    onFiltersChange: setFilters,
    button: <DownloadButton endpoint={endpoint} args={{ query: filters } as CallArgs<E>} {...button} />,
  };
}
