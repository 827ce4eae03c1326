// Review workflow of information items (issue 5 part 5): draft → levels of review → published, with return,
// scheduled publishing, withdrawal and corrections. Pure: the caller loads the item, the actor and the clock.
import { codesOf } from '../codes';

export const ITEM_STATUS_LABELS = {
  draft: '草稿',
  in_review: '审核中',
  returned: '已退回',
  scheduled: '待发布',
  published: '已发布',
  withdrawn: '已撤回',
  superseded: '已更正（旧版本）',
};
export type ItemStatus = keyof typeof ITEM_STATUS_LABELS;
export const ITEM_STATUSES = codesOf(ITEM_STATUS_LABELS);

/** Default levels: 三审 初审 → 复审 → 终审. Configurable per unit (issue 5 part 5). */
export const DEFAULT_REVIEW_LEVELS = ['初审', '复审', '终审'] as const;

export type ReviewAction = 'submit' | 'approve' | 'return' | 'publish' | 'withdraw';

/** What the console says once an action is done (短句, not "…成功"). */
export const REVIEW_ACTION_DONE: Record<ReviewAction | 'correct' | 'override', string> = {
  submit: '已提交审核',
  approve: '已通过',
  return: '已退回修改',
  publish: '已发布',
  withdraw: '已撤回',
  correct: '已生成更正版本',
  override: '已放行',
};

export const REVIEW_ACTION_LABELS: Record<ReviewAction | 'correct' | 'override' | 'mask' | 'create', string> =
  {
    create: '起草',
    submit: '提交审核',
    approve: '审核通过',
    return: '退回修改',
    publish: '发布',
    withdraw: '撤回',
    correct: '更正（新版本）',
    override: '审核人放行检查项',
    mask: '一键脱敏',
  };

export interface WorkflowItem {
  status: ItemStatus;
  createdBy: string;
  /** 1-based level awaiting approval while in_review. */
  level: number;
  /** Users who approved a level in the current round. */
  approvedBy: readonly string[];
  /** 'YYYY-MM-DDTHH:mm' instant (ISO) from which the item may be published; null = at once. */
  publishAt: string | null;
}

export interface WorkflowActor {
  id: string;
  canReview: boolean;
  canPublish: boolean;
}

export interface WorkflowOptions {
  levels: readonly string[];
  /**
   * Each level by a different person [I]: 三审 is meant as three people; the issue does not say it outright,
   * so it is a setting, default true.
   */
  distinctReviewers?: boolean;
}

export type Transition =
  | { ok: true; item: WorkflowItem; publishNow: boolean; levelName?: string }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION'; message: string };

const no = (code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION', message: string): Transition => ({
  ok: false,
  code,
  message,
});

export function transition(
  item: WorkflowItem,
  action: ReviewAction,
  actor: WorkflowActor,
  opts: WorkflowOptions & { now: string; comment?: string; gateAllowed?: boolean },
): Transition {
  const levels = opts.levels.length ? opts.levels : DEFAULT_REVIEW_LEVELS;
  switch (action) {
    case 'submit':
      if (item.status === 'in_review') return no('CONFLICT', '该信息已提交审核，请勿重复提交');
      if (item.status !== 'draft' && item.status !== 'returned')
        return no('CONFLICT', '只有草稿或被退回的信息可以提交审核');
      return {
        ok: true,
        publishNow: false,
        item: { ...item, status: 'in_review', level: 1, approvedBy: [] },
      };
    case 'approve': {
      if (!actor.canReview) return no('FORBIDDEN', '没有审核权限');
      if (item.status !== 'in_review') return no('CONFLICT', '该信息不在审核中');
      if (actor.id === item.createdBy) return no('FORBIDDEN', '不能审核自己起草的信息');
      if ((opts.distinctReviewers ?? true) && item.approvedBy.includes(actor.id))
        return no('FORBIDDEN', '同一人不能审核同一信息的两个级别');
      if (opts.gateAllowed === false && item.level >= levels.length)
        return no('CONFLICT', '仍有未处理的阻断性检查项（请脱敏或由审核人说明理由后放行）');
      const levelName = levels[item.level - 1] ?? `第${item.level}级`;
      const approvedBy = [...item.approvedBy, actor.id];
      if (item.level < levels.length)
        return {
          ok: true,
          publishNow: false,
          levelName,
          item: { ...item, level: item.level + 1, approvedBy },
        };
      // The last level publishes, at once or at the scheduled time.
      const later = item.publishAt !== null && item.publishAt > opts.now;
      return {
        ok: true,
        publishNow: !later,
        levelName,
        item: { ...item, approvedBy, status: later ? 'scheduled' : 'published' },
      };
    }
    case 'return':
      if (!actor.canReview) return no('FORBIDDEN', '没有审核权限');
      if (item.status !== 'in_review' && item.status !== 'scheduled')
        return no('CONFLICT', '该信息不在审核中');
      if (!opts.comment?.trim()) return no('VALIDATION', '退回时请填写审核意见');
      return { ok: true, publishNow: false, item: { ...item, status: 'returned', level: 0, approvedBy: [] } };
    case 'publish':
      // A scheduled item whose time has come (the scheduler runs this as the system).
      if (!actor.canPublish) return no('FORBIDDEN', '没有发布权限');
      if (item.status !== 'scheduled') return no('CONFLICT', '只有待发布的信息可以发布');
      if (item.publishAt !== null && item.publishAt > opts.now) return no('CONFLICT', '未到预定发布时间');
      return { ok: true, publishNow: true, item: { ...item, status: 'published' } };
    case 'withdraw':
      if (!actor.canPublish) return no('FORBIDDEN', '没有撤回权限');
      if (item.status !== 'published' && item.status !== 'scheduled')
        return no('CONFLICT', '只有已发布或待发布的信息可以撤回');
      if (!opts.comment?.trim() || opts.comment.trim().length < 2)
        return no('VALIDATION', '撤回时请填写理由');
      return { ok: true, publishNow: false, item: { ...item, status: 'withdrawn' } };
  }
}

/** Statuses in which the author (or a colleague) may still edit the content. */
export const EDITABLE_STATUSES: readonly ItemStatus[] = ['draft', 'returned'];

/**
 * Statuses before 终审 has passed: findings may still be masked or released by a reviewer and the 三同步 plan
 * changed. Once an item is scheduled, published, withdrawn or superseded these are part of its record; a change
 * goes through 更正 (a new version).
 */
export const PRE_PUBLICATION_STATUSES: readonly ItemStatus[] = [...EDITABLE_STATUSES, 'in_review'];
