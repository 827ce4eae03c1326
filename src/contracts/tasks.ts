// API shapes of the tasks module (work plans, ledger, reminders, supervision). Shared by server and console.
import type { Deadline } from '../domain/tasks/deadlines';
import type { AssignmentState, Cadence, LedgerStatus } from '../domain/tasks/ledger';
import type { ParsedPlan } from '../domain/tasks/notice';
import type { MatchStatus } from '../domain/units';

export type { AssignmentState, Cadence, Deadline, LedgerStatus, ParsedPlan };

/** How one written unit name maps to registered units (for the preview). */
export interface UnitNameMatch {
  written: string;
  status: MatchStatus;
  unitId?: string;
  unitName?: string;
  groupName?: string;
  /** For a group: its members (expanded at commit); needsChoice: candidates the officer picks from. */
  memberUnitIds?: string[];
  needsChoice?: boolean;
  suggestions: { unitId: string; unitName: string; confidence: number; reason: string }[];
  warnings: string[];
}

export interface DuplicatePlan {
  planId: string;
  title: string;
  /** true when no unit has reported on it yet: it may be replaced. */
  replaceable: boolean;
}

// POST /api/tasks/import/preview multipart `file` (+ ?year=) -> { data: ImportPreview }
export interface ImportPreview {
  plan: ParsedPlan;
  fingerprint: string;
  /** One entry per distinct written name across all tasks. */
  units: UnitNameMatch[];
  duplicate: DuplicatePlan | null;
}

/** A written unit name and the registered units it stands for (groups expanded, 有关部门 picked). */
export interface CommitUnit {
  written: string;
  unitIds: string[];
}

export interface CommitTask {
  ref: string;
  section: string[];
  text: string;
  measures: string[];
  leadUnits: CommitUnit[];
  responsibleUnits: CommitUnit[];
  deadlines: Deadline[];
  disclosurePaths: string[][];
}

// POST /api/tasks/import/commit CommitPlanBody -> { data: WorkPlanSummary }  (409 duplicate unless replace)
export interface CommitPlanBody {
  title: string;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  year: number;
  fingerprint: string;
  cadence: Cadence;
  replace: boolean;
  tasks: CommitTask[];
}

// GET /api/tasks/plans -> { data: WorkPlanSummary[] }
// PUT /api/tasks/plans/:id/cadence { cadence } -> { data: { tasks, assignments } }  (409 once continuous tasks have reports)
// GET/PUT /api/tasks/settings { reminderDaysBefore } (default 5 working days)
export interface WorkPlanSummary {
  id: string;
  title: string;
  docNumber: string | null;
  date: string | null;
  year: number;
  cadence: Cadence;
  taskCount: number;
  assignmentCount: number;
  createdAt: string;
}

// GET /api/tasks/ledger?planId=&status=&unitId=&view=&keyword=&page=&pageSize= -> { data: Paged<LedgerRow> }
export type LedgerView = 'mine' | 'lead' | 'all';
export interface LedgerRow {
  id: string;
  planId: string;
  taskId: string;
  ref: string;
  section: string[];
  text: string;
  unitId: string;
  unitName: string;
  isLead: boolean;
  period: string | null;
  dueDate: string | null;
  deadlineRaw: string;
  state: AssignmentState;
  status: LedgerStatus;
  leadReview: 'approved' | 'returned' | null;
  returnReason: string | null;
  lastReportAt: string | null;
  closedAt: string | null;
}

export interface ProgressReport {
  id: string;
  text: string;
  completed: boolean;
  links: string[];
  attachments: { fileId: string; name: string; size: number }[];
  reportedBy: string | null;
  reportedAt: string;
}

export interface ExtensionRequest {
  id: string;
  oldDueDate: string | null;
  newDueDate: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

// GET /api/tasks/assignments/:id -> { data: AssignmentDetail }
export interface AssignmentDetail extends LedgerRow {
  measures: string[];
  deadlines: Deadline[];
  disclosurePaths: string[][];
  leadUnitsWritten: string[];
  responsibleUnitsWritten: string[];
  leadReviewNote: string | null;
  reports: ProgressReport[];
  extensions: ExtensionRequest[];
  /** Other units' assignments of the same task (shown to the lead unit and the office). */
  siblings: { id: string; unitName: string; isLead: boolean; period: string | null; status: LedgerStatus }[];
  /** What the caller may do now. */
  can: { report: boolean; review: boolean; close: boolean; extend: boolean };
}

// POST /api/tasks/attachments multipart `file` -> { data: { fileId, name, size } }
// POST /api/tasks/assignments/:id/reports { text, completed, links: string[], fileIds: string[] }
// POST /api/tasks/assignments/:id/review { decision: 'approved'|'returned', note }     (lead unit)
// POST /api/tasks/assignments/:id/close                                                (office 销号)
// POST /api/tasks/assignments/:id/return { reason }                                    (office 退回)
// POST /api/tasks/assignments/:id/extensions { newDueDate, reason }                    (unit)
// POST /api/tasks/extensions/:id/decide { decision: 'approved'|'rejected', note }      (leader)
// GET  /api/tasks/extensions?status=pending -> { data: (ExtensionRequest & { assignmentId, unitName, text })[] }
// PUT  /api/tasks/assignments/:id/due { dueDate }                                      (office: relative deadlines)

// GET /api/tasks/dashboard?planId= -> { data: Dashboard }
export interface DashboardBucket {
  key: string;
  label: string;
  total: number;
  closed: number;
  overdue: number;
  submitted: number;
  returned: number;
}
export interface Dashboard {
  today: string;
  totals: Record<LedgerStatus, number>;
  byUnit: DashboardBucket[];
  bySection: DashboardBucket[];
}
// GET /api/tasks/export.xlsx?planId=     ledger in the original table layout + status columns
// GET /api/tasks/bulletin.docx?planId=   通报 in official-document layout
