// The frame the units and users pages share: the unit tree on the left filters the list on the right, whose
// toolbar offers 新增, 导入 and 导出, each only with its permission.
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import type { Endpoint } from '../../../../contracts/http';
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

/** `kind` names the permissions (org:<kind>:create|import|export) and the test ids (<kind>-create, …). */
export function RegistryToolbar<R>({
  kind,
  onCreate,
  importEndpoint,
  describeImport,
  onImported,
  exportEndpoint,
  exportName,
}: {
  kind: 'unit' | 'user';
  onCreate: () => void;
  importEndpoint: Endpoint;
  describeImport: (result: R) => string;
  onImported: () => void;
  exportEndpoint: Endpoint;
  exportName: string;
}) {
  const can = usePermission();
  return (
    <>
      {can(`org:${kind}:create`) ? <CreateButton onClick={onCreate} testId={`${kind}-create`} /> : null}
      {can(`org:${kind}:import`) ? (
        <ImportButton<R>
          endpoint={importEndpoint}
          testId={`${kind}-import`}
          describe={describeImport}
          onDone={onImported}
        />
      ) : null}
      {can(`org:${kind}:export`) ? (
        <DownloadButton endpoint={exportEndpoint} fallbackName={exportName} testId={`${kind}-export`} />
      ) : null}
    </>
  );
}
