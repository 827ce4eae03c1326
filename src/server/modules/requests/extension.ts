// Use case: extending the reply period (条例第三十三条第二款, REGULATIONS §1.2 APP-10). The clerk only asks; the
// approver (工作机构负责人: a user holding requests:extension:approve) decides, and only approval moves the clock.
import type { CurrentUser } from '../../../contracts/api';
import { BUILTIN_ROLES } from '../../../contracts/roles';
import { validateTransition } from '../../../domain/requests/clock';
import type { Database, DbOrTx } from '../../db/client';
import type { Actor, Clock } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { notify } from '../../platform/notify/service';
import { activeUsersWithPermission, activeUsersWithRole } from '../org';
import {
  type ActionContext,
  type ActionOf,
  appendEntry,
  auditAction,
  recordStep,
  withOpenCase,
} from './action-context';
import type { CaseRow, Scoped } from './requests.repo';

/** The clerk's request: checked as if approved today, so a hopeless request is refused at once. */
export async function requestExtension(ctx: ActionContext, a: ActionOf<'extend'>): Promise<null> {
  const { row, asOf, by } = ctx;
  if (row.extensionRequest?.status === 'pending') throw invalid('已有待审批的延期申请');
  const check = validateTransition(
    ctx.state.state,
    { type: 'extension', approvedBy: '待审批', notifiedOn: asOf, days: a.days },
    ctx.cal,
    ctx.opts,
    asOf,
  );
  if (check) throw invalid(check);
  if (!a.reason.trim()) throw invalid('请填写延期理由');
  const request = {
    days: a.days,
    reason: a.reason.trim(),
    requestedBy: by,
    requestedOn: asOf,
    status: 'pending' as const,
  };
  await appendEntry(ctx, `${asOf} 申请延期答复 ${a.days} 个工作日，待工作机构负责人审批：${request.reason}`, {
    extensionRequest: request,
  });
  await notifyApprovers(ctx.tx, row, request.days);
  await auditAction(ctx, 'requests.extend_request', `${a.days} ${request.reason}`);
  return null;
}

/** Tells every active user who may approve the extension of this case (by role permission and data scope). */
async function notifyApprovers(tx: DbOrTx, row: CaseRow, days: number): Promise<void> {
  const approvers = await activeUsersWithPermission(tx, 'requests:extension:approve');
  if (approvers.length === 0) return;
  // Approvers whose role sees every unit, and those of the case's own unit.
  const allScope = new Set<string>();
  for (const r of BUILTIN_ROLES.filter((x) => x.dataScope === 'all')) {
    for (const u of await activeUsersWithRole(tx, r.code)) allScope.add(u.id);
  }
  const ids = new Set(
    approvers.filter((u) => allScope.has(u.id) || u.unitId === row.unitId).map((u) => u.id),
  );
  await notify(
    tx,
    [...ids].map((userId) => ({
      userId,
      title: `延期答复待审批：${row.caseNo}`,
      body: `申请延长 ${days} 个工作日（条例第三十三条第二款）`,
      link: `/admin/requests/cases/${row.id}`,
      dedupeKey: `requests.extension.${row.id}.${row.timeline.length}.${userId}`,
    })),
  );
}

/**
 * The approver decides a pending extension request. Approval records the extension as a clock event with the
 * approver's name and the date the applicant is told; the due date moves and the 延期答复告知书 can be generated.
 */
export async function decideExtension(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & Pick<CurrentUser, 'name' | 'username'>,
  id: string,
  input: { decision: 'approve' | 'reject'; notifiedOn?: string | null; comment?: string | null },
): Promise<void> {
  const approver = user.name || user.username;
  const closed = '申请已办结，不能再审批延期';
  await withOpenCase(
    database,
    clock,
    actor,
    user,
    id,
    closed,
    async (ctx) => {
      const { row, asOf } = ctx;
      const req = row.extensionRequest;
      if (req?.status !== 'pending') throw invalid('没有待审批的延期申请');
      const comment = input.comment?.trim() || null;
      const decided = { ...req, decidedBy: approver, decidedOn: asOf, comment };
      if (input.decision === 'reject') {
        await appendEntry(ctx, `${asOf} ${approver} 不同意延期答复${comment ? `：${comment}` : ''}`, {
          extensionRequest: { ...decided, status: 'rejected' },
        });
        await auditAction(ctx, 'requests.extend_reject', comment ?? '');
        return;
      }
      if (!input.notifiedOn) throw invalid('请填写告知申请人的日期', { fields: { notifiedOn: '必填' } });
      await recordStep(
        ctx,
        {
          event: { type: 'extension', approvedBy: approver, notifiedOn: input.notifiedOn, days: req.days },
          text: `延期答复 ${req.days} 个工作日，经 ${approver} 批准（${asOf}），${input.notifiedOn} 告知申请人`,
          patch: { extensionRequest: { ...decided, status: 'approved' } },
        },
        'requests.extend_approve',
      );
    },
    user.username,
  );
}
