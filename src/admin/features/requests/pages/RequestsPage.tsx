import { App, Form, Input, Select, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  applicantOf,
  CASE_STATUS_LABELS,
  type CaseStatus,
  type CaseSummary,
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
} from '../../../../contracts/requests';
import {
  APPLICANT_KIND_LABELS,
  type ApplicantKind,
  OUTCOME_LABELS,
  type OutcomeCode,
} from '../../../../domain/requests/outcomes';
import { SUBMISSION_CHANNEL_LABELS, type SubmissionChannel } from '../../../../domain/requests/receipt';
import { CreateButton } from '../../../components/CreateButton';
import { DrawerForm, useClosingForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect, optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { labelColumn, statusColumn } from '../../../components/StatusTag';
import { UnitTreeSelect } from '../../../components/units';
import { CASE_STATUS_COLORS, DUE_COLORS, dueLevel } from '../labels';
import { CASES_PATH, useRegisterCase } from '../queries';

const STATUS_OPTIONS = [
  { value: 'open', label: '办理中（全部未办结）' },
  { value: 'extension_pending', label: '延期待审批' },
  ...(Object.keys(CASE_STATUS_LABELS) as CaseStatus[])
    .filter((s) => s !== 'not_received')
    .map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] })),
];

/** Which receipt-date fields each channel needs (条例 Art. 31). */
const CHANNEL_DATES: Record<SubmissionChannel, [string, string][]> = {
  in_person: [['handedInOn', '提交日期']],
  oral: [['handedInOn', '口头提出日期']],
  registered_mail: [['signedForOn', '签收日期']],
  ordinary_mail: [
    ['arrivedOn', '信函到达日期'],
    ['confirmedOn', '与申请人确认日期（须为到达当日）'],
  ],
  online: [
    ['submittedOn', '提交日期'],
    ['confirmedOn', '双方确认日期'],
  ],
  fax: [
    ['submittedOn', '发送日期'],
    ['confirmedOn', '双方确认日期'],
  ],
  email: [
    ['submittedOn', '发送日期'],
    ['confirmedOn', '双方确认日期'],
  ],
};

interface RegisterValues {
  unitId: string;
  channel: SubmissionChannel;
  kind: ApplicantKind;
  name: string;
  idType: 'id_card' | 'other' | 'credit_code';
  idNumber: string;
  phone: string;
  contactPerson?: string;
  description?: string;
  deliveryForm?: string;
  deliveryChannel?: string;
  [date: string]: string | undefined;
}

function RegisterDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, saved] = useClosingForm<RegisterValues>(onClose);
  const channel = Form.useWatch('channel', form) ?? 'in_person';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useRegisterCase((r) => {
    void message.success(`已登记：${r.caseNo}${r.duplicateOf ? '（疑似重复申请，请核对）' : ''}`);
    // APP-1: an incomplete application is registered and goes to the single correction notice.
    if (r.intake.route === 'correction')
      void message.warning(`${r.intake.message ?? ''}；补正告知应于 ${r.correctionNoticeDue ?? ''} 前发出`);
    saved();
    void navigate(`/requests/cases/${r.id}`);
  });
  const submit = (v: RegisterValues) => {
    const dates = Object.fromEntries(CHANNEL_DATES[v.channel].map(([k]) => [k, v[k] || null]));
    save.mutate({
      unitId: v.unitId,
      channel: v.channel,
      ...dates,
      applicant: applicantOf(v),
      description: v.description || null,
      deliveryForm: v.deliveryForm || null,
      deliveryChannel: v.deliveryChannel || null,
    });
  };
  return (
    <DrawerForm<RegisterValues>
      title="登记申请"
      open={open}
      onClose={onClose}
      width={560}
      form={form}
      testId="register-drawer"
      saveLabel="登记"
      mutation={save}
      initialValues={{
        channel: 'in_person',
        kind: 'natural_person',
        idType: 'id_card',
        deliveryForm: 'paper',
        deliveryChannel: 'mail',
      }}
      onFinish={submit}
    >
      <Form.Item name="unitId" label="受理机关" rules={required('请选择受理机关')}>
        <UnitTreeSelect data-testid="register-unit" />
      </Form.Item>
      <Form.Item name="channel" label="申请渠道" rules={[{ required: true }]}>
        <Select options={optionsOf(SUBMISSION_CHANNEL_LABELS)} data-testid="register-channel" />
      </Form.Item>
      {CHANNEL_DATES[channel].map(([name, label]) => (
        <Form.Item
          key={name}
          name={name}
          label={label}
          rules={[{ required: true, message: `请填写${label}` }]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid={`register-${name}`} />
        </Form.Item>
      ))}
      <Form.Item name="kind" label="申请人类型">
        <Select options={optionsOf(APPLICANT_KIND_LABELS)} />
      </Form.Item>
      <Form.Item name="name" label="申请人姓名或者名称" rules={required('请填写')}>
        <Input data-testid="register-name" />
      </Form.Item>
      <Form.Item name="idType" label="证件类型">
        <Select
          options={[
            { value: 'id_card', label: '居民身份证' },
            { value: 'other', label: '其他证件' },
            { value: 'credit_code', label: '统一社会信用代码' },
          ]}
        />
      </Form.Item>
      <Form.Item name="idNumber" label="证件号码" rules={required('请填写')}>
        <Input data-testid="register-idNumber" />
      </Form.Item>
      <Form.Item name="contactPerson" label="联系人（法人或其他组织）">
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={required('请填写')}>
        <Input data-testid="register-phone" />
      </Form.Item>
      {/* Missing items do not block registration: they go to 补正 (条例第二十九条、第三十条). */}
      <Form.Item name="description" label="所需政府信息的描述（缺少时登记后告知补正）">
        <Input.TextArea rows={3} data-testid="register-description" />
      </Form.Item>
      <Form.Item name="deliveryForm" label="获取信息的形式">
        <Select allowClear options={optionsOf(DELIVERY_FORM_LABELS)} />
      </Form.Item>
      <Form.Item name="deliveryChannel" label="获取信息的途径">
        <Select allowClear options={optionsOf(DELIVERY_CHANNEL_LABELS)} />
      </Form.Item>
    </DrawerForm>
  );
}

