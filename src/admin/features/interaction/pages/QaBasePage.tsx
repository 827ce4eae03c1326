import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { QA_STATUS_LABELS, type QaEntryBody, type QaEntryInfo } from '../../../../contracts/interaction';
import type { QaStatus } from '../../../../domain/interaction/qa-entry';
import { pathFor } from '../../../api';
import { usePermission } from '../../../auth';
import { CreateButton } from '../../../components/CreateButton';
import { DownloadButton } from '../../../components/DownloadButton';
import { DrawerForm, useClosingForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { FITS_1366, SearchTable } from '../../../components/SearchTable';
import { StatusTag } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { QaImport } from '../components/QaImport';
import { QA_STATUS_COLORS } from '../labels';
import { interactionApi, useCreateQa, useReviewQa } from '../queries';

const LIST_PATH = pathFor(interactionApi.listQa);

function NewEntry({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, saved] = useClosingForm<QaEntryBody & { keywordText?: string }>(onClose);
  const qc = useQueryClient();
  const save = useCreateQa(() => {
    void qc.invalidateQueries({ queryKey: [LIST_PATH] });
    saved();
  });
  return (
    <DrawerForm<QaEntryBody & { keywordText?: string }>
      title="新增问答"
      open={open}
      onClose={onClose}
      form={form}
      testId="qa-new"
      mutation={save}
      onFinish={({ keywordText, ...v }) =>
        save.mutate({ ...v, keywords: (keywordText ?? '').split(/[、，,\s]+/).filter(Boolean) })
      }
    >
      <Form.Item name="question" label="问题" rules={required('请填写问题')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="answer" label="答复" rules={required('请填写答复')}>
        <Input.TextArea rows={6} />
      </Form.Item>
      <Form.Item name="unitId" label="主管单位" rules={required('请选择')}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item name="topic" label="主题">
        <Input />
      </Form.Item>
      <Form.Item name="keywordText" label="关键词（顿号分隔）">
        <Input />
      </Form.Item>
    </DrawerForm>
  );
}

export default function QaBasePage() {
  const can = usePermission();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: [LIST_PATH] });
  const review = useReviewQa();
  const decide = (id: string, decision: 'approve' | 'reject' | 'retire') =>
    review.mutate(
      { id, decision },
      {
        onSuccess: () => {
          refresh();
          void message.success('已保存');
        },
      },
    );
  const columns: TableProps<QaEntryInfo>['columns'] = [
    { title: '问题', dataIndex: 'question', ellipsis: true },
    { title: '答复', dataIndex: 'answer', ellipsis: true },
    { title: '主管单位', dataIndex: 'unitName', width: 140, ellipsis: true },
    { title: '主题', dataIndex: 'topic', width: 90 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (v: QaStatus, r) => (
        <>
          <StatusTag value={v} labels={QA_STATUS_LABELS} colors={QA_STATUS_COLORS} />
          {r.stale.length ? (
            <Tag color="red" title={r.stale.join('；')}>
              依据已失效
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: '审核',
      key: 'review',
      width: 170,
      render: (_: unknown, r) =>
        can('interaction:qa:review') ? (
          <Space size={4}>
            {r.status === 'pending' && (
              <>
                <Button
                  size="small"
                  type="link"
                  onClick={() => decide(r.id, 'approve')}
                  data-testid={`qa-approve-${r.id}`}
                >
                  通过
                </Button>
                <Button size="small" type="link" danger onClick={() => decide(r.id, 'reject')}>
                  退回
                </Button>
              </>
            )}
            {r.status === 'published' && (
              <Button size="small" type="link" onClick={() => decide(r.id, 'retire')}>
                下线
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];
  return (
    <PageContainer
      title="政策咨询问答库"
      testId="qa-base-page"
      extra={
        <>
          <DownloadButton endpoint={interactionApi.exportQa} fallbackName="问答库.xlsx" testId="qa-export" />
          {can('interaction:qa:update') ? (
            <>
              <Button onClick={() => setImporting(true)} data-testid="qa-import-open">
                导入
              </Button>
              <CreateButton onClick={() => setAdding(true)}>新增问答</CreateButton>
            </>
          ) : null}
        </>
      }
    >
      <SearchTable<QaEntryInfo>
        path={LIST_PATH}
        columns={columns}
        scrollX={FITS_1366}
        testId="qa-table"
        searchItems={
          <>
            <FilterInput name="keyword" label="关键词" width={200} testId="qa-keyword" />
            <FilterSelect
              name="status"
              label="状态"
              labels={QA_STATUS_LABELS}
              width={110}
              testId="qa-status"
            />
            <FilterSelect name="stale" label="依据失效" labels={{ true: '仅看失效' }} width={100} />
          </>
        }
      />
      <NewEntry open={adding} onClose={() => setAdding(false)} />
      <Modal
        open={importing}
        title="导入问答库"
        width={900}
        footer={null}
        destroyOnHidden
        onCancel={() => setImporting(false)}
      >
        <QaImport onDone={refresh} />
      </Modal>
    </PageContainer>
  );
}
