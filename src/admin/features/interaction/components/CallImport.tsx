// 导入 12345 工单: upload (.xlsx) → the preview's problems (duplicate 工单编号, unknown units, unreadable times) →
// import every row or nothing.
import { Alert, Result, Space, Table } from 'antd';
import { useState } from 'react';
import type { CallImportPreview } from '../../../../contracts/hotline';
import { uploadTo } from '../../../api';
import { UploadWizard, WizardFooter, type WizardStep } from '../../../components/UploadWizard';
import { hotlineApi, useImportCalls } from '../hotline-queries';

export function CallImport({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState<WizardStep>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CallImportPreview | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const save = useImportCalls((r) => {
    setCreated(r.created);
    setStep(2);
    onDone();
  });
  const restart = () => {
    setStep(0);
    setPreview(null);
    setFile(null);
  };
  return (
    <UploadWizard<CallImportPreview>
      titles={['上传文件', '核对', '完成']}
      step={step}
      testPrefix="call-import"
      accept=".xlsx"
      text="点击或拖拽 12345 工单导出文件到此处"
      hint="支持 .xlsx；表头按常用名称识别：工单编号、来电时间、诉求内容、承办单位，可选 来电人、联系电话、办理结果"
      upload={(f, onProgress) => {
        setFile(f);
        return uploadTo(hotlineApi.previewCallImport, f, undefined, onProgress);
      }}
      onParsed={(p) => {
        setPreview(p);
        setStep(1);
      }}
    >
      {step === 1 && preview ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="call-import-preview">
          {preview.errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`发现 ${preview.errors.length} 处问题，请修改文件后重新上传（不会导入任何工单）`}
              description={
                <ul data-testid="call-import-errors">
                  {preview.errors.slice(0, 100).map((e) => (
                    <li key={`${e.row}-${e.message}`}>
                      第 {e.row} 行：{e.message}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Table
            size="small"
            rowKey="row"
            dataSource={preview.rows}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '工单编号', dataIndex: 'workOrderNo', width: 150 },
              {
                title: '来电时间',
                dataIndex: 'calledAt',
                width: 170,
                render: (v: string) => v.slice(0, 16).replace('T', ' '),
              },
              { title: '诉求内容', dataIndex: 'question' },
              { title: '承办单位', dataIndex: 'unitName', width: 150 },
              {
                title: '已办结',
                dataIndex: 'answered',
                width: 80,
                render: (v: boolean) => (v ? '是' : '否'),
              },
            ]}
          />
          <WizardFooter
            testPrefix="call-import"
            unresolved={preview.errors.length ? `${preview.errors.length} 处问题` : null}
            resolvedText={`共 ${preview.total} 条工单，可以导入`}
            onRestart={restart}
            onSubmit={() => file && save.mutate(file)}
            submitting={save.isPending}
            disabled={preview.errors.length > 0 || !file}
            submitLabel="导入"
          />
        </Space>
      ) : null}
      {step === 2 ? (
        <Result
          status="success"
          title={`已导入 ${created ?? 0} 条 12345 工单`}
          data-testid="call-import-done"
        />
      ) : null}
    </UploadWizard>
  );
}
