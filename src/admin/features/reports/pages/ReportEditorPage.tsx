import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { ReportInput, ReportView } from '../../../../contracts/reports';
import { SECTION_TITLES, TABLE2_LABELS } from '../../../../domain/requests/annual-report';
import { reportLayout } from '../../../../domain/requests/annual-report-layout';
import { usePermission } from '../../../auth';
import { DownloadButton } from '../../../components/DownloadButton';
import { required } from '../../../components/formRules';
import { PageContainer } from '../../../components/PageContainer';
import { chinaTime } from '../../../time';
import { exportPath, usePublishReport, useReport, useSaveReport } from '../queries';

const L = TABLE2_LABELS;
const ISSUED_ROWS = [
  ['regulations', L.rows.regulations],
  ['normative_docs', L.rows.normative_docs],
] as const;
const ISSUED_COLS = [
  ['issued', L.issued],
  ['abolished', L.abolished],
  ['in_force', L.in_force],
] as const;
/** The single-figure rows of table 二: label, unit and the cell's path. */
const DECISION_ROWS: [string, string, string[]][] = [
  [L.rows.licensing, L.decisions, ['art20_5', 'licensing', 'decisions']],
  [L.rows.penalty, L.decisions, ['art20_6', 'penalty', 'decisions']],
  [L.rows.compulsion, L.decisions, ['art20_6', 'compulsion', 'decisions']],
  [L.rows.fees, L.amount_wan_yuan, ['art20_8', 'fees', 'amount_wan_yuan']],
];

