import { App, Table } from 'antd';
import { useState } from 'react';
import type { ExtensionListItem } from '../../../../contracts/tasks';
import { PageContainer } from '../../../components/PageContainer';
import { ReviewQueue, useDecisionColumn } from '../../../components/ReviewQueue';
import { statusColumn } from '../../../components/StatusTag';
import { EXTENSION_STATUS_COLORS, EXTENSION_STATUS_LABELS } from '../labels';
import { useDecideExtension, useExtensions } from '../queries';

type Row = ExtensionListItem;

/** 延期审批: a leader approves or rejects the units' extension requests. */
export default function ExtensionsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<Row['status']>('pending');
  const q = useExtensions(status);
  const decide = useDecideExtension(() => void message.success('已审批'));
  const decision = useDecisionColumn<Row, 'approved' | 'rejected'>({
    title: '审批',
    width: 280,
    noteLabel: '审批意见',
    placeholder: '意见',
    decisions: { approved: '批准', rejected: '不批准' },
    open: (r) => r.status === 'pending',
    onDecide: (r, decision, note) => decide.mutate({ id: r.id, decision, note }),
    done: (r) => `${r.decidedBy ?? ''}${r.decisionNote ? `：${r.decisionNote}` : ''}`,
  });
  return (
    <PageContainer title="延期审批" testId="tasks-extensions-page">
      <ReviewQueue labels={EXTENSION_STATUS_LABELS} status={status} onStatus={setStatus}>
        <Table<Row>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={q.data ?? []}
          data-testid="data-table"
          columns={[
            { title: '单位', dataIndex: 'unitName', width: 150 },
            { title: '任务', dataIndex: 'text', ellipsis: true, render: (t: string, r) => `${r.ref} ${t}` },
            { title: '原时限', dataIndex: 'oldDueDate', width: 110 },
            { title: '申请延至', dataIndex: 'newDueDate', width: 110 },
            { title: '理由', dataIndex: 'reason', width: 200 },
            statusColumn(EXTENSION_STATUS_LABELS, EXTENSION_STATUS_COLORS, 90),
            decision,
          ]}
        />
      </ReviewQueue>
    </PageContainer>
  );
}
