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

/** The due date of a consultation received on `receivedOn`, on the platform calendar. */
export async function dueFor(database: Database, receivedOn: string): Promise<string> {
  return answerDue(await getCalendar(database), receivedOn, await answerDays(database.db));
}