/** A read-only table from the pure layout (the same one the exports use). */
function LayoutTable({ view, section }: { view: ReportView; section: 'applications' | 'remedies' }) {
  const s = reportLayout(view.report).sections.find((x) => x.key === section);
  if (!s?.table) return null;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        className="report-table"
        style={{ borderCollapse: 'collapse', fontSize: 13 }}
        data-testid={`table-${section}`}
      >
        <tbody>
          {s.table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => {
                const style = {
                  border: '1px solid #d9d9d9',
                  padding: '2px 6px',
                  fontWeight: c.header ? 600 : 400,
                };
                return c.header ? (
                  <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} style={style}>
                    {c.text}
                  </th>
                ) : (
                  <td key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} style={style} data-cell={c.key}>
                    {c.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ReportEditorPage() {
  const { unitId = '', year = '' } = useParams();
  const can = usePermission();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportInput>();
  const q = useReport(unitId, year);
  useEffect(() => {
    if (q.data) {
      const r = q.data.report;
      form.setFieldsValue({
        table2: r.table2,
        overview: r.overview,
        problems: r.problems,
        otherMatters: r.otherMatters,
      });
    }
  }, [q.data, form]);
  const save = useSaveReport(unitId, year, () => void message.success('已保存'));
  const publish = usePublishReport(
    unitId,
    year,
    () => void message.success('已发布到门户“政府信息公开年报”栏目'),
  );
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const v = q.data;
  if (!v) return <PageContainer title="年度报告">{q.isError ? '无法加载' : '加载中…'}</PageContainer>;
  const title = `${v.unitName}${year}年政府信息公开工作年度报告`;
  const num = (name: (string | number)[], decimal = false) => (
    <Form.Item name={['table2', ...name]} noStyle rules={required('必填')}>
      <InputNumber min={0} precision={decimal ? 4 : 0} style={{ width: 110 }} aria-label={name.join('.')} />
    </Form.Item>
  );
  return (
    <PageContainer
      title={title}
      testId="report-editor-page"
      extra={
        <>
          <DownloadButton
            path={exportPath('docx', unitId, year)}
            fallbackName={`${title}.docx`}
            label="导出 Word"
            testId="report-export-docx"
          />
          <DownloadButton
            path={exportPath('html', unitId, year)}
            fallbackName={`${title}.html`}
            label="导出 HTML"
          />
          {can('reports:report:publish') ? (
            <Button
              type="primary"
              danger={v.errors.length > 0}
              loading={publish.isPending}
              onClick={() => (v.yearEnded ? publish.mutate(undefined) : setAskReason(true))}
              data-testid="report-publish"
            >
              发布
            </Button>
          ) : null}
        </>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Alert
          type={v.errors.length ? 'error' : v.warnings.length ? 'warning' : 'success'}
          showIcon
          data-testid="report-validation"
          title={
            v.errors.length
              ? `${v.errors.length} 处错误`
              : v.warnings.length
                ? `${v.warnings.length} 处提示`
                : '校验通过'
          }
          description={
            <>
              {[...v.errors, ...v.warnings].map((i) => (
                <div key={`${i.rule}-${i.cell ?? ''}-${i.message}`}>{i.message}</div>
              ))}
              <div>
                {v.overdue ? (
                  <Tag color="red" data-testid="report-overdue">
                    已逾期
                  </Tag>
                ) : null}
                发布期限：{v.publicationDue}
                {v.publishedAt ? `；已于 ${chinaTime(v.publishedAt)} 发布` : '；尚未发布'}
              </div>
            </>
          }
        />
        <Form<ReportInput>
          form={form}
          layout="vertical"
          onFinish={(x) => save.mutate(x)}
          disabled={!can('reports:report:update')}
        >
          <Card title={SECTION_TITLES.overview}>
            <Form.Item name="overview" noStyle>
              <Input.TextArea rows={6} aria-label={SECTION_TITLES.overview} data-testid="report-overview" />
            </Form.Item>
          </Card>
          <Card title={SECTION_TITLES.proactive} style={{ marginTop: 16 }}>
            <table style={{ borderCollapse: 'collapse' }}>
              <tbody>
                <tr>
                  <th style={{ textAlign: 'left' }}>{L.blocks.art20_1}</th>
                  {ISSUED_COLS.map(([, label]) => (
                    <th key={label}>{label}</th>
                  ))}
                </tr>
                {ISSUED_ROWS.map(([row, label]) => (
                  <tr key={row}>
                    <td>{label}</td>
                    {ISSUED_COLS.map(([col]) => (
                      <td key={col}>{num(['art20_1', row, col])}</td>
                    ))}
                  </tr>
                ))}
                {DECISION_ROWS.map(([label, unit, path]) => (
                  <tr key={path.join('.')}>
                    <td>
                      {label}（{unit}）
                    </td>
                    <td>{num(path, path[0] === 'art20_8')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <Card title={`${SECTION_TITLES.applications}（由申请办理记录自动计算）`} style={{ marginTop: 16 }}>
            <LayoutTable view={v} section="applications" />
          </Card>
          <Card title={`${SECTION_TITLES.remedies}（由复议诉讼记录自动计算）`} style={{ marginTop: 16 }}>
            <LayoutTable view={v} section="remedies" />
          </Card>
          <Card title={SECTION_TITLES.problems} style={{ marginTop: 16 }}>
            <Form.Item name="problems" noStyle>
              <Input.TextArea rows={5} aria-label={SECTION_TITLES.problems} />
            </Form.Item>
          </Card>
          <Card title={SECTION_TITLES.other} style={{ marginTop: 16 }}>
            <Form.Item name="otherMatters" noStyle>
              <Input.TextArea rows={4} aria-label={SECTION_TITLES.other} />
            </Form.Item>
          </Card>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-save">
              保存
            </Button>
          </Typography.Paragraph>
        </Form>
      </Space>
      <Modal
        title="提前发布年度报告"
        open={askReason}
        okText="提前发布"
        okButtonProps={{ disabled: !reason.trim(), loading: publish.isPending }}
        onOk={() => {
          publish.mutate(reason.trim());
          setAskReason(false);
        }}
        onCancel={() => setAskReason(false)}
      >
        <p>{year} 年尚未结束。年度报告应在年度结束后发布；如确需提前发布，请填写理由（将记入审计日志）。</p>
        <Input.TextArea
          aria-label="提前发布的理由"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          data-testid="report-early-reason"
        />
      </Modal>
    </PageContainer>
  );
}
