// One draft's comments (moderation: show, or hide with a reason), its 意见采纳情况 form once the period is over,
// and the link to the final decision once the report is published.
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { CommentRow } from '../../../../contracts/decisions';
import {
  ADOPTION_OUTCOME_LABELS,
  type AdoptionOutcome,
  COMMENT_STATUS_LABELS,
  type CommentStatus,
  DECISION_STATUS_LABELS,
} from '../../../../domain/disclosure/decisions';
import { usePermission } from '../../../auth';
import { optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { StatusTag } from '../../../components/StatusTag';
import { SubmitButton } from '../../../components/SubmitButton';
import {
  useDecision,
  useDecisionComments,
  useLinkFinal,
  useModerateComment,
  usePublishAdoption,
} from '../queries';

const COMMENT_COLORS: Record<CommentStatus, string> = {
  pending: 'orange',
  shown: 'green',
  hidden: 'default',
};

interface AdoptionForm {
  summary: string;
  offlineReceived: number;
  entries: { opinion: string; outcome: AdoptionOutcome; reason?: string }[];
}

export function DecisionDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  return (
    <Drawer title="意见与采纳情况" open={id !== null} onClose={onClose} size={820} destroyOnHidden>
      {id ? <Detail id={id} /> : null}
    </Drawer>
  );
}

