// Colours, options and the China-time helpers of the hotline, 舆情 and 公开承诺 pages.
import type { CommitmentStatus } from '../../../domain/interaction/commitments';
import type { CallStatus } from '../../../domain/interaction/hotline';
import type { OpinionLevel, OpinionStatus } from '../../../domain/interaction/opinion';
import { chinaMinute } from '../../time';

export const CALL_STATUS_COLORS: Record<CallStatus, string> = {
  open: 'processing',
  answered: 'success',
  handed_over: 'purple',
};
export const OPINION_LEVEL_COLORS: Record<OpinionLevel, string> = {
  general: 'default',
  major: 'orange',
  grave: 'red',
};
export const OPINION_STATUS_COLORS: Record<OpinionStatus, string> = {
  open: 'processing',
  responded: 'success',
  closed: 'default',
};
export const COMMITMENT_STATUS_COLORS: Record<CommitmentStatus, string> = {
  ongoing: 'processing',
  done: 'success',
  cancelled: 'default',
};

/** An instant shown in China time, 'YYYY-MM-DD HH:mm'. */
export const chinaTime = (iso: string | null) => (iso ? chinaMinute(iso) : '—');
/** Now in China time, as the forms' default. */
export const chinaNow = () => chinaTime(new Date().toISOString());
/** 'YYYY-MM-DD HH:mm' typed in China time → the instant the API takes. */
export const fromChinaTime = (s: string) => `${s.trim().replace(' ', 'T')}:00+08:00`;
export const TIME_PATTERN = {
  pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
  message: '格式应为 YYYY-MM-DD HH:mm',
};
