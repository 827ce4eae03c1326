// The frame the units and users pages share: the unit tree on the left filters the list on the right, whose
// toolbar offers 新增, 导入 and 导出, each only with its permission.
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { orgApi } from '../../../../contracts/org';
import { usePermission } from '../../../auth';
import { CreateButton } from '../../../components/CreateButton';
import { DownloadButton } from '../../../components/DownloadButton';
import { ImportButton } from '../../../components/ImportButton';
import { UnitTreePanel } from '../../../components/units';

export function WithUnitTree({
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
    importEndpoint: orgApi.importUnits,
    describeImport: (r: ImportCount) => `导入成功：新增 ${r.created} 个，更新 ${r.updated ?? 0} 个`,
    exportEndpoint: orgApi.exportUnits,
    exportName: '单位.xlsx',
  },
  user: {
    importEndpoint: orgApi.importUsers,
    describeImport: (r: ImportCount) => `导入成功：新增 ${r.created} 个用户`,
    exportEndpoint: orgApi.exportUsers,
    exportName: '用户.xlsx',
  },
};

/** `kind` names the registry, its permissions (org:<kind>:create|import|export) and test ids (<kind>-create, …). */
export function RegistryToolbar({
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
