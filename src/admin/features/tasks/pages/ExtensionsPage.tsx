import { App, Card, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import type { ExtensionListItem } from '../../../../contracts/tasks';
import { optionsOf } from '../../../components/FilterSelect';
import { PageContainer } from '../../../components/PageContainer';
import { RowDecision, useRowNotes } from '../../../components/RowDecision';
import { statusColumn } from '../../../components/StatusTag';
import { EXTENSION_STATUS_COLORS, EXTENSION_STATUS_LABELS } from '../labels';
import { useDecideExtension, useExtensions } from '../queries';

type Row = ExtensionListItem;

/** 延期审批: a leader approves or rejects the units' extension requests. */
export default function ExtensionsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const notes = useRowNotes();
  const q = useExtensions(status);
  const decide = useDecideExtension(() => void message.success('已审批'));
  return (
    <PageContainer title="延期审批" testId="tasks-extensions-page">
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={optionsOf(EXTENSION_STATUS_LABELS)}
          />
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
              {
                title: '审批',
                key: 'op',
                width: 280,
                render: (_, r) =>
                  r.status === 'pending' ? (
                    <RowDecision
                      id={r.id}
                      notes={notes}
                      noteLabel="审批意见"
                      placeholder="意见"
                      decisions={{ approved: '批准', rejected: '不批准' }}
                      onDecide={(decision, note) => decide.mutate({ id: r.id, decision, note })}
                    />
                  ) : (
                    `${r.decidedBy ?? ''}${r.decisionNote ? `：${r.decisionNote}` : ''}`
                  ),
              },
            ]}
          />
        </Space>
      </Card>
    </PageContainer>
  );
}
