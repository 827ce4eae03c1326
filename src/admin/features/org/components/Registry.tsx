// The frame the units and users pages share: the unit tree on the left filters the list on the right, whose
// toolbar offers 新增, 导入 and 导出, each only with its permission.
import { Card, Col, Form, Input, Row, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { orgApi } from '../../../../contracts/org';
import { usePermission } from '../../../auth';
import { CreateButton } from '../../../components/CreateButton';
import { DownloadButton } from '../../../components/DownloadButton';
import { ImportButton } from '../../../components/ImportButton';
import { SearchTable } from '../../../components/SearchTable';
import { UnitTreePanel } from '../../../components/units';

function WithUnitTree({
  unitId,
  onUnitChange,
  children,
}: {
  unitId: string | null;
  onUnitChange: (unitId: string | null) => void;
  children: ReactNode;
}) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={7} lg={6}>
        <Card title="单位树" size="small">
          <UnitTreePanel value={unitId} onChange={onUnitChange} />
        </Card>
      </Col>
      <Col xs={24} md={17} lg={18}>
        {children}
      </Col>
    </Row>
  );
}

/** What an import of the registry reports. */
interface ImportCount {
  created: number;
  updated?: number;
}

const REGISTRIES = {
  unit: {
    listEndpoint: orgApi.units,
    /** The list's parameter the unit chosen in the tree sets. */
    unitParam: 'parentId',
    importEndpoint: orgApi.importUnits,
    describeImport: (r: ImportCount) => `导入成功：新增 ${r.created} 个，更新 ${r.updated ?? 0} 个`,
    exportEndpoint: orgApi.exportUnits,
    exportName: '单位.xlsx',
  },
  user: {
    listEndpoint: orgApi.users,
    unitParam: 'unitId',
    importEndpoint: orgApi.importUsers,
    describeImport: (r: ImportCount) => `导入成功：新增 ${r.created} 个用户`,
    exportEndpoint: orgApi.exportUsers,
    exportName: '用户.xlsx',
  },
};

/** `kind` names the registry, its permissions (org:<kind>:create|import|export) and test ids (<kind>-create, …). */
function RegistryToolbar({
  kind,
  onCreate,
  onImported,
}: {
  kind: keyof typeof REGISTRIES;
  onCreate: () => void;
  onImported: () => void;
}) {
  const can = usePermission();
  const r = REGISTRIES[kind];
  return (
    <>
      {can(`org:${kind}:create`) ? <CreateButton onClick={onCreate} testId={`${kind}-create`} /> : null}
      {can(`org:${kind}:import`) ? (
        <ImportButton<ImportCount>
          endpoint={r.importEndpoint}
          testId={`${kind}-import`}
          describe={r.describeImport}
          onDone={onImported}
        />
      ) : null}
      {can(`org:${kind}:export`) ? (
        <DownloadButton endpoint={r.exportEndpoint} fallbackName={r.exportName} testId={`${kind}-export`} />
      ) : null}
    </>
  );
}

/**
 * A registry's list beside the unit tree: the unit chosen there filters it, its search form starts with the keyword
 * box (`keyword`: its label and placeholder), then `filters`; the toolbar is the registry's.
 */
export function RegistryList<T extends object>({
  kind,
  columns,
  scrollX,
  unitId,
  onUnitChange,
  keyword,
  filters,
  onCreate,
  onImported,
}: {
  kind: keyof typeof REGISTRIES;
  columns: TableProps<T>['columns'];
  scrollX: number;
  unitId: string | null;
  onUnitChange: (unitId: string | null) => void;
  keyword: { label: string; placeholder?: string };
  filters: ReactNode;
  onCreate: () => void;
  onImported: () => void;
}) {
  const r = REGISTRIES[kind];
  return (
    <WithUnitTree unitId={unitId} onUnitChange={onUnitChange}>
      <SearchTable<T>
        endpoint={r.listEndpoint}
        columns={columns}
        scrollX={scrollX}
        extraParams={{ [r.unitParam]: unitId }}
        searchItems={
          <>
            <Form.Item name="keyword" label={keyword.label}>
              <Input placeholder={keyword.placeholder} allowClear data-testid="search-keyword" />
            </Form.Item>
            {filters}
          </>
        }
        toolbar={<RegistryToolbar kind={kind} onCreate={onCreate} onImported={onImported} />}
      />
    </WithUnitTree>
  );
}
