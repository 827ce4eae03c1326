import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Select, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { type AuditRecord, auditApi } from '../../../../contracts/audit';
import {
  AUDIT_OBJECT_LABELS,
  auditActionLabel,
  auditActionOptions,
  auditActorLabel,
} from '../../../../contracts/audit-labels';
import { usePermission } from '../../../auth';
import { useFilteredExport } from '../../../components/DownloadButton';
import { FilterInput, FilterRange, FilterSelect } from '../../../components/FilterSelect';
import { PageContainer } from '../../../components/PageContainer';
import { type QueryParams, SearchTable } from '../../../components/SearchTable';
import { RESULT_COLORS, RESULT_LABELS, statusColumn } from '../../../components/StatusTag';
import { chinaTime } from '../../../time';
import { useVerifyChain } from '../queries';
import { rangeParams } from '../range';

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  objectType?: string;
  result?: AuditRecord['result'];
}

const ACTION_OPTIONS = auditActionOptions();
const OBJECT_OPTIONS = Object.entries(
  Object.fromEntries(Object.entries(AUDIT_OBJECT_LABELS).map(([k, v]) => [v, k])),
).map(([label, value]) => ({ value, label }));
const RESULT_OPTIONS = (['success', 'failure'] as const).map((r) => ({ value: r, label: RESULT_LABELS[r] }));
const toParams = (f: Filters): QueryParams => ({
  ...rangeParams(f.range),
  username: f.username?.trim(),
  action: f.action,
  objectType: f.objectType?.trim(),
  result: f.result,
});

export default function AuditLogsPage() {
  const can = usePermission();
  const exported = useFilteredExport(auditApi.exportLogs, {
    fallbackName: '审计日志.xlsx',
    testId: 'audit-export',
  });
  const verify = useVerifyChain();

  const columns: TableProps<AuditRecord>['columns'] = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => chinaTime(v) },
    {
      title: '用户',
      dataIndex: 'username',
      width: 130,
      render: (v: string | null, r) => auditActorLabel(v, r.userId),
    },
    {
      title: '单位',
      dataIndex: 'unitName',
      width: 160,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (v: string) => <span title={v}>{auditActionLabel(v)}</span>,
    },
    {
      title: '对象',
      dataIndex: 'objectId',
      width: 220,
      ellipsis: true,
      // The object's name when its module names it; the id stays in the tooltip (and the export).
      render: (v: string | null, r) => (
        <span title={v ?? undefined}>
          {AUDIT_OBJECT_LABELS[r.objectType] ?? r.objectType}
          {r.objectName ? `：${r.objectName}` : v ? `：${v.length > 20 ? `${v.slice(0, 8)}…` : v}` : ''}
        </span>
      ),
    },
    statusColumn(RESULT_LABELS, RESULT_COLORS, 80, '结果', 'result'),
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '详情', dataIndex: 'detail', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <PageContainer
      title="审计日志"
      testId="audit-logs-page"
      extra={
        can('audit:chain:verify') ? (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            校验审计链
          </Button>
        ) : null
      }
    >
      {verify.data ? (
        // One message: the server's sentence says what was checked and, when broken, where.
        <Alert
          style={{ marginBottom: 16 }}
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          data-testid="audit-verify-result"
          title={verify.data.message}
        />
      ) : null}
      <SearchTable<AuditRecord, Filters>
        endpoint={auditApi.logs}
        columns={columns}
        scrollX={1400}
        toParams={toParams}
        onFiltersChange={exported.onFiltersChange}
        searchItems={
          <>
            <FilterRange label="时间范围" />
            <FilterInput name="username" label="用户" width={120} />
            <Form.Item name="action" label="操作">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部"
                style={{ width: 200 }}
                options={ACTION_OPTIONS}
                data-testid="audit-action-filter"
              />
            </Form.Item>
            <FilterSelect
              name="objectType"
              label="对象类型"
              options={OBJECT_OPTIONS}
              width={130}
              placeholder="全部"
            />
            <FilterSelect
              name="result"
              label="结果"
              options={RESULT_OPTIONS}
              width={100}
              placeholder="全部"
            />
          </>
        }
        toolbar={can('audit:log:export') ? exported.button : null}
      />
    </PageContainer>
  );
}
