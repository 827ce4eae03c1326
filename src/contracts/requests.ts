// API shapes of 依申请公开 (requests) and the annual report (reports). Shared by server and console.
import type { AnnualReport, Table2, ValidationIssue } from '../domain/requests/annual-report';
import type { ClockAction, ClockStatus } from '../domain/requests/clock';
import type { IntakeCheck } from '../domain/requests/intake';
import type { LetterKind } from '../domain/requests/letters';
import type { ApplicantKind, LegalBasisCode, OutcomeCode } from '../domain/requests/outcomes';
import type { SubmissionChannel } from '../domain/requests/receipt';

export type CaseStatus = 'submitted' | ClockStatus | 'closed';

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待确认收到',
  not_received: '未收到申请',
  running: '办理中',
  paused_consultation: '征求意见中',
  paused_fee: '待缴费',
  awaiting_correction: '待补正',
  abandoned_no_correction: '逾期未补正',
  abandoned_unpaid: '逾期未缴费',
  closed: '已办结',
};

export const DELIVERY_FORM_LABELS = { paper: '纸质', electronic: '电子文档', other: '其他' } as const;
export type DeliveryForm = keyof typeof DELIVERY_FORM_LABELS;
export const DELIVERY_CHANNEL_LABELS = {
  mail: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
} as const;
export type DeliveryChannel = keyof typeof DELIVERY_CHANNEL_LABELS;

// GET /api/requests/cases?keyword=&status=&unitId=&overdue=&page=&pageSize= -> { data: Paged<CaseSummary> }
export interface CaseSummary {
  id: string;
  caseNo: string;
  unitId: string;
  unitName: string;
  channel: SubmissionChannel;
  applicantKind: ApplicantKind;
  /** Masked: staff lists show no full personal data. */
  applicantName: string;
  description: string;
  receivedOn: string | null;
  status: CaseStatus;
  replyDue: string | null;
  /** Working days from today to the due date (negative when overdue); null without a running clock. */
  workingDaysLeft: number | null;
  outcome: OutcomeCode | null;
  closedOn: string | null;
  duplicateOf: string | null;
}

export interface TimelineItem {
  at: string;
  by: string;
  text: string;
}

export interface LetterInfo {
  id: string;
  kind: LetterKind;
  version: number;
  letterDate: string;
  createdBy: string;
  createdAt: string;
}

export interface RemedyInfo {
  id: string;
  kind: 'reconsideration' | 'litigation';
  afterReconsideration: boolean;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  filedOn: string;
  note: string | null;
}

export interface ExtensionRequestInfo {
  days: number;
  reason: string;
  requestedBy: string;
  requestedOn: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy?: string;
  decidedOn?: string;
  comment?: string | null;
}

// POST /api/requests/cases/:id/extension-decision { decision, notifiedOn?, comment? } -> { data: CaseDetail }
// (permission requests:extension:approve; the approver is the signed-in user, 条例第三十三条第二款)
export interface ExtensionDecisionInput {
  decision: 'approve' | 'reject';
  notifiedOn?: string | null;
  comment?: string | null;
}

// GET /api/requests/cases/:id -> { data: CaseDetail }
export interface CaseDetail extends CaseSummary {
  queryCode: string;
  applicant: {
    name: string;
    idType: string;
    idNumber: string;
    phone: string;
    email: string | null;
    address: string | null;
    contactPerson: string | null;
  };
  idProofFileId: string | null;
  purpose: string | null;
  deliveryForm: string;
  deliveryChannel: string;
  submittedOn: string | null;
  receiptRule: string | null;
  receiptConfirmedBy: string | null;
  legalBasis: LegalBasisCode | null;
  replyText: string | null;
  feeMethod: string | null;
  feeAmount: number | null;
  onTime: boolean | null;
  trace: string[];
  hints: string[];
  timeline: TimelineItem[];
  allowedActions: (ClockAction | 'confirm_receipt')[];
  letters: LetterInfo[];
  remedies: RemedyInfo[];
  /** Art. 29 completeness (APP-1): items missing at registration, to be asked for in the correction notice. */
  intake: IntakeCheck;
  /** The latest extension request (Art. 33 ¶2), pending until an approver decides it. */
  extensionRequest: ExtensionRequestInfo | null;
  dueDates: {
    correctionNoticeDue: string | null;
    correctBy?: string;
    thirdPartyAnswerDue?: string;
    otherAgencyAnswerDue?: string;
    feePayBy?: string;
    remainingWorkingDays?: number;
  };
}

// GET /api/requests/stats?year= -> { data: RequestStats }
export interface RequestStats {
  year: number;
  byMonth: { month: string; received: number; closed: number }[];
  byFamily: { family: string; label: string; count: number }[];
  closed: number;
  onTime: number;
  /** onTime / closed with a due date, 0..1; null when nothing closed. */
  onTimeRate: number | null;
  open: number;
  overdue: number;
}

// Annual reports: GET /api/reports?year= -> { data: ReportOverviewRow[] }
export interface ReportOverviewRow {
  unitId: string;
  unitName: string;
  reportId: string | null;
  errors: number;
  warnings: number;
  publishedAt: string | null;
}

// GET /api/reports/:unitId/:year -> { data: ReportView }
export interface ReportView {
  id: string | null;
  unitId: string;
  unitName: string;
  report: AnnualReport;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  publishedAt: string | null;
  publicationDue: string;
}

export interface ReportInput {
  table2: Table2;
  overview: string;
  problems: string;
  otherMatters: string;
}
