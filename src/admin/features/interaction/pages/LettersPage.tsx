// 信箱: the letters in the user's scope (filters, overdue marked), a drawer per letter with its text, history and
// the actions its state allows — transfer (routing from the 区长信箱), reply (late replies accepted and marked),
// review, and publication (the masked text shown first; refused with the reasons) — and the mailboxes' settings.
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
  Timeline,
} from 'antd';
import { useSearchParams } from 'react-router';
import {
  LETTER_STATUS_LABELS,
  LETTER_TYPE_LABELS,
  type LetterDetail,
  type LetterSummary,
  type MailboxInfo,
} from '../../../../contracts/interaction';
import type { LetterType } from '../../../../domain/interaction/letter';
import { usePermission } from '../../../auth';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { StatusTag, statusColumn } from '../../../components/StatusTag';
import { SubmitButton } from '../../../components/SubmitButton';
import { chinaDate } from '../../../time';
import { answeredColumn, DueDay, dueColumn } from '../components/deadlines';
import { ReviewCard, TransferCard } from '../components/HandlingCards';
import { SensitiveText } from '../components/SensitiveText';
import { LETTER_STATUS_COLORS } from '../labels';
import {
  mailboxApi,
  useHandleLetter,
  useLetter,
  useMailboxes,
  usePublishLetter,
  useReviewLetter,
  useUpdateMailbox,
} from '../queries';