export default function RequestsPage() {
  const [open, setOpen] = useState(false);
  const columns: TableProps<CaseSummary>['columns'] = [
    {
      title: '编号',
      dataIndex: 'caseNo',
      width: 110,
      render: (v: string, r) => <Link to={`/requests/cases/${r.id}`}>{v}</Link>,
    },
    { title: '受理机关', dataIndex: 'unitName', width: 150, ellipsis: true },
    { title: '申请人', dataIndex: 'applicantName', width: 100 },
    labelColumn('渠道', 'channel', SUBMISSION_CHANNEL_LABELS, 100),
    { title: '所需信息', dataIndex: 'description', ellipsis: true },
    { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (v: string | null) => v ?? '待确认' },
    statusColumn(CASE_STATUS_LABELS, CASE_STATUS_COLORS, 120),
    {
      title: '答复期限',
      dataIndex: 'replyDue',
      width: 170,
      render: (v: string | null, r) => {
        if (!v) return '—';
        const level = dueLevel(r.workingDaysLeft);
        return (
          <Tag color={DUE_COLORS[level]} data-due={level}>
            {v}
            {r.workingDaysLeft !== null
              ? r.workingDaysLeft < 0
                ? `（逾期 ${-r.workingDaysLeft} 个工作日）`
                : `（剩 ${r.workingDaysLeft} 个工作日）`
              : ''}
          </Tag>
        );
      },
    },
    {
      title: '办理结果',
      dataIndex: 'outcome',
      width: 160,
      ellipsis: true,
      render: (v: OutcomeCode | null) => (v ? OUTCOME_LABELS[v] : '—'),
    },
  ];
  return (
    <PageContainer
      title="依申请公开"
      testId="requests-page"
      extra={
        <CreateButton permission="requests:case:create" onClick={() => setOpen(true)} testId="register-open">
          登记申请
        </CreateButton>
      }
    >
      <SearchTable<CaseSummary>
        path={CASES_PATH}
        columns={columns}
        scrollX={1300}
        testId="data-table"
        searchItems={
          <>
            <FilterInput
              name="keyword"
              label="关键词"
              placeholder="编号、查询码或内容"
              width={200}
              testId="search-keyword"
            />
            <FilterSelect
              name="status"
              label="状态"
              options={STATUS_OPTIONS}
              width={180}
              placeholder="全部"
            />
            <Form.Item name="unitId" label="单位">
              <UnitTreeSelect style={{ width: 200 }} />
            </Form.Item>
          </>
        }
      />
      <RegisterDrawer open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}
