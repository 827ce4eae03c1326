import { CheckCircleTwoTone, EditOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Progress,
  Result,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { UnitTreeNode } from '../../../../contracts/api';
import type {
  Cadence,
  ImportPreview,
  ParsedPlan,
  UnitNameMatch,
  WorkPlanSummary,
} from '../../../../contracts/tasks';
import { DEADLINE_KIND_LABELS, isoDate } from '../../../../domain/tasks/deadlines';
import { CADENCE_LABELS } from '../../../../domain/tasks/ledger';
import { MATCH_STATUS_LABELS } from '../../../../domain/units';
import { ApiError, post, upload } from '../../../api';
import { PageContainer } from '../../../components/PageContainer';
import { StatusTag } from '../../../components/StatusTag';
import { useFocusableScroll } from '../../../components/scrollRegion';
import { UnitTreeSelect, useUnitTree } from '../../../components/units';
import {
  type Choices,
  commitBody,
  deadlinesFromText,
  deadlinesInYear,
  deadlinesText,
  initialChoices,
  MATCH_COLORS,
  measuresFromText,
  namesOf,
  pathsFromText,
  pathsText,
  splitTyped,
  unresolved,
  warningsByRef,
} from '../importState';

type Task = ParsedPlan['tasks'][number];

const isDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
};

/**
 * A cell holding a list (measures, deadlines) edited as text, one entry per line. Typography's inline editing
 * drops line breaks, so this uses a plain text area with an explicit 确定.
 */
function LinesEditor({
  label,
  value,
  onSave,
}: {
  label: string;
  value: string;
  onSave: (s: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null)
    return (
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        aria-label={label}
        title={label}
        data-testid="lines-edit"
        onClick={() => setDraft(value)}
      />
    );
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={label}
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <Space size={4}>
        <Button
          size="small"
          type="primary"
          data-testid="lines-save"
          onClick={() => {
            onSave(draft);
            setDraft(null);
          }}
        >
          确定
        </Button>
        <Button size="small" onClick={() => setDraft(null)}>
          取消
        </Button>
      </Space>
    </Space>
  );
}

