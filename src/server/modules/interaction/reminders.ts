// Daily reminders in the bell for the handlers of the unit holding a consultation: due within 2 working days or
// passed. Idempotent through dedupe keys. A changed calendar moves the due dates of open consultations.

import type { WorkingDayCalendar } from '../../../domain/calendar';
import { answerDue, reminderOf } from '../../../domain/interaction/consultation';
import type { Database } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import { dueBellTitle, ringUnitHandlers } from '../org';
import { answerDays } from './clock';
import { openConsultations, updateConsultation } from './repo/consultations';

export async function remindDueConsultations(database: Database, asOf: string): Promise<{ sent: number }> {
  const cal = await getCalendar(database);
  return ringUnitHandlers(
    database,
    'interaction:consult:handle',
    await openConsultations(database.db),
    (c) => {
      const left = c.answerDue >= asOf ? cal.countWorkingDays(asOf, c.answerDue).count : 0;
      const kind = reminderOf(c.answerDue, asOf, left);
      if (!kind) return null;
      return {
        title: dueBellTitle(kind === 'overdue', `政策咨询 ${c.consultNo}`, '答复期限', c.answerDue),
        body: kind === 'overdue' ? '请尽快答复；逾期答复将记入台账' : `还剩 ${left} 个工作日`,
        link: `/admin/interaction/consultations/${c.id}`,
        dedupeKey: `interaction.${kind}:${c.id}:${c.answerDue}`,
      };
    },
  );
}

/** After an office edit of the calendar: the due dates of open consultations, counted again from receipt. */
export async function recomputeDueDates(database: Database, cal: WorkingDayCalendar): Promise<void> {
  const days = await answerDays(database.db);
  for (const c of await openConsultations(database.db)) {
    const due = answerDue(cal, c.receivedOn, days);
    if (due !== c.answerDue) await updateConsultation(database.db, c.id, { answerDue: due });
  }
}
