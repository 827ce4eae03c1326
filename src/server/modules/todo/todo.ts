// The to-do centre (待办): what waits for the user, gathered from each module's face in the contract's kind order.
// A kind the user has no permission for is absent; an empty kind the user could act on shows with 0.
import { TODO_KINDS, type TodoGroup } from '../../../contracts/todo';
import { chinaDate } from '../../../domain/calendar';
import type { Platform, SessionUser } from '../../platform/context';
import { disclosureTodo } from '../disclosure';
import { commitmentsTodo, interactionTodo } from '../interaction';
import { requestsTodo } from '../requests';
import { tasksTodo } from '../tasks';

export async function myTodo(
  p: Platform,
  user: SessionUser,
): Promise<{ total: number; groups: TodoGroup[] }> {
  const today = chinaDate(p.clock.now());
  const parts = await Promise.all([
    requestsTodo(p.database, p.clock, user),
    disclosureTodo(p, user),
    tasksTodo(p.database, user, today),
    commitmentsTodo(p.database, p.clock, user),
    interactionTodo(p.database, p.clock, user),
  ]);
  const groups = parts.flat().sort((a, b) => TODO_KINDS.indexOf(a.kind) - TODO_KINDS.indexOf(b.kind));
  return { total: groups.reduce((n, g) => n + g.count, 0), groups };
}
