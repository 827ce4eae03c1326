import { App, Form, Input, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CONSULT_CHANNEL_LABELS,
  CONSULT_STATUS_LABELS,
  type ConsultSummary,
  type RegisterConsultationBody,
  SATISFACTION_LABELS,
} from '../../../../contracts/interaction';
import type { ConsultStatus, Satisfaction } from '../../../../domain/interaction/consultation';
import { pathFor } from '../../../api';
import { CreateButton } from '../../../components/CreateButton';
import { useFilteredExport } from '../../../components/DownloadButton';
import { DrawerForm, useClosingForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { labelColumn, StatusTag } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { ChannelItems } from '../components/ChannelItems';
import { answeredColumn, dueColumn } from '../components/deadlines';
import { SensitiveText } from '../components/SensitiveText';
import { CONSULT_STATUS_COLORS } from '../labels';
import { interactionApi, useRegisterConsultation } from '../queries';

function RegisterDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, saved] = useClosingForm<RegisterConsultationBody>(onClose);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useRegisterConsultation((r) => {
    void message.success(`已登记：${r.consultNo}，答复期限 ${r.answerDue}`);
    saved();
    void navigate(`/interaction/consultations/${r.id}`);
  });
  return (
    <DrawerForm<RegisterConsultationBody>
      title="登记政策咨询"
      open={open}
      onClose={onClose}
      form={form}
      testId="consult-register"
      saveLabel="登记"
      mutation={save}
      initialValues={{ channel: 'phone' }}
    >
      <ChannelItems label="咨询渠道" labels={CONSULT_CHANNEL_LABELS} orderLabel="工单号" />
      <Form.Item name="receivedOn" label="收到日期" rules={required('请填写收到日期')}>
        <Input placeholder="YYYY-MM-DD" data-testid="consult-receivedOn" />
      </Form.Item>
      <Form.Item name="unitId" label="承办单位（制定政策的单位）" rules={required('请选择')}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item name="question" label="咨询问题" rules={required('请填写咨询问题')}>
        <Input.TextArea rows={4} maxLength={500} showCount data-testid="consult-question" />
      </Form.Item>
      <Form.Item name="askerName" label="咨询人（选填）">
        <Input />
      </Form.Item>
      <Form.Item name="askerContact" label="联系方式（选填，加密保存）">
        <Input />
      </Form.Item>
    </DrawerForm>
  );
}

export default function ConsultationsPage() {
  const [open, setOpen] = useState(false);
  const exported = useFilteredExport(interactionApi.exportConsultations, {
    fallbackName: '政策咨询登记台账.xlsx',
    label: '导出台账',
    testId: 'consult-export',
  });
  const columns: TableProps<ConsultSummary>['columns'] = [
    {
      title: '编号',
      dataIndex: 'consultNo',
      width: 120,
      render: (v: string, r) => <Link to={`/interaction/consultations/${r.id}`}>{v}</Link>,
    },
    { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
    labelColumn('渠道', 'channel', CONSULT_CHANNEL_LABELS, 100),
    {
      title: '咨询问题',
      dataIndex: 'question',
      ellipsis: true,
      render: (v: string, r) => <SensitiveText text={v} words={r.sensitiveWords} />,
    },
    { title: '承办单位', dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (v: ConsultStatus, r) =>
        r.reviewing ? (
          <Tag color="orange">待审核</Tag>
        ) : (
          <StatusTag value={v} labels={CONSULT_STATUS_LABELS} colors={CONSULT_STATUS_COLORS} />
        ),
    },
    dueColumn('答复期限', 'answerDue'),
    answeredColumn('answeredOn'),
    {
      title: '满意度',
      dataIndex: 'satisfaction',
      width: 100,
      render: (v: Satisfaction | null) => (v ? SATISFACTION_LABELS[v] : '—'),
    },
  ];
  return (
    <PageContainer
      title="政策咨询登记台账"
      testId="consultations-page"
      extra={
        <>
          {exported.button}
          <CreateButton
            permission="interaction:consult:create"
            onClick={() => setOpen(true)}
            testId="consult-new"
          >
            登记咨询
          </CreateButton>
        </>
      }
    >
      <SearchTable<ConsultSummary>
        path={pathFor(interactionApi.listConsultations)}
        columns={columns}
        scrollX={1200}
        testId="consult-table"
        onFiltersChange={exported.onFiltersChange}
        searchItems={
          <>
            <FilterInput name="keyword" label="关键词" placeholder="编号、工单号或问题" width={200} />
            <FilterSelect name="status" label="状态" labels={CONSULT_STATUS_LABELS} width={120} />
            <FilterSelect name="channel" label="渠道" labels={CONSULT_CHANNEL_LABELS} width={130} />
            <FilterSelect name="overdue" label="逾期" labels={{ true: '已逾期' }} width={100} />
            <FilterInput name="month" label="月份" placeholder="YYYY-MM" width={110} />
          </>
        }
      />
      <RegisterDrawer open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}
