// Colours of the ledger statuses (labels live in domain/tasks/ledger).
import type { LedgerStatus } from '../../../domain/tasks/ledger';

export const STATUS_COLORS: Record<LedgerStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'gold',
  closed: 'green',
  returned: 'volcano',
  overdue: 'red',
};

export const EXTENSION_STATUS_LABELS = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;
export const EXTENSION_STATUS_COLORS = { pending: 'gold', approved: 'green', rejected: 'default' } as const;
