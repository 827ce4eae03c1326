// The to-do centre's part of 信息发布: the items waiting for this reviewer now (the review inbox's rule) and the
// items returned to their authors, with each item's Art. 26 deadline (20 working days from forming).
import { TODO_TOP, type TodoEntry, type TodoGroup, todoGroup } from '../../../contracts/todo';
import type { Platform } from '../../platform/context';
import { listItems } from './reads';
import type { StaffUser } from './scope';

export async function disclosureTodo(p: Platform, user: StaffUser): Promise<TodoGroup[]> {
  const list = async (q: { inbox?: '1'; status?: string }) => {
    const r = await listItems(p, user, { page: 1, pageSize: TODO_TOP, ...q });
    const items: TodoEntry[] = r.items.map((i) => ({
      id: i.id,
      title: i.title,
      due: i.timeliness?.deadline ?? null,
      overdue: i.timeliness?.status === 'overdue',
      link: `/disclosure/items/${i.id}`,
    }));
    return { total: r.total, items };
  };
  const groups: TodoGroup[] = [];
  if (user.permissions.includes('disclosure:review:approve')) {
    const inbox = await list({ inbox: '1' });
    groups.push(todoGroup('disclosure.review', '/disclosure/inbox', inbox.total, inbox.items));
  }
  if (user.permissions.includes('disclosure:item:update')) {
    const returned = await list({ status: 'returned' });
    groups.push(todoGroup('disclosure.returned', '/disclosure/items', returned.total, returned.items));
  }
  return groups;
}
