// 来电登记台账: calls in the user's scope (the caller masked), the 登记来电 drawer, the 12345 work-order import
// wizard, the .xlsx export of the same filters and the one-click hand-over to a consultation.
import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Popconfirm, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CALL_CHANNEL_LABELS,
  CALL_STATUS_LABELS,
  type CallBody,
  type CallInfo,
} from '../../../../contracts/hotline';
import type { CallChannel, CallStatus } from '../../../../domain/interaction/hotline';
import { usePermission } from '../../../auth';
import { CreateButton } from '../../../components/CreateButton';
import { useFilteredExport } from '../../../components/DownloadButton';
import { DrawerForm, useClosingForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { StatusTag } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { CallImport } from '../components/CallImport';
import { ChannelItems } from '../components/ChannelItems';
import { TimeItem } from '../components/TimeItem';
import { hotlineApi, useCreateCall, useHandOver } from '../hotline-queries';
import { CALL_STATUS_COLORS, chinaNow, chinaTime, fromChinaTime } from '../labels-hotline';

type CallForm = Omit<CallBody, 'calledAt'> & { calledAt: string };

function CallDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, saved] = useClosingForm<CallForm>(onClose);
  const { message } = App.useApp();
  const save = useCreateCall((r) => {
    void message.success(`已登记：${r.callNo}`);
    saved();
  });
  return (
    <DrawerForm<CallForm>
      title="登记来电"
      open={open}
      onClose={onClose}
      form={form}
      testId="call-register"
      saveLabel="登记"
      mutation={save}
      initialValues={{ channel: 'local', calledAt: chinaNow() }}
      onFinish={(v) => save.mutate({ ...v, calledAt: fromChinaTime(v.calledAt) })}
    >
      <ChannelItems label="来电渠道" labels={CALL_CHANNEL_LABELS} orderLabel="工单编号" />
      <TimeItem name="calledAt" label="来电时间" missing="请填写来电时间" testId="call-calledAt" />
      <Form.Item name="unitId" label="承办单位" rules={required('请选择')}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item name="question" label="来电内容" rules={required('请填写来电内容')}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="call-question" />
      </Form.Item>
      <Form.Item name="answer" label="当场答复（能当场答复的填写；需政策制定单位答复的留空后转为政策咨询）">
        <Input.TextArea rows={3} data-testid="call-answer" />
      </Form.Item>
      <Form.Item name="callerName" label="来电人（选填，加密保存）">
        <Input data-testid="call-callerName" />
      </Form.Item>
      <Form.Item name="callerPhone" label="联系电话（选填，加密保存）">
        <Input data-testid="call-callerPhone" />
      </Form.Item>
    </DrawerForm>
  );
}

export default function CallsPage() {
  const can = usePermission();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const exported = useFilteredExport(hotlineApi.exportCalls, {
    fallbackName: '来电登记台账.xlsx',
    label: '导出台账',
    testId: 'call-export',
  });
  const handOver = useHandOver((r) => {
    void message.success(`已转为政策咨询 ${r.consultNo}，答复期限 ${r.answerDue}`);
    void navigate(`/interaction/consultations/${r.consultationId}`);
  });
  const columns: TableProps<CallInfo>['columns'] = [
    { title: '编号', dataIndex: 'callNo', width: 120 },
    { title: '来电时间', dataIndex: 'calledAt', width: 150, render: (v: string) => chinaTime(v) },
    {
      title: '渠道',
      dataIndex: 'channel',
      width: 100,
      render: (v: CallChannel, r) => `${CALL_CHANNEL_LABELS[v]}${r.workOrderNo ? ` ${r.workOrderNo}` : ''}`,
    },
    { title: '来电人', dataIndex: 'callerName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '联系电话', dataIndex: 'callerPhone', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '来电内容', dataIndex: 'question', ellipsis: true },
    { title: '答复', dataIndex: 'answer', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '承办单位', dataIndex: 'unitName', width: 140, ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (v: CallStatus, r) =>
        r.consultationId ? (
          <Link to={`/interaction/consultations/${r.consultationId}`}>
            {CALL_STATUS_LABELS[v]} {r.consultNo}
          </Link>
        ) : (
          <StatusTag value={v} labels={CALL_STATUS_LABELS} colors={CALL_STATUS_COLORS} />
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, r) =>
        r.canHandOver && can('interaction:hotline:edit') ? (
          <Popconfirm
            title="转为政策咨询？"
            description="由承办单位在 5 个工作日内答复（从来电当天起算）"
            okText="转办"
            cancelText="取消"
            onConfirm={() => handOver.mutate(r.id)}
          >
            <Button size="small" data-testid={`call-handover-${r.callNo}`} loading={handOver.isPending}>
              转为政策咨询
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <PageContainer
      title="来电登记台账"
      testId="calls-page"
      extra={
        <>
          {exported.button}
          {can('interaction:hotline:edit') ? (
            <>
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="call-import">
                导入 12345 工单
              </Button>
              <CreateButton onClick={() => setOpen(true)} testId="call-new">
                登记来电
              </CreateButton>
            </>
          ) : null}
        </>
      }
    >
      <SearchTable<CallInfo>
        endpoint={hotlineApi.listCalls}
        columns={columns}
        scrollX={1400}
        testId="call-table"
        onFiltersChange={exported.onFiltersChange}
        searchItems={
          <>
            <FilterInput name="keyword" label="关键词" placeholder="编号、工单编号或内容" width={200} />
            <FilterSelect name="channel" label="渠道" labels={CALL_CHANNEL_LABELS} width={120} />
            <FilterSelect name="status" label="状态" labels={CALL_STATUS_LABELS} width={140} />
            <FilterInput name="month" label="月份" placeholder="YYYY-MM" width={110} />
          </>
        }
      />
      <CallDrawer open={open} onClose={() => setOpen(false)} />
      <Drawer
        title="导入 12345 工单"
        open={importing}
        onClose={() => setImporting(false)}
        size={900}
        destroyOnHidden
      >
        <CallImport onDone={() => undefined} />
      </Drawer>
    </PageContainer>
  );
}