/** 导入任务分工: upload → check and fix every task and unit name → commit all or nothing. */
export default function ImportPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const previewRef = useRef<HTMLDivElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [yearHint, setYearHint] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [plan, setPlan] = useState<ParsedPlan | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [year, setYear] = useState<number | null>(null);
  const [cadence, setCadence] = useState<Cadence>('quarter');
  const [replace, setReplace] = useState(false);
  const [committed, setCommitted] = useState<WorkPlanSummary | null>(null);
  const [commitError, setCommitError] = useState<string | null>(null);
  useFocusableScroll(previewRef, '任务预览表（可左右滚动）', [plan, step]);
  /** ref → deadline lines the officer typed that could not be read (the edit was not taken). */
  const [deadlineErrors, setDeadlineErrors] = useState<Record<string, string[]>>({});

  const parse = useMutation({
    mutationFn: (file: File) =>
      upload<ImportPreview>(`/tasks/import/preview${yearHint ? `?year=${yearHint}` : ''}`, file, setPercent),
    meta: { silent: true },
    onMutate: () => {
      setUploadError(null);
      setPercent(0);
    },
    onSuccess: (p) => {
      setPreview(p);
      setPlan(p.plan);
      setChoices(initialChoices(p.units));
      setYear(p.plan.year);
      setReplace(false);
      setStep(1);
    },
    onError: (e) => setUploadError(e instanceof ApiError ? e.message : '上传失败'),
    onSettled: () => setPercent(null),
  });
  const commit = useMutation({
    mutationFn: () => {
      if (!preview || !plan || !year) throw new Error('no preview');
      return post<WorkPlanSummary>(
        '/tasks/import/commit',
        commitBody(preview, plan, choices, { year, cadence, replace }),
      );
    },
    meta: { silent: true },
    onMutate: () => setCommitError(null),
    onSuccess: (p) => {
      setCommitted(p);
      setStep(2);
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['/tasks/ledger'] });
    },
    onError: (e) => setCommitError(e instanceof ApiError ? e.message : '提交失败'),
  });

  const tree = useUnitTree();
  const unitNames = useMemo(() => {
    const out = new Map<string, string>();
    const walk = (nodes: UnitTreeNode[]) => {
      for (const n of nodes) {
        out.set(n.id, n.name);
        walk(n.children);
      }
    };
    walk(tree.data ?? []);
    return out;
  }, [tree.data]);
  const matches = useMemo(() => new Map((preview?.units ?? []).map((u) => [u.written, u])), [preview]);
  const names = plan ? namesOf(plan) : [];
  // every name in use, including ones the officer typed in
  const effective: Choices = Object.fromEntries(names.map((n) => [n, choices[n] ?? null]));
  const left = unresolved(effective);
  const dateOk = !plan?.date || isDate(plan.date);
  const rowWarnings = useMemo(() => (plan ? warningsByRef(plan) : new Map<string, string[]>()), [plan]);
  const setTask = (ref: string, patch: Partial<Task>) =>
    setPlan((p) => (p ? { ...p, tasks: p.tasks.map((t) => (t.ref === ref ? { ...t, ...patch } : t)) } : p));
  const setChoice = (w: string, ids: string[] | null) => setChoices((c) => ({ ...c, [w]: ids }));
  const editDeadlines = (t: Task, s: string) => {
    const read = deadlinesFromText(s, t.deadlines, year ?? plan?.year ?? 0);
    setDeadlineErrors((e) => ({ ...e, [t.ref]: read.unreadable }));
    if (!read.unreadable.length) setTask(t.ref, { deadlines: read.deadlines });
  };

  const resolver = (w: string) => {
    const m = matches.get(w);
    const v = effective[w];
    const label = `为“${w}”选择单位`;
    if (m && (m.status === 'exact' || m.status === 'alias' || m.status === 'normalized') && m.unitId) {
      return (
        <Space size={4}>
          <CheckCircleTwoTone twoToneColor="#52c41a" />
          {m.unitName}
        </Space>
      );
    }
    if (m?.status === 'group' && !m.needsChoice) {
      return <Typography.Text>展开为 {m.memberUnitIds?.length ?? 0} 个成员单位</Typography.Text>;
    }
    if (m?.status === 'group' && m.needsChoice) {
      return (
        <Flex gap={8} align="center">
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            style={{ flex: 1, minWidth: 220 }}
            placeholder="请从候选单位中选择"
            aria-label={label}
            data-testid={`pick-${w}`}
            status={v ? undefined : 'warning'}
            value={v ?? []}
            onChange={(ids: string[]) => setChoice(w, ids.length ? ids : null)}
            options={(m.memberUnitIds ?? []).map((id) => ({ value: id, label: unitNames.get(id) ?? id }))}
          />
          <Button
            size="small"
            onClick={() => setChoice(w, m.memberUnitIds ?? [])}
            data-testid={`pick-all-${w}`}
          >
            全部候选（{m.memberUnitIds?.length ?? 0}）
          </Button>
        </Flex>
      );
    }
    if (m?.status === 'suggestion' && m.suggestions.length) {
      return (
        <Select
          style={{ width: '100%' }}
          placeholder="请确认对应单位"
          aria-label={label}
          data-testid={`resolve-${w}`}
          status={v ? undefined : 'warning'}
          value={v?.[0]}
          onChange={(id: string) => setChoice(w, [id])}
          options={m.suggestions.map((s) => ({
            value: s.unitId,
            label: `${s.unitName}（${Math.round(s.confidence * 100)}%，${s.reason}）`,
          }))}
        />
      );
    }
    return (
      <UnitTreeSelect
        style={{ width: '100%' }}
        placeholder="请选择对应单位"
        aria-label={label}
        data-testid={`resolve-${w}`}
        status={v ? undefined : 'warning'}
        value={v?.[0]}
        onChange={(id: string | undefined) => setChoice(w, id ? [id] : null)}
      />
    );
  };

  const unitTags = (list: string[]) =>
    list.map((w) => (
      <Tag key={w} color={effective[w] ? undefined : 'orange'}>
        {w}
      </Tag>
    ));

  return (
    <PageContainer title="导入任务分工" testId="tasks-import-page">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: '上传通知' }, { title: '核对任务与单位' }, { title: '完成' }]}
      />
      {step === 0 ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <span>计划年度（通知未写明时填写）</span>
            <InputNumber
              aria-label="计划年度"
              min={2000}
              max={2100}
              value={yearHint}
              onChange={(v) => setYearHint(v)}
            />
          </Space>
          <Upload.Dragger
            accept=".docx,.xlsx,.txt,.html,.htm,.doc,.wps"
            showUploadList={false}
            disabled={parse.isPending}
            beforeUpload={(file) => {
              parse.mutate(file);
              return Upload.LIST_IGNORE;
            }}
            data-testid="tasks-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽任务分工通知到此处</p>
            <p className="ant-upload-hint">
              支持 .docx、.xlsx、.txt、.html（.doc/.wps 需服务器安装
              LibreOffice）；系统识别任务、单位、时限与公开路径
            </p>
          </Upload.Dragger>
          {percent !== null ? (
            <div data-testid="tasks-progress">
              <Progress percent={percent} status="active" />
              <Typography.Text type="secondary">
                {percent < 100 ? '正在上传…' : '正在解析通知…'}
              </Typography.Text>
            </div>
          ) : null}
          {uploadError ? (
            <Alert type="error" showIcon title={uploadError} data-testid="tasks-upload-error" />
          ) : null}
        </Space>
      ) : null}
      {step === 1 && preview && plan ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="tasks-preview">
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              {
                key: 't',
                label: '标题',
                span: 2,
                children: (
                  <Input
                    aria-label="标题"
                    value={plan.title ?? ''}
                    onChange={(e) => setPlan({ ...plan, title: e.target.value })}
                  />
                ),
              },
              {
                key: 'n',
                label: '文号',
                children: (
                  <Input
                    aria-label="文号"
                    maxLength={60}
                    value={plan.docNumber ?? ''}
                    onChange={(e) => setPlan({ ...plan, docNumber: e.target.value.trim() || null })}
                  />
                ),
              },
              {
                key: 'd',
                label: '成文日期',
                children: (
                  <Input
                    aria-label="成文日期"
                    placeholder="YYYY-MM-DD"
                    value={plan.date ?? ''}
                    status={dateOk ? undefined : 'error'}
                    onChange={(e) => setPlan({ ...plan, date: e.target.value.trim() || null })}
                  />
                ),
              },
              {
                key: 'y',
                label: '计划年度',
                children: (
                  <InputNumber
                    aria-label="年度"
                    min={2000}
                    max={2100}
                    value={year}
                    status={year ? undefined : 'error'}
                    onChange={(v) => {
                      setYear(v);
                      // dates written without a year ("10月底前") follow the corrected plan year
                      if (v && v >= 2000 && v <= 2100)
                        setPlan({
                          ...plan,
                          tasks: plan.tasks.map((t) => ({
                            ...t,
                            deadlines: deadlinesInYear(t.deadlines, v),
                          })),
                        });
                    }}
                  />
                ),
              },
              {
                key: 'c',
                label: '持续性任务报送周期',
                children: (
                  <Select<Cadence>
                    aria-label="持续性任务报送周期"
                    style={{ width: 140 }}
                    value={cadence}
                    onChange={setCadence}
                    options={(Object.keys(CADENCE_LABELS) as Cadence[]).map((c) => ({
                      value: c,
                      label: CADENCE_LABELS[c],
                    }))}
                  />
                ),
              },
            ]}
          />
          {preview.duplicate ? (
            <Alert
              type={preview.duplicate.replaceable ? 'warning' : 'error'}
              showIcon
              data-testid="tasks-duplicate"
              title={`该通知已导入为「${preview.duplicate.title}」`}
              description={
                preview.duplicate.replaceable ? (
                  <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                    替换已导入的版本（尚无单位报送进展）
                  </Checkbox>
                ) : (
                  '已有单位报送进展，不能替换。'
                )
              }
            />
          ) : null}
          {plan.warnings.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={`解析提示（${plan.warnings.length}）`}
              description={
                <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 160, overflow: 'auto' }}>
                  {plan.warnings.map((w, i) => (
                    <li key={`${w.ref}-${i}`}>
                      {w.ref ? `${w.ref}：` : ''}
                      {w.message}
                      {w.source ? `（${w.source}）` : ''}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Table<{ written: string }>
            size="small"
            rowKey="written"
            dataSource={names.map((written) => ({ written }))}
            pagination={false}
            data-testid="tasks-units"
            title={() => `通知中的单位 ${names.length} 个${left.length ? `，${left.length} 个待确认` : ''}`}
            onRow={(r) => ({ 'data-unresolved': effective[r.written] ? 'false' : 'true' }) as object}
            columns={[
              { title: '通知中写法', dataIndex: 'written', width: 200 },
              {
                title: '匹配',
                key: 'status',
                width: 120,
                render: (_, r) => {
                  const m: UnitNameMatch | undefined = matches.get(r.written);
                  return m ? (
                    <StatusTag value={m.status} labels={MATCH_STATUS_LABELS} colors={MATCH_COLORS} />
                  ) : (
                    <Tag>手工录入</Tag>
                  );
                },
              },
              { title: '对应单位', key: 'resolve', render: (_, r) => resolver(r.written) },
            ]}
          />
          <div ref={previewRef}>
            <Table<Task>
              size="small"
              rowKey="ref"
              dataSource={plan.tasks}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              data-testid="tasks-preview-table"
              title={() => `任务 ${plan.tasks.length} 项（单击文字可修改）`}
              scroll={{ x: 1410 }}
              columns={[
                { title: '编号', dataIndex: 'ref', width: 70 },
                {
                  title: '板块',
                  key: 'section',
                  width: 180,
                  render: (_, t) => (
                    <div data-testid={`section-${t.ref}`}>
                      <Typography.Text type="secondary">{t.section.join(' / ')}</Typography.Text>
                      <LinesEditor
                        label={`修改 ${t.ref} 的板块（每行一级）`}
                        value={t.section.join('\n')}
                        onSave={(s) => setTask(t.ref, { section: measuresFromText(s) })}
                      />
                    </div>
                  ),
                },
                {
                  title: '任务与举措',
                  key: 'text',
                  render: (_, t) => (
                    <>
                      <Typography.Paragraph
                        style={{ marginBottom: 0 }}
                        editable={{ onChange: (text) => setTask(t.ref, { text }), tooltip: '修改' }}
                        ellipsis={{ rows: 3, expandable: true }}
                      >
                        {t.text}
                      </Typography.Paragraph>
                      <div data-testid={`measures-${t.ref}`}>
                        {t.measures.map((m, i) => (
                          <Typography.Paragraph
                            key={`${i}-${m}`}
                            type="secondary"
                            style={{ marginBottom: 0 }}
                            ellipsis={{ rows: 2, expandable: true }}
                          >
                            {m}
                          </Typography.Paragraph>
                        ))}
                        <LinesEditor
                          label={`修改 ${t.ref} 的举措（每行一条）`}
                          value={t.measures.join('\n')}
                          onSave={(s) => setTask(t.ref, { measures: measuresFromText(s) })}
                        />
                      </div>
                    </>
                  ),
                },
                {
                  title: '牵头单位',
                  key: 'lead',
                  width: 160,
                  render: (_, t) => (
                    <>
                      {unitTags(t.leadUnits)}
                      <Typography.Text
                        editable={{
                          text: t.leadUnits.join('、'),
                          onChange: (s) => setTask(t.ref, { leadUnits: splitTyped(s) }),
                          tooltip: '修改牵头单位',
                        }}
                      />
                    </>
                  ),
                },
                {
                  title: '责任单位',
                  key: 'resp',
                  width: 200,
                  render: (_, t) => (
                    <>
                      {unitTags(t.responsibleUnits)}
                      <Typography.Text
                        editable={{
                          text: t.responsibleUnits.join('、'),
                          onChange: (s) => setTask(t.ref, { responsibleUnits: splitTyped(s) }),
                          tooltip: '修改责任单位',
                        }}
                      />
                    </>
                  ),
                },
                {
                  title: '完成时限',
                  key: 'deadlines',
                  width: 160,
                  render: (_, t) => (
                    <div data-testid={`deadlines-${t.ref}`}>
                      {t.deadlines.length
                        ? t.deadlines.map((d, i) => (
                            <div key={`${d.raw}-${i}`} title={d.raw}>
                              {d.date ?? d.raw}
                              {d.date ? null : (
                                <Tag style={{ marginLeft: 4 }}>{DEADLINE_KIND_LABELS[d.kind]}</Tag>
                              )}
                            </div>
                          ))
                        : '—'}
                      <LinesEditor
                        label={`修改 ${t.ref} 的完成时限（每行一个，如“2021年6月底前”“每季度”“及时公开”或 2021-06-30）`}
                        value={deadlinesText(t.deadlines)}
                        onSave={(s) => editDeadlines(t, s)}
                      />
                      {deadlineErrors[t.ref]?.length ? (
                        <Typography.Text type="danger" data-testid={`deadline-error-${t.ref}`}>
                          无法识别：{deadlineErrors[t.ref]!.join('、')}（未修改）
                        </Typography.Text>
                      ) : null}
                    </div>
                  ),
                },
                {
                  title: '提示',
                  key: 'warnings',
                  width: 90,
                  render: (_, t) => {
                    const ws = rowWarnings.get(t.ref);
                    return ws ? (
                      <Tooltip title={ws.join('；')}>
                        <Tag color="orange" data-testid={`warnings-${t.ref}`}>
                          请核对（{ws.length}）
                        </Tag>
                      </Tooltip>
                    ) : null;
                  },
                },
                {
                  title: '公开路径',
                  key: 'paths',
                  width: 220,
                  render: (_, t) => (
                    <div data-testid={`paths-${t.ref}`}>
                      {t.disclosurePaths.map((p, i) => (
                        <div key={`${i}-${p.join('>')}`}>
                          <Typography.Text type="secondary">{p.join(' > ')}</Typography.Text>
                        </div>
                      ))}
                      <LinesEditor
                        label={`修改 ${t.ref} 的公开路径（每行一条，层级用 > 分隔）`}
                        value={pathsText(t.disclosurePaths)}
                        onSave={(s) => setTask(t.ref, { disclosurePaths: pathsFromText(s) })}
                      />
                    </div>
                  ),
                },
              ]}
            />
          </div>
          {commitError ? (
            <Alert type="error" showIcon title={commitError} data-testid="tasks-commit-error" />
          ) : null}
          <Flex justify="space-between" align="center">
            {left.length > 0 ? (
              <Tag color="orange" data-testid="tasks-unresolved">
                尚有 {left.length} 个单位名称未确认：{left.slice(0, 5).join('、')}
                {left.length > 5 ? '…' : ''}
              </Tag>
            ) : (
              <Tag color="green">全部单位已确认</Tag>
            )}
            <Space>
              <Button onClick={() => setStep(0)}>重新上传</Button>
              <Button
                type="primary"
                disabled={left.length > 0 || !year || !dateOk || (!!preview.duplicate && !replace)}
                loading={commit.isPending}
                onClick={() => commit.mutate()}
                data-testid="tasks-commit"
              >
                提交导入
              </Button>
            </Space>
          </Flex>
        </Space>
      ) : null}
      {step === 2 && committed ? (
        <Result
          status="success"
          title={`已导入 ${committed.taskCount} 项任务，分解到单位 ${committed.assignmentCount} 项次`}
          subTitle={committed.title}
          data-testid="tasks-import-success"
          extra={[
            <Button key="l" type="primary" onClick={() => navigate('/tasks/ledger')}>
              查看任务台账
            </Button>,
          ]}
        />
      ) : null}
    </PageContainer>
  );
}
