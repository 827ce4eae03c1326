// The interaction module's face (互动回应, issue 11): its registration (console routes, the daily reminders, the
// calendar hook) and what the portal may call — the published Q&A base, "先查一查" suggestions, a citizen's
// question, its answer by query code and the rating.
import { chinaDate } from '../../../domain/calendar';
import { onCalendarChange } from '../../platform/calendar/service';
import { registerJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { interactionRoutes } from './interaction.routes';
import { recomputeDueDates, remindDueConsultations } from './reminders';

// 考核评估.
export { consultRecordsForYear, ratingsForYear } from './assessment-reads';
export { consultationByCode, type PublicConsultation } from './consult-reads';
export { rateByCode } from './handling';
export { type Suggestion, suggest } from './matching';
export { publicEntries, publicTopics, publicUnits } from './public';
export { askOnPortal } from './registration';

export const interactionModule: BusinessModule = {
  name: 'interaction',
  routes: interactionRoutes,
  init() {
    registerJob({
      name: 'interaction.reminders',
      runKey: (now) => chinaDate(now),
      run: (database, now) => remindDueConsultations(database, chinaDate(now)),
    });
    onCalendarChange('interaction', (database, calendar) => recomputeDueDates(database, calendar));
  },
};
