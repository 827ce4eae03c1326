// Year and unit kind of the assessment being looked at, and the frame of the three pages that pick it.
import { Segmented, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { ASSESSED_KIND_LABELS, ASSESSED_KINDS, type AssessedKind } from '../../../../domain/assessment/tree';
import { PageContainer } from '../../../components/PageContainer';
import { chinaYear, YearInput } from '../../../components/YearInput';
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

/** The plan a page opens on: the departments' plan of this year, or of `back` years ago. */
export function usePlanKey(back = 0) {
  return useState<PlanKey>({ year: chinaYear(back), unitKind: 'department' });
}

/** An assessment page: its title, and in the header the plan picker followed by the page's own buttons. */
export function PlanPage({
  title,
  testId,
  plan,
  onPlan,
  actions,
  children,
}: {
  title: string;
  testId: string;
  plan: PlanKey;
  onPlan: (k: PlanKey) => void;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PageContainer
      title={title}
      testId={testId}
      extra={
        <Space wrap>
          <PlanPicker value={plan} onChange={onPlan} />
          {actions}
        </Space>
      }
    >
      {children}
    </PageContainer>
  );
}
