// The 年度报表 editor: the groups of the national layout as sections; a computed value shows with its source and
// can be overridden (以手填为准 — cleared, the computed value is used again); the 政务新媒体 rows with their posts of
// the year and the hand-filled 关注量. Buttons by role and state: 保存 and 提交 for the 主办单位 (and the office),
// 退回 with a reason and 发布 for the office. A submitted or published report is read-only.
import {
  Alert,
  App,
  Button,
  Drawer,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { type AnnualReport, type AnnualReportRow, annualReportApi } from '../../../../contracts/media';
import {
  formatValue,
  REPORT_GROUP_LABELS,
  REPORT_GROUPS,
  REPORT_STATUS_LABELS,
} from '../../../../domain/media/annual-report';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import {
  useAnnualReport,
  usePublishReport,
  useReturnReport,
  useSaveAnnualReport,
  useSubmitReport,
} from '../queries';

const STATE_LABELS = { none: '未填报', ...REPORT_STATUS_LABELS } as const;
const STATE_COLORS = { none: 'default', draft: 'blue', submitted: 'orange', published: 'green' } as const;

export function ReportStateTag({ status }: { status: AnnualReportRow['status'] }) {
  return <Tag color={STATE_COLORS[status]}>{STATE_LABELS[status]}</Tag>;
}

type Value = number | boolean | string | null;
type Field = AnnualReport['fields'][number];

function ValueInput({
  field,
  value,
  onChange,
  disabled,
}: {
  field: Field;
  value: Value;
  onChange: (v: Value) => void;
  disabled: boolean;
}) {
  const label = `${field.label}${field.computable ? '（以手填为准）' : ''}`;
  if (field.kind === 'yesno')
    return (
      <Select<string>
        aria-label={label}
        allowClear
        disabled={disabled}
        style={{ width: 120 }}
        placeholder={field.computable ? '以手填为准' : '请选择'}
        value={value === null ? undefined : value ? 'yes' : 'no'}
        onChange={(v) => onChange(v === undefined ? null : v === 'yes')}
        options={[
          { value: 'yes', label: '是' },
          { value: 'no', label: '否' },
        ]}
        data-testid={`report-field-${field.key}`}
      />
    );
  if (field.kind === 'text')
    return (
      <Input
        aria-label={label}
        disabled={disabled}
        maxLength={200}
        style={{ width: 260 }}
        placeholder={field.computable ? '以手填为准' : ''}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        data-testid={`report-field-${field.key}`}
      />
    );
  return (
    <InputNumber<number>
      aria-label={label}
      disabled={disabled}
      min={0}
      precision={field.kind === 'days' ? 1 : 0}
      style={{ width: 160 }}
      placeholder={field.computable ? '以手填为准' : ''}
      value={typeof value === 'number' ? value : null}
      onChange={(v) => onChange(v ?? null)}
      data-testid={`report-field-${field.key}`}
    />
  );
}

function ReturnButton({ onReturn, loading }: { onReturn: (reason: string) => void; loading: boolean }) {
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  return (
    <Popconfirm
      title="退回年度报表"
      description={
        <Input.TextArea
          aria-label="退回理由"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={500}
        />
      }
      onConfirm={() => {
        if (!reason.trim()) {
          void message.error('请填写退回理由');
          return;
        }
        onReturn(reason.trim());
      }}
    >
      <Button danger loading={loading} data-testid="annual-report-return">
        退回
      </Button>
    </Popconfirm>
  );
}

export function AnnualReportDrawer({ row, onClose }: { row: AnnualReportRow; onClose: () => void }) {
  const can = usePermission();
  const { message } = App.useApp();
  const q = useAnnualReport(row.websiteId, row.year);
  const report = q.data;
  const [values, setValues] = useState<Record<string, Value>>({});
  const [followers, setFollowers] = useState<Record<string, number | null>>({});
  useEffect(() => {
    if (!report) return;
    setValues(Object.fromEntries(report.fields.map((f) => [f.key, f.manual])));
    setFollowers(Object.fromEntries(report.accounts.map((a) => [a.accountId, a.followers])));
  }, [report]);
  const save = useSaveAnnualReport(row.websiteId, row.year, () => void message.success('已保存'));
  const submit = useSubmitReport(
    row.websiteId,
    row.year,
    () => void message.success('已提交，待政务公开办审核'),
  );
  const publish = usePublishReport(row.websiteId, row.year, () => void message.success('已在门户网站发布'));
  const back = useReturnReport(row.websiteId, row.year, () => void message.success('已退回'));
  const status = report?.status ?? row.status;
  const editable = can('media:report:fill') && (status === 'none' || status === 'draft');
  const body = () => ({
    values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
    followers: Object.fromEntries(Object.entries(followers).filter(([, v]) => v !== null)),
  });
  return (
    <Drawer
      open
      size="large"
      width={960}
      title={`${row.websiteName}：${row.year}年度政府网站工作年度报表`}
      onClose={onClose}
      data-testid="annual-report-drawer"
      extra={
        <Space wrap>
          <ReportStateTag status={status} />
          <DownloadButton
            endpoint={annualReportApi.export}
            args={{ params: { id: row.websiteId, year: String(row.year) } }}
            fallbackName={`${row.websiteName}${row.year}年度政府网站工作年度报表.xlsx`}
            label="导出"
            testId="annual-report-export"
          />
        </Space>
      }
      footer={
        <Space wrap>
          {editable ? (
            <>
              <Button
                loading={save.isPending}
                onClick={() => save.mutate(body())}
                data-testid="annual-report-save"
              >
                保存
              </Button>
              <Popconfirm
                title="提交后平台数据随之固定，政务公开办审核前不能修改。提交？"
                onConfirm={async () => {
                  await save.mutateAsync(body());
                  submit.mutate(undefined);
                }}
              >
                <Button type="primary" loading={submit.isPending} data-testid="annual-report-submit">
                  提交
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {can('media:report:review') && status === 'submitted' ? (
            <>
              <ReturnButton loading={back.isPending} onReturn={(r) => back.mutate(r)} />
              <Popconfirm
                title="发布后不能修改。在门户网站发布该年度报表？"
                onConfirm={() => publish.mutate(undefined)}
              >
                <Button type="primary" loading={publish.isPending} data-testid="annual-report-publish">
                  发布
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      }
    >
      {report ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {report.returnReason && status === 'draft' ? (
            <Alert type="warning" showIcon title={`已退回：${report.returnReason}`} />
          ) : null}
          {report.issues.length ? (
            <Alert type="error" showIcon title={report.issues.map((i) => i.message).join('；')} />
          ) : null}
          <Typography.Text type="secondary">
            平台数据{report.frozen ? '已于提交时固定' : '实时统计'}（截至{report.computedAsOf}
            ）；手填数值以手填为准，清空后恢复平台数据。 截止日期：{report.due}
            {report.overdue ? '（已逾期）' : ''}
          </Typography.Text>
          {REPORT_GROUPS.map((g) => (
            <section key={g} aria-label={REPORT_GROUP_LABELS[g]}>
              <Typography.Title level={5}>{REPORT_GROUP_LABELS[g]}</Typography.Title>
              <Table<Field>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={report.fields.filter((f) => f.group === g)}
                columns={[
                  {
                    title: '指标',
                    key: 'label',
                    width: 300,
                    render: (_, f) => `${f.sub ? '其中：' : ''}${f.label}${f.unit ? `（${f.unit}）` : ''}`,
                  },
                  {
                    title: '平台数据',
                    key: 'computed',
                    width: 260,
                    render: (_, f) =>
                      f.computed ? (
                        <Space orientation="vertical" size={0}>
                          <span>{formatValue(f, f.computed.value)}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {f.computed.source}
                          </Typography.Text>
                        </Space>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    title: '手填',
                    key: 'manual',
                    render: (_, f) => (
                      <ValueInput
                        field={f}
                        value={values[f.key] ?? null}
                        disabled={!editable}
                        onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
                      />
                    ),
                  },
                ]}
              />
              {g === 'mobile' && report.accounts.length ? (
                <Table
                  rowKey="accountId"
                  size="small"
                  pagination={false}
                  dataSource={report.accounts}
                  style={{ marginTop: 8 }}
                  columns={[
                    { title: '平台', dataIndex: 'platform', width: 120 },
                    { title: '名称', dataIndex: 'name', width: 200 },
                    { title: '信息发布量（条）', dataIndex: 'posts', width: 140 },
                    {
                      title: '关注量/订阅数',
                      key: 'followers',
                      render: (_, a) => (
                        <InputNumber<number>
                          aria-label={`${a.name}关注量`}
                          min={0}
                          precision={0}
                          disabled={!editable}
                          value={followers[a.accountId] ?? null}
                          onChange={(v) => setFollowers((s) => ({ ...s, [a.accountId]: v ?? null }))}
                        />
                      ),
                    },
                  ]}
                />
              ) : null}
            </section>
          ))}
        </Space>
      ) : null}
    </Drawer>
  );
}
