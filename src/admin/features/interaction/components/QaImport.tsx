// 导入问答库: upload (.xlsx/.csv) → the preview's problems and near-duplicates → import all rows (awaiting review)
// or nothing.
import { Alert, Result, Space, Table } from 'antd';
import { useState } from 'react';
import type { QaImportPreview } from '../../../../contracts/interaction';
import { uploadTo } from '../../../api';
import { UploadWizard, WizardFooter, type WizardStep } from '../../../components/UploadWizard';
import { interactionApi, useImportQa } from '../queries';

export function QaImport({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState<WizardStep>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<QaImportPreview | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const save = useImportQa((r) => {
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
    <UploadWizard<QaImportPreview>
      titles={['上传文件', '核对', '完成']}
      step={step}
      testPrefix="qa-import"
      accept=".xlsx,.csv"
      text="点击或拖拽问答库文件到此处"
      hint="支持 .xlsx、.csv（UTF-8）；列：问题、答复、主管单位，可选 政策依据、关键词；一次最多 20000 行"
      upload={(f, onProgress) => {
        setFile(f);
        return uploadTo(interactionApi.previewQaImport, f, undefined, onProgress);
      }}
      onParsed={(p) => {
        setPreview(p);
        setStep(1);
      }}
    >
      {step === 1 && preview ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="qa-import-preview">
          {preview.errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`发现 ${preview.errors.length} 处问题，请修改文件后重新上传（不会导入任何内容）`}
              description={
                <ul data-testid="qa-import-errors">
                  {preview.errors.slice(0, 100).map((e) => (
                    <li key={`${e.row}-${e.message}`}>
                      第 {e.row} 行：{e.message}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {preview.nearDuplicates.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={`${preview.nearDuplicates.length} 个问题与其他问题相近，请确认不是重复`}
              description={
                <ul data-testid="qa-import-near">
                  {preview.nearDuplicates.slice(0, 100).map((d) => (
                    <li key={`${d.row}-${d.similarTo}`}>
                      第 {d.row} 行“{d.question}”相近于 {d.similarTo}
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
              { title: '问题', dataIndex: 'question' },
              { title: '主管单位', dataIndex: 'unitName', width: 160 },
              { title: '关键词', dataIndex: 'keywords', width: 160, render: (k: string[]) => k.join('、') },
            ]}
          />
          <WizardFooter
            testPrefix="qa-import"
            unresolved={preview.errors.length ? `${preview.errors.length} 处问题` : null}
            resolvedText={`共 ${preview.total} 条，可以导入`}
            onRestart={restart}
            onSubmit={() => file && save.mutate(file)}
            submitting={save.isPending}
            disabled={preview.errors.length > 0 || !file}
            submitLabel="导入（待审核）"
          />
        </Space>
      ) : null}
      {step === 2 ? (
        <Result
          status="success"
          title={`已导入 ${created ?? 0} 条问答，审核通过后公开`}
          data-testid="qa-import-done"
        />
      ) : null}
    </UploadWizard>
  );
}
