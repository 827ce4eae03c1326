// The import of a table file whose rows become records: upload → the preview's row errors (nothing is imported while
// there are any), optional warnings, the rows → import all or nothing → done. The 问答库 and 12345 工单 imports and
// the 新媒体 post list use it; each passes its endpoints, columns and words.
import { Alert, Space, Table, type TableColumnsType } from 'antd';
import { type ReactNode, useState } from 'react';
import { UploadWizard, WizardFooter, type WizardStep } from './UploadWizard';

export interface RowsPreview<R> {
  total: number;
  errors: { row: number; message: string }[];
  rows: R[];
}

export function RowsImport<R extends { row: number }, P extends RowsPreview<R>, S>(props: {
  testPrefix: string;
  accept: string;
  text: string;
  hint: string;
  /** Reads the file on the server and answers the preview. */
  preview: (file: File, onProgress: (percent: number) => void) => Promise<P>;
  /** Stores every row (the caller's mutation); its answer goes to doneTitle. */
  save: { mutate: (file: File, options: { onSuccess: (saved: S) => void }) => void; isPending: boolean };
  columns: TableColumnsType<R>;
  /** What nothing-imported means here, e.g. "不会导入任何工单". */
  nothingImported: string;
  resolvedText: (p: P) => string;
  submitLabel?: string;
  doneTitle: (saved: S) => string;
  /** Warnings that do not stop the import (e.g. near-duplicate questions). */
  warnings?: (p: P) => ReactNode;
  /** The wizard's three step names when the default (上传文件, 核对, 完成) says too little. */
  titles?: [string, string, string];
  /** Under the success message, e.g. a button that imports another file. */
  doneExtra?: (restart: () => void) => ReactNode;
}) {
  const [step, setStep] = useState<WizardStep>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [saved, setSaved] = useState<{ value: S } | null>(null);
  const p = props.testPrefix;
  const shown = saved ? 2 : step;
  const restart = () => {
    setStep(0);
    setPreview(null);
    setFile(null);
    setSaved(null);
  };
  return (
    <UploadWizard<P>
      titles={props.titles ?? ['上传文件', '核对', '完成']}
      step={shown}
      testPrefix={p}
      accept={props.accept}
      text={props.text}
      hint={props.hint}
      upload={(f, onProgress) => {
        setFile(f);
        return props.preview(f, onProgress);
      }}
      onParsed={(r) => {
        setPreview(r);
        setStep(1);
      }}
      done={
        saved && {
          title: props.doneTitle(saved.value),
          extra: props.doneExtra?.(restart),
          testId: `${p}-done`,
        }
      }
    >
      {shown === 1 && preview ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid={`${p}-preview`}>
          {preview.errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`发现 ${preview.errors.length} 处问题，请修改文件后重新上传（${props.nothingImported}）`}
              description={
                <ul data-testid={`${p}-errors`}>
                  {preview.errors.slice(0, 100).map((e) => (
                    <li key={`${e.row}-${e.message}`}>
                      第 {e.row} 行：{e.message}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {props.warnings?.(preview)}
          <Table<R>
            size="small"
            rowKey="row"
            dataSource={preview.rows}
            pagination={{ pageSize: 10 }}
            columns={[{ title: '行', dataIndex: 'row', width: 60 }, ...props.columns]}
          />
          <WizardFooter
            testPrefix={p}
            unresolved={preview.errors.length ? `${preview.errors.length} 处问题` : null}
            resolvedText={props.resolvedText(preview)}
            onRestart={restart}
            onSubmit={() => file && props.save.mutate(file, { onSuccess: (value) => setSaved({ value }) })}
            submitting={props.save.isPending}
            disabled={preview.errors.length > 0 || !file}
            submitLabel={props.submitLabel ?? '导入'}
          />
        </Space>
      ) : null}
    </UploadWizard>
  );
}
