// 行政执法公示: each 执法机关's decisions with their publication clock (7 / 20 working days), entered one by one or
// imported from Excel (preview, then all or nothing), published or withdrawn with a reason; the year's figures.
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type EnforcementInputBody,
  type EnforcementPreview,
  type EnforcementRow,
  enforcementApi,
} from '../../../../contracts/enforcement';
import {
  ENFORCEMENT_HEADERS,
  ENFORCEMENT_KIND_LABELS,
  PARTY_TYPE_LABELS,
  PUBLICATION_STATE_LABELS,
  type PublicationState,
} from '../../../../domain/disclosure/enforcement';
import { downloadFrom, uploadTo } from '../../../api';
import { useCurrentUser, usePermission } from '../../../auth';
import { DrawerForm } from '../../../components/DrawerForm';
import { FilterInput, FilterSelect, optionsOf } from '../../../components/FilterSelect';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { type QueryParams, SearchTable } from '../../../components/SearchTable';
import { actionsColumn, labelColumn, StatusTag } from '../../../components/StatusTag';
import { UploadWizard, WizardFooter, type WizardStep } from '../../../components/UploadWizard';
import { UnitTreeSelect } from '../../../components/units';
import {
  useCreateEnforcement,
  useEnforcementSummary,
  useImportEnforcement,
  usePublishEnforcement,
  useRemoveEnforcement,
  useWithdrawEnforcement,
} from '../queries';

const STATE_COLORS: Record<PublicationState, string> = {
  pending: 'blue',
  overdue: 'red',
  on_time: 'green',
  late: 'orange',
};

type FormValues = Omit<EnforcementInputBody, 'decisionDate'> & { decisionDate: Dayjs };

