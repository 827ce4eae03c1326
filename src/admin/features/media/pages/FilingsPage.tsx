// 备案审核: the office reviews 开设/变更/关停/注销 filings (the signed scan attached); units see their own.
import { App, Button, Table } from 'antd';
import { useState } from 'react';
import type { FilingRow } from '../../../../contracts/media';
import { usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { ReviewQueue, useDecisionColumn } from '../../../components/ReviewQueue';
import { labelColumn } from '../../../components/StatusTag';
import { FilingDrawer } from '../components/FilingDrawer';
import { FILING_KIND_LABELS, FILING_STATUS_LABELS } from '../labels';
import { useFilings, useReviewFiling } from '../queries';

export default function FilingsPage() {
  const can = usePermission();
  const { message } = App.useApp();
  const [status, setStatus] = useState<FilingRow['status']>('pending');
  const [filing, setFiling] = useState(false);
  const q = useFilings(status);
  const review = useReviewFiling(() => void message.success('已审核'));
  const decision = useDecisionColumn<FilingRow, 'approve' | 'reject'>({
    title: '审核',
    width: 300,
    noteLabel: '审核意见',
    placeholder: '意见（退回必填）',
    decisions: { approve: '通过', reject: '退回' },
    open: (r) => r.status === 'pending' && can('media:filing:review'),
    onDecide: (r, decision, note) => review.mutate({ id: r.id, decision, note }),
    done: (r) => r.reviewNote || FILING_STATUS_LABELS[r.status],
  });
  return (
    <PageContainer title="网站与新媒体备案" testId="media-filings-page">
      <ReviewQueue
        labels={FILING_STATUS_LABELS}
        status={status}
        onStatus={setStatus}
        before={
          can('media:filing:submit') ? (
            <Button type="primary" onClick={() => setFiling(true)} data-testid="new-filing">
              提交备案申请
            </Button>
          ) : null
        }
      >
        <Table<FilingRow>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          data-testid="filings-table"
          columns={[
            labelColumn('类型', 'kind', FILING_KIND_LABELS, 70),
            {
              title: '渠道',
              key: 'target',
              render: (_, r) => `${r.target === 'website' ? '网站' : '新媒体'}：${r.targetName}`,
            },
            { title: '单位', dataIndex: 'unitName', width: 150 },
            { title: '申请扫描件', key: 'scan', width: 160, render: (_, r) => r.scan.name },
            {
              title: '提交时间',
              dataIndex: 'createdAt',
              width: 170,
              render: (t: string) => new Date(t).toLocaleString('zh-CN'),
            },
            decision,
          ]}
        />
      </ReviewQueue>
      <FilingDrawer open={filing} onClose={() => setFiling(false)} />
    </PageContainer>
  );
}
