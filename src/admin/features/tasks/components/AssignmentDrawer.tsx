import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { type AssignmentDetail, type LedgerStatus, tasksApi } from '../../../../contracts/tasks';
import { LEDGER_STATUS_LABELS, periodLabel } from '../../../../domain/tasks/ledger';
import { downloadFrom } from '../../../api';
import { DetailDrawer } from '../../../components/DetailDrawer';
import { useClosingForm } from '../../../components/DrawerForm';
import { required } from '../../../components/formRules';
import { StatusTag, statusColumn } from '../../../components/StatusTag';
import { EXTENSION_STATUS_COLORS, EXTENSION_STATUS_LABELS, STATUS_COLORS } from '../labels';
import {
  type AssignmentAction,
  uploadAttachment,
  useAssignment,
  useAssignmentAction,
  useReportProgress,
  useRequestExtension,
} from '../queries';

const time = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** One assignment: the task, its reports and extensions, and what the caller may do with it. */
export function AssignmentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { message } = App.useApp();
  const q = useAssignment(id);
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['tasks'] });
  const act = useAssignmentAction(
    id ?? '',
    (a) => void message.success(a.kind === 'close' ? '已销号' : '已提交'),
  );
  const d = q.data;

  return (
    <DetailDrawer
      id={id}
      onClose={onClose}
      query={q}
      title={d ? `${d.ref} · ${d.unitName}${d.isLead ? '（牵头）' : ''}` : '任务详情'}
      width={860}
      testId="assignment-drawer"
    >
      {(d) => (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 's',
                label: '状态',
                children: (
                  <span data-testid="assignment-status">
                    <StatusTag value={d.status} labels={LEDGER_STATUS_LABELS} colors={STATUS_COLORS} />
                  </span>
                ),
              },
              {
                key: 'due',
                label: '完成时限',
                children: (
                  <>
                    {d.dueDate ?? '未定'}
                    {d.period ? `（${periodLabel(d.period)}）` : ''}
                  </>
                ),
              },
              { key: 'sec', label: '板块', span: 2, children: <>{d.section.join(' / ') || '—'}</> },
              {
                key: 't',
                label: '任务',
                span: 2,
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {d.text}
                  </Typography.Paragraph>
                ),
              },
              { key: 'l', label: '牵头单位', children: <>{d.leadUnitsWritten.join('、') || '—'}</> },
              { key: 'r', label: '责任单位', children: <>{d.responsibleUnitsWritten.join('、') || '—'}</> },
              {
                key: 'dl',
                label: '时限原文',
                span: 2,
                children: <>{d.deadlines.map((x) => x.raw).join('；') || '—'}</>,
              },
              ...(d.disclosurePaths.length
                ? [
                    {
                      key: 'p',
                      label: '公开路径',
                      span: 2,
                      children: (
                        <>
                          {d.disclosurePaths.map((p) => (
                            <div key={p.join('>')}>{p.join(' > ')}</div>
                          ))}
                        </>
                      ),
                    },
                  ]
                : []),
              ...(d.returnReason
                ? [
                    {
                      key: 'rr',
                      label: '退回理由',
                      span: 2,
                      children: <Typography.Text type="danger">{d.returnReason}</Typography.Text>,
                    },
                  ]
                : []),
            ]}
          />
          {d.can.report ? <ReportForm id={d.id} onDone={refresh} /> : null}
          {d.can.review || d.can.close ? (
            <Card size="small" title="审核">
              <ReviewActions d={d} busy={act.isPending} run={(a) => act.mutate(a)} />
            </Card>
          ) : null}
          {d.can.extend ? <ExtensionForm id={d.id} due={d.dueDate} onDone={refresh} /> : null}
          <Card size="small" title={`进展报送（${d.reports.length}）`}>
            {d.reports.length === 0 ? (
              <Empty description="尚未报送" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Timeline
                data-testid="assignment-reports"
                items={d.reports.map((r) => ({
                  key: r.id,
                  color: r.completed ? 'green' : 'blue',
                  children: (
                    <>
                      <Typography.Text type="secondary">
                        {time(r.reportedAt)} {r.reportedBy ?? ''}{' '}
                        {r.completed ? <Tag color="green">报送完成</Tag> : null}
                      </Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
                      {r.links.map((l) => (
                        <div key={l}>
                          <a href={l} target="_blank" rel="noreferrer noopener">
                            {l}
                          </a>
                        </div>
                      ))}
                      {r.attachments.map((a) => (
                        <Button
                          key={a.fileId}
                          type="link"
                          size="small"
                          icon={<PaperClipOutlined />}
                          onClick={() =>
                            void downloadFrom(tasksApi.attachment, a.name, { params: { id: a.fileId } })
                          }
                        >
                          {a.name}
                        </Button>
                      ))}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          {d.siblings.length ? (
            <Card size="small" title="同一任务各单位进展">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={d.siblings}
                columns={[
                  {
                    title: '单位',
                    dataIndex: 'unitName',
                    render: (n: string, s) => `${n}${s.isLead ? '（牵头）' : ''}`,
                  },
                  { title: '周期', dataIndex: 'period', render: (p: string | null) => periodLabel(p) || '—' },
                  statusColumn<AssignmentDetail['siblings'][number], LedgerStatus>(
                    LEDGER_STATUS_LABELS,
                    STATUS_COLORS,
                  ),
                ]}
              />
            </Card>
          ) : null}
          {d.extensions.length ? (
            <Card size="small" title="延期记录">
              <List
                size="small"
                dataSource={d.extensions}
                renderItem={(e) => (
                  <List.Item key={e.id}>
                    <Space wrap>
                      <StatusTag
                        value={e.status}
                        labels={EXTENSION_STATUS_LABELS}
                        colors={EXTENSION_STATUS_COLORS}
                      />
                      {e.oldDueDate ?? '—'} → {e.newDueDate}
                      <span>理由：{e.reason}</span>
                      {e.decidedBy ? (
                        <span>
                          审批：{e.decidedBy}
                          {e.decisionNote ? `（${e.decisionNote}）` : ''}
                        </span>
                      ) : null}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
        </>
      )}
    </DetailDrawer>
  );
}

function ReportForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; links?: string; completed?: boolean }>();
  const [files, setFiles] = useState<{ fileId: string; name: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const send = useReportProgress(id, () => {
    void message.success('已报送');
    form.resetFields();
    setFiles([]);
    onDone();
  });
  const submit = (v: { text: string; links?: string; completed?: boolean }) =>
    send.mutate({
      text: v.text,
      completed: !!v.completed,
      links: (v.links ?? '')
        .split(/\s+/)
        .map((s) => s.trim())
        .filter(Boolean),
      fileIds: files.map((f) => f.fileId),
    });
  return (
    <Card size="small" title="报送进展" data-testid="report-form">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="text"
          label="进展情况"
          rules={[{ required: true, min: 2, message: '请填写进展情况' }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="links" label="证明材料链接（每行一个网址）">
          <Input.TextArea rows={2} placeholder="https://" />
        </Form.Item>
        <Form.Item label="附件">
          <Upload
            showUploadList={false}
            beforeUpload={async (file) => {
              setUploading(true);
              try {
                const f = await uploadAttachment(file);
                setFiles((x) => [...x, f]);
              } catch (e) {
                void message.error(e instanceof Error ? e.message : '上传失败');
              } finally {
                setUploading(false);
              }
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="report-attach">
              上传附件
            </Button>
          </Upload>
          <div data-testid="report-files">
            {files.map((f) => (
              <Tag
                key={f.fileId}
                closable
                onClose={() => setFiles((x) => x.filter((y) => y.fileId !== f.fileId))}
              >
                {f.name}
              </Tag>
            ))}
          </div>
        </Form.Item>
        <Form.Item name="completed" valuePropName="checked">
          <Checkbox>任务已完成，提交审核销号</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="report-submit">
          报送
        </Button>
      </Form>
    </Card>
  );
}

function ReviewActions({
  d,
  busy,
  run,
}: {
  d: AssignmentDetail;
  busy: boolean;
  run: (a: AssignmentAction) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {d.leadReview ? (
        <Typography.Text>
          牵头单位意见：{d.leadReview === 'approved' ? '同意' : '退回'}
          {d.leadReviewNote ? `（${d.leadReviewNote}）` : ''}
        </Typography.Text>
      ) : null}
      <Input.TextArea
        rows={2}
        aria-label="审核意见或退回理由"
        placeholder="审核意见 / 退回理由"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Space wrap>
        {d.can.review ? (
          <>
            <Button
              loading={busy}
              onClick={() => run({ kind: 'review', decision: 'approved', note: reason })}
            >
              牵头单位同意
            </Button>
            <Button
              danger
              disabled={reason.trim().length < 2}
              loading={busy}
              onClick={() => run({ kind: 'review', decision: 'returned', note: reason })}
            >
              牵头单位退回
            </Button>
          </>
        ) : null}
        {d.can.close ? (
          <>
            <Button
              type="primary"
              loading={busy}
              onClick={() => run({ kind: 'close' })}
              data-testid="closeout"
            >
              销号
            </Button>
            <Button
              danger
              disabled={reason.trim().length < 2}
              loading={busy}
              onClick={() => run({ kind: 'return', reason })}
              data-testid="return"
            >
              退回
            </Button>
          </>
        ) : null}
      </Space>
    </Space>
  );
}

function ExtensionForm({ id, due, onDone }: { id: string; due: string | null; onDone: () => void }) {
  const { message } = App.useApp();
  const [form, saved] = useClosingForm<{ newDueDate: { format(f: string): string }; reason: string }>(onDone);
  const send = useRequestExtension(id, () => {
    void message.success('已提交延期申请，等待领导审批');
    saved();
  });
  return (
    <Card size="small" title={`申请延期（原时限 ${due ?? '—'}）`}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => send.mutate({ newDueDate: v.newDueDate.format('YYYY-MM-DD'), reason: v.reason })}
      >
        <Form.Item name="newDueDate" label="延至" rules={required('请选择日期')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由' }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Button htmlType="submit" loading={send.isPending}>
          提交申请
        </Button>
      </Form>
    </Card>
  );
}
