// The console's one import wizard: 上传 → 核对 → 完成. It owns the upload step (drag-and-drop, progress, the
// parse error); the page renders the check step and the result, and decides when to move on. The footer of the
// check step (what is left to confirm, 重新上传, 提交) is shared too.
import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Result, Space, Steps, Tag, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api';

export type WizardStep = 0 | 1 | 2;

export function UploadWizard<P>({
  titles,
  step,
  testPrefix,
  accept,
  text,
  hint,
  before,
  after,
  upload,
  onParsed,
  onError,
  children,
  done,
}: {
  /** The three steps' titles: upload, check, done. */
  titles: [string, string, string];
  step: WizardStep;
  /** data-testid prefix: `${prefix}-upload`, `${prefix}-progress`, `${prefix}-upload-error`. */
  testPrefix: string;
  accept: string;
  text: string;
  hint: ReactNode;
  /** Shown above the drop zone (e.g. a year to read the notice with). */
  before?: ReactNode;
  /** Shown below the drop zone (e.g. another way in: text pasted from a browser). */
  after?: ReactNode;
  /** Sends the file and answers the parsed preview; `onProgress` takes the upload's percentage. */
  upload: (file: File, onProgress: (percent: number) => void) => Promise<P>;
  /** The preview arrived: the page keeps it and moves to the check step. */
  onParsed: (preview: P) => void;
  /** The upload or its parse failed (the message is shown here; the page may offer more, from the error's details). */
  onError?: (error: unknown) => void;
  /** The check step (rendered from step 1 on). */
  children?: ReactNode;
  /** The success message of step 2, once the import is stored. */
  done?: { title: string; subTitle?: string; extra?: ReactNode; testId: string } | null;
}) {
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parse = useMutation({
    mutationFn: (file: File) => upload(file, setPercent),
    meta: { silent: true },
    onMutate: () => {
      setError(null);
      setPercent(0);
    },
    onSuccess: onParsed,
    onError: (e) => {
      setError(e instanceof ApiError ? e.message : '上传失败');
      onError?.(e);
    },
    onSettled: () => setPercent(null),
  });
  return (
    <>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={titles.map((title) => ({ title }))}
      />
      {step === 0 ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {before}
          <Upload.Dragger
            accept={accept}
            showUploadList={false}
            disabled={parse.isPending}
            beforeUpload={(file) => {
              parse.mutate(file);
              return Upload.LIST_IGNORE;
            }}
            data-testid={`${testPrefix}-upload`}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{text}</p>
            <p className="ant-upload-hint">{hint}</p>
          </Upload.Dragger>
          {percent !== null ? (
            <div data-testid={`${testPrefix}-progress`}>
              <Progress percent={percent} status="active" />
              <Typography.Text type="secondary">
                {percent < 100 ? '正在上传…' : '正在解析通知…'}
              </Typography.Text>
            </div>
          ) : null}
          {error ? (
            <Alert type="error" showIcon title={error} data-testid={`${testPrefix}-upload-error`} />
          ) : null}
          {after}
        </Space>
      ) : (
        children
      )}
      {step === 2 && done ? (
        <Result
          status="success"
          title={done.title}
          subTitle={done.subTitle}
          extra={done.extra}
          data-testid={done.testId}
        />
      ) : null}
    </>
  );
}

/** The check step's last line: what is still unconfirmed, 重新上传 and the submit button. */
export function WizardFooter({
  testPrefix,
  unresolved,
  resolvedText,
  extra,
  onRestart,
  onSubmit,
  submitting,
  disabled,
  submitLabel,
}: {
  testPrefix: string;
  /** What is left to confirm (null when nothing is). */
  unresolved: ReactNode | null;
  resolvedText: string;
  /** More buttons before 重新上传. */
  extra?: ReactNode;
  onRestart: () => void;
  onSubmit: () => void;
  submitting: boolean;
  disabled: boolean;
  submitLabel: string;
}) {
  return (
    <Flex justify="space-between" align="center">
      {unresolved !== null ? (
        <Tag color="orange" data-testid={`${testPrefix}-unresolved`}>
          {unresolved}
        </Tag>
      ) : (
        <Tag color="green">{resolvedText}</Tag>
      )}
      <Space>
        {extra}
        <Button onClick={onRestart}>重新上传</Button>
        <Button
          type="primary"
          disabled={disabled}
          loading={submitting}
          onClick={onSubmit}
          data-testid={`${testPrefix}-commit`}
        >
          {submitLabel}
        </Button>
      </Space>
    </Flex>
  );
}
