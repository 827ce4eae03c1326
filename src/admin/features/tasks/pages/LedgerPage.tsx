import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type LedgerRow, type LedgerStatus, type LedgerView, tasksApi } from '../../../../contracts/tasks';
import { LEDGER_STATUS_LABELS, periodLabel } from '../../../../domain/tasks/ledger';
import { usePermission } from '../../../auth';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { LinkButton } from '../../../components/LinkButton';
import { PageContainer } from '../../../components/PageContainer';
import { FITS_1366, SearchTable } from '../../../components/SearchTable';
import { AssignmentDrawer } from '../components/AssignmentDrawer';
import { assignmentTailColumns, LedgerExportButton, PlanSelect } from '../components/ledgerColumns';
import { usePlans } from '../queries';

export default function LedgerPage() {
  const can = usePermission();
  const [search, setSearch] = useSearchParams();
  const open = search.get('assignment');
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const currentPlan = planId ?? plans.data?.[0]?.id;
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(search);
    if (id) next.set('assignment', id);
    else next.delete('assignment');
    setSearch(next, { replace: true });
  };

  return (
    <PageContainer
      title="任务台账"
      testId="tasks-ledger-page"
      extra={<PlanSelect plans={plans.data} value={currentPlan} onChange={setPlanId} />}
    >
      <SearchTable<LedgerRow, { status?: LedgerStatus; view?: LedgerView; keyword?: string }>
        endpoint={tasksApi.ledger}
        testId="tasks-ledger"
        extraParams={{ planId: currentPlan }}
        // One request, for the plan shown (not first for every plan, then again once the plans arrive).
        enabled={!plans.isPending}
        scrollX={FITS_1366}
        searchItems={
          <>
            <FilterInput name="keyword" label="任务" placeholder="任务内容关键词" width={200} />
            <FilterSelect name="status" label="状态" labels={LEDGER_STATUS_LABELS} width={120} />
            <FilterSelect
              name="view"
              label="范围"
              options={[
                { value: 'mine', label: '本单位承担的' },
                { value: 'lead', label: '本单位牵头的' },
              ]}
              width={150}
            />
          </>
        }
        toolbar={
          can('tasks:ledger:export') && currentPlan ? (
            <LedgerExportButton planId={currentPlan} testId="tasks-export" />
          ) : null
        }
        rowKey="id"
        columns={[
          { title: '编号', dataIndex: 'ref', width: 70 },
          {
            title: '任务',
            dataIndex: 'text',
            // Whole words, wrapped in the column and folded after three lines (the drawer shows the full text).
            render: (t: string, r) => (
              <LinkButton onClick={() => setOpen(r.id)} title={t}>
                <span className="gk-text gk-clamp" style={{ WebkitLineClamp: 3 }}>
                  {t}
                </span>
              </LinkButton>
            ),
          },
          {
            title: '单位',
            dataIndex: 'unitName',
            width: 170,
            render: (n: string, r) => `${n}${r.isLead ? '（牵头）' : ''}`,
          },
          {
            title: '完成时限',
            key: 'due',
            width: 150,
            render: (_, r) => (
              <>
                {r.dueDate ?? (r.deadlineRaw || '未定')}
                {r.period ? <div style={{ color: '#595959' }}>{periodLabel(r.period)}</div> : null}
              </>
            ),
          },
          ...assignmentTailColumns<LedgerRow>(120, setOpen, (r) => `open-${r.ref}-${r.unitName}`),
        ]}
      />
      <AssignmentDrawer id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
