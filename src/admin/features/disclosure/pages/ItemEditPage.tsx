// Item editor with the checks panel (issue 5 parts 2, 5, 6): metadata, body, attachments, automatic findings with
// one-click mask and reviewer override, review actions and history.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ItemInput } from '../../../../contracts/disclosure';
import type { Finding } from '../../../../domain/review/types';
import { download, get, post, put, upload } from '../../../api';
import { useCurrentUser, usePermission } from '../../../auth';
import { PageContainer } from '../../../components/PageContainer';
import { RichTextField } from '../../../components/RichTextField';
import { StatusTag } from '../../../components/StatusTag';
import { UnitTreeSelect, useUnitTree } from '../../../components/units';
import {
  ART20_OPTIONS,
  columnTree,
  FINDING_KIND_LABELS,
  INTERPRETATION_FORM_LABELS,
  ITEM_KIND_LABELS,
  ITEM_STATUS_COLORS,
  ITEM_STATUS_LABELS,
  type ItemDetail,
  type ItemRow,
  keyOf,
  publishingUnit,
  REVIEW_ACTION_LABELS,
  TIMELINESS_COLORS,
  TIMELINESS_LABELS,
  toBodyHtml,
  useColumns,
  VALIDITY_LABELS,
} from '../shared';

interface FormValues {
  kind: ItemInput['kind'];
  /** 发布单位 of a new draft (the office may draft for any unit). */
  unitId?: string;
  title: string;
  columnId?: string | null;
  art20?: string | null;
  docNumber?: string;
  writtenDate?: string;
  topic?: string;
  summary?: string;
  body?: string;
  publishAt?: string;
  validity?: 'in_force' | 'expired' | 'repealed';
  effectiveDate?: string;
  expiryDate?: string;
  repealedDate?: string;
  repealedById?: string | null;
  replacedById?: string | null;
  policyRootId?: string | null;
  interpretationForm?: 'text' | 'graphic' | 'video' | 'qa';
  needsInterpretation?: boolean;
}

const dateRule = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' };
const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

function toInput(v: FormValues): ItemInput {
  const at = blank(v.publishAt);
  return {
    kind: v.kind,
    ...(v.unitId ? { unitId: v.unitId } : {}),
    title: v.title,
    columnId: v.columnId ?? null,
    art20: v.art20 ?? null,
    docNumber: blank(v.docNumber),
    writtenDate: blank(v.writtenDate),
    topic: blank(v.topic),
    summary: v.summary ?? '',
    bodyHtml: toBodyHtml(v.body ?? ''),
    // "2026-03-05 09:00" is China time.
    publishAt: at ? `${at.replace(' ', 'T')}:00+08:00` : null,
    validity: v.kind === 'normative' ? (v.validity ?? 'in_force') : null,
    effectiveDate: blank(v.effectiveDate),
    expiryDate: blank(v.expiryDate),
    repealedDate: blank(v.repealedDate),
    repealedById: v.kind === 'normative' ? (v.repealedById ?? null) : null,
    replacedById: v.kind === 'normative' ? (v.replacedById ?? null) : null,
    policyRootId: v.kind === 'interpretation' ? (v.policyRootId ?? null) : null,
    interpretationForm: v.kind === 'interpretation' ? (v.interpretationForm ?? 'text') : null,
    needsInterpretation: v.needsInterpretation ?? false,
  };
}

function chinaTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export default function ItemEditPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useCurrentUser();
  const can = usePermission();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'general';
  const fileRef = useRef<HTMLInputElement>(null);
  const [comment, setComment] = useState('');
  const key = ['/disclosure/items', id];
  const detail = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => get<ItemDetail>(`/disclosure/items/${id}`, signal),
    enabled: !isNew,
  });
  // The item's own unit's catalog. A new draft belongs to the author's unit, or for an 内设科室 to the unit above it
  // (the server's publishingUnitOf); the office may pick any unit.
  const unitTree = useUnitTree();
  const defaultUnit = publishingUnit(unitTree.data ?? [], me.unitId);
  const chosenUnit = Form.useWatch('unitId', form);
  const cols = useColumns(isNew ? (chosenUnit ?? defaultUnit) : (detail.data?.unitId ?? null));
  const policies = useQuery({
    queryKey: ['/disclosure/items', 'policies'],
    queryFn: ({ signal }) =>
      get<{ items: ItemRow[] }>('/disclosure/items?status=published&kind=general&pageSize=200', signal),
    enabled: kind === 'interpretation',
  });
  const normative = useQuery({
    queryKey: ['/disclosure/items', 'normative-options'],
    queryFn: ({ signal }) =>
      get<{ items: ItemRow[] }>('/disclosure/items?kind=normative&pageSize=500', signal),
    enabled: kind === 'normative',
  });
  const normativeOptions = (normative.data?.items ?? [])
    .filter((r) => r.id !== id)
    .map((r) => ({ value: r.id, label: r.title }));
  const d = detail.data;
  useEffect(() => {
    if (isNew) form.setFieldsValue({ kind: 'general' });
    else if (d)
      form.setFieldsValue({
        kind: d.kind,
        title: d.title,
        columnId: d.columnId,
        art20: d.art20,
        docNumber: d.docNumber ?? '',
        writtenDate: d.writtenDate ?? '',
        topic: d.topic ?? '',
        summary: d.summary,
        // A legacy plain-text body is shown as paragraphs; after a mask the editor shows the masked body.
        body: toBodyHtml(d.bodyHtml),
        publishAt: chinaTime(d.publishAt),
        validity: d.validity ?? undefined,
        effectiveDate: d.effectiveDate ?? '',
        expiryDate: d.expiryDate ?? '',
        repealedDate: d.repealedDate ?? '',
        repealedById: d.repealedById,
        replacedById: d.replacedById,
        policyRootId: d.policyRootId,
        interpretationForm: d.interpretationForm ?? undefined,
        needsInterpretation: d.needsInterpretation,
      });
  }, [d, isNew, form]);
  // The default 发布单位 is known once the unit tree has loaded.
  useEffect(() => {
    if (isNew) form.setFieldsValue({ unitId: defaultUnit });
  }, [isNew, form, defaultUnit]);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['/disclosure/items'] });
  };
  const save = useMutation({
    mutationFn: async (v: FormValues) =>
      isNew
        ? post<{ id: string }>('/disclosure/items', toInput(v))
        : put<ItemDetail>(`/disclosure/items/${id}`, toInput(v)),
    onSuccess: (r) => {
      void message.success('已保存');
      refresh();
      if (isNew) navigate(`/disclosure/items/${r.id}`, { replace: true });
    },
  });
  const act = useMutation({
    mutationFn: ({ action, body }: { action: string; body: Record<string, unknown> }) =>
      post(`/disclosure/items/${id}/${action}`, body),
    onSuccess: (r, v) => {
      void message.success(
        `${REVIEW_ACTION_LABELS[v.action as keyof typeof REVIEW_ACTION_LABELS] ?? '操作'}成功`,
      );
      setComment('');
      refresh();
      if (v.action === 'correct') navigate(`/disclosure/items/${(r as { id: string }).id}`);
    },
  });
  const mask = useMutation({
    mutationFn: (keys?: string[]) =>
      post<{ masked: number }>(`/disclosure/items/${id}/mask`, keys ? { keys } : {}),
    onSuccess: (r) => {
      void message.success(`已脱敏 ${r.masked} 处`);
      refresh();
    },
  });
  const uploadFile = useMutation({
    mutationFn: (f: File) => upload<{ findings: Finding[] }>(`/disclosure/items/${id}/attachments`, f),
    onSuccess: (r) => {
      void message.success(
        r.findings.length ? `附件已上传，发现 ${r.findings.length} 个检查项` : '附件已上传',
      );
      refresh();
    },
  });

  const override = (f: Finding) => {
    let reason = '';
    modal.confirm({
      title: `放行：${FINDING_KIND_LABELS[f.kind]}「${f.text}」`,
      content: (
        <Input.TextArea
          data-testid="override-reason"
          rows={3}
          placeholder="请说明放行理由（将记入审核记录）"
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      okText: '放行',
      onOk: () => act.mutateAsync({ action: 'override', body: { key: keyOf(f), reason } }),
    });
  };

  const editable = isNew || (d && (d.status === 'draft' || d.status === 'returned'));
  const canEdit = can('disclosure:item:update') || can('disclosure:item:create');
  const isReviewer = can('disclosure:review:approve');
  const findings = d?.findings ?? [];
  const treeData = columnTree(cols.data ?? []);

  return (
    <PageContainer
      title={isNew ? '起草信息' : (d?.title ?? '信息')}
      testId="disclosure-item-page"
      extra={
        d && (
          <Space>
            <StatusTag value={d.status} labels={ITEM_STATUS_LABELS} colors={ITEM_STATUS_COLORS} />
            {d.levelName && <Tag color="blue">待{d.levelName}</Tag>}
            {d.version > 1 && <Tag>第 {d.version} 版</Tag>}
          </Space>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title="信息内容" size="small">
            <Form<FormValues>
              form={form}
              layout="vertical"
              disabled={!editable || !canEdit}
              onFinish={(v) => save.mutate(v)}
              data-testid="item-form"
            >
              <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
                <Select
                  disabled={!isNew}
                  options={Object.entries(ITEM_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              {isNew && me.dataScope === 'all' && (
                <Form.Item
                  name="unitId"
                  label="发布单位"
                  extra="信息归入该单位的公开目录，由该单位的审核人审核"
                >
                  <UnitTreeSelect
                    allowClear={false}
                    data-testid="item-unit"
                    onChange={() => form.setFieldsValue({ columnId: null })}
                  />
                </Form.Item>
              )}
              <Form.Item
                name="title"
                label="标题（名称）"
                rules={[{ required: true, message: '请填写标题' }]}
              >
                <Input data-testid="item-title" maxLength={200} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="columnId" label="栏目">
                    <TreeSelect
                      data-testid="item-column"
                      allowClear
                      showSearch
                      treeNodeFilterProp="title"
                      treeData={treeData}
                      placeholder="本单位公开目录栏目（不选则按第二十条类别归入）"
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="art20" label="条例第二十条类别">
                    <Select allowClear options={ART20_OPTIONS} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="docNumber" label="发文字号">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="writtenDate" label="成文日期（信息形成日期）" rules={[dateRule]}>
                    <Input data-testid="item-written-date" placeholder="YYYY-MM-DD" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="topic" label="主题分类">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="publishAt"
                    label="预定发布时间（留空则终审通过即发布）"
                    rules={[{ pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, message: '格式 YYYY-MM-DD HH:mm' }]}
                  >
                    <Input placeholder="YYYY-MM-DD HH:mm" />
                  </Form.Item>
                </Col>
              </Row>
              {kind === 'normative' && (
                <Row gutter={12}>
                  <Col span={6}>
                    <Form.Item name="validity" label="有效性">
                      <Select
                        options={Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="effectiveDate" label="施行日期" rules={[dateRule]}>
                      <Input placeholder="YYYY-MM-DD" />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="expiryDate" label="有效期至" rules={[dateRule]}>
                      <Input placeholder="YYYY-MM-DD" />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="repealedDate" label="废止日期" rules={[dateRule]}>
                      <Input placeholder="YYYY-MM-DD" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="repealedById" label="废止本文件的文件">
                      <Select allowClear showSearch optionFilterProp="label" options={normativeOptions} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="replacedById" label="替代本文件的文件">
                      <Select allowClear showSearch optionFilterProp="label" options={normativeOptions} />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              {kind === 'interpretation' && (
                <Row gutter={12}>
                  <Col span={16}>
                    <Form.Item
                      name="policyRootId"
                      label="解读的政策文件"
                      rules={[{ required: true, message: '请选择所解读的政策' }]}
                    >
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name="interpretationForm" label="解读形式">
                      <Select
                        options={Object.entries(INTERPRETATION_FORM_LABELS).map(([value, label]) => ({
                          value,
                          label,
                        }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              {kind !== 'interpretation' && (
                <Form.Item name="needsInterpretation" valuePropName="checked">
                  <Checkbox>需同步发布政策解读（三同步）</Checkbox>
                </Form.Item>
              )}
              <Form.Item name="summary" label="内容概述">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item
                name="body"
                label="正文（可从 Word 直接粘贴，保留段落、加粗、列表和表格；保存时自动清理不安全内容）"
              >
                <RichTextField testId="item-body" ariaLabel="正文" readOnly={!editable || !canEdit} />
              </Form.Item>
              {editable && canEdit && (
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="item-save">
                  保存
                </Button>
              )}
            </Form>
          </Card>
          {d && (
            <Card title="附件" size="small" style={{ marginTop: 16 }}>
              <List
                data-testid="item-attachments"
                locale={{ emptyText: '暂无附件' }}
                dataSource={d.attachments}
                renderItem={(a) => (
                  <List.Item>
                    <Typography.Link onClick={() => void download(`/disclosure/attachments/${a.id}`, a.name)}>
                      {a.name}
                    </Typography.Link>
                    <span>{Math.max(1, Math.round(a.size / 1024))} KB</span>
                  </List.Item>
                )}
              />
              {editable && canEdit && (
                <>
                  <input
                    ref={fileRef}
                    type="file"
                    hidden
                    data-testid="item-upload-input"
                    accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif"
                    onChange={(e) => {
                      const f = e.target.files?.[0];
                      if (f) uploadFile.mutate(f);
                      e.target.value = '';
                    }}
                  />
                  <Button
                    icon={<UploadOutlined />}
                    loading={uploadFile.isPending}
                    onClick={() => fileRef.current?.click()}
                    data-testid="item-upload"
                  >
                    上传附件（.pdf .docx .xlsx 图片）
                  </Button>
                </>
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          {d && (
            <Flex vertical gap={16}>
              <Card
                title="自动检查"
                size="small"
                data-testid="checks-panel"
                extra={
                  canEdit &&
                  findings.some((f) => f.masked !== f.text) &&
                  d.status !== 'published' && (
                    <Button
                      size="small"
                      danger
                      data-testid="mask-all"
                      loading={mask.isPending}
                      onClick={() => mask.mutate(undefined)}
                    >
                      一键脱敏
                    </Button>
                  )
                }
              >
                {d.gate.allowed ? (
                  <Alert type="success" showIcon message="没有未处理的阻断性问题" data-testid="gate-ok" />
                ) : (
                  <Alert
                    type="error"
                    showIcon
                    message={`${d.gate.unresolved.length} 个阻断性问题：脱敏或由审核人说明理由放行后才能发布`}
                    data-testid="gate-blocked"
                  />
                )}
                {findings.length === 0 ? (
                  <Empty description="未发现问题" image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <List
                    size="small"
                    dataSource={findings}
                    renderItem={(f) => {
                      const ov = d.overrides.find((o) => o.key === keyOf(f));
                      return (
                        <List.Item data-testid="finding" data-kind={f.kind}>
                          <Flex vertical style={{ width: '100%' }}>
                            <Space wrap>
                              <Tag color={f.blocking ? (ov ? 'orange' : 'red') : 'gold'}>
                                {FINDING_KIND_LABELS[f.kind]}
                              </Tag>
                              <Typography.Text code>{f.text || '—'}</Typography.Text>
                              {f.masked !== f.text && <span>→ {f.masked}</span>}
                            </Space>
                            <Typography.Text type="secondary">
                              {f.source ?? ''}：{f.message}
                              {f.suggestion ? `（建议：${f.suggestion}）` : ''}
                            </Typography.Text>
                            {ov && <Typography.Text type="warning">已放行：{ov.reason}</Typography.Text>}
                            <Space>
                              {canEdit && f.masked !== f.text && d.status !== 'published' && (
                                <Button size="small" onClick={() => mask.mutate([keyOf(f)])}>
                                  脱敏
                                </Button>
                              )}
                              {f.blocking &&
                                !ov &&
                                can('disclosure:review:override') &&
                                d.createdBy !== me.id && (
                                  <Button size="small" onClick={() => override(f)}>
                                    说明理由后放行
                                  </Button>
                                )}
                            </Space>
                          </Flex>
                        </List.Item>
                      );
                    }}
                  />
                )}
              </Card>
              <Card title="审核与发布" size="small" data-testid="review-panel">
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="索引号">{d.indexNo}</Descriptions.Item>
                  <Descriptions.Item label="单位">{d.unitName}</Descriptions.Item>
                  <Descriptions.Item label="审核流程">{d.levels.join(' → ')}</Descriptions.Item>
                  {d.timeliness && (
                    <Descriptions.Item label="公开时效">
                      <StatusTag
                        value={d.timeliness.status}
                        labels={TIMELINESS_LABELS}
                        colors={TIMELINESS_COLORS}
                      />{' '}
                      应于 {d.timeliness.deadline} 前公开
                    </Descriptions.Item>
                  )}
                  {d.validityNow && (
                    <Descriptions.Item label="有效性">{VALIDITY_LABELS[d.validityNow]}</Descriptions.Item>
                  )}
                  {d.withdrawReason && (
                    <Descriptions.Item label="撤回理由">{d.withdrawReason}</Descriptions.Item>
                  )}
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
                {d.interpretations.length > 0 && (
                  <p>政策解读：{d.interpretations.map((i) => i.title).join('、')}</p>
                )}
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
                  {can('disclosure:item:withdraw') &&
                    (d.status === 'published' || d.status === 'scheduled') && (
                      <Button
                        danger
                        data-testid="item-withdraw"
                        onClick={() => act.mutate({ action: 'withdraw', body: { reason: comment } })}
                      >
                        撤回
                      </Button>
                    )}
                  {canEdit && d.status === 'published' && (
                    <Button
                      data-testid="item-correct"
                      onClick={() => act.mutate({ action: 'correct', body: {} })}
                    >
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
                        {new Date(h.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}{' '}
                        {h.userName ?? ''}{' '}
                        <b>
                          {h.levelName ?? ''}
                          {REVIEW_ACTION_LABELS[h.action as keyof typeof REVIEW_ACTION_LABELS] ?? h.action}
                        </b>
                        {h.comment ? `：${h.comment}` : ''}
                      </span>
                    ),
                  }))}
                />
              </Card>
            </Flex>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
