import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  CASE_STATUS_LABELS,
  type CaseDetail,
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
} from '../../../../contracts/requests';
import { CLOCK_ACTION_LABELS, type ClockAction } from '../../../../domain/requests/clock';
import { LETTER_KIND_LABELS, LETTER_KINDS, type LetterKind } from '../../../../domain/requests/letters';
import {
  APPLICANT_KIND_LABELS,
  LEGAL_BASIS_LABELS,
  OUTCOME_CODES,
  OUTCOME_LABELS,
  OUTCOME_LEGAL_BASES,
  type OutcomeCode,
} from '../../../../domain/requests/outcomes';
import { SUBMISSION_CHANNEL_LABELS } from '../../../../domain/requests/receipt';
import { get, post } from '../../../api';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import { PageContainer } from '../../../components/PageContainer';
import { StatusTag } from '../../../components/StatusTag';
import { CASE_STATUS_COLORS, DUE_COLORS, dueLevel } from '../labels';

type Action = ClockAction | 'confirm_receipt';
// The clerk only asks for the extension; the 工作机构负责人 decides it (条例第三十三条第二款).
const ACTION_LABELS: Record<Action, string> = {
  ...CLOCK_ACTION_LABELS,
  extend: '申请延期答复',
  confirm_receipt: '确认收到申请',
};

const REMEDY_RESULTS = { upheld: '维持', corrected: '纠正', other: '其他', pending: '尚未审结' } as const;

type Values = Record<string, string | number | null | undefined>;

const labelOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const EXTENSION_STATUS = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;

/** The pending or decided extension request; approvers (requests:extension:approve) decide it here. */
function ExtensionCard({ detail }: { detail: CaseDetail }) {
  const r = detail.extensionRequest;
  const can = usePermission();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [notifiedOn, setNotifiedOn] = useState('');
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      post<CaseDetail>(`/requests/cases/${detail.id}/extension-decision`, {
        decision,
        notifiedOn: notifiedOn || null,
        comment: comment || null,
      }),
    onSuccess: (d) => {
      qc.setQueryData(['/requests/cases', detail.id], d);
      void qc.invalidateQueries({ queryKey: ['/requests/cases'] });
      void message.success('已审批');
    },
  });
  if (!r) return null;
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
          <Input
            style={{ width: 170 }}
            placeholder="告知申请人日期 YYYY-MM-DD"
            aria-label="告知申请人日期"
            value={notifiedOn}
            onChange={(e) => setNotifiedOn(e.target.value)}
            data-testid="extension-notifiedOn"
          />
          <Input
            style={{ width: 200 }}
            placeholder="审批意见（可选）"
            aria-label="审批意见"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button
            type="primary"
            disabled={!notifiedOn}
            loading={decide.isPending}
            onClick={() => decide.mutate('approve')}
            data-testid="extension-approve"
          >
            同意延期
          </Button>
          <Button danger loading={decide.isPending} onClick={() => decide.mutate('reject')}>
            不同意
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

