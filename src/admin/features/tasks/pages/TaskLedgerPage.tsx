// 按任务台账 (issue 14 part 6): one row per task with its full text (long text folds, 展开 shows all), its units as
// expandable sub-rows (status, due date, last report), progress; filters by unit, status and due date; selected
// sub-rows can be reminded (催办) or extended (延期) in bulk; a task is closed with its evidence (销号); the plan's
// unfinished tasks go into next year's plan (回头看). Every column fits a 1366 px screen (no horizontal scroll).
import { UploadOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  Modal,
  type ModalProps,
  message,
  Progress,
  Select,
  Table,
  Tag,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import {
  type LedgerStatus,
  type TaskLedgerRow,
  type TaskLedgerUnit,
  tasksApi,
} from '../../../../contracts/tasks';
import { LEDGER_STATUS_LABELS, periodLabel } from '../../../../domain/tasks/ledger';
import { usePermission } from '../../../auth';
import { ClampText } from '../../../components/ClampText';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { type QueryParams, SearchTable } from '../../../components/SearchTable';
import { statusColumn } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { AssignmentDrawer } from '../components/AssignmentDrawer';
import { assignmentTailColumns, PlanSelect } from '../components/ledgerColumns';
import { STATUS_COLORS } from '../labels';
import { useBulkExtend, useBulkRemind, useCarryOver, useCloseTask, usePlans } from '../queries';

interface Filters {
  keyword?: string;
  unitId?: string;
  status?: LedgerStatus;
  due?: [Dayjs | null, Dayjs | null] | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const toParams = (v: Filters): QueryParams => ({
  keyword: v.keyword || undefined,
  unitId: v.unitId,
  status: v.status,
  dueFrom: day(v.due?.[0]),
  dueTo: day(v.due?.[1]),
});

/** The values of the page's one (untyped) form, shared by its dialogs. */
type DialogValues = Awaited<ReturnType<FormInstance['validateFields']>>;

/** A dialog of the ledger's actions: its fields in the page's form, validated before `onOk` runs the action. */
function FormDialog({
  form,
  onOk,
  children,
  ...modal
}: {
  form: FormInstance;
  onOk: (values: DialogValues) => void;
  children: ReactNode;
} & Pick<ModalProps, 'title' | 'open' | 'onCancel' | 'okText' | 'okButtonProps' | 'confirmLoading'>) {
  return (
    <Modal {...modal} onOk={() => void form.validateFields().then(onOk)} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

/** The units of one task: selectable for the bulk actions, each opening its assignment. */
function UnitRows({
  task,
  selected,
  onSelect,
  onOpen,
}: {
  task: TaskLedgerRow;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <Table<TaskLedgerUnit>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={task.units}
      data-testid={`units-${task.ref}`}
      rowSelection={{
        selectedRowKeys: task.units.filter((u) => selected.has(u.id)).map((u) => u.id),
        onSelect: (u, on) => onSelect([u.id], on),
        onSelectAll: (on) =>
          onSelect(
            task.units.map((u) => u.id),
            on,
          ),
        getCheckboxProps: (u) => ({ 'aria-label': `选择 ${task.ref} ${u.unitName}` }),
      }}
      columns={[
        {
          title: '承担单位',
          dataIndex: 'unitName',
          render: (n: string, u) => (
            <>
              {n}
              {u.isLead ? <Tag style={{ marginInlineStart: 6 }}>牵头</Tag> : null}
              {u.period ? <span style={{ color: '#595959' }}> {periodLabel(u.period)}</span> : null}
            </>
          ),
        },
        { title: '完成时限', dataIndex: 'dueDate', width: 120, render: (d: string | null) => d ?? '待定' },
        ...assignmentTailColumns<TaskLedgerRow['units'][number]>(110, onOpen),
      ]}
    />
  );
}

export default function TaskLedgerPage() {
  const can = usePermission();
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const currentPlan = planId ?? plans.data?.[0]?.id;
  const plan = plans.data?.find((p) => p.id === currentPlan);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'remind' | 'extend' | 'carry' | null>(null);
  const [closing, setClosing] = useState<TaskLedgerRow | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm();
  const done = (what: string) => (n: number) => {
    void message.success(`已${what} ${n} 项`);
    setSelected(new Set());
    setDialog(null);
    form.resetFields();
  };
  const remind = useBulkRemind(done('催办'));
  const extend = useBulkExtend(done('延期'));
  const carry = useCarryOver(currentPlan, (r) => {
    void message.success(`已转入 ${r.tasks} 项未完成任务`);
    setDialog(null);
    form.resetFields();
  });
  const closeTask = useCloseTask(() => {
    void message.success('已销号');
    setClosing(null);
    setFile(null);
    form.resetFields();
  });
  const select = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const ids = [...selected];
  const nextYearPlans = (plans.data ?? []).filter((p) => plan && p.year === plan.year + 1);

  return (
    <PageContainer
      title="按任务台账"
      testId="task-ledger-page"
      extra={
        <PlanSelect
          plans={plans.data}
          value={currentPlan}
          onChange={(v) => {
            setPlanId(v);
            setSelected(new Set());
          }}
        />
      }
    >
      <SearchTable<TaskLedgerRow, Filters>
        endpoint={tasksApi.taskLedger}
        testId="task-ledger"
        extraParams={{ planId: currentPlan }}
        toParams={toParams}
        rowKey="taskId"
        searchItems={
          <>
            <FilterInput name="keyword" label="任务" placeholder="任务内容关键词" width={180} />
            <Form.Item name="unitId" label="单位">
              <UnitTreeSelect allowClear aria-label="单位" style={{ width: 200 }} placeholder="全部单位" />
            </Form.Item>
            <FilterSelect name="status" label="状态" labels={LEDGER_STATUS_LABELS} width={110} />
            <Form.Item name="due" label="完成时限">
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
            </Form.Item>
          </>
        }
        toolbar={
          <>
            {can('tasks:assignment:remind') ? (
              <Button disabled={!ids.length} onClick={() => setDialog('remind')} data-testid="bulk-remind">
                批量催办{ids.length ? `（${ids.length}）` : ''}
              </Button>
            ) : null}
            {can('tasks:assignment:close') ? (
              <Button disabled={!ids.length} onClick={() => setDialog('extend')} data-testid="bulk-extend">
                批量延期{ids.length ? `（${ids.length}）` : ''}
              </Button>
            ) : null}
            {can('tasks:plan:import') && currentPlan ? (
              <Button onClick={() => setDialog('carry')} data-testid="carry-over">
                回头看：未完成任务转入下一年度
              </Button>
            ) : null}
          </>
        }
        expandable={{
          expandedRowRender: (t) => (
            <UnitRows task={t} selected={selected} onSelect={select} onOpen={setOpen} />
          ),
          rowExpandable: (t) => t.units.length > 0,
        }}
        columns={[
          { title: '编号', dataIndex: 'ref', width: 80 },
          {
            title: '任务',
            dataIndex: 'text',
            render: (text: string, t) => (
              <>
                {t.section.length ? (
                  <div style={{ color: '#595959', fontSize: 12 }}>{t.section.join(' / ')}</div>
                ) : null}
                <ClampText text={text} />
                {t.carriedFrom ? (
                  <Tag color="purple">{`回头看：${t.carriedFrom.year}年第 ${t.carriedFrom.ref} 项`}</Tag>
                ) : null}
                {t.closeEvidence ? (
                  <div style={{ color: '#595959', fontSize: 12 }}>
                    {`销号说明：${t.closeNote ?? ''}（证明材料：${t.closeEvidence.name}）`}
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: '牵头单位',
            key: 'lead',
            width: 140,
            // Each unit once: a periodic task has one assignment per unit and period.
            render: (_, t) =>
              [...new Set(t.units.filter((u) => u.isLead).map((u) => u.unitName))].join('、') ||
              t.leadUnitsWritten.join('、'),
          },
          { title: '完成时限', dataIndex: 'deadlineRaw', width: 130, render: (d: string) => d || '待定' },
          {
            title: '进度',
            key: 'progress',
            width: 130,
            render: (_, t) => (
              <>
                <Progress percent={t.progress.percent} size="small" aria-label={`${t.ref} 完成进度`} />
                <span style={{ fontSize: 12 }}>
                  {`销号 ${t.progress.closed}/${t.progress.total}${t.progress.overdue ? `，逾期 ${t.progress.overdue}` : ''}`}
                </span>
              </>
            ),
          },
          statusColumn(LEDGER_STATUS_LABELS, STATUS_COLORS, 84),
          {
            title: '操作',
            key: 'op',
            width: 76,
            render: (_, t) =>
              can('tasks:assignment:close') && !t.closedAt ? (
                <Button size="small" onClick={() => setClosing(t)} data-testid={`close-${t.ref}`}>
                  销号
                </Button>
              ) : null,
          },
        ]}
      />
      <AssignmentDrawer id={open} onClose={() => setOpen(null)} />
      <FormDialog
        form={form}
        title={`批量催办（${ids.length} 项）`}
        open={dialog === 'remind'}
        onCancel={() => setDialog(null)}
        okText="发送催办"
        confirmLoading={remind.isPending}
        onOk={(v) => remind.mutate({ ids, note: v.note ?? '' })}
      >
        <Form.Item name="note" label="催办内容（可不填，默认发送任务内容）">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormDialog>
      <FormDialog
        form={form}
        title={`批量延期（${ids.length} 项）`}
        open={dialog === 'extend'}
        onCancel={() => setDialog(null)}
        okText="确定延期"
        confirmLoading={extend.isPending}
        onOk={(v) => extend.mutate({ ids, newDueDate: day(v.newDueDate) ?? '', reason: v.reason })}
      >
        <Form.Item name="newDueDate" label="新的完成时限" rules={required('请选择日期')}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="reason"
          label="延期理由"
          rules={[{ required: true, min: 2, message: '请填写理由（至少 2 个字）' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormDialog>
      <FormDialog
        form={form}
        title="回头看：未完成任务转入下一年度"
        open={dialog === 'carry'}
        onCancel={() => setDialog(null)}
        okText="转入"
        confirmLoading={carry.isPending}
        onOk={(v) => carry.mutate({ targetPlanId: v.targetPlanId, dueDate: day(v.dueDate) })}
      >
        <Form.Item
          name="targetPlanId"
          label={`转入 ${plan ? plan.year + 1 : ''} 年度的工作任务分工`}
          rules={required('请选择下一年度的任务分工（先导入）')}
        >
          <Select options={nextYearPlans.map((p) => ({ value: p.id, label: p.title }))} />
        </Form.Item>
        <Form.Item name="dueDate" label="完成时限（可不填，之后逐项设定）">
          <DatePicker />
        </Form.Item>
      </FormDialog>
      <FormDialog
        form={form}
        title={closing ? `销号：任务 ${closing.ref}` : ''}
        open={!!closing}
        onCancel={() => setClosing(null)}
        okText="销号"
        okButtonProps={{ disabled: !file }}
        confirmLoading={closeTask.isPending}
        onOk={(v) => closing && file && closeTask.mutate({ taskId: closing.taskId, note: v.note, file })}
      >
        <Form.Item
          name="note"
          label="销号说明"
          rules={[{ required: true, min: 2, message: '请填写销号说明（至少 2 个字）' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item label="证明材料（PDF、Word、Excel、图片、文本或压缩包）" required>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </FormDialog>
    </PageContainer>
  );
}
