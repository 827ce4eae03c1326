// The to-do centre's part of 信箱: letters waiting for a reply (by due date, overdue counted) for handlers, and
// replies waiting for review for reviewers, and consultation answers waiting for review — each within the user's
// data scope.
import type { CurrentUser } from '../../../contracts/api';
import { TODO_TOP, type TodoEntry, type TodoGroup, todoGroup } from '../../../contracts/todo';
import { isOverdue } from '../../../domain/interaction/consultation';
import { letterOverdue } from '../../../domain/interaction/letter';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/context';
import { today } from './clock';
import { consultPage } from './repo/consultations';
import { type LetterFilter, type LetterRow, letterPage } from './repo/letters';

type TodoUser = Pick<CurrentUser, 'dataScope' | 'unitId' | 'permissions'>;

export const LETTERS_LINK = '/interaction/letters';
export const CONSULTATIONS_LINK = '/interaction/consultations';

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
  if (user.permissions.includes('interaction:consult:review')) {
    const r = await consultPage(database.db, user, { reviewing: true, page: 1, pageSize: TODO_TOP }, asOf);
    const items = r.rows.map(({ c }) => ({
      id: c.id,
      title: `${c.consultNo} ${c.question}`.slice(0, 80),
      due: c.answerDue,
      overdue: isOverdue(c.status, c.answerDue, asOf),
      link: `${CONSULTATIONS_LINK}/${c.id}`,
    }));
    groups.push(todoGroup('interaction.consultReview', CONSULTATIONS_LINK, r.total, items));
  }
  return groups;
}