/** The fields each action asks for; dates are typed as YYYY-MM-DD. */
function ActionFields({ action, outcome }: { action: Action; outcome?: OutcomeCode }) {
  const date = (name: string, label: string, required = true) => (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: `请填写${label}` }] : []}
    >
      <Input placeholder="YYYY-MM-DD" data-testid={`action-${name}`} />
    </Form.Item>
  );
  switch (action) {
    case 'confirm_receipt':
      return date('confirmedOn', '双方确认日期');
    case 'request_correction':
      return (
        <>
          {date('date', '告知日期')}
          {date('correctBy', '补正期限', false)}
          <Form.Item name="missing" label="需要补正的事项（留空则列出登记时缺少的事项）">
            <Input.TextArea rows={2} data-testid="action-missing" />
          </Form.Item>
        </>
      );
    case 'receive_correction':
      return (
        <>
          {date('date', '收到补正日期')}
          <Form.Item name="description" label="补正后的信息描述（原申请缺少时必填）">
            <Input.TextArea rows={2} data-testid="action-description" />
          </Form.Item>
          <Form.Item name="deliveryForm" label="获取信息的形式（原申请缺少时必填）">
            <Select allowClear options={labelOptions(DELIVERY_FORM_LABELS)} />
          </Form.Item>
          <Form.Item name="deliveryChannel" label="获取信息的途径（原申请缺少时必填）">
            <Select allowClear options={labelOptions(DELIVERY_CHANNEL_LABELS)} />
          </Form.Item>
        </>
      );
    case 'start_consultation':
      return (
        <>
          <Form.Item name="kind" label="类型" initialValue="third_party">
            <Select
              options={[
                { value: 'third_party', label: '征求第三方意见（条例第三十二条）' },
                { value: 'other_agency', label: '征求其他机关意见（条例第三十四条）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="party" label="征求意见对象" rules={[{ required: true, message: '请填写' }]}>
            <Input />
          </Form.Item>
          {date('date', '发出日期')}
          {date('servedOn', '送达日期', false)}
        </>
      );
    case 'end_consultation':
      return (
        <>
          {date('date', '收到意见日期')}
          <Form.Item name="opinion" label="意见">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case 'extend':
      return (
        <>
          <Form.Item
            name="days"
            label="延长工作日数（最长 20）"
            rules={[{ required: true, message: '请填写' }]}
          >
            <InputNumber min={1} max={20} data-testid="action-days" />
          </Form.Item>
          <Form.Item name="reason" label="延期理由" rules={[{ required: true, message: '请填写' }]}>
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
          <Typography.Text type="secondary">提交后由政府信息公开工作机构负责人在系统中审批</Typography.Text>
        </>
      );
    case 'charge_fee':
      return (
        <>
          <Form.Item name="method" label="收费方式（一件申请只能选一种）" initialValue="per_volume">
            <Select
              options={[
                { value: 'per_piece', label: '按件计收' },
                { value: 'per_volume', label: '按量计收' },
              ]}
            />
          </Form.Item>
          <Form.Item name="pages" label="页数（按量计收）">
            <InputNumber min={1} />
          </Form.Item>
          {date('date', '通知日期')}
          {date('servedOn', '送达日期', false)}
        </>
      );
    case 'set_custom_deadline':
      return (
        <>
          {date('date', '另行确定的答复期限')}
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case 'reply':
      return (
        <>
          <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择' }]}>
            <Select
              data-testid="action-outcome"
              showSearch
              optionFilterProp="label"
              options={OUTCOME_CODES.map((c) => ({ value: c, label: OUTCOME_LABELS[c] }))}
            />
          </Form.Item>
          <Form.Item name="legalBasis" label="法律依据">
            <Select
              data-testid="action-legalBasis"
              allowClear
              options={(outcome ? OUTCOME_LEGAL_BASES[outcome] : []).map((b) => ({
                value: b,
                label: LEGAL_BASIS_LABELS[b],
              }))}
            />
          </Form.Item>
          {date('date', '答复日期')}
          <Form.Item name="replyText" label="答复说明">
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    default:
      return date('date', '日期');
  }
}

function ActionModal({ id, action, onClose }: { id: string; action: Action | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form) as OutcomeCode | undefined;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: (v: Values) => {
      const body: Values = { action };
      for (const [k, val] of Object.entries(v)) body[k] = val === '' || val === undefined ? null : val;
      return post<CaseDetail>(`/requests/cases/${id}/actions`, body);
    },
    onSuccess: (d) => {
      qc.setQueryData(['/requests/cases', id], d);
      void qc.invalidateQueries({ queryKey: ['/requests/cases'] });
      void message.success(`已办理：${action ? ACTION_LABELS[action] : ''}`);
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={action !== null}
      title={action ? ACTION_LABELS[action] : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      okButtonProps={{ loading: run.isPending, 'data-testid': 'action-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => run.mutate(v)} data-testid="action-form">
        {action ? <ActionFields action={action} outcome={outcome} /> : null}
      </Form>
    </Modal>
  );
}

function LetterForm({ detail }: { detail: CaseDetail }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [kind, setKind] = useState<LetterKind | undefined>();
  const [date, setDate] = useState('');
  const gen = useMutation({
    mutationFn: () =>
      post<{ id: string; version: number }>(`/requests/cases/${detail.id}/letters`, { kind, date }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['/requests/cases', detail.id] });
      void message.success(`已生成第 ${r.version} 版`);
    },
  });
  return (
    <Space wrap>
      <Select<LetterKind>
        style={{ width: 300 }}
        placeholder="文书类型"
        value={kind}
        onChange={setKind}
        data-testid="letter-kind"
        options={LETTER_KINDS.map((k) => ({ value: k, label: LETTER_KIND_LABELS[k] }))}
      />
      <Input
        style={{ width: 140 }}
        placeholder="落款日期 YYYY-MM-DD"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        data-testid="letter-date"
        aria-label="落款日期"
      />
      <Button
        type="primary"
        disabled={!kind || !date}
        loading={gen.isPending}
        onClick={() => gen.mutate()}
        data-testid="letter-generate"
      >
        生成文书
      </Button>
    </Space>
  );
}

function RemedyForm({ id }: { id: string }) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: (v: Values) =>
      post(`/requests/cases/${id}/remedies`, {
        ...v,
        afterReconsideration: v.afterReconsideration === 'yes',
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['/requests/cases', id] });
      form.resetFields();
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={(v) => add.mutate(v)}
      initialValues={{ kind: 'reconsideration', result: 'pending', afterReconsideration: 'no' }}
    >
      <Form.Item name="kind">
        <Select
          style={{ width: 110 }}
          options={[
            { value: 'reconsideration', label: '行政复议' },
            { value: 'litigation', label: '行政诉讼' },
          ]}
        />
      </Form.Item>
      <Form.Item name="afterReconsideration">
        <Select
          style={{ width: 130 }}
          options={[
            { value: 'no', label: '未经复议' },
            { value: 'yes', label: '复议后起诉' },
          ]}
        />
      </Form.Item>
      <Form.Item name="result">
        <Select
          style={{ width: 110 }}
          options={Object.entries(REMEDY_RESULTS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="filedOn" rules={[{ required: true, message: '请填写日期' }]}>
        <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} aria-label="日期" />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        登记
      </Button>
    </Form>
  );
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const can = usePermission();
  const [action, setAction] = useState<Action | null>(null);
  const q = useQuery({
    queryKey: ['/requests/cases', id],
    queryFn: ({ signal }) => get<CaseDetail>(`/requests/cases/${id}`, signal),
  });
  const d = q.data;
  if (!d)
    return (
      <PageContainer title="申请详情" testId="case-detail-page">
        {q.isError ? '无法加载' : '加载中…'}
      </PageContainer>
    );
  const level = dueLevel(d.workingDaysLeft);
  return (
    <PageContainer title={`申请 ${d.caseNo}`} testId="case-detail-page">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="申请信息">
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="状态">
                <span data-testid="case-status">
                  <StatusTag value={d.status} labels={CASE_STATUS_LABELS} colors={CASE_STATUS_COLORS} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="答复期限">
                <Tag color={DUE_COLORS[level]} data-testid="case-due">
                  {d.replyDue ?? '—'}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label="受理机关">{d.unitName}</Descriptions.Item>
              <Descriptions.Item label="查询码">{d.queryCode}</Descriptions.Item>
              <Descriptions.Item label="申请人">
                {d.applicant.name}（{APPLICANT_KIND_LABELS[d.applicantKind]}）
              </Descriptions.Item>
              <Descriptions.Item label="证件号码">{d.applicant.idNumber}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{d.applicant.phone}</Descriptions.Item>
              <Descriptions.Item label="渠道">{SUBMISSION_CHANNEL_LABELS[d.channel]}</Descriptions.Item>
              <Descriptions.Item label="收到申请日期">{d.receivedOn ?? '待确认'}</Descriptions.Item>
              <Descriptions.Item label="确认人">{d.receiptConfirmedBy ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="所需信息" span={2}>
                {d.description || '（未填写）'}
              </Descriptions.Item>
              {d.receiptRule ? (
                <Descriptions.Item label="收到日期依据" span={2}>
                  {d.receiptRule}
                </Descriptions.Item>
              ) : null}
              {d.outcome ? (
                <Descriptions.Item label="办理结果" span={2}>
                  <span data-testid="case-outcome">{OUTCOME_LABELS[d.outcome]}</span>
                  {d.legalBasis ? `（${LEGAL_BASIS_LABELS[d.legalBasis]}）` : ''}
                  {d.onTime === false ? <Tag color="red">逾期答复</Tag> : null}
                </Descriptions.Item>
              ) : null}
              {d.feeAmount !== null ? (
                <Descriptions.Item label="信息处理费">{d.feeAmount} 元</Descriptions.Item>
              ) : null}
              {d.idProofFileId ? (
                <Descriptions.Item label="身份证明">
                  <DownloadButton
                    path={`/requests/cases/${d.id}/id-proof`}
                    fallbackName="身份证明"
                    label="下载"
                  />
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {d.intake.route !== 'accept' && d.intake.message ? (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                title={d.intake.message}
                data-testid="case-intake"
              />
            ) : null}
            {d.duplicateOf ? (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                title="疑似重复申请：同一申请人有内容相同的未办结申请"
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="可办理事项">
            {d.hints.map((h) => (
              <Alert key={h} type="info" showIcon title={h} style={{ marginBottom: 8 }} />
            ))}
            {can('requests:case:handle') && d.allowedActions.length > 0 ? (
              <Space wrap data-testid="case-actions">
                {d.allowedActions.map((a) => (
                  <Button
                    key={a}
                    onClick={() => setAction(a)}
                    data-testid={`action-${a}`}
                    type={a === 'reply' ? 'primary' : 'default'}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">无可办理事项</Typography.Text>
            )}
          </Card>
          <ExtensionCard detail={d} />
          <Card title="期限计算过程" style={{ marginTop: 16 }}>
            <ol data-testid="case-trace" style={{ paddingLeft: 20, margin: 0 }}>
              {d.trace.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ol>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="文书">
            {can('requests:case:handle') ? <LetterForm detail={d} /> : null}
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="letters-table"
              dataSource={d.letters}
              columns={[
                { title: '文书', dataIndex: 'kind', render: (k: LetterKind) => LETTER_KIND_LABELS[k] },
                { title: '版本', dataIndex: 'version', width: 60 },
                { title: '落款日期', dataIndex: 'letterDate', width: 110 },
                { title: '生成人', dataIndex: 'createdBy', width: 100 },
                {
                  title: '下载',
                  width: 100,
                  render: (_: unknown, l) => (
                    <DownloadButton
                      path={`/requests/letters/${l.id}/download`}
                      fallbackName={`${LETTER_KIND_LABELS[l.kind]}.docx`}
                      label="下载"
                      testId={`letter-download-${l.kind}-${l.version}`}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Card title="行政复议、行政诉讼" style={{ marginTop: 16 }}>
            {can('requests:case:handle') && d.receivedOn ? <RemedyForm id={d.id} /> : null}
            <List
              size="small"
              dataSource={d.remedies}
              renderItem={(m) => (
                <List.Item>
                  {m.kind === 'reconsideration'
                    ? '行政复议'
                    : m.afterReconsideration
                      ? '行政诉讼（复议后起诉）'
                      : '行政诉讼（未经复议）'}
                  ，{m.filedOn}，结果：{REMEDY_RESULTS[m.result]}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理过程">
            <Timeline
              data-testid="case-timeline"
              items={d.timeline.map((t) => ({
                content: (
                  <>
                    <Typography.Text>{t.text}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {t.by} · {new Date(t.at).toLocaleString('zh-CN', { hour12: false })}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <ActionModal id={d.id} action={action} onClose={() => setAction(null)} />
    </PageContainer>
  );
}