function Handling({ l, onGone }: { l: LetterDetail; onGone: () => void }) {
  const { message } = App.useApp();
  const can = usePermission();
  const handle = useHandleLetter(l.id, (d) => {
    void message.success(d ? '已保存' : '已转办');
    if (!d) onGone();
  });
  const review = useReviewLetter(l.id, () => void message.success('已保存'));
  const publish = usePublishLetter(l.id, (d) => void message.success(d.published ? '已公开' : '已取消公开'));
  const allowed = new Set(l.allowedActions);
  const [reply] = Form.useForm<{ reply: string; repliedOn: string }>();
  const error = (handle.error ?? review.error ?? publish.error) as Error | null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {error && (
        <Tag color="red" data-testid="letter-error">
          {error.message}
        </Tag>
      )}
      {allowed.has('reply') && can('interaction:letter:handle') && (
        <Card title="答复" size="small">
          <Form
            form={reply}
            layout="vertical"
            initialValues={{ repliedOn: chinaDate(), reply: l.draftReply ?? '' }}
            onFinish={(v) => handle.mutate({ action: 'reply', ...v })}
          >
            {l.reviewNote && <p>审核退回意见：{l.reviewNote}</p>}
            <Form.Item name="reply" label="答复内容" rules={required('请填写答复内容')}>
              <Input.TextArea rows={5} data-testid="letter-reply-text" />
            </Form.Item>
            <Form.Item name="repliedOn" label="答复日期" rules={required('请填写答复日期')}>
              <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
            </Form.Item>
            <SubmitButton saving={handle} data-testid="letter-reply-save">
              答复
            </SubmitButton>
          </Form>
        </Card>
      )}
      {allowed.has('transfer') && can('interaction:letter:handle') && (
        <TransferCard prefix="letter" handle={handle} />
      )}
      {allowed.has('approve') && can('interaction:letter:review') && (
        <ReviewCard prefix="letter" draft={l.draftReply} review={review} labels={['审核通过', '退回修改']} />
      )}
      {l.publication && can('interaction:letter:publish') && (
        <Card title="选登公开" size="small">
          <Space>
            <Switch
              checked={l.published}
              loading={publish.isPending}
              disabled={!l.published && !l.publication.ok}
              onChange={(v) => publish.mutate(v)}
              aria-label="在门户网站公开"
              data-testid="letter-publish"
            />
            {l.published ? '已在门户网站公开' : '未公开'}
          </Space>
          {l.publication.ok ? (
            <Descriptions size="small" column={1} title="公开内容（已脱敏）" style={{ marginTop: 12 }}>
              <Descriptions.Item label="标题">{l.publication.subject}</Descriptions.Item>
              <Descriptions.Item label="来信">{l.publication.body}</Descriptions.Item>
              <Descriptions.Item label="答复">{l.publication.reply}</Descriptions.Item>
            </Descriptions>
          ) : (
            <ul data-testid="letter-publication-reasons">
              {l.publication.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </Space>
  );
}

function LetterDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const l = useLetter(id).data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={l ? `${l.letterNo} ${l.subject}` : '来信'}
      destroyOnHidden
    >
      {l && (
        <div data-testid="letter-drawer">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="信箱">{l.mailboxName}</Descriptions.Item>
            <Descriptions.Item label="类型">{LETTER_TYPE_LABELS[l.type]}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag value={l.status} labels={LETTER_STATUS_LABELS} colors={LETTER_STATUS_COLORS} />
            </Descriptions.Item>
            <Descriptions.Item label="承办单位">{l.unitName}</Descriptions.Item>
            <Descriptions.Item label="来信日期">{l.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="答复期限">
              <DueDay day={l.replyDue} overdue={l.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label="写信人">
              {l.writerName} {l.writerPhone} {l.writerIdNo}
            </Descriptions.Item>
            <Descriptions.Item label="同意公开">{l.consent ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="来信内容">
              <div style={{ whiteSpace: 'pre-wrap' }}>{l.body}</div>
            </Descriptions.Item>
            {l.reply && (
              <Descriptions.Item label="答复">
                <div style={{ whiteSpace: 'pre-wrap' }} data-testid="letter-reply">
                  {l.reply}
                </div>
                <div>
                  {l.repliedOn} {l.repliedBy} {l.onTime === false ? <Tag color="red">逾期答复</Tag> : null}
                </div>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Card title="办理记录" size="small" style={{ margin: '12px 0' }}>
            <Timeline
              items={l.history.map((h) => ({
                content: `${h.at.slice(0, 16).replace('T', ' ')} ${h.by}：${h.text}`,
              }))}
            />
          </Card>
          <Handling l={l} onGone={onClose} />
        </div>
      )}
    </Drawer>
  );
}

function Mailboxes() {
  const boxes = useMailboxes().data ?? [];
  const update = useUpdateMailbox();
  /** A switch column of one mailbox setting, saved with the other as it is. */
  const setting = (key: 'reviewRequired' | 'enabled', title: string, switchLabel: string) => ({
    title,
    dataIndex: key,
    width: 120,
    render: (v: boolean, m: MailboxInfo) => (
      <Switch
        checked={v}
        aria-label={`${m.name}${switchLabel}`}
        onChange={(on) =>
          update.mutate({ id: m.id, reviewRequired: m.reviewRequired, enabled: m.enabled, [key]: on })
        }
      />
    ),
  });
  const columns: TableProps<MailboxInfo>['columns'] = [
    { title: '信箱', dataIndex: 'name' },
    { title: '收件单位', dataIndex: 'unitName', width: 200 },
    // The unit's reply-review setting: letters and its 政策咨询 answers alike.
    setting('reviewRequired', '答复需审核（含政策咨询）', '答复需审核'),
    setting('enabled', '门户可写信', '启用'),
  ];
  return (
    <Card title="信箱设置" style={{ marginTop: 16 }}>
      <Table size="small" rowKey="id" dataSource={boxes} columns={columns} pagination={{ pageSize: 10 }} />
    </Card>
  );
}

export default function LettersPage() {
  const can = usePermission();
  const [params, setParams] = useSearchParams();
  const openId = params.get('open');
  const open = (id: string | null) =>
    setParams((p) => {
      if (id) p.set('open', id);
      else p.delete('open');
      return p;
    });
  const columns: TableProps<LetterSummary>['columns'] = [
    {
      title: '编号',
      dataIndex: 'letterNo',
      width: 120,
      render: (v: string, r) => (
        <Button type="link" size="small" onClick={() => open(r.id)} data-testid={`letter-open-${v}`}>
          {v}
        </Button>
      ),
    },
    { title: '来信日期', dataIndex: 'receivedOn', width: 110 },
    { title: '信箱', dataIndex: 'mailboxName', width: 150, ellipsis: true },
    { title: '类型', dataIndex: 'type', width: 80, render: (v: LetterType) => LETTER_TYPE_LABELS[v] },
    {
      title: '标题',
      dataIndex: 'subject',
      ellipsis: true,
      render: (v: string, r) => <SensitiveText text={v} words={r.sensitiveWords} />,
    },
    { title: '写信人', dataIndex: 'writerName', width: 90 },
    { title: '承办单位', dataIndex: 'unitName', width: 150, ellipsis: true },
    statusColumn(LETTER_STATUS_LABELS, LETTER_STATUS_COLORS, 110),
    dueColumn('答复期限', 'replyDue'),
    answeredColumn('repliedOn'),
    {
      title: '公开',
      dataIndex: 'published',
      width: 90,
      render: (v: boolean, r) => (v ? '已公开' : r.consent ? '同意公开' : '不公开'),
    },
  ];
  return (
    <PageContainer title="信箱来信" testId="letters-page">
      <SearchTable<LetterSummary>
        endpoint={mailboxApi.listLetters}
        columns={columns}
        scrollX={1300}
        testId="letter-table"
        searchItems={
          <>
            <FilterInput name="keyword" label="关键词" placeholder="编号、标题或内容" width={200} />
            <FilterSelect name="status" label="状态" labels={LETTER_STATUS_LABELS} width={130} />
            <FilterSelect name="type" label="类型" labels={LETTER_TYPE_LABELS} width={100} />
            <FilterSelect name="overdue" label="逾期" labels={{ true: '已逾期' }} width={100} />
            <FilterSelect
              name="published"
              label="公开"
              labels={{ true: '已公开', false: '未公开' }}
              width={100}
            />
          </>
        }
      />
      {can('interaction:mailbox:manage') && <Mailboxes />}
      <LetterDrawer id={openId} onClose={() => open(null)} />
    </PageContainer>
  );
}