export default function EnforcementPage() {
  const can = usePermission();
  const me = useCurrentUser();
  const year = new Date().getFullYear();
  const summary = useEnforcementSummary(year);
  const [filters, setFilters] = useState<QueryParams>({});
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<EnforcementRow | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<FormValues>();
  const create = useCreateEnforcement(() => setCreating(false));
  const publish = usePublishEnforcement();
  const remove = useRemoveEnforcement();
  const withdraw = useWithdrawEnforcement(() => setWithdrawing(null));
  const edit = can('disclosure:enforcement:edit');
  const canPublish = can('disclosure:enforcement:publish');

  return (
    <PageContainer title="行政执法公示" testId="enforcement-page">
      <Typography.Paragraph type="secondary">
        行政许可、行政处罚决定自作出之日起 7 个工作日内公示，行政强制和其他执法决定 20
        个工作日内公示（国办发〔2018〕118号）； 决定被撤销或确认违法的，应及时撤下并说明理由。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(summary.data?.byKind ?? []).map((k) => (
          <Col xs={12} md={6} key={k.kind}>
            <Card size="small">
              <Statistic title={`${year}年${ENFORCEMENT_KIND_LABELS[k.kind]}`} value={k.total} suffix="件" />
              <Typography.Text type={k.overdue ? 'danger' : 'secondary'}>
                已公示 {k.published}，逾期未公示 {k.overdue}，逾期公示 {k.late}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {summary.data?.overdue ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`有 ${summary.data.overdue} 件执法决定已超过公示时限仍未公示`}
        />
      ) : null}
      <SearchTable<EnforcementRow>
        endpoint={enforcementApi.list}
        testId="enforcement-table"
        scrollX={1200}
        onFiltersChange={setFilters}
        searchItems={
          <>
            <FilterInput name="q" label="关键词" placeholder="文书号、当事人、结论" width={200} />
            <FilterSelect name="kind" label="执法类别" labels={ENFORCEMENT_KIND_LABELS} width={130} />
            <FilterSelect name="state" label="公示状态" labels={PUBLICATION_STATE_LABELS} width={130} />
            {me.dataScope === 'all' ? (
              <Form.Item name="unitId" label="执法机关">
                <UnitTreeSelect allowClear style={{ width: 200 }} />
              </Form.Item>
            ) : null}
          </>
        }
        toolbar={
          <>
            {edit ? (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="enforcement-create">
                录入执法决定
              </Button>
            ) : null}
            {edit ? (
              <Button onClick={() => setImporting(true)} data-testid="enforcement-import">
                从 Excel 导入
              </Button>
            ) : null}
            <Button
              onClick={() =>
                void downloadFrom(enforcementApi.export, '行政执法决定.xlsx', { query: filters } as never)
              }
            >
              导出 Excel
            </Button>
          </>
        }
        columns={[
          labelColumn('执法类别', 'kind', ENFORCEMENT_KIND_LABELS, 100),
          { title: '决定文书号', dataIndex: 'docNumber', width: 180 },
          {
            title: '当事人',
            dataIndex: 'partyName',
            width: 180,
            render: (n: string, r) => (
              <Space orientation="vertical" size={0}>
                {n}
                <Typography.Text type="secondary">
                  {PARTY_TYPE_LABELS[r.partyType]}
                  {r.partyCode ? ` ${r.partyCode}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '执法结论', dataIndex: 'conclusion', ellipsis: { showTitle: true } },
          { title: '执法机关', dataIndex: 'unitName', width: 140 },
          { title: '决定日期', dataIndex: 'decisionDate', width: 110 },
          {
            title: '公示时限',
            dataIndex: 'dueDate',
            width: 120,
            render: (d: string, r) =>
              r.dueProvisional ? (
                <span title="跨入尚未公布节假日安排的年份，时限为暂定">{d}（暂定）</span>
              ) : (
                d
              ),
          },
          {
            title: '公示状态',
            dataIndex: 'state',
            width: 120,
            render: (s: PublicationState, r) =>
              r.status === 'withdrawn' ? (
                <Tag title={r.withdrawReason ?? ''}>已撤下</Tag>
              ) : (
                <StatusTag value={s} labels={PUBLICATION_STATE_LABELS} colors={STATE_COLORS} />
              ),
          },
          actionsColumn(150, (r) => (
            <Space size={4}>
              {canPublish && r.status === 'draft' ? (
                <Button
                  size="small"
                  type="link"
                  loading={publish.isPending}
                  onClick={() => publish.mutate(r.id)}
                  data-testid="enforcement-publish"
                >
                  公示
                </Button>
              ) : null}
              {canPublish && r.status === 'published' ? (
                <Button
                  data-testid="enforcement-withdraw"
                  size="small"
                  type="link"
                  danger
                  onClick={() => {
                    setReason('');
                    setWithdrawing(r);
                  }}
                >
                  撤下
                </Button>
              ) : null}
              {edit && r.status === 'draft' ? (
                <Popconfirm title="删除这条未公示的执法决定？" onConfirm={() => remove.mutate(r.id)}>
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          )),
        ]}
      />
      <DrawerForm<FormValues>
        title="录入执法决定"
        open={creating}
        onClose={() => setCreating(false)}
        form={form}
        initialValues={{ unitId: me.unitId, partyType: 'organization', kind: 'penalty' }}
        mutation={create}
        testId="enforcement-drawer"
        onFinish={(v) => create.mutate({ ...v, decisionDate: v.decisionDate.format('YYYY-MM-DD') })}
      >
        <Form.Item name="unitId" label="执法机关" rules={required('请选择执法机关')}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="kind" label="执法类别" rules={[{ required: true }]}>
          <Select options={optionsOf(ENFORCEMENT_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="docNumber" label="决定文书号" rules={required('请填写决定文书号')}>
          <Input placeholder="如 潼市监处罚〔2026〕12号" />
        </Form.Item>
        <Form.Item name="partyType" label="当事人类型" rules={[{ required: true }]}>
          <Select options={optionsOf(PARTY_TYPE_LABELS)} />
        </Form.Item>
        <Form.Item name="partyName" label="当事人" rules={required('请填写当事人')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="partyCode"
          label="统一社会信用代码或身份证号"
          extra="自然人的身份证号加密保存，公示时脱敏"
        >
          <Input />
        </Form.Item>
        <Form.Item name="decisionDate" label="决定日期" rules={required('请选择决定日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="conclusion" label="执法结论" rules={required('请填写执法结论')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="basis" label="执法依据">
          <Input.TextArea rows={2} />
        </Form.Item>
      </DrawerForm>
      <Modal
        title="撤下已公示的执法决定"
        open={withdrawing !== null}
        onCancel={() => setWithdrawing(null)}
        okText="撤下"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: withdraw.isPending }}
        onOk={() => withdrawing && withdraw.mutate({ id: withdrawing.id, reason })}
      >
        <Typography.Paragraph>
          {withdrawing?.docNumber}：决定被撤销、确认违法或者确认无效的，应在 3 个工作日内撤下并公开说明理由。
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="撤下原因（将记录在案）"
          aria-label="撤下原因"
        />
      </Modal>
      <Modal
        title="从 Excel 导入执法决定"
        open={importing}
        onCancel={() => setImporting(false)}
        footer={null}
        width={900}
        destroyOnHidden
      >
        <ImportWizard onClose={() => setImporting(false)} />
      </Modal>
    </PageContainer>
  );
}

function ImportWizard({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<WizardStep>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<EnforcementPreview | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const commit = useImportEnforcement((n) => {
    setCreated(n);
    setStep(2);
  });
  return (
    <UploadWizard<EnforcementPreview>
      titles={['上传表格', '核对', '完成']}
      step={step}
      testPrefix="enf"
      accept=".xlsx"
      text="点击或拖拽执法决定表（.xlsx）到此处"
      hint={`第 1 行为表头：${[...ENFORCEMENT_HEADERS.required, ...ENFORCEMENT_HEADERS.optional].join('、')}（后 5 列可省略）`}
      upload={(f, onProgress) => {
        setFile(f);
        return uploadTo(enforcementApi.importPreview, f, undefined, onProgress);
      }}
      onParsed={(p) => {
        setPreview(p);
        setStep(1);
      }}
    >
      {step === 1 && preview ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 8 }}
            dataSource={preview.rows}
            columns={[
              { title: '行', dataIndex: 'row', width: 50 },
              { title: '决定文书号', render: (_: unknown, r) => r.value?.docNumber ?? '' },
              { title: '当事人', render: (_: unknown, r) => r.value?.partyName ?? '' },
              { title: '执法机关', render: (_: unknown, r) => r.value?.unitName ?? '' },
              { title: '决定日期', render: (_: unknown, r) => r.value?.decisionDate ?? '' },
              {
                title: '问题',
                dataIndex: 'errors',
                render: (e: string[]) =>
                  e.length ? (
                    <Typography.Text type="danger">{e.join('；')}</Typography.Text>
                  ) : (
                    <Tag color="green">可导入</Tag>
                  ),
              },
            ]}
          />
          {commit.error ? <Alert type="error" showIcon title={commit.error.message} /> : null}
          <WizardFooter
            testPrefix="enf"
            unresolved={preview.invalid ? `${preview.invalid} 行有错误，请修改表格后重新上传` : null}
            resolvedText={`${preview.valid} 行均可导入`}
            onRestart={() => setStep(0)}
            onSubmit={() => file && commit.mutate(file)}
            submitting={commit.isPending}
            disabled={preview.invalid > 0}
            submitLabel="确认导入"
          />
        </Space>
      ) : null}
      {step === 2 ? (
        <Space orientation="vertical">
          <Alert
            type="success"
            showIcon
            title={`已导入 ${created} 件执法决定（未公示的请在列表中逐件“公示”）`}
          />
          <Button onClick={onClose}>关闭</Button>
        </Space>
      ) : null}
    </UploadWizard>
  );
}
