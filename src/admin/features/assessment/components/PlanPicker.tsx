// Year and unit kind of the assessment being looked at (shared by the three pages).
import { Segmented, Space } from 'antd';
import { ASSESSED_KIND_LABELS, ASSESSED_KINDS, type AssessedKind } from '../../../../domain/assessment/tree';
import { YearInput } from '../../../components/YearInput';
import type { PlanKey } from '../queries';

export function PlanPicker({ value, onChange }: { value: PlanKey; onChange: (k: PlanKey) => void }) {
  return (
    <Space wrap>
      <YearInput value={value.year} onChange={(year) => onChange({ ...value, year })} testId="assess-year" />
      <Segmented<AssessedKind>
        data-testid="assess-kind"
        value={value.unitKind}
        onChange={(unitKind) => onChange({ ...value, unitKind })}
        options={ASSESSED_KINDS.map((k) => ({ value: k, label: ASSESSED_KIND_LABELS[k] }))}
      />
    </Space>
  );
}
