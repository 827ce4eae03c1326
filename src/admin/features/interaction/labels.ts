// Colours and options of the 互动回应 pages.
import type { ConsultStatus } from '../../../domain/interaction/consultation';
import type { LetterStatus } from '../../../domain/interaction/letter';
import type { QaStatus } from '../../../domain/interaction/qa-entry';

export const CONSULT_STATUS_COLORS: Record<ConsultStatus, string> = {
  open: 'processing',
  answered: 'success',
  closed: 'default',
};

export const LETTER_STATUS_COLORS: Record<LetterStatus, string> = {
  open: 'processing',
  reviewing: 'gold',
  replied: 'success',
};

export const QA_STATUS_COLORS: Record<QaStatus, string> = {
  pending: 'gold',
  published: 'green',
  rejected: 'red',
  retired: 'default',
};
