// 个人信息保护影响评估记录 (PIPL Art. 55/56; SECURITY.md 34): read only, for the office and the auditor. Each
// record was written when a reviewer overrode a blocking personal-data finding; the finding shows masked.
import { type TableProps, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { disclosureApi, type PiaRecord } from '../../../../contracts/disclosure';
import { useFilteredExport } from '../../../components/DownloadButton';
import { FilterInput, FilterRange } from '../../../components/FilterSelect';
import { PageContainer } from '../../../components/PageContainer';
import { type QueryParams, SearchTable } from '../../../components/SearchTable';
import { chinaTime } from '../../../time';
import { FINDING_KIND_LABELS } from '../shared';

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

const toParams = (f: Filters): QueryParams => ({
  from: f.range?.[0]?.format('YYYY-MM-DD'),
  to: f.range?.[1]?.format('YYYY-MM-DD'),
  q: f.q?.trim() || undefined,
});

const long = (v: string) => (
  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: v }}>
    {v}
  </Typography.Paragraph>
);

export default function PiaRecordsPage() {
  const exported = useFilteredExport(disclosureApi.exportPiaRecords, {
    fallbackName: '个人信息保护影响评估记录.xlsx',
    testId: 'pia-export',
  });
  const columns: TableProps<PiaRecord>['columns'] = [
    { title: '评估时间', dataIndex: 'assessedAt', width: 160, render: (v: string) => chinaTime(v) },
    { title: '评估人', dataIndex: 'assessedByName', width: 90 },
    { title: '单位', dataIndex: 'unitName', width: 140, ellipsis: true },
    { title: '信息标题', dataIndex: 'itemTitle', width: 200, ellipsis: true },
    {
      title: '检查项',
      dataIndex: 'findingKind',
      width: 160,
      render: (v: PiaRecord['findingKind'], r) => `${FINDING_KIND_LABELS[v]}「${r.findingMasked}」`,
    },
    { title: '处理目的及依据', dataIndex: 'purpose', width: 200, render: long },
    { title: '对个人权益的影响及风险', dataIndex: 'impact', width: 200, render: long },
    { title: '采取的保护措施', dataIndex: 'measures', width: 200, render: long },
    { title: '放行理由', dataIndex: 'reason', width: 180, render: long },
  ];
  return (
    <PageContainer title="个人信息保护影响评估" testId="pia-records-page">
      <SearchTable<PiaRecord, Filters>
        endpoint={disclosureApi.piaRecords}
        columns={columns}
        scrollX={1500}
        toParams={toParams}
        onFiltersChange={exported.onFiltersChange}
        searchItems={
          <>
            <FilterRange label="评估日期" />
            <FilterInput name="q" label="关键词" placeholder="标题、评估人或目的" width={180} />
          </>
        }
        toolbar={exported.button}
      />
    </PageContainer>
  );
}