function Detail({ id }: { id: string }) {
  const can = usePermission();
  const publish = can('disclosure:decision:publish');
  const d = useDecision(id).data;
  const comments = useDecisionComments(id).data ?? [];
  const moderate = useModerateComment();
  const [hiding, setHiding] = useState<CommentRow | null>(null);
  const [reason, setReason] = useState('');
  const [adoptionForm] = Form.useForm<AdoptionForm>();
  const adopt = usePublishAdoption(() => undefined);
  const [itemId, setItemId] = useState('');
  const link = useLinkFinal(() => setItemId(''));
  if (!d) return null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="decision-detail-drawer">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="草案" span={2}>
          {d.title}
        </Descriptions.Item>
        <Descriptions.Item label="状态">{DECISION_STATUS_LABELS[d.status]}</Descriptions.Item>
        <Descriptions.Item label="征求意见期限">
          {d.openedOn
            ? `${d.openedOn} 至 ${d.periodEnd}${d.periodEndMoved ? '（遇节假日顺延）' : ''}`
            : '未发布'}
        </Descriptions.Item>
        <Descriptions.Item label="采纳情况应公布">{d.adoptionDue ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="采纳情况公布">{d.adoptionPublishedOn ?? '未公布'}</Descriptions.Item>
      </Descriptions>
      {d.adoptionAlert === 'overdue' ? (
        <Alert type="error" showIcon title={`意见采纳情况已超过 ${d.adoptionDue} 仍未公布`} />
      ) : null}

      <div>
        <Typography.Title level={5}>公众意见（{comments.length} 条）</Typography.Title>
        <Table<CommentRow>
          size="small"
          rowKey="id"
          data-testid="decision-comments"
          dataSource={comments}
          pagination={false}
          columns={[
            { title: '意见', dataIndex: 'publicText' },
            { title: '署名', dataIndex: 'authorName', width: 90, render: (n: string | null) => n ?? '匿名' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 140,
              render: (s: CommentStatus, r) => (
                <Space orientation="vertical" size={0}>
                  <StatusTag value={s} labels={COMMENT_STATUS_LABELS} colors={COMMENT_COLORS} />
                  {r.personalData ? (
                    <Typography.Text type="warning">含个人信息，已隐去</Typography.Text>
                  ) : null}
                  {r.hideReason ? <Typography.Text type="secondary">{r.hideReason}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: '审核',
              key: 'moderate',
              width: 150,
              render: (_: unknown, r) =>
                publish ? (
                  <Space size={4}>
                    {r.status !== 'shown' ? (
                      <Button
                        size="small"
                        type="link"
                        data-testid="comment-show"
                        onClick={() => moderate.mutate({ id: r.id, status: 'shown' })}
                      >
                        显示
                      </Button>
                    ) : null}
                    {r.status !== 'hidden' ? (
                      <Button
                        size="small"
                        type="link"
                        danger
                        onClick={() => {
                          setReason('');
                          setHiding(r);
                        }}
                      >
                        不予显示
                      </Button>
                    ) : null}
                  </Space>
                ) : null,
            },
          ]}
        />
        {hiding ? (
          <Space style={{ marginTop: 8 }}>
            <Input
              aria-label="不予显示的原因"
              placeholder="不予显示的原因"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              style={{ width: 320 }}
            />
            <Button
              danger
              disabled={reason.trim().length < 2}
              onClick={() =>
                moderate.mutate(
                  { id: hiding.id, status: 'hidden', reason },
                  { onSuccess: () => setHiding(null) },
                )
              }
            >
              确定
            </Button>
            <Button onClick={() => setHiding(null)}>取消</Button>
          </Space>
        ) : null}
      </div>

      {publish && d.status === 'closed' ? (
        <div>
          <Typography.Title level={5}>公布意见采纳情况</Typography.Title>
          {adopt.error ? <Alert type="error" showIcon title={(adopt.error as Error).message} /> : null}
          <Form<AdoptionForm>
            form={adoptionForm}
            layout="vertical"
            initialValues={{ offlineReceived: 0, entries: [] }}
            data-testid="adoption-form"
            onFinish={(v) => adopt.mutate({ id, body: v })}
          >
            <Form.Item name="summary" label="采纳情况说明" rules={required('请填写采纳情况说明')}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="offlineReceived" label="通过信函、座谈等其他方式收到的意见（条）">
              <InputNumber min={0} />
            </Form.Item>
            <Form.List name="entries">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" wrap>
                      <Form.Item
                        name={[f.name, 'opinion']}
                        label={`意见 ${i + 1}`}
                        rules={required('请填写意见摘要')}
                      >
                        <Input style={{ width: 240 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'outcome']} label="采纳情况" rules={required('请选择')}>
                        <Select style={{ width: 120 }} options={optionsOf(ADOPTION_OUTCOME_LABELS)} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'reason']} label="理由（未采纳必填）">
                        <Input style={{ width: 240 }} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                        删除
                      </Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({ outcome: 'adopted' })} data-testid="adoption-add">
                    添加一条意见
                  </Button>
                </>
              )}
            </Form.List>
            <SubmitButton saving={adopt} style={{ marginTop: 16 }} data-testid="adoption-submit">
              公布采纳情况
            </SubmitButton>
          </Form>
        </div>
      ) : null}

      {d.adoptionPublishedOn ? (
        <Descriptions size="small" column={1} bordered title="意见采纳情况">
          <Descriptions.Item label="统计">
            {d.adoptionCounts
              ? `收到 ${d.adoptionCounts.received} 条，采纳 ${d.adoptionCounts.adopted}，部分采纳 ${d.adoptionCounts.partly}，不予采纳 ${d.adoptionCounts.notAdopted}`
              : ''}
          </Descriptions.Item>
          <Descriptions.Item label="说明">{d.adoptionSummary}</Descriptions.Item>
        </Descriptions>
      ) : null}

      {publish && d.status === 'adopted' ? (
        <Space>
          <Input
            aria-label="最终决策的公开信息编号"
            placeholder="最终决策（已发布公开信息的编号）"
            value={itemId}
            onChange={(e) => setItemId(e.target.value.trim())}
            style={{ width: 360 }}
          />
          <Button
            type="primary"
            disabled={!itemId}
            loading={link.isPending}
            onClick={() => link.mutate({ id, itemId })}
          >
            关联最终决策
          </Button>
          {link.error ? (
            <Typography.Text type="danger">{(link.error as Error).message}</Typography.Text>
          ) : null}
        </Space>
      ) : null}
      {d.finalItemId ? (
        <Typography.Text>
          最终决策：公开信息 {d.finalItemId}（{d.decidedOn}）
        </Typography.Text>
      ) : null}
    </Space>
  );
}
