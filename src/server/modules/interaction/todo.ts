// The to-do centre's part of 信箱: letters waiting for a reply (by due date, overdue counted) for handlers, and
// replies waiting for review for reviewers — each within the user's data scope.
import type { CurrentUser } from '../../../contracts/api';
import { TODO_TOP, type TodoEntry, type TodoGroup, todoGroup } from '../../../contracts/todo';
import { letterOverdue } from '../../../domain/interaction/letter';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/context';
import { today } from './clock';
import { type LetterFilter, type LetterRow, letterPage } from './repo/letters';

type TodoUser = Pick<CurrentUser, 'dataScope' | 'unitId' | 'permissions'>;

export const LETTERS_LINK = '/interaction/letters';

const entry = (l: LetterRow, asOf: string): TodoEntry => ({
  id: l.id,
  title: `${l.letterNo} ${l.subject}`.slice(0, 80),
  due: l.replyDue,
  overdue: letterOverdue(l.status, l.replyDue, asOf),
  link: `${LETTERS_LINK}?open=${l.id}`,
});

export async function interactionTodo(
  database: Database,
  clock: Clock,
  user: TodoUser,
): Promise<TodoGroup[]> {
  const asOf = today(clock);
  const page = async (f: LetterFilter) => {
    const r = await letterPage(database.db, user, { ...f, page: 1, pageSize: TODO_TOP }, asOf);
    return { total: r.total, items: r.rows.map((x) => entry(x.l, asOf)) };
  };
  const groups: TodoGroup[] = [];
  if (user.permissions.includes('interaction:letter:handle')) {
    const open = await page({ status: 'open' });
    const overdue = await page({ status: 'open', overdue: true });
    groups.push(todoGroup('interaction.letters', LETTERS_LINK, open.total, open.items, overdue.total));
  }
  if (user.permissions.includes('interaction:letter:review')) {
    const review = await page({ status: 'reviewing' });
    groups.push(todoGroup('interaction.letterReview', LETTERS_LINK, review.total, review.items));
  }
  return groups;
}
