import { App, Button, Card, Input, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import type { ExtensionListItem } from '../../../../contracts/tasks';
import { PageContainer } from '../../../components/PageContainer';
import { statusColumn } from '../../../components/StatusTag';
import { EXTENSION_STATUS_COLORS, EXTENSION_STATUS_LABELS } from '../labels';
import { useDecideExtension, useExtensions } from '../queries';

type Row = ExtensionListItem;

/** 延期审批: a leader approves or rejects the units' extension requests. */
export default function ExtensionsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const q = useExtensions(status);
  const decided = useDecideExtension(() => void message.success('已审批'));
  const decide = {
    ...decided,
    mutate: (v: { id: string; decision: 'approved' | 'rejected' }) =>
      decided.mutate({ ...v, note: notes[v.id] ?? '' }),
  };
  return (
    <PageContainer title="延期审批" testId="tasks-extensions-page">
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={(['pending', 'approved', 'rejected'] as const).map((s) => ({
              value: s,
              label: EXTENSION_STATUS_LABELS[s],
            }))}
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
                    <Space>
                      <Input
                        size="small"
                        aria-label="审批意见"
                        placeholder="意见"
                        value={notes[r.id] ?? ''}
                        onChange={(e) => setNotes((n) => ({ ...n, [r.id]: e.target.value }))}
                      />
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => decide.mutate({ id: r.id, decision: 'approved' })}
                      >
                        批准
                      </Button>
                      <Button size="small" onClick={() => decide.mutate({ id: r.id, decision: 'rejected' })}>
                        不批准
                      </Button>
                    </Space>
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
