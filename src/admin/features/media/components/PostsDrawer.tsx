// One 政务新媒体 account's post records: the list, one post entered by hand, and the platform's exported post list
// imported through the wizard (preview, then all-or-nothing; posts already recorded are skipped).
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AccountRow, PostRow } from '../../../../contracts/media';
import { uploadTo } from '../../../api';
import { usePermission } from '../../../auth';
import { required } from '../../../components/formRules';
import { RowsImport } from '../../../components/RowsImport';
import { titleLink } from '../../../components/TitleLink';
import { newMediaApi, useCreatePost, useImportPosts, usePosts } from '../queries';

interface PostForm {
  title: string;
  publishedOn: Dayjs;
  reads?: number | null;
  url?: string;
}

function PostImport({ account, onDone }: { account: AccountRow; onDone: () => void }) {
  const save = useImportPosts(account.id, onDone);
  return (
    <RowsImport
      titles={['上传发布记录', '核对', '完成']}
      testPrefix="post-import"
      accept=".xlsx"
      text="点击或拖拽平台导出的发布记录（.xlsx）到此处"
      hint="表头可为 标题/文章标题、发布时间/群发时间、阅读量/阅读数、链接/原文链接 等；有一处问题则整表不导入"
      preview={(f, onProgress) =>
        uploadTo(newMediaApi.previewPostImport, f, { params: { id: account.id } }, onProgress)
      }
      save={save}
      nothingImported="不会导入任何内容"
      columns={[
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
      resolvedText={(p) => `共 ${p.total} 行，新增 ${p.rows.filter((r) => !r.existing).length} 条`}
      doneTitle={(r) => `已导入 ${r.created} 条，跳过已登记 ${r.skipped} 条`}
      doneExtra={(restart) => <Button onClick={restart}>继续导入</Button>}
    />
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
              <Form.Item name="title" label="标题" rules={required('请填写标题')}>
                <Input style={{ width: 220 }} data-testid="post-title" />
              </Form.Item>
              <Form.Item name="publishedOn" label="发布日期" rules={required('请选择发布日期')}>
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
              render: titleLink,
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
