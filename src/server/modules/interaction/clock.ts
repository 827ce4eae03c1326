// The answer clock's setting and today's date; the rule itself is domain/interaction/consultation.
import { chinaDate } from '../../../domain/calendar';
import { answerDue, DEFAULT_ANSWER_DAYS } from '../../../domain/interaction/consultation';
import type { Database, DbOrTx } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import type { Clock } from '../../platform/context';
import { getSetting } from '../../platform/settings';

/** Working days to answer (`interaction.answerDays`, default 5 per seed 001). */
export async function answerDays(db: Database | DbOrTx): Promise<number> {
  const v = await getSetting<number>(db, 'interaction.answerDays');
  return typeof v === 'number' && v > 0 ? v : DEFAULT_ANSWER_DAYS;
}

export const today = (clock: Clock) => chinaDate(clock.now());

/** The due date of a consultation received on `receivedOn`, on the platform calendar (inside a transaction: its tx). */
export async function dueFor(db: Database | DbOrTx, receivedOn: string): Promise<string> {
  return answerDue(await getCalendar(db), receivedOn, await answerDays('pool' in db ? db.db : db));
}
