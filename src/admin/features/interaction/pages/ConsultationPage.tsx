// Handling one consultation: its facts and history, the base's similar answered questions (the matcher), and the
// actions its state allows — transfer, answer (late answers are accepted and marked; to review first when the unit
// requires it), the reviewer's 通过 / 退回, close, add to the base.
import { App, Button, Card, Col, Descriptions, Form, Input, List, Row, Space, Tag, Timeline } from 'antd';
import { useNavigate, useParams } from 'react-router';
import {
  CONSULT_CHANNEL_LABELS,
  CONSULT_STATUS_LABELS,
  type ConsultDetail,
  SATISFACTION_LABELS,
} from '../../../../contracts/interaction';
import { usePermission } from '../../../auth';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { StatusTag } from '../../../components/StatusTag';
import { chinaDate } from '../../../time';
import { DueDay } from '../components/deadlines';
import { ReviewCard, TransferCard } from '../components/HandlingCards';
import { CONSULT_STATUS_COLORS } from '../labels';
import { useConsultAction, useConsultation, useReviewConsultation } from '../queries';

/** The reviewer's card: the drafted answer, 通过 (it goes out today) or 退回 with a reason. */
function Review({ c }: { c: ConsultDetail }) {
  const { message } = App.useApp();
  const review = useReviewConsultation(c.id, (d) =>
    message.success(d.status === 'answered' ? '答复已审核通过并发出' : '已退回修改'),
  );
  return <ReviewCard prefix="consult" draft={c.answer} review={review} labels={['通过', '退回']} />;
}

function Actions({ c }: { c: ConsultDetail }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const act = useConsultAction(c.id, (d) => {
    void message.success(d.unitId === c.unitId ? '已保存' : `已转办至 ${d.unitName}`);
    // A handler of one unit no longer holds a consultation transferred away.
    if (d.unitId !== c.unitId && d.allowedActions.length === 0) void navigate('/interaction/consultations');
  });
  const [answer] = Form.useForm<{ answer: string; answeredOn: string }>();
  const [base] = Form.useForm<{ question: string; answer: string; topic?: string }>();
  const allowed = new Set(c.allowedActions);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {allowed.has('answer') && (
        <Card title="答复" size="small">
          <Form
            form={answer}
            layout="vertical"
            initialValues={{ answeredOn: chinaDate(), answer: c.history.at(-1)?.draft }}
            onFinish={(v) => act.mutate({ action: 'answer', ...v })}
          >
            <Form.Item name="answer" label="答复内容" rules={required('请填写答复内容')}>
              <Input.TextArea rows={5} data-testid="answer-text" />
            </Form.Item>
            <Form.Item name="answeredOn" label="答复日期" rules={[{ required: true }]}>
              <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={act.isPending} data-testid="answer-save">
              答复
            </Button>
          </Form>
        </Card>
      )}
      {allowed.has('transfer') && <TransferCard prefix="consult" handle={act} />}
      {allowed.has('add_to_base') && (
        <Card title="加入问答库（审核后公开）" size="small">
          <Form
            form={base}
            layout="vertical"
            initialValues={{ question: c.question, answer: c.answer ?? '' }}
            onFinish={(v) => act.mutate({ action: 'add_to_base', ...v, keywords: [] })}
          >
            <Form.Item name="question" label="问题（可改写为通用问法）" rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="answer" label="答复" rules={[{ required: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="topic" label="主题">
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Button htmlType="submit" loading={act.isPending} data-testid="add-to-base">
              加入问答库
            </Button>
          </Form>
        </Card>
      )}
      {allowed.has('close') && (
        <Button onClick={() => act.mutate({ action: 'close' })} loading={act.isPending}>
          办结
        </Button>
      )}
    </Space>
  );
}

export default function ConsultationPage() {
  const { id = '' } = useParams();
  const q = useConsultation(id);
  const can = usePermission();
  const c = q.data;
  if (!c) return <PageContainer title="政策咨询">{q.error ? '无法加载' : '加载中…'}</PageContainer>;
  return (
    <PageContainer title={`政策咨询 ${c.consultNo}`} testId="consultation-page">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card>
            <Descriptions
              column={2}
              size="small"
              items={[
                {
                  label: '状态',
                  children: c.reviewing ? (
                    <Tag color="orange">答复待审核</Tag>
                  ) : (
                    <StatusTag
                      value={c.status}
                      labels={CONSULT_STATUS_LABELS}
                      colors={CONSULT_STATUS_COLORS}
                    />
                  ),
                },
                {
                  label: '渠道',
                  children: `${CONSULT_CHANNEL_LABELS[c.channel]}${c.workOrderNo ? `（工单 ${c.workOrderNo}）` : ''}`,
                },
                { label: '承办单位', children: c.unitName },
                { label: '收到日期', children: c.receivedOn },
                {
                  label: '答复期限',
                  children: <DueDay day={c.answerDue} overdue={c.overdue} />,
                },
                { label: '咨询人', children: `${c.askerName ?? '—'} ${c.askerContact ?? ''}` },
                {
                  label: '咨询问题',
                  children: <span data-testid="consult-question-text">{c.question}</span>,
                  span: 2,
                },
                ...(c.answer && c.reviewing
                  ? [{ label: '答复稿（待审核）', span: 2, children: c.answer }]
                  : c.answer
                    ? [
                        {
                          label: '答复',
                          span: 2,
                          children: `${c.answer}（${c.answeredOn}${c.onTime === false ? '，逾期答复' : ''}）`,
                        },
                      ]
                    : []),
                ...(c.satisfaction
                  ? [{ label: '满意度', children: SATISFACTION_LABELS[c.satisfaction] }]
                  : []),
              ]}
            />
          </Card>
          {c.similar.length > 0 && (
            <Card title="问答库中的相似问答" style={{ marginTop: 16 }} data-testid="similar">
              <List
                dataSource={c.similar}
                renderItem={(s) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <>
                          {s.question} {s.confident ? <Tag color="green">高度相关</Tag> : <Tag>相关</Tag>}
                        </>
                      }
                      description={`${s.answer}（${s.unitName}）`}
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
          <Card title="办理记录" style={{ marginTop: 16 }}>
            <Timeline
              items={c.history.map((h) => ({ children: `${h.at.slice(0, 10)} ${h.by}：${h.text}` }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {c.reviewing && c.allowedActions.includes('approve') && can('interaction:consult:review') ? (
            <Review c={c} />
          ) : null}
          {can('interaction:consult:handle') ? <Actions c={c} /> : null}
        </Col>
      </Row>
    </PageContainer>
  );
}
