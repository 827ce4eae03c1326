import { describe, expect, it } from 'vitest';
import { transition, type WorkflowItem } from './workflow';

const base: WorkflowItem = {
  status: 'draft',
  createdBy: 'author',
  level: 0,
  approvedBy: [],
  publishAt: null,
};
const reviewer = (id: string) => ({ id, canReview: true, canPublish: true });
const liaison = { id: 'author', canReview: false, canPublish: false };
const opts = { levels: ['初审', '复审', '终审'], now: '2026-03-02T09:00:00.000Z' };

describe('transition', () => {
  it.each([
    ['submit draft', base, 'submit', liaison, {}, 'in_review', 1],
    ['submit returned', { ...base, status: 'returned' }, 'submit', liaison, {}, 'in_review', 1],
    [
      'approve level 1',
      { ...base, status: 'in_review', level: 1 },
      'approve',
      reviewer('r1'),
      {},
      'in_review',
      2,
    ],
    [
      'approve last level publishes',
      { ...base, status: 'in_review', level: 3, approvedBy: ['r1', 'r2'] },
      'approve',
      reviewer('r3'),
      {},
      'published',
      3,
    ],
    [
      'approve last level with a future time schedules',
      {
        ...base,
        status: 'in_review',
        level: 3,
        approvedBy: ['r1', 'r2'],
        publishAt: '2026-03-05T00:00:00.000Z',
      },
      'approve',
      reviewer('r3'),
      {},
      'scheduled',
      3,
    ],
    [
      'return with comment',
      { ...base, status: 'in_review', level: 2, approvedBy: ['r1'] },
      'return',
      reviewer('r2'),
      { comment: '请补充附件' },
      'returned',
      0,
    ],
    [
      'withdraw with reason',
      { ...base, status: 'published', level: 3 },
      'withdraw',
      reviewer('r1'),
      { comment: '内容有误' },
      'withdrawn',
      3,
    ],
    [
      'scheduled item published when due',
      { ...base, status: 'scheduled', level: 3, publishAt: '2026-03-01T00:00:00.000Z' },
      'publish',
      reviewer('system'),
      {},
      'published',
      3,
    ],
  ] as const)('%s', (_n, item, action, actor, extra, status, level) => {
    const r = transition(item as WorkflowItem, action, actor, { ...opts, ...extra });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.item.status).toBe(status);
      expect(r.item.level).toBe(level);
    }
  });

  it.each([
    [
      'submit twice',
      { ...base, status: 'in_review', level: 1 },
      'submit',
      liaison,
      {},
      'CONFLICT',
      '重复提交',
    ],
    [
      'reviewer approves own draft',
      { ...base, status: 'in_review', level: 1 },
      'approve',
      reviewer('author'),
      {},
      'FORBIDDEN',
      '自己起草',
    ],
    [
      'liaison approves',
      { ...base, status: 'in_review', level: 1 },
      'approve',
      liaison,
      {},
      'FORBIDDEN',
      '审核权限',
    ],
    [
      'same reviewer two levels',
      { ...base, status: 'in_review', level: 2, approvedBy: ['r1'] },
      'approve',
      reviewer('r1'),
      {},
      'FORBIDDEN',
      '两个级别',
    ],
    [
      'blocking findings at the last level',
      { ...base, status: 'in_review', level: 3, approvedBy: ['r1', 'r2'] },
      'approve',
      reviewer('r3'),
      { gateAllowed: false },
      'CONFLICT',
      '阻断性',
    ],
    [
      'return without comment',
      { ...base, status: 'in_review', level: 1 },
      'return',
      reviewer('r1'),
      { comment: ' ' },
      'VALIDATION',
      '意见',
    ],
    [
      'liaison withdraws',
      { ...base, status: 'published' },
      'withdraw',
      liaison,
      { comment: '理由充分' },
      'FORBIDDEN',
      '撤回权限',
    ],
    [
      'withdraw without reason',
      { ...base, status: 'published' },
      'withdraw',
      reviewer('r1'),
      {},
      'VALIDATION',
      '理由',
    ],
    ['withdraw a draft', base, 'withdraw', reviewer('r1'), { comment: '理由充分' }, 'CONFLICT', '已发布'],
    [
      'publish before time',
      { ...base, status: 'scheduled', publishAt: '2026-03-09T00:00:00.000Z' },
      'publish',
      reviewer('s'),
      {},
      'CONFLICT',
      '预定',
    ],
  ] as const)('refuses: %s', (_n, item, action, actor, extra, code, msg) => {
    const r = transition(item as WorkflowItem, action, actor, { ...opts, ...extra });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(msg);
    }
  });

  it('lets one person approve several levels when distinctReviewers is off', () => {
    const r = transition(
      { ...base, status: 'in_review', level: 2, approvedBy: ['r1'] },
      'approve',
      reviewer('r1'),
      {
        ...opts,
        distinctReviewers: false,
      },
    );
    expect(r.ok).toBe(true);
  });

  it('a single-level unit publishes on the first approval', () => {
    const r = transition({ ...base, status: 'in_review', level: 1 }, 'approve', reviewer('r1'), {
      ...opts,
      levels: ['审核'],
    });
    expect(r.ok && r.item.status).toBe('published');
  });
});
