import { Alert, Button, Checkbox, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type {
  Cadence,
  ImportPreview,
  ManualColumnsBody,
  ParsedPlan,
  TablePreview,
  WorkPlanSummary,
} from '../../../../contracts/tasks';
import { isoDate } from '../../../../domain/tasks/deadlines';
import { CADENCE_LABELS } from '../../../../domain/tasks/ledger';
import { ApiError } from '../../../api';
import { optionsOf } from '../../../components/FilterSelect';
import { PageContainer } from '../../../components/PageContainer';
import { UploadWizard, WizardFooter, type WizardStep } from '../../../components/UploadWizard';
import { unitNameIndex, useUnitTree } from '../../../components/units';
import { editableFact, WizardFacts } from '../../../components/WizardFacts';
import { BulkUnits } from '../components/BulkUnits';
import { ImportTasksTable, type Task } from '../components/ImportTasksTable';
import { ImportUnitsTable } from '../components/ImportUnitsTable';
import { PasteNotice } from '../components/PasteNotice';
import { ColumnsCard, type Source, UnreadHelp, useReadAgain } from '../components/ReadAgain';
import {
  type Choices,
  commitBody,
  type Decision,
  type Decisions,
  deadlinesInYear,
  effectiveChoices,
  initialChoices,
  namesOf,
  openWarnings,
  unresolved,
  withBulkUnits,
} from '../importState';
import { previewImport, unreadOf, useCommitPlan } from '../queries';

const listed = (xs: string[]) => `${xs.slice(0, 5).join('、')}${xs.length > 5 ? '…' : ''}`;

const isDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
};

