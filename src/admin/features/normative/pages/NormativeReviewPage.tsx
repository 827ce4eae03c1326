// 规范性文件清理: the year's campaign (the office starts and publishes it; each unit marks its own documents), the
// texts that still cite a repealed or expired document, and the 合法性审核 / 备案审查 register.
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { type LegalRow, type MarkRow, normativeApi } from '../../../../contracts/normative';
import { REVIEW_DECISION_LABELS, type ReviewDecision } from '../../../../domain/disclosure/normative-review';
import { VALIDITY_LABELS } from '../../../../domain/disclosure/rules';
import { usePermission } from '../../../auth';
import { optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { useCall, useCallMutation } from '../../../queries';

const DECISION_COLORS: Record<ReviewDecision, string> = { keep: 'green', amend: 'orange', repeal: 'red' };
const decisionOptions = optionsOf(REVIEW_DECISION_LABELS);

export default function NormativeReviewPage() {
  return (
    <PageContainer title="规范性文件清理" testId="normative-review-page">
      <Tabs
        items={[
          { key: 'campaign', label: '年度清理', children: <CampaignTab /> },
          { key: 'stale', label: '失效引用', children: <StaleTab /> },
          { key: 'legal', label: '合法性审核与备案', children: <LegalTab /> },
        ]}
      />
    </PageContainer>
  );
}

function CampaignTab() {
  const can = usePermission();
  const campaigns = useCall(normativeApi.campaigns);
  const [chosen, setId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // The newest campaign until another is chosen.
  const id = chosen ?? campaigns.data?.[0]?.id ?? null;
  const detail = useCall(normativeApi.campaign, { params: { id: id ?? '' } }, { enabled: !!id });
  const publish = useCallMutation(normativeApi.publish, {
    toArgs: (cid: string) => ({ params: { id: cid } }),
  });
  const c = detail.data?.campaign;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select
          style={{ width: 260 }}
          placeholder="选择清理年度"
          aria-label="清理年度"
          value={id ?? undefined}
          onChange={setId}
          options={(campaigns.data ?? []).map((x) => ({ value: x.id, label: x.title }))}
        />
        {can('disclosure:normative:manage') ? (
          <Button type="primary" onClick={() => setStarting(true)} data-testid="campaign-start">
            启动年度清理
          </Button>
        ) : null}
        {c && c.status === 'open' && can('disclosure:normative:manage') ? (
          <Button
            onClick={() => publish.mutate(c.id)}
            loading={publish.isPending}
            disabled={c.marked < c.total}
            data-testid="campaign-publish"
          >
            公布清理结果
          </Button>
        ) : null}
        {c?.status === 'published' ? <Tag color="green">已于 {c.publishedOn} 公布</Tag> : null}
      </Space>
      {publish.error ? <Alert type="error" showIcon title={publish.error.message} /> : null}
      {!c ? (
        <Typography.Text type="secondary">
          尚未启动清理工作。启动后，现行有效的规范性文件将按制发单位分发标记。
        </Typography.Text>
      ) : (
        <>
          <Typography.Text>
            完成时限 {c.dueDate}；已标记 {c.marked} / {c.total} 件
          </Typography.Text>
          {detail.data && detail.data.units.length > 1 ? (
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              dataSource={detail.data.units}
              columns={[
                { title: '单位', dataIndex: 'unitName' },
                { title: '文件数', dataIndex: 'total', width: 90 },
                {
                  title: '进度',
                  width: 240,
                  render: (_: unknown, u) => (
                    <Progress percent={Math.round((u.marked / u.total) * 100)} size="small" />
                  ),
                },
              ]}
            />
          ) : null}
          <MarksTable campaignId={c.id} open={c.status === 'open'} rows={detail.data?.marks ?? []} />
        </>
      )}
      <StartModal open={starting} onClose={() => setStarting(false)} onStarted={setId} />
    </Space>
  );
}

function MarksTable({ campaignId, open, rows }: { campaignId: string; open: boolean; rows: MarkRow[] }) {
  const can = usePermission();
  const [editing, setEditing] = useState<MarkRow | null>(null);
  const [decision, setDecision] = useState<ReviewDecision>('keep');
  const [reason, setReason] = useState('');
  const mark = useCallMutation(normativeApi.mark, {
    toArgs: (v: { markId: string; decision: ReviewDecision; reason: string }) => ({
      params: { id: campaignId, markId: v.markId },
      body: { decision: v.decision, reason: v.reason },
    }),
    onSuccess: () => setEditing(null),
  });
  return (
    <>
      <Table<MarkRow>
        rowKey="id"
        size="middle"
        dataSource={rows}
        data-testid="marks-table"
        columns={[
          {
            title: '文件名称',
            dataIndex: 'title',
            render: (t: string, r) => <Link to={`/disclosure/items/${r.itemId}`}>{t}</Link>,
          },
          { title: '发文字号', dataIndex: 'docNumber', width: 180 },
          { title: '制发单位', dataIndex: 'unitName', width: 140 },
          {
            title: '清理意见',
            dataIndex: 'decision',
            width: 240,
            render: (d: ReviewDecision | null, r) =>
              d ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={DECISION_COLORS[d]}>{REVIEW_DECISION_LABELS[d]}</Tag>
                  {r.reason ? <Typography.Text type="secondary">{r.reason}</Typography.Text> : null}
                </Space>
              ) : (
                <Tag>未标记</Tag>
              ),
          },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, r) =>
              open && can('disclosure:normative:mark') ? (
                <Button
                  size="small"
                  type="link"
                  data-testid="mark-edit"
                  onClick={() => {
                    setDecision(r.decision ?? 'keep');
                    setReason(r.reason ?? '');
                    setEditing(r);
                  }}
                >
                  标记
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title={`清理意见：${editing?.title ?? ''}`}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        okText="保存"
        confirmLoading={mark.isPending}
        onOk={() => editing && mark.mutate({ markId: editing.id, decision, reason })}
      >
        <Form layout="vertical">
          <Form.Item label="清理意见">
            <Select value={decision} onChange={setDecision} options={decisionOptions} aria-label="清理意见" />
          </Form.Item>
          <Form.Item
            label="理由"
            required={decision !== 'keep'}
            validateStatus={mark.error ? 'error' : undefined}
            help={mark.error?.message}
          >
            <Input.TextArea
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-label="理由"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function StartModal({
  open,
  onClose,
  onStarted,
}: {
  open: boolean;
  onClose: () => void;
  onStarted: (id: string) => void;
}) {
  const [form] = Form.useForm<{ year: number; dueDate: Dayjs }>();
  const start = useCallMutation(normativeApi.startCampaign, {
    toArgs: (v: { year: number; dueDate: string }) => ({ body: v }),
    onSuccess: (c) => {
      onStarted(c.id);
      onClose();
    },
  });
  return (
    <Modal
      title="启动年度清理"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={start.isPending}
      okText="启动"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: dayjs().year(), dueDate: dayjs().add(2, 'month') }}
        onFinish={(v) => start.mutate({ year: v.year, dueDate: v.dueDate.format('YYYY-MM-DD') })}
      >
        <Form.Item name="year" label="清理年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueDate" label="各单位完成标记的时限" rules={required('请选择完成时限')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {start.error ? <Alert type="error" showIcon title={start.error.message} /> : null}
      </Form>
    </Modal>
  );
}

function StaleTab() {
  const stale = useCall(normativeApi.staleCitations);
  return (
    <Table
      rowKey="itemId"
      loading={stale.isPending}
      dataSource={stale.data ?? []}
      locale={{ emptyText: '没有引用已废止或失效文件的信息' }}
      columns={[
        {
          title: '信息',
          dataIndex: 'title',
          render: (t: string, r) => <Link to={`/disclosure/items/${r.itemId}`}>{t}</Link>,
        },
        { title: '单位', dataIndex: 'unitName', width: 140 },
        {
          title: '引用的文件',
          dataIndex: 'cited',
          render: (
            cited: {
              itemId: string;
              title: string;
              docNumber: string | null;
              validity: keyof typeof VALIDITY_LABELS;
            }[],
          ) => (
            <Space orientation="vertical" size={0}>
              {cited.map((d) => (
                <span key={d.itemId}>
                  《{d.title}》{d.docNumber ? `（${d.docNumber}）` : ''}{' '}
                  <Tag color="red">{VALIDITY_LABELS[d.validity]}</Tag>
                </span>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

function LegalTab() {
  const can = usePermission();
  const rows = useCall(normativeApi.legal);
  const [editing, setEditing] = useState<LegalRow | null>(null);
  const [form] = Form.useForm<{
    legalityReviewedOn?: Dayjs;
    legalityOpinion?: string;
    filingNumber?: string;
    filedOn?: Dayjs;
  }>();
  const save = useCallMutation(normativeApi.putLegal, {
    toArgs: (v: { rootId: string; body: Parameters<typeof toBody>[0] }) => ({
      params: { rootId: v.rootId },
      body: toBody(v.body),
    }),
    onSuccess: () => setEditing(null),
  });
  return (
    <>
      <Table<LegalRow>
        rowKey="rootId"
        loading={rows.isPending}
        dataSource={rows.data ?? []}
        columns={[
          { title: '文件名称', dataIndex: 'title' },
          { title: '发文字号', dataIndex: 'docNumber', width: 170 },
          { title: '制发单位', dataIndex: 'unitName', width: 140 },
          {
            title: '合法性审核',
            dataIndex: 'legalityReviewedOn',
            width: 120,
            render: (d: string | null) => d ?? <Tag color="orange">未登记</Tag>,
          },
          {
            title: '备案审查',
            dataIndex: 'filingNumber',
            width: 180,
            render: (n: string | null, r) =>
              n ? `${n}（${r.filedOn ?? ''}）` : <Tag color="orange">未登记</Tag>,
          },
          {
            title: '操作',
            width: 80,
            render: (_: unknown, r) =>
              can('disclosure:normative:mark') ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    form.setFieldsValue({
                      legalityReviewedOn: r.legalityReviewedOn ? dayjs(r.legalityReviewedOn) : undefined,
                      legalityOpinion: r.legalityOpinion ?? undefined,
                      filingNumber: r.filingNumber ?? undefined,
                      filedOn: r.filedOn ? dayjs(r.filedOn) : undefined,
                    });
                    setEditing(r);
                  }}
                >
                  登记
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title={`合法性审核与备案：${editing?.title ?? ''}`}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => editing && save.mutate({ rootId: editing.rootId, body: v })}
        >
          <Form.Item name="legalityReviewedOn" label="合法性审核日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="legalityOpinion" label="审核意见">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="filingNumber" label="备案号">
            <Input placeholder="如 潼人大备〔2024〕5号" />
          </Form.Item>
          <Form.Item name="filedOn" label="备案日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {save.error ? <Alert type="error" showIcon title={save.error.message} /> : null}
        </Form>
      </Modal>
    </>
  );
}

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : null);
function toBody(v: {
  legalityReviewedOn?: Dayjs;
  legalityOpinion?: string;
  filingNumber?: string;
  filedOn?: Dayjs;
}) {
  return {
    legalityReviewedOn: day(v.legalityReviewedOn),
    legalityOpinion: v.legalityOpinion?.trim() || null,
    filingNumber: v.filingNumber?.trim() || null,
    filedOn: day(v.filedOn),
  };
}
