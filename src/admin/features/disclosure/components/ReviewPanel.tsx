// Review and publishing of an item: its 索引号, review levels, timeliness and validity, the review actions with
// their comment, and the history of every step.
import { Alert, App, Button, Card, Descriptions, Input, Space, Timeline } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ItemDetail } from '../../../../contracts/disclosure';
import { usePermission } from '../../../auth';
import { StatusTag } from '../../../components/StatusTag';
import { chinaTime } from '../../../time';
import { useCorrect, useWorkflow, type WorkflowAction } from '../queries';
import {
  REVIEW_ACTION_DONE,
  REVIEW_ACTION_LABELS,
  TIMELINESS_COLORS,
  TIMELINESS_LABELS,
  VALIDITY_LABELS,
} from '../shared';

export function ReviewPanel({
  d,
  canEdit,
  editable,
}: {
  d: ItemDetail;
  canEdit: boolean;
  editable: boolean;
}) {
  const can = usePermission();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const isReviewer = can('disclosure:review:approve');
  const done = (action: WorkflowAction | 'correct', warning?: string) => {
    // Nobody may approve the next level (本单位未设置复审人): said at once, not left to wait silently.
    if (warning) void message.warning(`${REVIEW_ACTION_DONE[action]}，但${warning}，已通知政务公开科`);
    else void message.success(REVIEW_ACTION_DONE[action]);
    setComment('');
  };
  const workflow = useWorkflow(d.id, done);
  const correct = useCorrect(d.id, (id) => {
    done('correct');
    navigate(`/disclosure/items/${id}`);
  });
  const act = {
    isPending: workflow.isPending || correct.isPending,
    mutate: ({ action }: { action: WorkflowAction | 'correct'; body: unknown }) =>
      action === 'correct' ? correct.mutate(undefined) : workflow.run(action, comment),
  };
  return (
    <>
      <Card title="审核与发布" size="small" data-testid="review-panel">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="索引号">{d.indexNo}</Descriptions.Item>
          <Descriptions.Item label="单位">{d.unitName}</Descriptions.Item>
          <Descriptions.Item label="审核流程">{d.levels.join(' → ')}</Descriptions.Item>
          {d.timeliness && (
            <Descriptions.Item label="公开时效">
              <StatusTag value={d.timeliness.status} labels={TIMELINESS_LABELS} colors={TIMELINESS_COLORS} />{' '}
              应于 {d.timeliness.deadline} 前公开
            </Descriptions.Item>
          )}
          {d.validityNow && (
            <Descriptions.Item label="有效性">{VALIDITY_LABELS[d.validityNow]}</Descriptions.Item>
          )}
          {d.withdrawReason && <Descriptions.Item label="撤回理由">{d.withdrawReason}</Descriptions.Item>}
        </Descriptions>
        {d.missingInterpretation && (
          <Alert
            type="warning"
            showIcon
            message="该政策已发布但尚无政策解读（三同步）"
            style={{ marginBottom: 8 }}
          />
        )}
        {d.policy && <p>解读的政策：{d.policy.title}</p>}
        {d.interpretations.length > 0 && <p>政策解读：{d.interpretations.map((i) => i.title).join('、')}</p>}
        <Input.TextArea
          rows={2}
          placeholder="审核意见 / 撤回理由"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid="review-comment"
          style={{ marginBottom: 8 }}
        />
        <Space wrap>
          {canEdit && editable && (
            <Button
              type="primary"
              data-testid="item-submit"
              loading={act.isPending}
              onClick={() => act.mutate({ action: 'submit', body: { comment } })}
            >
              提交审核
            </Button>
          )}
          {isReviewer && d.status === 'in_review' && (
            <>
              <Button
                type="primary"
                data-testid="item-approve"
                loading={act.isPending}
                onClick={() => act.mutate({ action: 'approve', body: { comment } })}
              >
                {d.levelName ?? ''}通过
              </Button>
              <Button
                danger
                data-testid="item-return"
                onClick={() => act.mutate({ action: 'return', body: { comment } })}
              >
                退回
              </Button>
            </>
          )}
          {can('disclosure:item:withdraw') && (d.status === 'published' || d.status === 'scheduled') && (
            <Button
              danger
              data-testid="item-withdraw"
              onClick={() => act.mutate({ action: 'withdraw', body: { reason: comment } })}
            >
              撤回
            </Button>
          )}
          {canEdit && d.status === 'published' && (
            <Button data-testid="item-correct" onClick={() => act.mutate({ action: 'correct', body: {} })}>
              更正
            </Button>
          )}
          {d.status === 'published' && (
            <Button href={`/xxgk/info/${d.id}`} target="_blank" data-testid="item-portal-link">
              查看门户页面
            </Button>
          )}
        </Space>
      </Card>
      <Card title="审核记录" size="small">
        <Timeline
          data-testid="item-history"
          items={d.history.map((h) => ({
            children: (
              <span>
                {chinaTime(h.at)} {h.userName ?? ''}{' '}
                <b>
                  {h.levelName ?? ''}
                  {REVIEW_ACTION_LABELS[h.action as keyof typeof REVIEW_ACTION_LABELS] ?? h.action}
                </b>
                {h.comment ? `：${h.comment}` : ''}
              </span>
            ),
          }))}
        />
      </Card>{' '}
    </>
  );
}
