// 导入标准目录: upload (.xlsx/.docx) → check rows, units, 时限 and what changed → commit all or nothing.
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DirectoryPreview } from '../../../../contracts/directory';
import { ApiError } from '../../../api';
import { PageContainer } from '../../../components/PageContainer';
import { UploadWizard, WizardFooter, type WizardStep } from '../../../components/UploadWizard';
import { editableFact, WizardFacts } from '../../../components/WizardFacts';
import { previewDirectory, useCommitDirectory, useDirectoryVersions } from '../queries';

type Row = DirectoryPreview['rows'][number];

function Problems({ list, type, testId }: { list: string[]; type: 'error' | 'warning'; testId: string }) {
  if (list.length === 0) return null;
  return (
    <Alert
      type={type}
      showIcon
      data-testid={testId}
      title={type === 'error' ? `有 ${list.length} 处需要修正，修正前不能保存` : `${list.length} 条提示`}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {list.slice(0, 50).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      }
    />
  );
}

export default function DirectoryImportPage() {
  const navigate = useNavigate();
  const versions = useDirectoryVersions();
  const [step, setStep] = useState<WizardStep>(0);
  const [preview, setPreview] = useState<DirectoryPreview | null>(null);
  const [title, setTitle] = useState('');
  const [done, setDone] = useState<{ version: number; rowCount: number; bindingCount: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = useCommitDirectory((v) => {
    setDone(v);
    setStep(2);
  });
  const submit = () => {
    if (!preview) return;
    setError(null);
    commit.mutate(
      {
        title: title.trim(),
        rows: preview.rows.map(({ due: _d, units: _u, errors: _e, warnings: _w, ...r }) => r),
        notApplicable: preview.notApplicable,
        unitMap: {},
      },
      { onError: (e) => setError(e instanceof ApiError ? e.message : '保存失败') },
    );
  };
  const columns = [
    { title: '领域', key: 'd', width: 110, render: (_: unknown, r: Row) => r.otherDomain ?? r.domain },
    { title: '一级事项', dataIndex: 'level1', width: 120 },
    { title: '二级事项', dataIndex: 'level2', width: 140 },
    { title: '公开时限', dataIndex: 'timeLimit', width: 160 },
    { title: '读作', dataIndex: 'due', width: 150 },
    {
      title: '绑定单位',
      key: 'u',
      render: (_: unknown, r: Row) =>
        r.units.length > 4
          ? `${r.units.length} 个单位`
          : r.units.map((u) => <Tag key={u.unitId}>{u.unitName}</Tag>),
    },
    {
      title: '问题',
      key: 'p',
      render: (_: unknown, r: Row) => [...r.errors, ...r.warnings].join('；') || '—',
    },
  ];
  const current = versions.data?.[0];
  return (
    <PageContainer title="导入标准目录" testId="directory-import-page">
      <UploadWizard<DirectoryPreview>
        titles={['上传标准目录', '核对事项与单位', '完成']}
        step={step}
        testPrefix="directory"
        accept=".xlsx,.docx,.html,.htm,.txt"
        text="点击或拖拽基层政务公开标准目录到此处"
        hint={`表头应含：序号、一级事项、二级事项、公开内容（要素）、公开依据、公开时限、公开主体、公开渠道和载体、公开对象、公开方式、公开层级；合并单元格按原样读取${current ? `。现行为第 ${current.version} 版` : ''}`}
        upload={(file, onProgress) => previewDirectory(file, onProgress)}
        onParsed={(p) => {
          setPreview(p);
          setTitle(current?.title ?? '');
          setStep(1);
        }}
        done={
          done && {
            title: `已保存为第 ${done.version} 版：${done.rowCount} 项事项，绑定单位栏目 ${done.bindingCount} 处`,
            testId: 'directory-import-success',
            extra: [
              <Button key="c" type="primary" onClick={() => navigate('/disclosure/directory/coverage')}>
                查看覆盖检查
              </Button>,
              <Button key="a" onClick={() => setStep(0)}>
                再导入一份
              </Button>,
            ],
          }
        }
      >
        {step === 1 && preview ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="directory-preview">
            <Problems list={preview.errors} type="error" testId="directory-errors" />
            <Problems list={preview.warnings} type="warning" testId="directory-warnings" />
            <WizardFacts
              items={[
                editableFact('目录名称', title, setTitle, { span: 2 }),
                { key: 'n', label: '事项', children: `${preview.rows.length} 项` },
                {
                  key: 'c',
                  label: preview.currentVersion ? `较第 ${preview.currentVersion} 版` : '版本',
                  children: preview.currentVersion
                    ? `新增 ${preview.changes.added.length}，删除 ${preview.changes.removed.length}，调整 ${preview.changes.changed.length}`
                    : '首次导入',
                },
                {
                  key: 'na',
                  label: '未涉及领域',
                  span: 2,
                  children: [...new Set(preview.notApplicable.map((n) => n.domain))].join('、') || '无',
                },
              ]}
            />
            <Table<Row>
              rowKey="source"
              size="small"
              columns={columns}
              dataSource={preview.rows}
              pagination={{ pageSize: 20 }}
              data-testid="directory-rows"
            />
            {error ? (
              <Alert type="error" showIcon title={error} data-testid="directory-commit-error" />
            ) : null}
            <WizardFooter
              testPrefix="directory"
              unresolved={preview.errors.length ? `${preview.errors.length} 处需修正` : null}
              resolvedText="可以保存"
              onRestart={() => setStep(0)}
              onSubmit={submit}
              submitting={commit.isPending}
              disabled={preview.errors.length > 0 || !title.trim() || preview.rows.length === 0}
              submitLabel="保存为新版本"
            />
          </Space>
        ) : null}
      </UploadWizard>
    </PageContainer>
  );
}
