import { App, Button, Card, Descriptions, Input, Space } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../contracts/requests';
import { usePermission } from '../../../auth';
import { useExtensionDecision } from '../queries';

const EXTENSION_STATUS = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;

/** A one-line input of the decision; its placeholder names it. */
function field(
  value: string,
  set: (v: string) => void,
  width: number,
  label: string,
  hint: string,
  testId?: string,
) {
  return (
    <Input
      style={{ width }}
      placeholder={`${label}${hint.startsWith('（') ? '' : ' '}${hint}`}
      aria-label={label}
      value={value}
      onChange={(e) => set(e.target.value)}
      data-testid={testId}
    />
  );
}

/** The pending or decided extension request; approvers (requests:extension:approve) decide it here. */
export function ExtensionCard({ detail }: { detail: CaseDetail }) {
  const r = detail.extensionRequest;
  const can = usePermission();
  const { message } = App.useApp();
  const [notifiedOn, setNotifiedOn] = useState('');
  const [comment, setComment] = useState('');
  const decide = useExtensionDecision(detail.id, () => void message.success('已审批'));
  if (!r) return null;
  const run = (decision: 'approve' | 'reject') =>
    decide.mutate({ decision, notifiedOn: notifiedOn || null, comment: comment || null });
  return (
    <Card title="延期答复审批" style={{ marginTop: 16 }} data-testid="extension-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="状态">
          <span data-testid="extension-status">{EXTENSION_STATUS[r.status]}</span>
        </Descriptions.Item>
        <Descriptions.Item label="延长">{r.days} 个工作日</Descriptions.Item>
        <Descriptions.Item label="理由">{r.reason}</Descriptions.Item>
        <Descriptions.Item label="申请">
          {r.requestedBy}，{r.requestedOn}
        </Descriptions.Item>
        {r.decidedBy ? (
          <Descriptions.Item label="审批">
            {r.decidedBy}，{r.decidedOn}
            {r.comment ? `：${r.comment}` : ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {r.status === 'pending' && can('requests:extension:approve') && detail.status !== 'closed' ? (
        <Space wrap style={{ marginTop: 8 }}>
          {field(notifiedOn, setNotifiedOn, 170, '告知申请人日期', 'YYYY-MM-DD', 'extension-notifiedOn')}
          {field(comment, setComment, 200, '审批意见', '（可选）')}
          <Button
            type="primary"
            disabled={!notifiedOn}
            loading={decide.isPending}
            onClick={() => run('approve')}
            data-testid="extension-approve"
          >
            同意延期
          </Button>
          <Button danger loading={decide.isPending} onClick={() => run('reject')}>
            不同意
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
