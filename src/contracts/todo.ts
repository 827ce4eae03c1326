// Contracts of the to-do centre (待办): what waits for the signed-in user, by kind, with counts and deadlines. Every
// signed-in user reads their own; each module contributes the kinds its permissions allow (server: modules/todo).
import { z } from 'zod';
import { codesOf } from '../domain/codes';
import { endpoint } from './http';

/** Kinds in display order: unconfirmed online applications first (their legal clock waits for the confirmation). */
export const TODO_LABELS = {
  'requests.unconfirmed': '待确认的网上申请',
  'requests.due': '临近答复期限的申请',
  'requests.extension': '待审批的延期答复',
  'disclosure.review': '待我审核的公开信息',
  'disclosure.returned': '被退回待修改的公开信息',
  'tasks.due': '临期和逾期的任务',
  'tasks.leadReview': '待牵头审核的任务进展',
  'tasks.extension': '待审批的任务延期',
  'interaction.commitmentDue': '临期和逾期的公开承诺',
  'interaction.letters': '待答复的信箱来信',
  'interaction.letterReview': '待审核的来信答复',
  'interaction.consultReview': '待审核的政策咨询答复',
} as const;
export type TodoKind = keyof typeof TODO_LABELS;
export const TODO_KINDS = codesOf(TODO_LABELS);

export const todoEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Deadline (China date), when the thing has one. */
  due: z.string().nullable(),
  overdue: z.boolean(),
  /** Console path of the thing itself. */
  link: z.string(),
});
export type TodoEntry = z.output<typeof todoEntrySchema>;

export const todoGroupSchema = z.object({
  kind: z.enum(TODO_KINDS),
  label: z.string(),
  count: z.number().int(),
  overdue: z.number().int(),
  /** Console path of the full list. */
  link: z.string(),
  /** The most urgent few. */
  items: z.array(todoEntrySchema),
});
export type TodoGroup = z.output<typeof todoGroupSchema>;

export const todoSchema = z.object({ total: z.number().int(), groups: z.array(todoGroupSchema) });

export const todoApi = {
  mine: endpoint({
    method: 'get',
    path: '/api/todo',
    tag: '待办',
    summary: '我的待办（按类别计数，附最紧急的几条）',
    response: todoSchema,
  }),
};

/** One group as the modules build it (the label from the kind). */
export function todoGroup(
  kind: TodoKind,
  link: string,
  count: number,
  items: TodoEntry[],
  overdue = items.filter((i) => i.overdue).length,
): TodoGroup {
  return { kind, label: TODO_LABELS[kind], count, overdue, link, items };
}

/** How many of a group's most urgent entries are listed. */
export const TODO_TOP = 5;
