// One 政务新媒体 account's post records: the list, one post entered by hand, and the platform's exported post list
// imported through the wizard (preview, then all-or-nothing; posts already recorded are skipped).
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Result,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AccountRow, PostImportPreview, PostRow } from '../../../../contracts/media';
import { uploadTo } from '../../../api';
import { usePermission } from '../../../auth';
import { UploadWizard, WizardFooter, type WizardStep } from '../../../components/UploadWizard';
import { newMediaApi, useCreatePost, useImportPosts, usePosts } from '../queries';

interface PostForm {
  title: string;
  publishedOn: Dayjs;
  reads?: number | null;
  url?: string;
}

function PostImport({ account, onDone }: { account: AccountRow; onDone: () => void }) {
  const [step, setStep] = useState<WizardStep>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PostImportPreview | null>(null);
  const [result, setResult] = useState<{ created: number; skipped: number } | null>(null);
  const save = useImportPosts(account.id, (r) => {
    setResult(r);
    setStep(2);
    onDone();
  });
  const restart = () => {
    setStep(0);
    setPreview(null);
    setFile(null);
  };
  const fresh = preview ? preview.rows.filter((r) => !r.existing).length : 0;
  return (
    <UploadWizard<PostImportPreview>
      titles={['上传发布记录', '核对', '完成']}
      step={step}
      testPrefix="post-import"
      accept=".xlsx"
      text="点击或拖拽平台导出的发布记录（.xlsx）到此处"
      hint="表头可为 标题/文章标题、发布时间/群发时间、阅读量/阅读数、链接/原文链接 等；有一处问题则整表不导入"
      upload={(f, onProgress) => {
        setFile(f);
        return uploadTo(newMediaApi.previewPostImport, f, { params: { id: account.id } }, onProgress);
      }}
      onParsed={(p) => {
        setPreview(p);
        setStep(1);
      }}
    >
      {step === 1 && preview ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="post-import-preview">
          {preview.errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`发现 ${preview.errors.length} 处问题，请修改文件后重新上传（不会导入任何内容）`}
              description={
                <ul data-testid="post-import-errors">
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
              { title: '行', dataIndex: 'row', width: 50 },
              { title: '标题', dataIndex: 'title' },
              { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
              { title: '阅读量', dataIndex: 'reads', width: 90 },
              {
                title: '',
                dataIndex: 'existing',
                width: 80,
                render: (e: boolean) => (e ? <Tag>已登记</Tag> : <Tag color="blue">新增</Tag>),
              },
            ]}
          />
          <WizardFooter
            testPrefix="post-import"
            unresolved={preview.errors.length ? `${preview.errors.length} 处问题` : null}
            resolvedText={`共 ${preview.total} 行，新增 ${fresh} 条`}
            onRestart={restart}
            onSubmit={() => file && save.mutate(file)}
            submitting={save.isPending}
            disabled={preview.errors.length > 0 || !file}
            submitLabel="导入"
          />
        </Space>
      ) : null}
      {step === 2 && result ? (
        <Result
          status="success"
          title={`已导入 ${result.created} 条，跳过已登记 ${result.skipped} 条`}
          extra={<Button onClick={restart}>继续导入</Button>}
          data-testid="post-import-done"
        />
      ) : null}
    </UploadWizard>
  );
}

export function PostsDrawer({ account, onClose }: { account: AccountRow; onClose: () => void }) {
  const can = usePermission();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostForm>();
  const [importing, setImporting] = useState(false);
  const posts = usePosts(account.id);
  const create = useCreatePost(account.id, () => {
    void message.success('已登记');
    form.resetFields();
  });
  return (
    <Drawer open size={880} title={`发布记录：${account.name}`} onClose={onClose} data-testid="posts-drawer">
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        {can('media:post:record') ? (
          <>
            <Form<PostForm>
              form={form}
              layout="inline"
              onFinish={(v) =>
                create.mutate({
                  title: v.title,
                  publishedOn: v.publishedOn.format('YYYY-MM-DD'),
                  reads: v.reads ?? null,
                  url: v.url ?? '',
                })
              }
            >
              <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
                <Input style={{ width: 220 }} data-testid="post-title" />
              </Form.Item>
              <Form.Item
                name="publishedOn"
                label="发布日期"
                rules={[{ required: true, message: '请选择发布日期' }]}
              >
                <DatePicker data-testid="post-date" />
              </Form.Item>
              <Form.Item name="reads" label="阅读量">
                <InputNumber min={0} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="url" label="链接">
                <Input style={{ width: 200 }} placeholder="https://" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="post-save">
                登记
              </Button>
            </Form>
            <Button onClick={() => setImporting((x) => !x)} data-testid="post-import-toggle">
              {importing ? '收起导入' : '导入平台导出的发布记录'}
            </Button>
            {importing ? <PostImport account={account} onDone={() => void posts.refetch()} /> : null}
          </>
        ) : null}
        <Table<PostRow>
          size="small"
          rowKey="id"
          loading={posts.isLoading}
          dataSource={posts.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="posts-table"
          columns={[
            { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, r) =>
                r.url ? (
                  <a href={r.url} target="_blank" rel="noreferrer">
                    {t}
                  </a>
                ) : (
                  t
                ),
            },
            { title: '阅读量', dataIndex: 'reads', width: 90, render: (n: number | null) => n ?? '—' },
            {
              title: '来源',
              dataIndex: 'source',
              width: 80,
              render: (s: PostRow['source']) => (s === 'import' ? '导入' : '登记'),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
