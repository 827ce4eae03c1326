// Colours of the ledger statuses (labels live in domain/tasks/ledger).
import type { LedgerStatus } from '../../../domain/tasks/ledger';

export const STATUS_COLORS: Record<LedgerStatus, string> = {
  // Dark hues: antd's light preset tags (and mid hues on their tint) fail WCAG AA contrast.
  not_started: 'default',
  in_progress: '#003eb3',
  submitted: '#874d00',
  closed: '#135200',
  returned: '#871400',
  overdue: '#820014',
};

export const EXTENSION_STATUS_LABELS = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;
export const EXTENSION_STATUS_COLORS = {
  pending: '#874d00',
  approved: '#135200',
  rejected: 'default',
} as const;
