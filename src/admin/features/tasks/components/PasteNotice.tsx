// The import's second way in: a notice's text copied from a browser (the page, or just its table — cells on
// their own lines or separated by tabs) pasted into a box, previewed exactly as an uploaded file would be.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ImportPreview } from '../../../../contracts/tasks';
import { ApiError } from '../../../api';
import { previewPasted } from '../queries';

export function PasteNotice({
  year,
  onParsed,
  onSent,
  onError,
}: {
  year: number | null;
  onParsed: (p: ImportPreview) => void;
  /** The text is being read (the page keeps it, to read it again with columns named by hand). */
  onSent?: (text: string) => void;
  onError?: (error: unknown) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const parse = useMutation({
    mutationFn: () => previewPasted(text, year),
    meta: { silent: true },
    onMutate: () => {
      setError(null);
      onSent?.(text);
    },
    onSuccess: onParsed,
    onError: (e) => {
      setError(e instanceof ApiError ? e.message : '识别失败');
      onError?.(e);
    },
  });
  return (
    <Card size="small" title="或粘贴通知文字" data-testid="tasks-paste">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          在浏览器中选中通知全文或其中的任务表格，复制后粘贴到下面（网页的导航、页脚等会被自动忽略）。
        </Typography.Text>
        <Input.TextArea
          aria-label="粘贴的通知文字"
          rows={8}
          value={text}
          maxLength={2_000_000}
          onChange={(e) => setText(e.target.value)}
          placeholder="在此粘贴通知文字或表格"
        />
        <Button
          type="primary"
          disabled={!text.trim()}
          loading={parse.isPending}
          onClick={() => parse.mutate()}
          data-testid="tasks-paste-submit"
        >
          识别粘贴的文字
        </Button>
        {error ? <Alert type="error" showIcon title={error} data-testid="tasks-paste-error" /> : null}
      </Space>
    </Card>
  );
}