/** 导入任务分工: upload → check and fix every task and unit name → commit all or nothing. */
export default function ImportPage() {
  const navigate = useNavigate();
  const [step, setStep] = useState<WizardStep>(0);
  const [yearHint, setYearHint] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [plan, setPlan] = useState<ParsedPlan | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [decisions, setDecisions] = useState<Decisions>({});
  const [year, setYear] = useState<number | null>(null);
  const [cadence, setCadence] = useState<Cadence>('quarter');
  const [replace, setReplace] = useState(false);
  const [committed, setCommitted] = useState<WorkPlanSummary | null>(null);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  // The last reading found no task (n counts failures, to start the help afresh): the notice's tables, to name their
  // columns; or read its numbered items.
  const [failed, setFailed] = useState<{ tables: TablePreview[]; n: number; now: boolean }>({
    tables: [],
    n: 0,
    now: false,
  });
  const [columnsUsed, setColumnsUsed] = useState<ManualColumnsBody | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [ticked, setTicked] = useState<string[]>([]);

  const commit = useCommitPlan({
    onMutate: () => setCommitError(null),
    onSuccess: (p) => {
      setCommitted(p);
      setStep(2);
    },
    onError: (e) => setCommitError(e instanceof ApiError ? e.message : '提交失败'),
  });
  const submit = () => {
    if (preview && plan && year)
      commit.mutate(commitBody(preview, plan, effective, { year, cadence, replace }, decisions));
  };

  const names = plan ? namesOf(plan) : [];
  const tree = useUnitTree();
  // Registered units by name: a name the officer types in that is exactly one of them needs no choosing.
  const registered = useMemo(
    () => new Map([...unitNameIndex(tree.data ?? [])].map(([id, name]) => [name, id])),
    [tree.data],
  );
  // every name in use, including ones the officer typed in
  const effective = effectiveChoices(names, choices, registered);
  const left = unresolved(effective, decisions);
  // Tasks no unit takes on (a plan read by its numbered items): the officer types their units before the commit.
  const unitless = (plan?.tasks ?? [])
    .filter((t) => t.leadUnits.length + t.responsibleUnits.length === 0)
    .map((t) => t.ref);
  const selected = ticked.filter((r) => plan?.tasks.some((t) => t.ref === r));
  // The parser's doubts the officer has not answered yet (a task given its units drops "未写明…单位").
  const warnings = plan ? openWarnings(plan) : [];
  const dateOk = !plan?.date || isDate(plan.date);
  const setTask = (ref: string, patch: Partial<Task>) =>
    setPlan((p) => (p ? { ...p, tasks: p.tasks.map((t) => (t.ref === ref ? { ...t, ...patch } : t)) } : p));
  const removeTask = (ref: string) =>
    setPlan((p) => (p && p.tasks.length > 1 ? { ...p, tasks: p.tasks.filter((t) => t.ref !== ref) } : p));
  const setChoice = (w: string, ids: string[] | null) => setChoices((c) => ({ ...c, [w]: ids }));
  const setDecision = (w: string, d: Decision | undefined) => setDecisions((c) => ({ ...c, [w]: d }));
  const onFailed = (e: unknown) => {
    const unread = unreadOf(e);
    setFailed((f) => ({ tables: unread?.tables ?? [], n: f.n + 1, now: unread !== null }));
  };
  const onParsed = (p: ImportPreview) => {
    setFailed((f) => ({ tables: [], n: f.n, now: false }));
    setColumnsUsed(null);
    setMapOpen(false);
    setPreview(p);
    setPlan(p.plan);
    setChoices(initialChoices(p.units));
    setDecisions({});
    setTicked([]);
    setYear(p.plan.year);
    setReplace(false);
    setStep(1);
  };
  const again = useReadAgain(source, yearHint ?? year, (p, read) => {
    onParsed(p);
    setColumnsUsed(read.columns ?? null);
  });
  const failedHelp = failed.now ? <UnreadHelp key={failed.n} tables={failed.tables} again={again} /> : null;

  return (
    <PageContainer title="导入任务分工" testId="tasks-import-page">
      <UploadWizard<ImportPreview>
        titles={['上传通知', '核对任务与单位', '完成']}
        step={step}
        testPrefix="tasks"
        accept=".docx,.xlsx,.pdf,.ofd,.txt,.html,.htm,.doc,.wps"
        text="点击或拖拽任务分工通知到此处"
        hint="支持 .docx、.xlsx、.pdf、.ofd、.txt、.html（.doc/.wps 需服务器安装 LibreOffice；扫描件需先做文字识别）；系统识别任务、单位、时限与公开路径"
        before={
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
        }
        upload={(file, onProgress) => {
          setSource({ file });
          return previewImport(file, yearHint, onProgress);
        }}
        after={
          <>
            {source && 'file' in source ? failedHelp : null}
            <PasteNotice
              year={yearHint}
              onParsed={onParsed}
              onSent={(text) => setSource({ text })}
              onError={onFailed}
            />
            {source && 'text' in source ? failedHelp : null}
          </>
        }
        onParsed={onParsed}
        onError={onFailed}
        done={
          committed && {
            title: `已导入 ${committed.taskCount} 项任务，分解到单位 ${committed.assignmentCount} 项次`,
            subTitle: committed.title,
            testId: 'tasks-import-success',
            extra: [
              <Button key="l" type="primary" onClick={() => navigate('/tasks/ledger')}>
                查看任务台账
              </Button>,
            ],
          }
        }
      >
        {step === 1 && preview && plan ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="tasks-preview">
            <WizardFacts
              items={[
                editableFact('标题', plan.title ?? '', (title) => setPlan({ ...plan, title }), { span: 2 }),
                editableFact(
                  '文号',
                  plan.docNumber ?? '',
                  (v) => setPlan({ ...plan, docNumber: v.trim() || null }),
                  {
                    maxLength: 60,
                  },
                ),
                editableFact(
                  '成文日期',
                  plan.date ?? '',
                  (v) => setPlan({ ...plan, date: v.trim() || null }),
                  {
                    placeholder: 'YYYY-MM-DD',
                    status: dateOk ? undefined : 'error',
                  },
                ),
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
                      options={optionsOf(CADENCE_LABELS)}
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
            {warnings.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={`解析提示（${warnings.length}）`}
                data-testid="tasks-warnings"
                description={
                  <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 160, overflow: 'auto' }}>
                    {warnings.map((w, i) => (
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
            {preview.tables.length > 0 ? (
              <div>
                <Button type="link" onClick={() => setMapOpen((o) => !o)} data-testid="tasks-columns-toggle">
                  {columnsUsed
                    ? `已按手动指定的列识别（表${columnsUsed.table}）：修改`
                    : '表格的列识别有误？手动指定各列'}
                </Button>
                {mapOpen ? (
                  <ColumnsCard
                    key={preview.fingerprint}
                    tables={preview.tables}
                    used={columnsUsed}
                    again={again}
                  />
                ) : null}
              </div>
            ) : null}
            <ImportUnitsTable
              names={names}
              units={preview.units}
              effective={effective}
              setChoice={setChoice}
              decisions={decisions}
              setDecision={setDecision}
              left={left}
            />
            <BulkUnits
              selected={selected}
              all={plan.tasks.map((t) => t.ref)}
              unitless={unitless}
              select={setTicked}
              names={[...registered.keys()]}
              apply={(bulk) => {
                setPlan({ ...plan, tasks: withBulkUnits(plan.tasks, new Set(selected), bulk) });
                setTicked([]);
              }}
            />
            <ImportTasksTable
              plan={plan}
              year={year}
              effective={effective}
              setTask={setTask}
              removeTask={removeTask}
              selected={selected}
              select={setTicked}
            />
            {commitError ? (
              <Alert type="error" showIcon title={commitError} data-testid="tasks-commit-error" />
            ) : null}
            <WizardFooter
              testPrefix="tasks"
              unresolved={
                left.length > 0
                  ? `尚有 ${left.length} 个单位名称未确认：${listed(left)}`
                  : unitless.length > 0
                    ? `尚有 ${unitless.length} 项任务未填写牵头单位或责任单位：${listed(unitless)}`
                    : null
              }
              resolvedText="全部单位已确认"
              onRestart={() => setStep(0)}
              onSubmit={submit}
              submitting={commit.isPending}
              disabled={
                left.length > 0 ||
                unitless.length > 0 ||
                !year ||
                !dateOk ||
                (!!preview.duplicate && !replace)
              }
              submitLabel="提交导入"
            />
          </Space>
        ) : null}
      </UploadWizard>
    </PageContainer>
  );
}
